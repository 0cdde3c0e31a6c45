#pragma once
// RuleWorker: does what the Rule manager asks, on its own thread, through store::RuleStore over
// a libpq connection of its own (opened on first use, reopened when the server dropped it).
// Checking and compiling rules happen here too, never on the GUI thread: after each change of
// the enabled rules it builds the detection of every enabled text and hands it to the running
// engine (Engine::setDetection is thread-safe). One request at a time, in the order they were
// made; each is answered with one queued done() carrying plain values.
#include "rule_row.h"

#include "detect/rule_texts.h"

#include <QObject>

#include <map>
#include <memory>
#include <string>

namespace vigie::store {
class PgConnection;
class RuleStore;
struct StoredRule;
} // namespace vigie::store
namespace vigie::ingest {
class Engine;
}

namespace vigie::models {

struct RuleOutcome {
    enum class Op { Load, Import, SetEnabled, SaveText, AddText, Remove, Restore };
    quint64 request = 0;
    Op op = Op::Load;
    QString error;       // empty on success; otherwise a sentence for the analyst (nothing changed)
    bool listed = false; // `rows` holds every stored rule as it now is
    RuleRows rows;
    RuleRow row;             // the rule the request was about, as stored (Remove: as it was)
    RuleImportReport report; // Import
    // The detection handed to the engine by this request: rules running, documents left out;
    // -1 when the enabled rules did not change.
    int runningRules = -1;
    int leftOutRules = 0;
};

class RuleWorker : public QObject {
    Q_OBJECT
public:
    // `engine` (may be null: edits are only stored) outlives the worker.
    RuleWorker(std::string conninfo, ingest::Engine* engine);
    ~RuleWorker() override; // on the worker's thread, which owns the connection

public Q_SLOTS:
    void load(quint64 request);
    void importPaths(quint64 request, const QStringList& paths);
    void setEnabled(quint64 request, qint64 id, bool enabled);
    void saveText(quint64 request, qint64 id, const QString& yaml, int expectedVersion);
    void addText(quint64 request, const QString& yaml, bool enabled);
    void remove(quint64 request, qint64 id);
    void restore(quint64 request, const vigie::models::RuleRow& row);

Q_SIGNALS:
    void done(const vigie::models::RuleOutcome& outcome);

private:
    store::PgConnection& connection();
    // Runs `work` (given the store), then lists the rules, also when the request was refused (a
    // store error becomes outcome->error).
    template <typename Work> void run(RuleOutcome* outcome, Work work);
    // Every stored rule with its verdict (cached per id and version: only new texts are checked).
    RuleRows listRows(store::RuleStore& rules);
    RuleRow rowOf(const store::StoredRule& rule);
    // The verdict a new or edited text would get among the other stored rules; a sentence for
    // the analyst in *error when it cannot run.
    bool checkText(store::RuleStore& rules, qint64 id, const std::string& yaml, detect::TextVerdict* verdict,
                   QString* error);
    // Builds the detection of the enabled texts and hands it to the engine.
    void applyDetection(store::RuleStore& rules, RuleOutcome* outcome);

    std::string conninfo_;
    ingest::Engine* engine_;
    std::unique_ptr<store::PgConnection> db_;
    bool prepared_ = false; // migrations applied, built-in rules seeded
    std::map<qint64, std::pair<std::string, detect::TextVerdict>> verdicts_; // id -> (yaml, verdict)
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::RuleOutcome)
