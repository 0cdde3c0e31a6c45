// RuleService: posts the Rule manager's requests to the rule worker and applies its answers to
// the list model. GUI thread.
#include "rule_service.h"

namespace vigie::models {

RuleService::RuleService(QObject* parent)
    : QObject(parent), model_(new RuleListModel(this)), worker_(QStringLiteral("rule worker"))
{
    qRegisterMetaType<RuleRow>();
    qRegisterMetaType<RuleImportReport>();
    qRegisterMetaType<RuleOutcome>();
}

RuleService::~RuleService()
{
    detach();
}

void RuleService::attach(ingest::Engine* engine, const QString& conninfo)
{
    detach();
    worker_.start<RuleOutcome>(new RuleWorker(conninfo.toStdString(), engine), &RuleWorker::done, this,
                               [this](const RuleOutcome& outcome) { onDone(outcome); });
    // Loading before telling: a panel reading isLoading() on attachedChanged shows "Reading…".
    loadRequest_ = reload();
    Q_EMIT attachedChanged(true);
}

void RuleService::detach()
{
    if (!worker_.isRunning())
        return;
    worker_.stop();
    loadRequest_ = 0;
    Q_EMIT attachedChanged(false);
}

quint64 RuleService::reload()
{
    return worker_.post([](RuleWorker* worker, quint64 request) { worker->load(request); });
}

quint64 RuleService::importPaths(const QStringList& paths)
{
    return worker_.post(
        [paths](RuleWorker* worker, quint64 request) { worker->importPaths(request, paths); });
}

quint64 RuleService::setEnabled(qint64 id, bool enabled)
{
    return worker_.post(
        [id, enabled](RuleWorker* worker, quint64 request) { worker->setEnabled(request, id, enabled); });
}

quint64 RuleService::saveText(qint64 id, const QString& yaml, int expectedVersion)
{
    return worker_.post([id, yaml, expectedVersion](RuleWorker* worker, quint64 request) {
        worker->saveText(request, id, yaml, expectedVersion);
    });
}

quint64 RuleService::addText(const QString& yaml, bool enabled)
{
    return worker_.post(
        [yaml, enabled](RuleWorker* worker, quint64 request) { worker->addText(request, yaml, enabled); });
}

quint64 RuleService::remove(qint64 id)
{
    return worker_.post([id](RuleWorker* worker, quint64 request) { worker->remove(request, id); });
}

quint64 RuleService::restore(const RuleRow& row)
{
    return worker_.post([row](RuleWorker* worker, quint64 request) { worker->restore(request, row); });
}

void RuleService::onDone(const RuleOutcome& outcome)
{
    if (outcome.listed)
        model_->mergeRules(outcome.rows);
    if (outcome.op == RuleOutcome::Op::Import)
        Q_EMIT imported(outcome.request, outcome.report);
    if (outcome.op == RuleOutcome::Op::Remove && outcome.error.isEmpty())
        Q_EMIT removed(outcome.request, outcome.row);
    if (outcome.runningRules >= 0)
        Q_EMIT detectionApplied(outcome.runningRules, outcome.leftOutRules);
    Q_EMIT finished(outcome.request, outcome.error, outcome.row.id);
    if (outcome.request == loadRequest_) {
        loadRequest_ = 0;
        Q_EMIT loaded();
    }
}

} // namespace vigie::models
