#pragma once
// IncidentFilterModel: the incident list's filters — mine, unassigned, state, severity, tier,
// SLA breached and free text — over IncidentListModel, and its sorting (SortRole). Each filter
// narrows the list further; an empty set means "any". GUI thread.
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace vigie::models {

class IncidentFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit IncidentFilterModel(QObject* parent = nullptr);

    // Only tickets assigned to `analyst` (empty: any assignee).
    void setAssignee(const QString& analyst);
    void setUnassignedOnly(bool only);
    // State keys (new, triage, in_progress, escalated, resolved, closed, false_positive, merged).
    void setStates(const QSet<QString>& states);
    // The open states (cases::isOpenState): the default view of a ticketing tool.
    void setOpenOnly(bool only);
    // Severity keys (low, medium, high, critical).
    void setSeverities(const QSet<QString>& severities);
    // Tier keys (l1, l2, l3).
    void setTiers(const QSet<QString>& tiers);
    void setBreachedOnly(bool only);
    // Case-insensitive words, all of which must appear in the ticket's SearchTextRole; "#42" or
    // "42" also matches ticket 42.
    void setText(const QString& text);
    // Back to every ticket.
    void clearFilters();

    QString assignee() const { return assignee_; }
    bool unassignedOnly() const { return unassignedOnly_; }
    QSet<QString> states() const { return states_; }
    bool openOnly() const { return openOnly_; }
    QSet<QString> severities() const { return severities_; }
    QSet<QString> tiers() const { return tiers_; }
    bool breachedOnly() const { return breachedOnly_; }
    QString text() const { return text_; }

Q_SIGNALS:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void changed();

    QString assignee_;
    bool unassignedOnly_ = false;
    QSet<QString> states_;
    bool openOnly_ = false;
    QSet<QString> severities_;
    QSet<QString> tiers_;
    bool breachedOnly_ = false;
    QString text_;
};

} // namespace vigie::models
