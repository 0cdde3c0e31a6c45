#pragma once
// IngestStatusPanel: the dock with the per-source counters of the engine — every listener and
// every file import: received, parsed, parse errors, dropped, spooled, stored, lag, state —
// and a header line with the totals, the memory waiting to be parsed, the spool backlog and
// the database state. The numbers follow EngineStatus's once-a-second sample; problem counters
// that are not zero stand out. GUI thread.
#include <QDockWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace vigie::models {
class EngineStatus;
class IngestStatusModel;
} // namespace vigie::models

namespace vigie::widgets {

class IngestStatusPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit IngestStatusPanel(models::EngineStatus* status, QWidget* parent = nullptr);

    models::IngestStatusModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* view() const { return view_; }
    // The header line as shown, for tests.
    QString summaryText() const;
    // Selects the row of the source called `name` (an import that just finished).
    void selectSource(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshSummary();
    void retranslate();

    models::EngineStatus* status_;
    models::IngestStatusModel* model_;
    QSortFilterProxyModel* proxy_;
    QLabel* summary_;
    QTableView* view_;
};

} // namespace vigie::widgets
