#pragma once
// DashboardListModel: the dashboards as the dashboard panel's tab bar shows them — one row per
// stored dashboard, in tab order, with its name, uid, shipped key, id and version. GUI thread
// only. DashboardService is the only writer: it calls the mutators when its worker answers.
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace vigie::models {

// One stored dashboard without its definition (store::DashboardSummary as Qt values).
struct DashboardEntry {
    qint64 id = 0;
    int position = 0;
    QString uid;
    QString name;
    QString builtin; // shipped key ("soc-overview"), empty for the analyst's own
    int version = 1;
    QDateTime updated; // UTC
    bool operator==(const DashboardEntry&) const = default;
};
using DashboardEntries = QList<DashboardEntry>;

// A name none of `entries` has: `base`, else "base (2)", "base (3)"… (duplicate, import copy).
QString uniqueDashboardName(const DashboardEntries& entries, const QString& base);

class DashboardListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        // Qt::DisplayRole: the name
        IdRole = Qt::UserRole + 1, // qint64
        UidRole,                   // QString
        BuiltinRole,               // QString, empty for the analyst's own
        VersionRole,               // int
    };

    explicit DashboardListModel(QObject* parent = nullptr);

    const DashboardEntry& entry(int row) const { return entries_.at(row); }
    const DashboardEntries& entries() const { return entries_; }
    // -1 when no row has it.
    int rowOfId(qint64 id) const;
    int rowOfUid(const QString& uid) const;
    int rowOfName(const QString& name) const;

    // Mutator for DashboardService: the rows as now stored. Rows whose entry did not change
    // are kept (dataChanged for the changed ones), so views keep their current tab.
    void resetEntries(const DashboardEntries& entries);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    DashboardEntries entries_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::DashboardEntry)
