#pragma once
// IncidentListModel: the incident tickets as a table — one row per ticket, most recently
// updated first as the database lists them, merged by id on every refresh so the analyst's
// selection survives live updates. The SLA column counts down: a timer (every 30 s) re-emits
// it, and breached open tickets carry SlaBreachedRole (the view paints them). GUI thread only;
// IncidentService is the only writer. IncidentFilterModel filters and sorts it.
#include "cases/incident_store.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <functional>
#include <vector>

class QTimer;

namespace vigie::models {

class IncidentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,       // "#42"
        SeverityColumn, // translated severity
        TitleColumn,
        StateColumn,    // translated state
        TierColumn,     // "L1", "L2", "L3"
        AssigneeColumn, // empty when unassigned ("Unassigned" in italics... display text)
        SlaColumn,      // "2 h 05 min left", "breached 35 min ago", "—" once closed
        AlertsColumn,   // number of linked alerts
        UpdatedColumn,  // local time
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        SeverityRole,              // int: 0 low, 1 medium, 2 high, 3 critical
        StateRole,                 // QString: the state's key (new, triage, …)
        TierRole,                  // QString: l1, l2, l3
        AssigneeRole,              // QString: empty when unassigned
        SlaDueRole,                // QDateTime (UTC)
        SlaBreachedRole,           // bool: open and past its SLA due time
        OpenRole,                  // bool: cases::isOpenState
        VersionRole,               // int
        SortRole,                  // the column's value to sort by (numbers, times, keys)
        SearchTextRole,            // QString: id, title, description, assignee, tags (lower case)
    };

    explicit IncidentListModel(QObject* parent = nullptr);

    // For tests: the clock the SLA column reads (QDateTime::currentDateTimeUtc by default).
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

    // The ticket at `row`; nullptr when out of range.
    const cases::IncidentListing* listing(int row) const;
    // -1 when no ticket has that id.
    int rowOfId(qint64 id) const;
    // Open tickets past their SLA.
    int breachedCount() const;

    // For IncidentService: the list as the database now has it, in its order.
    void mergeListings(const std::vector<cases::IncidentListing>& listings);

    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<cases::IncidentListing> rows_;
    std::function<QDateTime()> clock_;
    QTimer* tick_;
};

} // namespace vigie::models
