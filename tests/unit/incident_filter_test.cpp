// The incident list as the analyst filters and sorts it, with a fixed clock: every filter of the
// filter bar (mine, unassigned, states, open only, severity, tier, SLA breached, text with "#42"),
// sorting by severity and by SLA urgency, the SLA countdown texts (and a ticket crossing its due
// time while the list is shown), and a refresh merged by id keeping the selection. Models only
// (QtCore): no display, no database.
#include "support/qt_core_environment.h"

#include "incident_filter_model.h"
#include "incident_labels.h"
#include "incident_list_model.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <chrono>

using namespace vigie;
using models::IncidentFilterModel;
using models::IncidentLabels;
using models::IncidentListModel;

namespace {

::testing::Environment* const qtEnvironment =
    ::testing::AddGlobalTestEnvironment(new test::QtCoreEnvironment);

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2025-03-10T12:00:00Z"), Qt::ISODate);

Timestamp at(const QDateTime& time)
{
    return Timestamp(std::chrono::milliseconds(time.toMSecsSinceEpoch()));
}

cases::IncidentListing ticket(qint64 id, const char* title, const char* severity, const char* state,
                              const char* tier, std::optional<std::string> assignee, qint64 slaSecondsFromNow)
{
    cases::IncidentListing listing;
    cases::Incident& incident = listing.incident;
    incident.id = id;
    incident.title = title;
    incident.severity = severity;
    incident.state = state;
    incident.tier = tier;
    incident.assignee = std::move(assignee);
    incident.sla_due = at(kNow.addSecs(slaSecondsFromNow));
    incident.updated_at = at(kNow.addSecs(-id));
    return listing;
}

// Six tickets covering every filter; listed most recently updated first, as the database does.
std::vector<cases::IncidentListing> sampleTickets()
{
    auto ransomware =
        ticket(42, "Ransomware on FS-01", "critical", "in_progress", "l2", "alice", 2 * 3600 + 5 * 60);
    ransomware.incident.description = "Encrypted shares on the file server";
    ransomware.incident.attack_tags = {"attack.t1486"};
    ransomware.alert_count = 3;
    auto merged = ticket(10, "Duplicate of the ransomware", "medium", "merged", "l1", std::nullopt, -600);
    merged.incident.merged_into = 42;
    return {
        ransomware,
        ticket(421, "Phishing wave", "medium", "new", "l1", std::nullopt, -35 * 60),
        ticket(7, "Odd DNS lookups", "low", "resolved", "l1", "bob", -3 * 86400),
        ticket(8, "Admin login at night", "high", "escalated", "l3", "carol", -(2 * 86400 + 3 * 3600)),
        ticket(9, "Port scan from the guest Wi-Fi", "high", "triage", "l1", "alice", 45 * 60),
        merged,
    };
}

class IncidentFilterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        list.setClock([this] { return now; });
        list.mergeListings(sampleTickets());
        filter.setSourceModel(&list);
    }

    // The ids the filter shows, top to bottom.
    QList<qint64> shown() const
    {
        QList<qint64> ids;
        for (int row = 0; row < filter.rowCount(); ++row)
            ids.append(filter.index(row, 0).data(IncidentListModel::IdRole).toLongLong());
        return ids;
    }

    QString slaText(qint64 id) const
    {
        return list.index(list.rowOfId(id), IncidentListModel::SlaColumn).data().toString();
    }

    QDateTime now = kNow;
    IncidentListModel list;
    QAbstractItemModelTester listTester{&list, QAbstractItemModelTester::FailureReportingMode::Fatal};
    IncidentFilterModel filter;
    QAbstractItemModelTester filterTester{&filter, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(IncidentFilterTest, EachFilterNarrowsTheList)
{
    EXPECT_EQ(shown(), (QList<qint64>{42, 421, 7, 8, 9, 10}));

    filter.setAssignee(QStringLiteral("alice")); // "My incidents" for alice
    EXPECT_EQ(shown(), (QList<qint64>{42, 9}));
    filter.clearFilters();

    filter.setUnassignedOnly(true);
    EXPECT_EQ(shown(), (QList<qint64>{421, 10}));
    filter.clearFilters();

    filter.setStates({QStringLiteral("resolved"), QStringLiteral("merged")});
    EXPECT_EQ(shown(), (QList<qint64>{7, 10}));
    filter.clearFilters();

    filter.setOpenOnly(true);
    EXPECT_EQ(shown(), (QList<qint64>{42, 421, 8, 9}));
    filter.clearFilters();

    filter.setSeverities({QStringLiteral("high")});
    EXPECT_EQ(shown(), (QList<qint64>{8, 9}));
    filter.setSeverities({QStringLiteral("critical"), QStringLiteral("low")});
    EXPECT_EQ(shown(), (QList<qint64>{42, 7}));
    filter.clearFilters();

    filter.setTiers({QStringLiteral("l3")});
    EXPECT_EQ(shown(), (QList<qint64>{8}));
    filter.setTiers({QStringLiteral("l1"), QStringLiteral("l2")});
    EXPECT_EQ(shown(), (QList<qint64>{42, 421, 7, 9, 10}));
    filter.clearFilters();

    filter.setBreachedOnly(true); // open and past due: not the resolved nor the merged one
    EXPECT_EQ(shown(), (QList<qint64>{421, 8}));
    filter.clearFilters();

    // Filters add up.
    filter.setOpenOnly(true);
    filter.setAssignee(QStringLiteral("alice"));
    filter.setSeverities({QStringLiteral("high")});
    EXPECT_EQ(shown(), (QList<qint64>{9}));

    QSignalSpy changed(&filter, &IncidentFilterModel::filtersChanged);
    filter.clearFilters();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_FALSE(filter.openOnly());
    EXPECT_TRUE(filter.assignee().isEmpty());
    EXPECT_EQ(filter.rowCount(), 6);
}

TEST_F(IncidentFilterTest, TextMatchesEveryWordAndTicketNumbers)
{
    filter.setText(QStringLiteral("RANSOMWARE"));
    EXPECT_EQ(shown(), (QList<qint64>{42, 10}));
    filter.setText(QStringLiteral("fs-01 t1486")); // title and ATT&CK tag, both required
    EXPECT_EQ(shown(), (QList<qint64>{42}));
    filter.setText(QStringLiteral("encrypted")); // the description
    EXPECT_EQ(shown(), (QList<qint64>{42}));
    filter.setText(QStringLiteral("alice scan")); // assignee and title
    EXPECT_EQ(shown(), (QList<qint64>{9}));
    filter.setText(QStringLiteral("#42")); // ticket 42, not #421
    EXPECT_EQ(shown(), (QList<qint64>{42}));
    filter.setText(QStringLiteral("42"));
    EXPECT_EQ(shown(), (QList<qint64>{42}));
    filter.setText(QStringLiteral("#421"));
    EXPECT_EQ(shown(), (QList<qint64>{421}));
    filter.setText(QStringLiteral("lateral movement"));
    EXPECT_TRUE(shown().isEmpty());
    filter.setText(QString());
    EXPECT_EQ(filter.rowCount(), 6);
}

TEST_F(IncidentFilterTest, SortsBySeverityAndBySlaUrgency)
{
    filter.sort(IncidentListModel::SeverityColumn, Qt::DescendingOrder);
    // Critical first; equal severities newest ticket first.
    EXPECT_EQ(shown(), (QList<qint64>{42, 9, 8, 421, 10, 7}));

    filter.sort(IncidentListModel::SlaColumn, Qt::AscendingOrder);
    // The most overdue first, then the soonest due; tickets no longer open last.
    EXPECT_EQ(shown(), (QList<qint64>{8, 421, 9, 42, 10, 7}));
}

TEST_F(IncidentFilterTest, SlaColumnCountsDownAndTicketsCrossTheirDueTime)
{
    EXPECT_EQ(slaText(42), QStringLiteral("2 h 05 min left"));
    EXPECT_EQ(slaText(9), QStringLiteral("45 min left"));
    EXPECT_EQ(slaText(421), QStringLiteral("breached 35 min ago"));
    EXPECT_EQ(slaText(8), QStringLiteral("breached 2 d 3 h ago"));
    EXPECT_EQ(slaText(7), QStringLiteral("—")); // resolved: no SLA any more
    EXPECT_EQ(slaText(10), QStringLiteral("—"));
    EXPECT_EQ(list.breachedCount(), 2);
    const QModelIndex scan = list.index(list.rowOfId(9), IncidentListModel::SlaColumn);
    EXPECT_FALSE(scan.data(IncidentListModel::SlaBreachedRole).toBool());
    EXPECT_TRUE(list.index(list.rowOfId(8), 0).data(IncidentListModel::SlaBreachedRole).toBool());
    EXPECT_FALSE(list.index(list.rowOfId(7), 0).data(IncidentListModel::SlaBreachedRole).toBool());

    // Fifty minutes later the port scan is overdue, and the "SLA breached" filter shows it
    // without any change in the database.
    filter.setBreachedOnly(true);
    EXPECT_EQ(shown(), (QList<qint64>{421, 8}));
    now = kNow.addSecs(50 * 60);
    list.setClock([this] { return now; });
    EXPECT_EQ(slaText(9), QStringLiteral("breached 5 min ago"));
    EXPECT_EQ(list.breachedCount(), 3);
    EXPECT_EQ(shown(), (QList<qint64>{421, 8, 9}));
}

TEST(IncidentLabels, SlaCountdownAtTheEdges)
{
    const auto text = [](qint64 secondsLeft) {
        return IncidentLabels::slaCountdown(kNow.addSecs(secondsLeft), kNow);
    };
    EXPECT_EQ(text(3600), QStringLiteral("1 h 00 min left"));
    EXPECT_EQ(text(86400 + 59), QStringLiteral("1 d 0 h left"));
    EXPECT_EQ(text(60), QStringLiteral("1 min left"));
    EXPECT_EQ(text(59), QStringLiteral("less than 1 min left"));
    EXPECT_EQ(text(0), QStringLiteral("less than 1 min left")); // due now: not yet breached
    EXPECT_EQ(text(-1), QStringLiteral("breached less than 1 min ago"));
    EXPECT_EQ(text(-61), QStringLiteral("breached 1 min ago"));
    EXPECT_EQ(IncidentLabels::state(QStringLiteral("in_progress")), QStringLiteral("In progress"));
    EXPECT_EQ(IncidentLabels::transitionAction(QStringLiteral("closed"), QStringLiteral("triage")),
              QStringLiteral("Reopen"));
    EXPECT_EQ(IncidentLabels::transitionAction(QStringLiteral("new"), QStringLiteral("triage")),
              QStringLiteral("Start triage"));
}

TEST_F(IncidentFilterTest, RefreshMergedByIdKeepsTheSelectedTicket)
{
    filter.sort(-1); // the database's order
    const QPersistentModelIndex selected = list.index(list.rowOfId(9), IncidentListModel::TitleColumn);
    // Ticket 9 edited elsewhere (so listed first), 7 gone past the limit, 43 new.
    auto listings = sampleTickets();
    cases::IncidentListing scan = listings[4];
    scan.incident.title = "Port scan from the guest Wi-Fi (blocked)";
    scan.incident.version = 2;
    auto fresh = ticket(43, "Beaconing to a rare domain", "high", "new", "l1", std::nullopt, 3600);
    list.mergeListings({scan, fresh, listings[0], listings[1], listings[3], listings[5]});

    ASSERT_TRUE(selected.isValid());
    EXPECT_EQ(selected.row(), 0);
    EXPECT_EQ(selected.data().toString(), QStringLiteral("Port scan from the guest Wi-Fi (blocked)"));
    EXPECT_EQ(list.rowOfId(7), -1);
    EXPECT_EQ(list.rowOfId(43), 1);
    EXPECT_EQ(shown(), (QList<qint64>{9, 43, 42, 421, 8, 10}));
}

} // namespace
