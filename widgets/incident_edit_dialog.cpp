// IncidentEditDialog (incident_edit_dialog.h): the ticket's editable fields. GUI thread.
#include "incident_edit_dialog.h"

#include "incident_labels.h"
#include "utf8_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigie::widgets {

using models::IncidentLabels;
using models::qstr;

IncidentEditDialog::IncidentEditDialog(const cases::Incident& incident, QWidget* parent)
    : QDialog(parent), incident_(incident), title_(new QLineEdit(this)),
      description_(new QPlainTextEdit(this)), severity_(new QComboBox(this)), priority_(new QSpinBox(this)),
      tags_(new QLineEdit(this)), tier_(new QComboBox(this)), save_(new QPushButton(this)),
      cancel_(new QPushButton(this))
{
    setObjectName(QStringLiteral("incidentEditDialog"));
    title_->setObjectName(QStringLiteral("incidentEditTitle"));
    severity_->setObjectName(QStringLiteral("incidentEditSeverity"));
    save_->setObjectName(QStringLiteral("incidentEditSave"));

    title_->setText(qstr(incident.title));
    description_->setPlainText(qstr(incident.description));
    description_->setTabChangesFocus(true);
    for (const QString& key : IncidentLabels::severityKeys())
        severity_->addItem(QString(), key);
    severity_->setCurrentIndex(severity_->findData(qstr(incident.severity)));
    priority_->setRange(1, 5);
    priority_->setValue(incident.priority);
    QStringList tags;
    for (const auto& tag : incident.attack_tags)
        tags << qstr(tag);
    tags_->setText(tags.join(QStringLiteral(", ")));
    // Level 3 is reached by escalating only; an escalated ticket's tier is not edited here.
    for (const char* tier : {"l1", "l2"})
        tier_->addItem(QString(), QString::fromLatin1(tier));
    tier_->setCurrentIndex(tier_->findData(qstr(incident.tier)));

    auto* form = new QFormLayout;
    for (QWidget* field :
         std::initializer_list<QWidget*>{title_, description_, severity_, priority_, tags_, tier_}) {
        auto* label = new QLabel(this);
        label->setBuddy(field);
        labels_ << label;
        form->addRow(label, field);
    }
    form->setRowVisible(tier_, tier_->currentIndex() >= 0);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(save_, QDialogButtonBox::AcceptRole);
    buttons->addButton(cancel_, QDialogButtonBox::RejectRole);
    save_->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(title_, &QLineEdit::textChanged, this,
            [this] { save_->setEnabled(!title_->text().trimmed().isEmpty()); });

    retranslate();
    resize(560, 420);
}

std::vector<std::string> IncidentEditDialog::tags() const
{
    std::vector<std::string> tags;
    for (const QString& tag : tags_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString trimmed = tag.trimmed(); !trimmed.isEmpty())
            tags.push_back(trimmed.toStdString());
    }
    return tags;
}

cases::IncidentChanges IncidentEditDialog::changes() const
{
    cases::IncidentChanges changes;
    if (const std::string title = title_->text().trimmed().toStdString(); title != incident_.title)
        changes.title = title;
    if (const std::string text = description_->toPlainText().toStdString(); text != incident_.description)
        changes.description = text;
    if (const std::string severity = severity_->currentData().toString().toStdString();
        severity != incident_.severity)
        changes.severity = severity;
    if (priority_->value() != incident_.priority)
        changes.priority = priority_->value();
    if (const auto tags = this->tags(); tags != incident_.attack_tags)
        changes.attack_tags = tags;
    if (tier_->currentIndex() >= 0) {
        if (const std::string tier = tier_->currentData().toString().toStdString(); tier != incident_.tier)
            changes.tier = tier;
    }
    return changes;
}

bool IncidentEditDialog::isUnchanged() const
{
    const auto c = changes();
    return !c.title && !c.description && !c.severity && !c.priority && !c.attack_tags && !c.tier;
}

void IncidentEditDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void IncidentEditDialog::retranslate()
{
    setWindowTitle(tr("Edit Incident #%1").arg(incident_.id));
    const QStringList texts{tr("&Title:"),    tr("&Description:"),  tr("&Severity:"),
                            tr("&Priority:"), tr("ATT&&CK &tags:"), tr("T&ier:")};
    for (int i = 0; i < labels_.size(); ++i)
        labels_[i]->setText(texts.value(i));
    for (int i = 0; i < severity_->count(); ++i)
        severity_->setItemText(i, IncidentLabels::severity(severity_->itemData(i).toString()));
    for (int i = 0; i < tier_->count(); ++i)
        tier_->setItemText(i, IncidentLabels::tier(tier_->itemData(i).toString()));
    priority_->setToolTip(tr("1 is the most urgent, 5 the least"));
    tags_->setPlaceholderText(tr("e.g. attack.t1110, attack.credential_access"));
    save_->setText(tr("&Save"));
    cancel_->setText(tr("Cancel"));
}

} // namespace vigie::widgets
