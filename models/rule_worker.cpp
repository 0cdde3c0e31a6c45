// RuleWorker: each request of the Rule manager as RuleStore calls, the checks and the detection
// rebuilt for the engine; answered with done(). Worker thread.
#include "rule_worker.h"

#include "detect/stored_rules.h"
#include "ingest/engine.h"
#include "qt_time.h"
#include "store/migrator.h"
#include "store/pg_connection.h"
#include "store/rule_store.h"
#include "utf8_text.h"

#include <QTimeZone>

#include <filesystem>

namespace vigie::models {
namespace {

std::string utf8(const QString& text)
{
    return text.toUtf8().toStdString();
}

// A title for a rule written in Vigie: what the analyst named it, within the column's limit.
std::string nameFor(const detect::TextVerdict& verdict)
{
    const std::string name = verdict.title.empty() ? std::string("custom rule") : verdict.title;
    return name.substr(0, 300);
}

RuleImportReport reportOf(const detect::RuleImportResult& result)
{
    RuleImportReport report;
    for (const auto& status : result.report.rules)
        report.documents.append(
            {qstr(status.file), qstr(status.id), qstr(status.title), status.ok, qstr(status.reason)});
    for (const auto& file : result.files)
        report.files.append({qstr(file.path), file.id, qstr(file.why_not)});
    report.okCount = static_cast<int>(result.report.okCount());
    report.unsupportedCount = static_cast<int>(result.report.unsupportedCount());
    report.storedCount = static_cast<int>(result.storedCount());
    return report;
}

} // namespace

RuleWorker::RuleWorker(std::string conninfo, ingest::Engine* engine)
    : conninfo_(std::move(conninfo)), engine_(engine)
{
}

RuleWorker::~RuleWorker() = default;

store::PgConnection& RuleWorker::connection()
{
    if (!db_ || !db_->healthy())
        db_ = std::make_unique<store::PgConnection>(conninfo_);
    if (!prepared_) {
        store::applyMigrations(*db_);
        store::RuleStore rules(*db_);
        detect::seedBuiltinRules(rules);
        prepared_ = true;
    }
    return *db_;
}

template <typename Work> void RuleWorker::run(RuleOutcome* outcome, Work work)
{
    try {
        store::RuleStore rules(connection());
        try {
            work(rules);
        } catch (const store::ConnectionError&) {
            throw;
        } catch (const store::StaleRuleError& e) {
            outcome->error = tr("The rule was not saved: %1").arg(qstr(e.what()).trimmed());
        } catch (const store::StoreError& e) {
            outcome->error = qstr(e.what()).trimmed();
        }
        // Refused or not, the answer carries the rules as they now are (a stale edit shows
        // the colleague's version).
        outcome->rows = listRows(rules);
        outcome->listed = true;
        if (outcome->row.id != 0 && outcome->op != RuleOutcome::Op::Remove)
            for (const RuleRow& row : outcome->rows)
                if (row.id == outcome->row.id)
                    outcome->row = row;
    } catch (const store::ConnectionError& e) {
        db_.reset(); // reconnect on the next request
        prepared_ = false;
        outcome->error = tr("The database cannot be reached: %1").arg(qstr(e.what()).trimmed());
    } catch (const store::StoreError& e) {
        outcome->error = qstr(e.what()).trimmed();
    }
    Q_EMIT done(*outcome);
}

RuleRow RuleWorker::rowOf(const store::StoredRule& rule)
{
    RuleRow row;
    row.id = rule.id;
    row.name = qstr(rule.name);
    row.origin = qstr(rule.origin);
    row.enabled = rule.enabled;
    for (const auto& id : rule.rule_ids)
        row.ruleIds << qstr(id);
    row.updated = utcDateTime(rule.updated_at);
    row.version = rule.version;
    row.yaml = qstr(rule.yaml);
    if (const auto cached = verdicts_.find(rule.id); cached != verdicts_.end()) {
        const detect::TextVerdict& verdict = cached->second.second;
        row.title = qstr(verdict.title);
        row.level = qstr(verdict.level);
        row.logsource = qstr(verdict.logsource);
        row.ok = verdict.ok();
        row.problem = qstr(verdict.reason);
        row.documents = static_cast<int>(verdict.documents);
    }
    return row;
}

RuleRows RuleWorker::listRows(store::RuleStore& rules)
{
    const auto stored = rules.list();
    // Only texts not checked as they now are get checked, among all the others.
    std::vector<detect::RuleText> fresh, context;
    std::vector<const store::StoredRule*> fresh_rules;
    for (const auto& rule : stored) {
        const auto cached = verdicts_.find(rule.id);
        if (cached != verdicts_.end() && cached->second.first == rule.yaml) {
            context.push_back(detect::ruleTextOf(rule));
            continue;
        }
        fresh.push_back(detect::ruleTextOf(rule));
        fresh_rules.push_back(&rule);
    }
    if (!fresh.empty()) {
        const auto check = detect::checkRuleTexts(fresh, context);
        for (std::size_t i = 0; i < fresh.size(); ++i)
            verdicts_[fresh_rules[i]->id] = {fresh_rules[i]->yaml, check.verdicts[i]};
    }
    RuleRows rows;
    rows.reserve(static_cast<qsizetype>(stored.size()));
    for (const auto& rule : stored)
        rows.append(rowOf(rule));
    return rows;
}

bool RuleWorker::checkText(store::RuleStore& rules, qint64 id, const std::string& yaml,
                           detect::TextVerdict* verdict, QString* error)
{
    if (QString::fromStdString(yaml).trimmed().isEmpty()) {
        *error = tr("The rule is empty: write or paste a Sigma rule.");
        return false;
    }
    std::vector<detect::RuleText> context;
    for (const auto& rule : rules.list())
        if (rule.id != id)
            context.push_back(detect::ruleTextOf(rule));
    auto check = detect::checkRuleTexts({{"edited rule", yaml}}, context);
    *verdict = std::move(check.verdicts.front());
    if (verdict->ok())
        return true;
    *error = tr("The rule cannot run, so it was not saved: %1").arg(qstr(verdict->reason));
    return false;
}

void RuleWorker::applyDetection(store::RuleStore& rules, RuleOutcome* outcome)
{
    std::vector<detect::RuleText> texts;
    for (const auto& rule : rules.enabledRules())
        texts.push_back(detect::ruleTextOf(rule));
    auto detection = detect::detectionFromTexts(texts);
    outcome->runningRules = static_cast<int>(detection->ruleCount());
    outcome->leftOutRules = static_cast<int>(detection->report().unsupportedCount());
    if (engine_)
        engine_->setDetection(std::move(detection));
}

void RuleWorker::load(quint64 request)
{
    RuleOutcome outcome;
    outcome.request = request;
    verdicts_.clear(); // a reload checks every text again, among the rules as they now are
    run(&outcome, [](store::RuleStore&) {});
}

void RuleWorker::importPaths(quint64 request, const QStringList& paths)
{
    RuleOutcome outcome;
    outcome.request = request;
    outcome.op = RuleOutcome::Op::Import;
    run(&outcome, [&](store::RuleStore& rules) {
        std::vector<std::filesystem::path> files;
        for (const QString& path : paths)
            files.emplace_back(path.toStdString());
        const auto result = detect::importRuleFiles(rules, files);
        outcome.report = reportOf(result);
        if (result.storedCount() > 0)
            applyDetection(rules, &outcome);
    });
}

void RuleWorker::setEnabled(quint64 request, qint64 id, bool enabled)
{
    RuleOutcome outcome;
    outcome.request = request;
    outcome.op = RuleOutcome::Op::SetEnabled;
    run(&outcome, [&](store::RuleStore& rules) {
        outcome.row = rowOf(rules.setEnabled(id, enabled));
        applyDetection(rules, &outcome);
    });
}

void RuleWorker::saveText(quint64 request, qint64 id, const QString& yaml, int expectedVersion)
{
    RuleOutcome outcome;
    outcome.request = request;
    outcome.op = RuleOutcome::Op::SaveText;
    run(&outcome, [&](store::RuleStore& rules) {
        const std::string text = utf8(yaml);
        detect::TextVerdict verdict;
        if (!checkText(rules, id, text, &verdict, &outcome.error))
            return;
        const auto stored = rules.updateText(id, text, verdict.ids, expectedVersion);
        verdicts_[id] = {text, verdict};
        outcome.row = rowOf(stored);
        if (stored.enabled)
            applyDetection(rules, &outcome);
    });
}

void RuleWorker::addText(quint64 request, const QString& yaml, bool enabled)
{
    RuleOutcome outcome;
    outcome.request = request;
    outcome.op = RuleOutcome::Op::AddText;
    run(&outcome, [&](store::RuleStore& rules) {
        const std::string text = utf8(yaml);
        detect::TextVerdict verdict;
        if (!checkText(rules, 0, text, &verdict, &outcome.error))
            return;
        store::StoredRule rule;
        rule.name = nameFor(verdict);
        rule.yaml = text;
        rule.origin = store::kRuleOriginCustom;
        rule.rule_ids = verdict.ids;
        rule.enabled = enabled;
        const auto stored = rules.add(rule);
        verdicts_[stored.id] = {text, verdict};
        outcome.row = rowOf(stored);
        applyDetection(rules, &outcome);
    });
}

void RuleWorker::remove(quint64 request, qint64 id)
{
    RuleOutcome outcome;
    outcome.request = request;
    outcome.op = RuleOutcome::Op::Remove;
    run(&outcome, [&](store::RuleStore& rules) {
        const auto removed = rules.remove(id);
        if (!removed) {
            outcome.error = tr("The rule is no longer stored: someone removed it meanwhile.");
            return;
        }
        outcome.row = rowOf(*removed);
        verdicts_.erase(id);
        if (removed->enabled)
            applyDetection(rules, &outcome);
    });
}

void RuleWorker::restore(quint64 request, const RuleRow& row)
{
    RuleOutcome outcome;
    outcome.request = request;
    outcome.op = RuleOutcome::Op::Restore;
    run(&outcome, [&](store::RuleStore& rules) {
        store::StoredRule rule;
        rule.id = row.id;
        rule.name = utf8(row.name);
        rule.yaml = utf8(row.yaml);
        rule.enabled = row.enabled;
        rule.origin = utf8(row.origin);
        for (const QString& id : row.ruleIds)
            rule.rule_ids.push_back(utf8(id));
        outcome.row = rowOf(rules.restore(rule));
        if (rule.enabled)
            applyDetection(rules, &outcome);
    });
}

} // namespace vigie::models
