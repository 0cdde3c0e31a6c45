#pragma once
// IngestStatusBar: the main window's status bar — events received and stored per second,
// totals, parse errors, drops, and the database state with a coloured dot. Reads an
// EngineStatus (sampled once a second) and builds its text only when that changes. A click on
// the totals asks for the per-source counters (detailsRequested). GUI thread.
#include <QStatusBar>

class QLabel;

namespace vigie::models {
class EngineStatus;
}

namespace vigie::widgets {

class IngestStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit IngestStatusBar(models::EngineStatus* status, QWidget* parent = nullptr);

    // The texts as shown, for tests and accessibility.
    QString databaseText() const;
    QString ratesText() const;
    QString totalsText() const;

Q_SIGNALS:
    // The analyst clicked the totals: show the Ingest status panel.
    void detailsRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();

    models::EngineStatus* status_;
    QLabel* rates_;
    QLabel* totals_;
    QLabel* problems_;
    QLabel* databaseDot_;
    QLabel* database_;
};

} // namespace vigie::widgets
