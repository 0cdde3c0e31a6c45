#include "source_worker.h"

#include "source_repository.h"

#include "ingest/engine.h"

#include <exception>

namespace vigie::models {

SourceWorker::SourceWorker(ingest::Engine* engine, QString connectOptions)
    : engine_(engine), repository_(std::make_unique<SourceRepository>(std::move(connectOptions)))
{
}

// Runs on the worker's thread (deleted there), which owns the repository's connection.
SourceWorker::~SourceWorker() = default;

SourceEntry SourceWorker::entryOf(qint64 id) const
{
    return {known_.value(id), states_.value(id)};
}

SourceOutcome SourceWorker::failure(quint64 request, SourceOutcome::Op op, const QString& error,
                                    qint64 id) const
{
    SourceOutcome outcome;
    outcome.request = request;
    outcome.op = op;
    outcome.ok = false;
    outcome.error = error;
    if (known_.contains(id))
        outcome.entries.append(entryOf(id));
    return outcome;
}

void SourceWorker::unapply(qint64 id)
{
    const auto found = listening_.find(id);
    if (found == listening_.end())
        return;
    engine_->removeListener(found.value().toStdString());
    listening_.erase(found);
}

SourceState SourceWorker::apply(const SourceConfig& source)
{
    unapply(source.id);
    SourceState state;
    if (!source.enabled) {
        state.kind = SourceState::Kind::Disabled;
        return state;
    }
    try {
        const ingest::ListenSpec bound = engine_->addListener(source.toListenSpec());
        listening_.insert(source.id, QString::fromStdString(bound.displayName()));
        state.kind = SourceState::Kind::Listening;
        state.boundPort = bound.port;
    } catch (const std::exception& e) {
        state.kind = SourceState::Kind::Error;
        state.message = QString::fromUtf8(e.what()).trimmed();
    }
    return state;
}

void SourceWorker::load(quint64 request)
{
    QList<SourceConfig> sources;
    QString error;
    if (!repository_->loadAll(&sources, &error)) {
        SourceOutcome outcome;
        outcome.request = request;
        outcome.ok = false;
        outcome.error = error;
        Q_EMIT done(outcome);
        return;
    }
    // Listeners already running under a source's name (a second load) are kept as they are.
    QHash<QString, int> bound;
    for (const ingest::ListenSpec& spec : engine_->boundListeners())
        bound.insert(QString::fromStdString(spec.displayName()), spec.port);

    SourceOutcome outcome;
    outcome.request = request;
    QHash<qint64, SourceConfig> stillThere;
    for (const SourceConfig& source : sources) {
        stillThere.insert(source.id, source);
        const SourceConfig previous = known_.value(source.id);
        known_.insert(source.id, source);
        const QString name = source.name.trimmed();
        if (source.enabled && bound.contains(name) &&
            (!listening_.contains(source.id) || previous == source)) {
            listening_.insert(source.id, name);
            states_.insert(source.id, {SourceState::Kind::Listening, bound.value(name), {}});
        } else {
            states_.insert(source.id, apply(source));
        }
        outcome.entries.append(entryOf(source.id));
    }
    // Sources another analyst deleted meanwhile stop listening here too.
    for (auto it = known_.begin(); it != known_.end();) {
        if (!stillThere.contains(it.key())) {
            unapply(it.key());
            states_.remove(it.key());
            it = known_.erase(it);
        } else {
            ++it;
        }
    }
    Q_EMIT done(outcome);
}

void SourceWorker::insert(quint64 request, SourceOutcome::Op op, SourceConfig source)
{
    QString error;
    if (!repository_->insert(&source, op == SourceOutcome::Op::Restore, &error)) {
        Q_EMIT done(failure(request, op, error, 0));
        return;
    }
    source.name = source.name.trimmed();
    source.address = source.address.trimmed();
    known_.insert(source.id, source);
    states_.insert(source.id, apply(source));
    SourceOutcome outcome;
    outcome.request = request;
    outcome.op = op;
    outcome.entries.append(entryOf(source.id));
    Q_EMIT done(outcome);
}

void SourceWorker::add(quint64 request, const SourceConfig& source)
{
    insert(request, SourceOutcome::Op::Add, source);
}

void SourceWorker::restore(quint64 request, const SourceConfig& source)
{
    insert(request, SourceOutcome::Op::Restore, source);
}

void SourceWorker::update(quint64 request, const SourceConfig& source)
{
    QString error;
    if (!repository_->update(source, &error)) {
        Q_EMIT done(failure(request, SourceOutcome::Op::Update, error, source.id));
        return;
    }
    SourceConfig stored = source;
    stored.name = stored.name.trimmed();
    stored.address = stored.address.trimmed();
    known_.insert(stored.id, stored);
    states_.insert(stored.id, apply(stored));
    SourceOutcome outcome;
    outcome.request = request;
    outcome.op = SourceOutcome::Op::Update;
    outcome.entries.append(entryOf(stored.id));
    Q_EMIT done(outcome);
}

void SourceWorker::setEnabled(quint64 request, qint64 id, bool enabled)
{
    QString error;
    if (!known_.contains(id)) {
        Q_EMIT done(failure(
            request, SourceOutcome::Op::SetEnabled,
            SourceConfig::tr("The source no longer exists; another analyst may have deleted it."), id));
        return;
    }
    if (!repository_->setEnabled(id, enabled, &error)) {
        Q_EMIT done(failure(request, SourceOutcome::Op::SetEnabled, error, id));
        return;
    }
    known_[id].enabled = enabled;
    states_.insert(id, apply(known_.value(id)));
    SourceOutcome outcome;
    outcome.request = request;
    outcome.op = SourceOutcome::Op::SetEnabled;
    outcome.entries.append(entryOf(id));
    Q_EMIT done(outcome);
}

void SourceWorker::remove(quint64 request, qint64 id)
{
    QString error;
    if (!repository_->remove(id, &error)) {
        Q_EMIT done(failure(request, SourceOutcome::Op::Remove, error, id));
        return;
    }
    unapply(id);
    known_.remove(id);
    states_.remove(id);
    SourceOutcome outcome;
    outcome.request = request;
    outcome.op = SourceOutcome::Op::Remove;
    outcome.removedId = id;
    Q_EMIT done(outcome);
}

} // namespace vigie::models
