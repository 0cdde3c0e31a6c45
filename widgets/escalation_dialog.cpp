// EscalationDialog (escalation_dialog.h): the escalation form and its refusal. GUI thread.
#include "escalation_dialog.h"

#include "escalation_package_writer.h"
#include "incident_labels.h"
#include "incident_time.h"
#include "utf8_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

namespace vigie::widgets {
namespace {

using models::IncidentLabels;
using models::qstr;

const QString kLastTeamKey = QStringLiteral("incidents/lastTeam");
const char* const kMissingProperty = "vigieMissing";

// What an evidence item stands for.
enum EvidenceRole { KindRole = Qt::UserRole + 1, IdRole, TimeRole };
enum EvidenceKind { AlertEvidence, EventEvidence };

// The red outline of a missing field (type selector: the field's children keep their look).
void setMarked(QWidget* field, bool marked)
{
    field->setProperty(kMissingProperty, marked);
    field->setStyleSheet(marked ? QStringLiteral("%1 { border: 2px solid #c62828; border-radius: 3px; }")
                                      .arg(QString::fromLatin1(field->metaObject()->className()))
                                : QString());
}

QString oneLine(const std::string& text)
{
    return qstr(text).simplified();
}

} // namespace

EscalationDialog::EscalationDialog(const cases::IncidentTicket& ticket, QWidget* parent)
    : QDialog(parent), ticket_(ticket), intro_(new QLabel(this)), justification_(new QPlainTextEdit(this)),
      systems_(new QLineEdit(this)), data_(new QLineEdit(this)), users_(new QLineEdit(this)),
      actions_(new QPlainTextEdit(this)), evidence_(new QListWidget(this)), noEvidence_(new QLabel(this)),
      checkAll_(new QPushButton(this)), team_(new QComboBox(this)), directory_(new QLineEdit(this)),
      browse_(new QPushButton(this)), message_(new QLabel(this)), escalate_(new QPushButton(this)),
      cancel_(new QPushButton(this))
{
    setObjectName(QStringLiteral("escalationDialog"));
    justification_->setObjectName(QStringLiteral("escalationJustification"));
    systems_->setObjectName(QStringLiteral("escalationImpactSystems"));
    data_->setObjectName(QStringLiteral("escalationImpactData"));
    users_->setObjectName(QStringLiteral("escalationImpactUsers"));
    actions_->setObjectName(QStringLiteral("escalationActions"));
    evidence_->setObjectName(QStringLiteral("escalationEvidence"));
    team_->setObjectName(QStringLiteral("escalationTeam"));
    directory_->setObjectName(QStringLiteral("escalationDirectory"));
    message_->setObjectName(QStringLiteral("escalationMessage"));
    escalate_->setObjectName(QStringLiteral("escalateButton"));

    intro_->setWordWrap(true);
    intro_->setTextFormat(Qt::PlainText);
    for (QPlainTextEdit* edit : {justification_, actions_}) {
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    }

    // Evidence: the ticket's alerts (most recent first) then its events, none checked — the
    // analyst chooses what level 3 needs, and the package carries the raw lines of those.
    for (const auto& alert : ticket_.alerts) {
        auto* item = new QListWidgetItem(evidence_);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(KindRole, AlertEvidence);
        item->setData(IdRole, qint64(alert.id));
    }
    for (const auto& event : ticket_.events) {
        auto* item = new QListWidgetItem(evidence_);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(KindRole, EventEvidence);
        item->setData(IdRole, qint64(event.ref.id));
        item->setData(TimeRole, qint64(event.ref.ts.time_since_epoch().count()));
        item->setToolTip(qstr(event.raw));
    }
    evidence_->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    noEvidence_->setWordWrap(true);
    noEvidence_->setVisible(evidence_->count() == 0);
    checkAll_->setEnabled(evidence_->count() > 0);
    auto* evidenceBox = new QWidget(this);
    auto* evidenceLayout = new QVBoxLayout(evidenceBox);
    evidenceLayout->setContentsMargins(0, 0, 0, 0);
    evidenceLayout->addWidget(evidence_);
    evidenceLayout->addWidget(noEvidence_);
    auto* evidenceButtons = new QHBoxLayout;
    evidenceButtons->addWidget(checkAll_);
    evidenceButtons->addStretch();
    evidenceLayout->addLayout(evidenceButtons);

    // The receiving team: the last one used first, then the usual suggestions (translated).
    team_->setEditable(true);
    team_->setInsertPolicy(QComboBox::NoInsert);
    team_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    for (int i = 0; i < 3; ++i)
        team_->addItem(QString());
    const QString lastTeam = QSettings().value(kLastTeamKey).toString();
    team_->setCurrentIndex(-1);
    team_->setEditText(lastTeam);

    directory_->setText(EscalationPackageWriter::defaultDirectory());
    auto* folderBox = new QWidget(this);
    auto* folderLayout = new QHBoxLayout(folderBox);
    folderLayout->setContentsMargins(0, 0, 0, 0);
    folderLayout->addWidget(directory_, 1);
    folderLayout->addWidget(browse_);

    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setStyleSheet(QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));
    message_->hide();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const std::array<QWidget*, PartCount> rows{justification_, systems_,    data_, users_,
                                               actions_,       evidenceBox, team_, folderBox};
    for (int part = 0; part < PartCount; ++part) {
        labels_[part] = new QLabel(this);
        labels_[part]->setBuddy(field(Part(part)));
        form->addRow(labels_[part], rows[part]);
    }

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(escalate_, QDialogButtonBox::AcceptRole);
    buttons->addButton(cancel_, QDialogButtonBox::RejectRole);
    escalate_->setDefault(true);
    escalate_->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(form, 1);
    layout->addWidget(message_);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &EscalationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse_, &QPushButton::clicked, this, &EscalationDialog::browse);
    connect(checkAll_, &QPushButton::clicked, this, [this] {
        for (int row = 0; row < evidence_->count(); ++row)
            evidence_->item(row)->setCheckState(Qt::Checked);
    });
    for (QPlainTextEdit* edit : {justification_, actions_})
        connect(edit, &QPlainTextEdit::textChanged, this, &EscalationDialog::updateMarks);
    for (QLineEdit* edit : {systems_, data_, users_, directory_})
        connect(edit, &QLineEdit::textChanged, this, &EscalationDialog::updateMarks);
    connect(team_, &QComboBox::editTextChanged, this, &EscalationDialog::updateMarks);
    connect(evidence_, &QListWidget::itemChanged, this, &EscalationDialog::updateMarks);

    retranslate();
    resize(900, 760); // the evidence lines read whole
}

QWidget* EscalationDialog::field(Part part) const
{
    switch (part) {
    case Justification:
        return justification_;
    case Systems:
        return systems_;
    case Data:
        return data_;
    case Users:
        return users_;
    case Actions:
        return actions_;
    case Evidence:
        return evidence_;
    case Team:
        return team_;
    case Folder:
    case PartCount:
        break;
    }
    return directory_;
}

bool EscalationDialog::isFilled(Part part) const
{
    switch (part) {
    case Justification:
        return !justification_->toPlainText().trimmed().isEmpty();
    case Actions:
        return !actions_->toPlainText().trimmed().isEmpty();
    case Evidence:
        for (int row = 0; row < evidence_->count(); ++row) {
            if (evidence_->item(row)->checkState() == Qt::Checked)
                return true;
        }
        return false;
    case Team:
        return !team_->currentText().trimmed().isEmpty();
    default:
        return !static_cast<const QLineEdit*>(field(part))->text().trimmed().isEmpty();
    }
}

QString EscalationDialog::partName(Part part) const
{
    switch (part) {
    case Justification:
        return tr("justification");
    case Systems:
        return tr("impact on systems");
    case Data:
        return tr("impact on data");
    case Users:
        return tr("impact on users");
    case Actions:
        return tr("actions already taken");
    case Evidence:
        return tr("evidence (check at least one alert or event)");
    case Team:
        return tr("receiving team");
    case Folder:
    case PartCount:
        break;
    }
    return tr("package folder");
}

QStringList EscalationDialog::missingParts() const
{
    QStringList missing;
    for (int part = 0; part < PartCount; ++part) {
        if (!isFilled(Part(part)))
            missing << partName(Part(part));
    }
    return missing;
}

cases::EscalationRequest EscalationDialog::request() const
{
    cases::EscalationRequest request;
    request.justification = justification_->toPlainText().trimmed().toStdString();
    // One text for the three impacts, labelled in the analyst's language (the package's too).
    request.impact = tr("Systems: %1\nData: %2\nUsers: %3")
                         .arg(systems_->text().trimmed(), data_->text().trimmed(), users_->text().trimmed())
                         .toStdString();
    request.actions_taken = actions_->toPlainText().trimmed().toStdString();
    for (int row = 0; row < evidence_->count(); ++row) {
        const QListWidgetItem* item = evidence_->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        const qint64 id = item->data(IdRole).toLongLong();
        if (item->data(KindRole).toInt() == AlertEvidence) {
            request.evidence_alerts.push_back(id);
        } else {
            cases::EventRef ref;
            ref.id = id;
            ref.ts = Timestamp(std::chrono::microseconds(item->data(TimeRole).toLongLong()));
            request.evidence_events.push_back(ref);
        }
    }
    request.receiving_team = team_->currentText().trimmed().toStdString();
    return request;
}

QString EscalationDialog::packageDirectory() const
{
    return directory_->text().trimmed();
}

QString EscalationDialog::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

bool EscalationDialog::isMarked(const QWidget* field)
{
    return field->property(kMissingProperty).toBool();
}

void EscalationDialog::accept()
{
    if (!missingParts().isEmpty()) {
        refused_ = true;
        updateMarks();
        for (int part = 0; part < PartCount; ++part) {
            if (!isFilled(Part(part))) {
                field(Part(part))->setFocus(Qt::OtherFocusReason);
                break;
            }
        }
        return;
    }
    QSettings().setValue(kLastTeamKey, team_->currentText().trimmed());
    QDialog::accept();
}

void EscalationDialog::updateMarks()
{
    if (!refused_)
        return;
    for (int part = 0; part < PartCount; ++part) {
        const bool missing = !isFilled(Part(part));
        setMarked(field(Part(part)), missing);
        labels_[part]->setStyleSheet(missing ? QStringLiteral("QLabel { color: #c62828; font-weight: bold; }")
                                             : QString());
    }
    const QStringList missing = missingParts();
    message_->setText(missing.isEmpty() ? QString()
                                        : tr("Not escalated: level 3 needs every part. Missing: %1.")
                                              .arg(QLocale().createSeparatedList(missing)));
    message_->setVisible(!missing.isEmpty());
}

void EscalationDialog::browse()
{
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Escalation Package Folder"), packageDirectory());
    if (!chosen.isEmpty())
        directory_->setText(chosen);
}

void EscalationDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void EscalationDialog::retranslate()
{
    const auto& incident = ticket_.incident;
    setWindowTitle(tr("Escalate Incident #%1 to Level 3").arg(incident.id));
    intro_->setText(tr("#%1 %2 (%3) goes to level 3 with the escalation package: a PDF report and a JSON "
                       "file holding what you write here, the evidence you check with its raw lines, the "
                       "timeline and the comments. Every part is required.")
                        .arg(incident.id)
                        .arg(qstr(incident.title), IncidentLabels::severity(qstr(incident.severity))));
    const std::array<QString, PartCount> labels{tr("&Justification:"),         tr("Impact on &systems:"),
                                                tr("Impact on &data:"),        tr("Impact on &users:"),
                                                tr("&Actions already taken:"), tr("&Evidence:"),
                                                tr("Receiving &team:"),        tr("Package &folder:")};
    for (int part = 0; part < PartCount; ++part)
        labels_[part]->setText(labels[part]);
    justification_->setPlaceholderText(
        tr("Why level 2 cannot finish this: the scope, the skills or the authority it needs"));
    systems_->setPlaceholderText(tr("Hosts and services affected, or “none”"));
    data_->setPlaceholderText(tr("Data exposed, altered or at risk, or “none”"));
    users_->setPlaceholderText(tr("Accounts and people affected, or “none”"));
    actions_->setPlaceholderText(
        tr("What was already done: hosts isolated, addresses blocked, passwords reset…"));
    noEvidence_->setText(tr("This incident has no linked alerts or events: link the evidence first, from "
                            "the alert queue or the search results."));
    checkAll_->setText(tr("Check &All"));
    team_->setItemText(0, tr("Level 3 incident response"));
    team_->setItemText(1, tr("Digital forensics"));
    team_->setItemText(2, tr("Threat intelligence"));
    team_->lineEdit()->setPlaceholderText(tr("The team that takes the incident over"));
    browse_->setText(tr("&Browse…"));
    escalate_->setText(tr("&Escalate to L3"));
    cancel_->setText(tr("Cancel"));

    int row = 0;
    for (const auto& alert : ticket_.alerts) {
        QListWidgetItem* item = evidence_->item(row++);
        item->setText(tr("Alert #%1 · %2 · %3 on %4 · last seen %5")
                          .arg(alert.id)
                          .arg(IncidentLabels::severity(qstr(alert.level)), qstr(alert.rule_title),
                               qstr(alert.host), incidentTimeText(alert.last_ts)));
    }
    for (const auto& event : ticket_.events) {
        QListWidgetItem* item = evidence_->item(row++);
        const QString text = tr("Event · %1 · %2 · %3")
                                 .arg(incidentTimeText(event.ref.ts), qstr(event.host),
                                      event.stored ? oneLine(event.message) : tr("(removed by retention)"));
        item->setText(event.note.empty() ? text : tr("%1 — note: %2").arg(text, oneLine(event.note)));
    }
    updateMarks();
}

} // namespace vigie::widgets
