// ResolveDialog (resolve_dialog.h): resolution code and summary. GUI thread.
#include "resolve_dialog.h"

#include "incident_labels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::widgets {

using models::IncidentLabels;

ResolveDialog::ResolveDialog(const QString& ticketName, QWidget* parent)
    : QDialog(parent), ticketName_(ticketName), intro_(new QLabel(this)), codeLabel_(new QLabel(this)),
      code_(new QComboBox(this)), summaryLabel_(new QLabel(this)), summary_(new QPlainTextEdit(this)),
      resolve_(new QPushButton(this)), cancel_(new QPushButton(this))
{
    setObjectName(QStringLiteral("resolveDialog"));
    code_->setObjectName(QStringLiteral("resolutionCode"));
    summary_->setObjectName(QStringLiteral("resolutionSummary"));
    resolve_->setObjectName(QStringLiteral("resolveButton"));

    intro_->setWordWrap(true);
    intro_->setTextFormat(Qt::PlainText);
    // No code is preselected: the analyst must say what the incident turned out to be.
    code_->addItem(QString(), QString());
    for (const QString& key : IncidentLabels::resolutionCodes())
        code_->addItem(QString(), key);
    codeLabel_->setBuddy(code_);
    summaryLabel_->setBuddy(summary_);
    summary_->setTabChangesFocus(true);

    auto* form = new QFormLayout;
    form->addRow(codeLabel_, code_);
    form->addRow(summaryLabel_, summary_);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(resolve_, QDialogButtonBox::AcceptRole);
    buttons->addButton(cancel_, QDialogButtonBox::RejectRole);
    resolve_->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(code_, &QComboBox::currentIndexChanged, this, &ResolveDialog::updateValidity);
    connect(summary_, &QPlainTextEdit::textChanged, this, &ResolveDialog::updateValidity);

    retranslate();
    updateValidity();
    resize(520, 320);
}

QString ResolveDialog::code() const
{
    return code_->currentData().toString();
}

QString ResolveDialog::summary() const
{
    return summary_->toPlainText().trimmed();
}

void ResolveDialog::updateValidity()
{
    resolve_->setEnabled(!code().isEmpty() && !summary().isEmpty());
}

void ResolveDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ResolveDialog::retranslate()
{
    setWindowTitle(tr("Resolve Incident"));
    intro_->setText(tr("Resolve %1: say what it turned out to be and what was done.").arg(ticketName_));
    codeLabel_->setText(tr("Resolution &code:"));
    code_->setItemText(0, tr("Choose a resolution…"));
    for (int i = 1; i < code_->count(); ++i)
        code_->setItemText(i, IncidentLabels::resolutionCode(code_->itemData(i).toString()));
    summaryLabel_->setText(tr("&Summary:"));
    summary_->setPlaceholderText(tr("What was found, what was done, what remains to watch"));
    resolve_->setText(tr("&Resolve"));
    cancel_->setText(tr("Cancel"));
}

} // namespace vigie::widgets
