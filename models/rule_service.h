#pragma once
// RuleService: the Rule manager's back end. GUI thread. It owns the RuleListModel and a worker
// thread (RuleWorker) that reads and writes the `detection_rules` table, checks rule texts and
// builds the detection, so neither the database nor rule compilation blocks the GUI thread.
// After every change of the enabled rules the worker hands the new detection to the engine
// given to attach(): it runs from the parse workers' next chunk of records (correlation and
// suppression windows restart, see Engine::setDetection).
//
// Every request returns an id (0 when detached); finished() answers it once the worker is
// done, the model being updated just before (also when the request was refused: the model then
// shows the rules as they now are). Undo, for the panel's QUndoStack:
//   enable/disable   setEnabled(id, !enabled)
//   remove           removed() carries the whole row (text included): restore(row) puts it
//                    back with its id, name, origin and enabled state
//   edit             saveText(id, previousYaml, row.version) with the version after the edit
// Built-in rules cannot be removed (the worker refuses with a message): disable them.
#include "rule_list_model.h"
#include "rule_row.h"
#include "rule_worker.h"
#include "worker_thread.h"

#include <QObject>
#include <QStringList>

namespace vigie::ingest {
class Engine;
}

namespace vigie::models {

class RuleService : public QObject {
    Q_OBJECT
public:
    explicit RuleService(QObject* parent = nullptr);
    ~RuleService() override; // detach()

    // Starts the worker over the database at `conninfo` (libpq syntax) and reads the rules
    // (applying the migrations and seeding the built-in rules when needed). `engine` (may be
    // null: changes are only stored) must stay alive until detach().
    void attach(ingest::Engine* engine, const QString& conninfo);
    // Waits for the request being handled, then stops the worker.
    void detach();
    bool isAttached() const { return worker_.isRunning(); }
    // True between attach() and the answer to its first load.
    bool isLoading() const { return loadRequest_ != 0; }
    int pendingRequests() const { return worker_.pendingRequests(); }

    RuleListModel* model() const { return model_; }

    // Reads every rule again and checks every text afresh.
    quint64 reload();
    // Files and folders (every *.yml / *.yaml below): each file whose documents can all run is
    // stored as one rule (origin imported, enabled); the others are reported, not stored.
    // Answered by imported() then finished().
    quint64 importPaths(const QStringList& paths);
    quint64 setEnabled(qint64 id, bool enabled);
    // Replaces the text of rule `id`. Refused (finished() with the reason, nothing stored) when
    // a document cannot run or when someone saved a newer version than `expectedVersion`.
    quint64 saveText(qint64 id, const QString& yaml, int expectedVersion);
    // Stores a new rule written by the analyst (origin custom), named by its title; a rule
    // stored disabled never runs. Refused like saveText when it cannot run.
    quint64 addText(const QString& yaml, bool enabled = true);
    // Answered by removed() (the row as it was) then finished().
    quint64 remove(qint64 id);
    // Puts back a removed rule (undo of remove); `row` as removed() gave it.
    quint64 restore(const RuleRow& row);

Q_SIGNALS:
    void attachedChanged(bool attached);
    void loaded();
    // `error` is empty on success, a sentence for the analyst otherwise (nothing changed then);
    // `id` is the rule's (for addText, the id the database gave it; 0 for reload and import).
    void finished(quint64 request, const QString& error, qint64 id);
    void imported(quint64 request, const vigie::models::RuleImportReport& report);
    void removed(quint64 request, const vigie::models::RuleRow& row);
    // The engine now runs `rules` rules; `leftOut` enabled documents cannot run.
    void detectionApplied(int rules, int leftOut);

private:
    void onDone(const vigie::models::RuleOutcome& outcome);

    RuleListModel* model_;
    WorkerThread<RuleWorker> worker_;
    quint64 loadRequest_ = 0;
};

} // namespace vigie::models
