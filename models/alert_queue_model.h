#pragma once
// AlertQueueModel: the alert queue as a tree — alerts most severe first, then the latest, either
// flat or under one group row per detection rule or per host ("rule title — N alerts, M events",
// the way TheHive and Elastic list them). A refresh is merged by alert id (rows removed, inserted
// and updated, a move as a layout change), so the analyst's selection and scroll survive the
// timer. GUI thread only; AlertQueueService is the only writer.
#include "alert_row.h"

#include <QAbstractItemModel>
#include <QHash>

namespace vigie::models {

class AlertQueueModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        LevelColumn,
        LastSeenColumn,
        RuleColumn,
        HostColumn,
        EntityColumn,
        CountColumn,
        StatusColumn,
        OriginColumn,      // live, found by a retro-hunt, or raised by an anomaly detector
        ExplanationColumn, // anomalies: why, in a sentence ("412 failed logins on web-01 in 10 min; …")
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64; 0 on a group row
        SeverityRole,              // int, AlertRow::Severity (a group: its most severe alert)
        GroupRole,                 // bool: a group row
        FirstSeenRole,             // QDateTime (UTC)
        LastSeenRole,              // QDateTime (UTC)
    };
    enum class Grouping { None, Rule, Host };

    explicit AlertQueueModel(QObject* parent = nullptr);

    Grouping grouping() const { return grouping_; }
    // Regroups the alerts held (a reset: group rows come and go wholesale).
    void setGrouping(Grouping grouping);

    // The alert an index stands for; nullptr on a group row or an invalid index.
    const AlertRow* alert(const QModelIndex& index) const;
    // The ids of the alert at `index`, or of every alert of the group row at `index`.
    QList<qint64> alertIds(const QModelIndex& index) const;
    // The index (column 0) of the alert with that id; invalid when it is not listed.
    QModelIndex indexOfId(qint64 id) const;
    const AlertRows& alerts() const { return alerts_; }
    // Alerts listed that nobody has acknowledged yet.
    int newCount() const;

    // For AlertQueueService: the queue as the database now has it, in its order.
    void mergeAlerts(const AlertRows& alerts);

    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // A group row. `serial` is its stable internal id: positions change, serials do not, so the
    // indexes of children stay valid across merges.
    struct Group {
        quintptr serial = 0;
        QString key;
        QList<qint64> ids; // in queue order
    };

    QString groupKey(const AlertRow& row) const;
    // The groups (or, ungrouped, the one implicit group) `alerts` make, in queue order, reusing
    // the serials of `groups_` for the keys they had.
    QList<Group> groupsOf(const AlertRows& alerts);
    // -1 when no group has that serial.
    int groupRowOfSerial(quintptr serial) const;
    // The top-level list when ungrouped, else the children of group row `groupRow`.
    QModelIndex parentOfGroup(int groupRow) const;
    QVariant alertData(const AlertRow& row, int column, int role) const;
    QVariant groupData(const Group& group, int column, int role) const;
    void emitAllChanged(const QModelIndex& parent);

    Grouping grouping_ = Grouping::None;
    AlertRows alerts_; // as the database ordered them
    QHash<qint64, AlertRow> byId_;
    // Ungrouped: one group (serial 0, never shown) holding the top-level rows.
    QList<Group> groups_;
    quintptr nextSerial_ = 1;
};

} // namespace vigie::models
