#pragma once
// ProgressStrip: the band under the events table that the import and export strips share — the
// file name in bold, a progress bar, a detail line (amount and rate) and Cancel while the work
// runs; then a summary (red on a problem) and a close button in their place until the analyst
// closes it. It follows no job and holds no text: the subclass follows its job and sets every
// text (its translations are keyed by its class). GUI thread.
#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace vigie::widgets {

class ProgressStrip : public QFrame {
    Q_OBJECT
public:
    int progressPercent() const; // -1 while the bar is busy
    QString fileText() const;
    QString detailText() const;
    QString summaryText() const; // empty while the work runs
    bool isProblemShown() const { return problem_; }
    QPushButton* cancelButton() const { return cancel_; }

protected:
    // `name` prefixes the object names (`export`: exportStrip, exportFile, exportProgress,
    // exportDetail, exportCancel, exportSummary, exportClose). The strip starts hidden.
    ProgressStrip(const QString& name, QWidget* parent);

    // A widget after the detail while the work runs, hidden with the others by showOutcome();
    // its visibility is the subclass's otherwise.
    void addProgressWidget(QWidget* widget);
    // A widget before the close button, hidden by begin(); showOutcome() leaves it to the subclass.
    void addOutcomeWidget(QWidget* widget);

    // Shows the file at `path` (its name; `toolTip` over it), the bar at zero, no detail, Cancel.
    void begin(const QString& path, const QString& toolTip);
    // The bar at done/total, full when total is 0.
    void setFraction(quint64 done, quint64 total);
    void setBusy();
    void setDetail(const QString& text);
    // Puts `text` where the progress was, in red on a problem, and shows the strip.
    void showOutcome(const QString& text, bool problem);

    QProgressBar* progressBar() const { return bar_; }
    QToolButton* closeButton() const { return close_; }

    void changeEvent(QEvent* event) override;
    virtual void retranslate() = 0;

private:
    QLabel* file_;
    QProgressBar* bar_;
    QLabel* detail_;
    QPushButton* cancel_;
    QLabel* summary_;
    QToolButton* close_;
    QList<QWidget*> progressWidgets_;
    QList<QWidget*> outcomeWidgets_;
    bool problem_ = false;
};

} // namespace vigie::widgets
