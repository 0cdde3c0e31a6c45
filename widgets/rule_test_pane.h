#pragma once
// RuleTestPane: "Test…" in the rule editor — runs the editor's current text (only it: not the
// stored rules) over the stored events of the last N hours (24 by default, 1 to 720) as a dry-run
// RetroHuntJob, so the analyst sees what a rule would raise before enabling it. While it runs a
// RuleTestStrip shows the share of the range covered, events read and hits, with Cancel; then
// "N hit(s) in the last H hour(s) (M alert(s))" and the hits per rule of the text (a correlation
// and its base rules each have a line). Nothing is stored. GUI thread; the hunt runs on a pool
// thread (RetroHuntJob).
#include "progress_strip.h"
#include "retro_hunt_job.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace vigie::widgets {

class RuleEditor;

// The test's progress, then its summary, in the shared strip look.
class RuleTestStrip : public ProgressStrip {
    Q_OBJECT
public:
    explicit RuleTestStrip(QWidget* parent = nullptr);
    void follow(models::RetroHuntJob* job, int hours);

private:
    void onFinished(const models::RetroHuntSummary& summary);
    void retranslate() override;

    QPointer<models::RetroHuntJob> job_;
    int hours_ = 0;
};

class RuleTestPane : public QWidget {
    Q_OBJECT
public:
    // Tests the text of `editor`; Run waits for a valid text and a database.
    explicit RuleTestPane(RuleEditor* editor, QWidget* parent = nullptr);
    ~RuleTestPane() override; // cancels a running test and waits for it

    void setConnInfo(const QString& conninfo);

    QSpinBox* hoursSpin() const { return hours_; }
    QPushButton* runButton() const { return run_; }
    RuleTestStrip* strip() const { return strip_; }
    QTreeWidget* hitsView() const { return hits_; }
    bool isRunning() const { return !job_.isNull(); }
    // The last finished test, if any (tests read it).
    const models::RetroHuntSummary& lastSummary() const { return summary_; }

    // "N hit(s) in the last H hour(s) (M alert(s))", as shown after a test.
    static QString resultSentence(const models::RetroHuntSummary& summary, int hours);

public Q_SLOTS:
    // Tests the editor's text now; false when it cannot (invalid text, no database, running).
    bool run();

Q_SIGNALS:
    void testFinished(const vigie::models::RetroHuntSummary& summary);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onFinished(const models::RetroHuntSummary& summary);
    void updateRun();
    void retranslate();

    RuleEditor* editor_;
    QLabel* label_;
    QSpinBox* hours_;
    QPushButton* run_;
    RuleTestStrip* strip_;
    QTreeWidget* hits_;
    QString conninfo_;
    QPointer<models::RetroHuntJob> job_;
    models::RetroHuntSummary summary_;
};

} // namespace vigie::widgets
