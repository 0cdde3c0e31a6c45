// NewIncidentDialog: the form of a ticket opened by hand. GUI thread.
#include "new_incident_dialog.h"

#include "incident_labels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::widgets {

using models::IncidentLabels;

NewIncidentDialog::NewIncidentDialog(const cases::Analyst& me, const std::vector<cases::Analyst>& analysts,
                                     QWidget* parent)
    : QDialog(parent), title_(new QLineEdit(this)), description_(new QPlainTextEdit(this)),
      severity_(new QComboBox(this)), priority_(new QSpinBox(this)), assignee_(new QComboBox(this)),
      tags_(new QLineEdit(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newIncidentDialog"));
    title_->setObjectName(QStringLiteral("newIncidentTitle"));
    description_->setObjectName(QStringLiteral("newIncidentDescription"));
    severity_->setObjectName(QStringLiteral("newIncidentSeverity"));
    priority_->setObjectName(QStringLiteral("newIncidentPriority"));
    assignee_->setObjectName(QStringLiteral("newIncidentAssignee"));
    tags_->setObjectName(QStringLiteral("newIncidentTags"));
    setWindowTitle(tr("New Incident"));

    title_->setPlaceholderText(tr("What happened, in a line: “Suspicious logins on bastion-01”"));
    title_->setMaxLength(200);
    description_->setPlaceholderText(tr("What was seen, where, since when; what is known so far"));
    description_->setTabChangesFocus(true);
    for (const QString& key : IncidentLabels::severityKeys())
        severity_->addItem(IncidentLabels::severity(key), key);
    severity_->setCurrentIndex(severity_->findData(QStringLiteral("medium")));
    severity_->setToolTip(tr("The SLA due time follows from the severity"));
    priority_->setRange(1, 5);
    priority_->setValue(3);
    priority_->setToolTip(tr("1 is the most urgent, 5 the least"));
    // Unassigned first (a ticket opened for the queue), then me, then the others by name.
    assignee_->addItem(tr("Unassigned"), QString());
    const QString myName = QString::fromStdString(me.name);
    if (!myName.isEmpty())
        assignee_->addItem(tr("Me (%1)").arg(myName), myName);
    for (const cases::Analyst& analyst : analysts) {
        const QString name = QString::fromStdString(analyst.name);
        if (name != myName)
            assignee_->addItem(name, name);
    }
    tags_->setPlaceholderText(tr("T1110, T1078.003, credential_access"));
    tags_->setToolTip(tr("MITRE ATT&CK techniques or tactics, separated by commas"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), title_);
    form->addRow(tr("&Description:"), description_);
    form->addRow(tr("&Severity:"), severity_);
    form->addRow(tr("&Priority:"), priority_);
    form->addRow(tr("&Assignee:"), assignee_);
    form->addRow(tr("ATT&&CK &tags:"), tags_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons_);
    resize(560, 380);

    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    connect(title_, &QLineEdit::textChanged, this, &NewIncidentDialog::updateButton);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

cases::NewIncident NewIncidentDialog::incident() const
{
    cases::NewIncident incident;
    incident.title = title_->text().simplified().toStdString();
    incident.description = description_->toPlainText().trimmed().toStdString();
    incident.severity = severity_->currentData().toString().toStdString();
    incident.priority = priority_->value();
    const QString assignee = assignee_->currentData().toString();
    if (!assignee.isEmpty())
        incident.assignee = assignee.toStdString();
    incident.attack_tags = attackTags(tags_->text());
    return incident;
}

std::vector<std::string> NewIncidentDialog::attackTags(const QString& text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    std::vector<std::string> tags;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString tag = part.simplified().toLower().replace(spaces, QStringLiteral("_"));
        if (tag.isEmpty())
            continue;
        if (!tag.startsWith(QLatin1String("attack.")))
            tag.prepend(QLatin1String("attack."));
        std::string value = tag.toStdString();
        if (std::find(tags.begin(), tags.end(), value) == tags.end())
            tags.push_back(std::move(value));
    }
    return tags;
}

void NewIncidentDialog::updateButton()
{
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!title_->text().trimmed().isEmpty());
}

} // namespace vigie::widgets
