#pragma once
// SourceWorker: does what the Sources panel asks, on its own thread — writes the `sources`
// table (its own connection) and then applies the change to the running engine (an edit is a
// remove and an add; a disabled source has no listener). One request at a time, in the order
// they were made, so the table and the engine never disagree for long. Each request is
// answered with one queued done() carrying plain values; a bind failure is a state of the
// source (shown in its row), never an exception that escapes.
#include "source_config.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace vigie::ingest {
class Engine;
}

namespace vigie::models {

class SourceRepository;

struct SourceOutcome {
    enum class Op { Load, Add, Restore, Update, SetEnabled, Remove };
    quint64 request = 0;
    Op op = Op::Load;
    bool ok = true;
    QString error;         // why the database refused: nothing changed
    SourceEntries entries; // Load: every source; otherwise the source as it now stands
    qint64 removedId = 0;  // Remove: the id that is gone
};

class SourceWorker : public QObject {
    Q_OBJECT
public:
    // `engine` must outlive the worker's thread.
    SourceWorker(ingest::Engine* engine, QString connectOptions);
    ~SourceWorker() override;

public Q_SLOTS:
    // Reads every source and adds the enabled ones that are not listening yet.
    void load(quint64 request);
    void add(quint64 request, const vigie::models::SourceConfig& source);
    // Puts back a deleted source with its old id (undo).
    void restore(quint64 request, const vigie::models::SourceConfig& source);
    void update(quint64 request, const vigie::models::SourceConfig& source);
    void setEnabled(quint64 request, qint64 id, bool enabled);
    void remove(quint64 request, qint64 id);

Q_SIGNALS:
    void done(const vigie::models::SourceOutcome& outcome);

private:
    void insert(quint64 request, SourceOutcome::Op op, SourceConfig source);
    // Makes the engine match `source`: removes the listener it had, adds one when enabled.
    SourceState apply(const SourceConfig& source);
    void unapply(qint64 id);
    SourceEntry entryOf(qint64 id) const;
    SourceOutcome failure(quint64 request, SourceOutcome::Op op, const QString& error, qint64 id) const;

    ingest::Engine* engine_;
    std::unique_ptr<SourceRepository> repository_;
    QHash<qint64, SourceConfig> known_;
    QHash<qint64, SourceState> states_;
    QHash<qint64, QString> listening_; // id -> listener name in the engine
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::SourceOutcome)
