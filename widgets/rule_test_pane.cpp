// RuleTestPane and RuleTestStrip (rule_test_pane.h). GUI thread.
#include "rule_test_pane.h"

#include "detect/rule_texts.h"
#include "rule_editor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigie::widgets {
RuleTestStrip::RuleTestStrip(QWidget* parent) : ProgressStrip(QStringLiteral("ruleTest"), parent)
{
    connect(cancelButton(), &QPushButton::clicked, this, [this] {
        if (job_)
            job_->cancel();
        cancelButton()->setEnabled(false);
    });
    retranslate();
}

void RuleTestStrip::follow(models::RetroHuntJob* job, int hours)
{
    job_ = job;
    hours_ = hours;
    begin(tr("Testing the rule"),
          tr("The rule runs over the stored events of the last %n hour(s)", nullptr, hours));
    connect(job, &models::RetroHuntJob::progress, this,
            [this](double fraction, quint64 events, quint64 hits, double) {
                setFraction(static_cast<quint64>(fraction * 1000), 1000);
                const QLocale locale;
                setDetail(
                    tr("%1 events read · %2 hit(s)").arg(locale.toString(events), locale.toString(hits)));
            });
    connect(job, &models::RetroHuntJob::finished, this, &RuleTestStrip::onFinished);
    show();
}

void RuleTestStrip::onFinished(const models::RetroHuntSummary& summary)
{
    showOutcome(RuleTestPane::resultSentence(summary, hours_), !summary.error.isEmpty());
}

void RuleTestStrip::retranslate()
{
    cancelButton()->setText(tr("Cancel"));
    cancelButton()->setToolTip(tr("Stop the test; the hits found so far are shown"));
    closeButton()->setToolTip(tr("Close"));
}

RuleTestPane::RuleTestPane(RuleEditor* editor, QWidget* parent)
    : QWidget(parent), editor_(editor), label_(new QLabel(this)), hours_(new QSpinBox(this)),
      run_(new QPushButton(this)), strip_(new RuleTestStrip(this)), hits_(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("ruleTestPane"));
    hours_->setObjectName(QStringLiteral("ruleTestHours"));
    run_->setObjectName(QStringLiteral("ruleTestRun"));
    hits_->setObjectName(QStringLiteral("ruleTestHits"));
    hours_->setRange(1, 720);
    hours_->setValue(24);
    label_->setBuddy(hours_);
    run_->setAutoDefault(false);
    hits_->setRootIsDecorated(false);
    hits_->setUniformRowHeights(true);
    hits_->setColumnCount(6);
    hits_->header()->setStretchLastSection(false);
    hits_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    hits_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    hits_->setMaximumHeight(hits_->fontMetrics().height() * 7);
    hits_->hide();

    auto* row = new QHBoxLayout;
    row->addWidget(label_);
    row->addWidget(hours_);
    row->addWidget(run_);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(strip_);
    layout->addWidget(hits_);

    connect(run_, &QPushButton::clicked, this, &RuleTestPane::run);
    connect(editor_, &RuleEditor::checked, this, &RuleTestPane::updateRun);
    connect(editor_, &RuleEditor::validityChanged, this, &RuleTestPane::updateRun);
    retranslate();
    updateRun();
}

RuleTestPane::~RuleTestPane()
{
    delete job_; // cancels the hunt and waits for it
}

void RuleTestPane::setConnInfo(const QString& conninfo)
{
    conninfo_ = conninfo;
    updateRun();
}

bool RuleTestPane::run()
{
    if (job_ || conninfo_.isEmpty() || !editor_->isValid() || editor_->isCheckPending())
        return false;
    const int hours = hours_->value();
    const QDateTime to = QDateTime::currentDateTimeUtc();
    // The text as it stands now, compiled afresh on the hunt's thread.
    const std::string yaml = editor_->text().toStdString();
    auto factory = [yaml](store::PgConnection&) { return detect::detectionFromTexts({detect::RuleText{"editor", yaml}}); };
    job_ = new models::RetroHuntJob(conninfo_, to.addSecs(-3600LL * hours), to, factory, true, this);
    connect(job_, &models::RetroHuntJob::finished, this, &RuleTestPane::onFinished);
    strip_->follow(job_, hours);
    hits_->clear();
    hits_->hide();
    job_->start();
    updateRun();
    return true;
}

QString RuleTestPane::resultSentence(const models::RetroHuntSummary& summary, int hours)
{
    if (!summary.error.isEmpty())
        return tr("The test failed: %1").arg(summary.error);
    const QLocale locale;
    if (summary.cancelled)
        return tr("Cancelled after %1 events read: %2 hit(s) until then.")
            .arg(locale.toString(summary.events), locale.toString(summary.hits));
    return tr("%1 hit(s) in the last %Ln hour(s) (%2 alert(s))", nullptr, hours)
        .arg(locale.toString(summary.hits), locale.toString(summary.alerts));
}

void RuleTestPane::onFinished(const models::RetroHuntSummary& summary)
{
    summary_ = summary;
    job_->deleteLater();
    job_ = nullptr;
    const QLocale locale;
    hits_->clear();
    for (const models::RetroHuntRuleHits& rule : summary.rules) {
        auto* item = new QTreeWidgetItem(hits_);
        item->setText(0, rule.title);
        item->setText(1, rule.ruleId);
        item->setText(2, locale.toString(rule.hits));
        item->setText(3, locale.toString(rule.alerts));
        item->setText(4, locale.toString(rule.first.toLocalTime(), QLocale::ShortFormat));
        item->setText(5, locale.toString(rule.last.toLocalTime(), QLocale::ShortFormat));
        for (int column : {2, 3})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, rule.title);
    }
    hits_->setVisible(!summary.rules.isEmpty());
    updateRun();
    Q_EMIT testFinished(summary);
}

void RuleTestPane::updateRun()
{
    run_->setEnabled(!job_ && !conninfo_.isEmpty() && editor_->isValid() && !editor_->isCheckPending());
    hours_->setEnabled(!job_);
}

void RuleTestPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RuleTestPane::retranslate()
{
    label_->setText(tr("&Test over the last"));
    hours_->setSuffix(tr(" h"));
    hours_->setToolTip(tr("Hours of stored events to run the rule over (1 to 720)"));
    run_->setText(tr("&Run Test"));
    run_->setToolTip(tr("Run the text being edited over the stored events; nothing is stored or raised"));
    hits_->setHeaderLabels({tr("Rule"), tr("Sigma id"), tr("Hits"), tr("Alerts"), tr("First"), tr("Last")});
}

} // namespace vigie::widgets
