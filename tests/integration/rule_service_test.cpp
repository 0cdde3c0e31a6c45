// The Rule manager's back end (models::RuleService) over a real database and a running engine,
// as the panel drives it: the built-in rules are listed with their verdicts; a rule written by
// the analyst runs at once and its alerts appear; disabling, removing (and undoing it with the
// same id) change what the engine raises from the next event; a stale or invalid edit is
// refused with a sentence and leaves the stored text alone; an import reports every document
// and stores only what can run. The list model stays consistent (QAbstractItemModelTester).
#include "rule_service.h"

#include "detect/stored_rules.h"
#include "ingest/engine.h"
#include "store/alert_store.h"
#include "store/pg_connection.h"
#include "support/qt_core_environment.h"
#include "support/test_database.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace {

using namespace vigie;
using models::RuleListModel;
using models::RuleRow;
using models::RuleService;

::testing::Environment* const qtEnvironment =
    ::testing::AddGlobalTestEnvironment(new test::QtCoreEnvironment);

const QString kCustom = QStringLiteral("title: Custom SSH failure\nid: custom-ssh\nlevel: high\n"
                                       "logsource: {product: linux, service: sshd}\n"
                                       "detection:\n  sel: {action: ssh_login, outcome: failure}\n"
                                       "  condition: sel\n");
const std::string kFailure =
    "<38>Nov 22 08:00:00 bastion-01 sshd[1234]: Failed password for invalid user admin "
    "from 203.0.113.7 port 4242 ssh2";

class RuleServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ingest::EngineConfig config;
        config.conninfo = db_.conninfo();
        config.flush_interval = std::chrono::milliseconds(50);
        store::PgConnection connection(db_.conninfo());
        config.detection = detect::loadStoredDetection(connection); // as the session starts it
        engine_ = std::make_unique<ingest::Engine>(config);
        engine_->start();
        QSignalSpy loaded(&service_, &RuleService::loaded);
        service_.attach(engine_.get(), QString::fromStdString(db_.conninfo()));
        EXPECT_TRUE(service_.isLoading());
        ASSERT_TRUE(loaded.wait(30000));
    }

    void TearDown() override
    {
        service_.detach();
        engine_->stop();
    }

    // Sends a request and waits for its answer; returns the error ("" on success).
    QString answer(quint64 request, qint64* id = nullptr)
    {
        EXPECT_NE(request, 0u);
        QSignalSpy finished(&service_, &RuleService::finished);
        while (true) {
            if (finished.isEmpty() && !finished.wait(30000)) {
                ADD_FAILURE() << "no answer";
                return QStringLiteral("timeout");
            }
            const auto args = finished.takeFirst();
            if (args.at(0).toULongLong() != request)
                continue;
            if (id)
                *id = args.at(2).toLongLong();
            return args.at(1).toString();
        }
    }

    // Submits the SSH failure line, waits until it is stored, returns the hits of `rule_id`.
    std::int64_t hitsAfterOneFailure(const std::string& rule_id)
    {
        const auto stored = engine_->stats().stored;
        engine_->submit(kFailure, parse::Format::Auto);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (engine_->stats().stored <= stored && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        store::PgConnection connection(db_.conninfo());
        std::int64_t hits = 0;
        for (const auto& alert : store::AlertStore(connection).list(true, 100))
            hits += alert.record.rule_id == rule_id ? alert.record.count : 0;
        return hits;
    }

    const RuleRow& row(qint64 id)
    {
        const int at = service_.model()->rowOfId(id);
        EXPECT_GE(at, 0) << id;
        return service_.model()->rule(std::max(at, 0));
    }

    test::TestDatabase db_{"rule_service"};
    std::unique_ptr<ingest::Engine> engine_;
    RuleService service_;
    QAbstractItemModelTester tester_{service_.model(),
                                     QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(RuleServiceTest, ListsTheBuiltInRulesWithTheirVerdicts)
{
    RuleListModel* model = service_.model();
    ASSERT_EQ(model->rowCount(), 3);
    for (int i = 0; i < model->rowCount(); ++i) {
        const RuleRow& rule = model->rule(i);
        EXPECT_TRUE(rule.isBuiltin());
        EXPECT_TRUE(rule.ok) << rule.problem.toStdString();
        EXPECT_TRUE(rule.enabled);
        EXPECT_EQ(model->index(i, RuleListModel::EnabledColumn).data(Qt::CheckStateRole).toInt(),
                  Qt::Checked);
        EXPECT_EQ(model->index(i, RuleListModel::StatusColumn).data().toString(), QStringLiteral("OK"));
        EXPECT_EQ(model->index(i, RuleListModel::OriginColumn).data().toString(), QStringLiteral("Built-in"));
    }
    // In id order, seeded in file name order: local_user_created, ssh_bruteforce..., sudo...
    const int sudo = 2;
    EXPECT_EQ(model->rule(sudo).name, QStringLiteral("sudo_root_unusual_user.yml"));
    EXPECT_EQ(model->index(sudo, RuleListModel::TitleColumn).data().toString(),
              QStringLiteral("Sudo to root by a user outside the administrators"));
    EXPECT_EQ(model->index(sudo, RuleListModel::LevelColumn).data().toString(), QStringLiteral("High"));
    EXPECT_EQ(model->index(sudo, RuleListModel::LogsourceColumn).data().toString(),
              QStringLiteral("linux/sudo"));
    // The brute-force text: titled by its correlation, not by a base rule.
    const RuleRow& brute = model->rule(1);
    EXPECT_EQ(brute.documents, 4);
    EXPECT_EQ(brute.title, QStringLiteral("SSH brute force followed by success from the same address"));

    // A built-in is disabled, not removed.
    EXPECT_NE(answer(service_.remove(model->rule(0).id)), QString());
    EXPECT_EQ(model->rowCount(), 3);
}

TEST_F(RuleServiceTest, AnAnalystsRuleRunsAtOnceAndDisableRemoveAndUndoApplyFromTheNextEvent)
{
    QSignalSpy applied(&service_, &RuleService::detectionApplied);
    qint64 id = 0;
    EXPECT_EQ(answer(service_.addText(kCustom), &id), QString());
    ASSERT_GT(id, 0);
    EXPECT_EQ(row(id).origin, QStringLiteral("custom"));
    EXPECT_EQ(row(id).name, QStringLiteral("Custom SSH failure"));
    EXPECT_EQ(row(id).ruleIds, QStringList{QStringLiteral("custom-ssh")});
    ASSERT_EQ(applied.size(), 1);
    EXPECT_EQ(applied.at(0).at(0).toInt(), 5); // the four built-in rules and this one
    EXPECT_EQ(hitsAfterOneFailure("custom-ssh"), 1);

    // Unticking the box asks; the service does it (the panel goes through its undo stack).
    QSignalSpy requested(service_.model(), &RuleListModel::enableRequested);
    const QModelIndex box =
        service_.model()->index(service_.model()->rowOfId(id), RuleListModel::EnabledColumn);
    EXPECT_TRUE(service_.model()->setData(box, Qt::Unchecked, Qt::CheckStateRole));
    ASSERT_EQ(requested.size(), 1);
    EXPECT_EQ(answer(service_.setEnabled(id, requested.at(0).at(1).toBool())), QString());
    EXPECT_EQ(box.data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_EQ(hitsAfterOneFailure("custom-ssh"), 1);             // no new hit
    EXPECT_EQ(answer(service_.setEnabled(id, true)), QString()); // undo
    EXPECT_EQ(hitsAfterOneFailure("custom-ssh"), 2);

    QSignalSpy removed(&service_, &RuleService::removed);
    EXPECT_EQ(answer(service_.remove(id)), QString());
    ASSERT_EQ(removed.size(), 1);
    const auto gone = removed.at(0).at(1).value<RuleRow>();
    EXPECT_EQ(gone.yaml, kCustom);
    EXPECT_EQ(service_.model()->rowOfId(id), -1);
    EXPECT_EQ(hitsAfterOneFailure("custom-ssh"), 2);
    EXPECT_EQ(answer(service_.restore(gone)), QString()); // undo
    EXPECT_EQ(row(id).yaml, kCustom);
    EXPECT_TRUE(row(id).enabled);
    EXPECT_EQ(hitsAfterOneFailure("custom-ssh"), 3);
}

TEST_F(RuleServiceTest, AStaleOrInvalidEditIsRefusedWithASentenceAndChangesNothing)
{
    qint64 id = 0;
    EXPECT_EQ(answer(service_.addText(kCustom), &id), QString());
    const int version = row(id).version;
    const QString tuned = kCustom + QStringLiteral("# tuned\n");
    EXPECT_EQ(answer(service_.saveText(id, tuned, version)), QString());
    EXPECT_EQ(row(id).version, version + 1);
    EXPECT_EQ(row(id).yaml, tuned);

    // A colleague's editor still on the first version.
    const QString stale = answer(service_.saveText(id, kCustom + QStringLiteral("# other\n"), version));
    EXPECT_TRUE(stale.contains(QLatin1String("changed meanwhile"))) << stale.toStdString();
    EXPECT_EQ(row(id).yaml, tuned);

    QString broken = kCustom;
    broken.replace(QLatin1String("action:"), QLatin1String("action|nosuchmodifier:"));
    const QString invalid = answer(service_.saveText(id, broken, row(id).version));
    EXPECT_TRUE(invalid.contains(QLatin1String("unknown modifier nosuchmodifier"))) << invalid.toStdString();
    EXPECT_EQ(row(id).yaml, tuned);
    EXPECT_NE(answer(service_.addText(QStringLiteral("   "))), QString());
}

TEST_F(RuleServiceTest, AnImportReportsEveryDocumentAndStoresWhatCanRun)
{
    const auto dir = std::filesystem::temp_directory_path() / ("vigie-rule-service-" + db_.name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "good.yml") << kCustom.toStdString();
    std::ofstream(dir / "broken.yml") << "title: Broken\nid: broken-1\nlogsource: {product: amiga}\n"
                                         "detection:\n  sel: {a: b}\n  condition: sel\n";
    QSignalSpy imported(&service_, &RuleService::imported);
    EXPECT_EQ(answer(service_.importPaths({QString::fromStdString(dir.string())})), QString());
    ASSERT_EQ(imported.size(), 1);
    const auto report = imported.at(0).at(1).value<models::RuleImportReport>();
    EXPECT_EQ(report.documents.size(), 2);
    EXPECT_EQ(report.okCount, 1);
    EXPECT_EQ(report.unsupportedCount, 1);
    EXPECT_EQ(report.storedCount, 1);
    ASSERT_EQ(report.files.size(), 2);
    EXPECT_EQ(report.files.at(0).id, 0); // broken.yml sorts first
    EXPECT_TRUE(report.files.at(0).whyNot.contains(QLatin1String("no mapping for logsource product=amiga")))
        << report.files.at(0).whyNot.toStdString();
    EXPECT_EQ(service_.model()->rowCount(), 4);
    EXPECT_EQ(row(report.files.at(1).id).origin, QStringLiteral("imported"));
    EXPECT_EQ(hitsAfterOneFailure("custom-ssh"), 1);
    std::filesystem::remove_all(dir);
}

} // namespace
