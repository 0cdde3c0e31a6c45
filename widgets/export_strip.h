#pragma once
// ExportStrip: the band under the events table while the search results are exported — file
// name, progress bar (rows written of the count made up front; busy while counting), row count
// and rate, and Cancel; then one sentence saying how many events went to which file, or why the
// export failed, until the analyst closes it. Looks like the import strip; follows one
// EventExportJob at a time and does no work itself. GUI thread.
#include <QFrame>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace vigie::models {
class EventExportJob;
}

namespace vigie::widgets {

class ExportStrip : public QFrame {
    Q_OBJECT
public:
    explicit ExportStrip(QWidget* parent = nullptr);

    // Shows `job`'s progress and then its outcome.
    void follow(models::EventExportJob* job);

    int progressPercent() const; // -1 while the bar is busy (counting)
    QString fileText() const;
    QString detailText() const;
    QString summaryText() const; // empty while an export runs
    bool isProblemShown() const { return problem_; }
    QPushButton* cancelButton() const { return cancel_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void onProgress(quint64 rows, qint64 total, double seconds);
    void showOutcome(const QString& text, bool problem);
    void retranslate();

    QPointer<models::EventExportJob> job_;
    QLabel* file_;
    QProgressBar* bar_;
    QLabel* detail_;
    QPushButton* cancel_;
    QLabel* summary_;
    QToolButton* close_;
    bool counting_ = false;
    bool problem_ = false;
};

} // namespace vigie::widgets
