// RuleImportReportDialog (rule_import_report_dialog.h). GUI thread.
#include "rule_import_report_dialog.h"

#include "rule_row.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigie::widgets {

RuleImportReportDialog::RuleImportReportDialog(const models::RuleImportReport& report, QWidget* parent)
    : QDialog(parent), summary_(new QLabel(this)), explanation_(new QLabel(this)),
      details_(new QPlainTextEdit(this)), copy_(new QPushButton(this))
{
    setObjectName(QStringLiteral("ruleImportReport"));
    details_->setObjectName(QStringLiteral("ruleImportDetails"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Rule Import"));
    QFont bold = summary_->font();
    bold.setBold(true);
    summary_->setFont(bold);
    explanation_->setWordWrap(true);
    details_->setReadOnly(true);
    details_->setLineWrapMode(QPlainTextEdit::NoWrap);

    summary_->setText(tr("%n rule(s) imported and enabled.", nullptr, report.storedCount));
    const int notStored = static_cast<int>(report.files.size()) - report.storedCount;
    if (report.files.isEmpty()) {
        explanation_->setText(tr("No Sigma rule file (*.yml, *.yaml) was found there."));
    } else if (notStored > 0) {
        explanation_->setText(tr("%n file(s) not stored: %1 document(s) cannot run here. A file is stored "
                                 "only when all its documents can run:",
                                 nullptr, notStored)
                                  .arg(report.unsupportedCount));
    }
    explanation_->setVisible(!explanation_->text().isEmpty());
    details_->setPlainText(details(report));
    details_->setVisible(notStored > 0);

    copy_->setText(tr("&Copy Report"));
    copy_->setToolTip(tr("Copy the summary and every reason to the clipboard"));
    connect(copy_, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(summaryText() + QLatin1Char('\n') + explanation_->text() +
                                           QLatin1Char('\n') + detailsText());
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(copy_, QDialogButtonBox::ActionRole);
    copy_->setVisible(notStored > 0); // after addButton(), which shows it
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(explanation_);
    layout->addWidget(details_, 1);
    layout->addWidget(buttons);
    const int em = fontMetrics().averageCharWidth();
    resize(em * (notStored > 0 ? 100 : 60), fontMetrics().height() * (notStored > 0 ? 22 : 6));
}

QString RuleImportReportDialog::summaryText() const
{
    return summary_->text();
}

QString RuleImportReportDialog::detailsText() const
{
    return details_->isHidden() ? QString() : details_->toPlainText();
}

QString RuleImportReportDialog::details(const models::RuleImportReport& report)
{
    QStringList lines;
    for (const models::RuleImportFile& file : report.files) {
        if (file.id != 0)
            continue;
        lines << QDir::toNativeSeparators(file.path);
        bool listed = false;
        for (const models::RuleImportDocument& document : report.documents) {
            if (document.file != file.path || document.ok)
                continue;
            QString name = document.title.isEmpty() ? document.id : document.title;
            if (name.isEmpty())
                name = tr("(untitled)");
            lines << tr("    %1: %2").arg(name, document.reason);
            listed = true;
        }
        if (!listed && !file.whyNot.isEmpty())
            lines << QLatin1String("    ") + file.whyNot;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace vigie::widgets
