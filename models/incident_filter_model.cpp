// IncidentFilterModel: which tickets the list shows, and in what order. GUI thread.
#include "incident_filter_model.h"

#include "incident_labels.h"
#include "incident_list_model.h"

#include <QRegularExpression>

#include <algorithm>

namespace vigie::models {
namespace {

using Model = IncidentListModel;

// True when `word` names ticket `id` ("42" or "#42"): an analyst quoting a ticket number.
bool namesTicket(const QString& word, qint64 id)
{
    static const QRegularExpression number(QStringLiteral("^#?(\\d+)$"));
    const QRegularExpressionMatch match = number.match(word);
    return match.hasMatch() && match.captured(1).toLongLong() == id;
}

} // namespace

IncidentFilterModel::IncidentFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(Model::SortRole);
    // Live updates re-filter and re-sort the rows they touch.
    setDynamicSortFilter(true);
}

void IncidentFilterModel::setAssignee(const QString& analyst)
{
    if (analyst == assignee_)
        return;
    assignee_ = analyst;
    changed();
}

void IncidentFilterModel::setUnassignedOnly(bool only)
{
    if (only == unassignedOnly_)
        return;
    unassignedOnly_ = only;
    changed();
}

void IncidentFilterModel::setStates(const QSet<QString>& states)
{
    if (states == states_)
        return;
    states_ = states;
    changed();
}

void IncidentFilterModel::setOpenOnly(bool only)
{
    if (only == openOnly_)
        return;
    openOnly_ = only;
    changed();
}

void IncidentFilterModel::setSeverities(const QSet<QString>& severities)
{
    if (severities == severities_)
        return;
    severities_ = severities;
    changed();
}

void IncidentFilterModel::setTiers(const QSet<QString>& tiers)
{
    if (tiers == tiers_)
        return;
    tiers_ = tiers;
    changed();
}

void IncidentFilterModel::setBreachedOnly(bool only)
{
    if (only == breachedOnly_)
        return;
    breachedOnly_ = only;
    changed();
}

void IncidentFilterModel::setText(const QString& text)
{
    if (text == text_)
        return;
    text_ = text;
    changed();
}

void IncidentFilterModel::clearFilters()
{
    assignee_.clear();
    unassignedOnly_ = false;
    states_.clear();
    openOnly_ = false;
    severities_.clear();
    tiers_.clear();
    breachedOnly_ = false;
    text_.clear();
    changed();
}

void IncidentFilterModel::changed()
{
    invalidateFilter();
    Q_EMIT filtersChanged();
}

bool IncidentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto value = [&index](int role) { return index.data(role); };
    const QString assignee = value(Model::AssigneeRole).toString();
    if (!assignee_.isEmpty() && assignee != assignee_)
        return false;
    if (unassignedOnly_ && !assignee.isEmpty())
        return false;
    const QString state = value(Model::StateRole).toString();
    if (!states_.isEmpty() && !states_.contains(state))
        return false;
    if (openOnly_ && !value(Model::OpenRole).toBool())
        return false;
    if (!severities_.isEmpty()) {
        // SeverityRole is the rank in severityKeys() (low 0 … critical 3).
        const QString key = IncidentLabels::severityKeys().value(value(Model::SeverityRole).toInt());
        if (!severities_.contains(key))
            return false;
    }
    if (!tiers_.isEmpty() && !tiers_.contains(value(Model::TierRole).toString()))
        return false;
    if (breachedOnly_ && !value(Model::SlaBreachedRole).toBool())
        return false;
    const QStringList words = text_.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return true;
    const qint64 id = value(Model::IdRole).toLongLong();
    // The text after the leading "#<id> ": the id itself only matches a word naming it exactly,
    // so "#42" does not find #421.
    const QString text = value(Model::SearchTextRole).toString().mid(QStringLiteral("#%1 ").arg(id).size());
    return std::all_of(words.cbegin(), words.cend(),
                       [&](const QString& word) { return namesTicket(word, id) || text.contains(word); });
}

bool IncidentFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const QVariant a = left.data(Model::SortRole);
    const QVariant b = right.data(Model::SortRole);
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    // Ties (same severity, same state…): the newest ticket first, whatever the direction, so
    // the order never depends on the list's previous one.
    const qint64 idA = left.data(Model::IdRole).toLongLong();
    const qint64 idB = right.data(Model::IdRole).toLongLong();
    return sortOrder() == Qt::AscendingOrder ? idA > idB : idA < idB;
}

} // namespace vigie::models
