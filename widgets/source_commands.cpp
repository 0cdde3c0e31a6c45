#include "source_commands.h"

#include "source_service.h"

#include <QCoreApplication>

namespace vigie::widgets {

AddSourceCommand::AddSourceCommand(models::SourceService* service, const models::SourceConfig& source)
    : SourceCommand(service), source_(source)
{
    setText(QCoreApplication::translate("vigie::widgets::SourcesPanel", "Add Source “%1”").arg(source.name));
}

void AddSourceCommand::redo()
{
    if (failed_)
        return;
    // Redone after an undo, the source comes back with the id it had.
    track(source_.id == 0 ? service_->add(source_) : service_->restore(source_));
}

void AddSourceCommand::undo()
{
    if (!failed_ && source_.id != 0)
        track(service_->remove(source_.id));
}

EditSourceCommand::EditSourceCommand(models::SourceService* service, const models::SourceConfig& before,
                                     const models::SourceConfig& after)
    : SourceCommand(service), before_(before), after_(after)
{
    setText(QCoreApplication::translate("vigie::widgets::SourcesPanel", "Edit Source “%1”").arg(after.name));
}

void EditSourceCommand::redo()
{
    if (!failed_)
        track(service_->update(after_));
}

void EditSourceCommand::undo()
{
    if (!failed_)
        track(service_->update(before_));
}

SetSourceEnabledCommand::SetSourceEnabledCommand(models::SourceService* service,
                                                 const models::SourceConfig& source, bool enabled)
    : SourceCommand(service), id_(source.id), enabled_(enabled)
{
    setText(enabled ? QCoreApplication::translate("vigie::widgets::SourcesPanel", "Enable Source “%1”")
                          .arg(source.name)
                    : QCoreApplication::translate("vigie::widgets::SourcesPanel", "Disable Source “%1”")
                          .arg(source.name));
}

void SetSourceEnabledCommand::redo()
{
    if (!failed_)
        track(service_->setEnabled(id_, enabled_));
}

void SetSourceEnabledCommand::undo()
{
    if (!failed_)
        track(service_->setEnabled(id_, !enabled_));
}

DeleteSourceCommand::DeleteSourceCommand(models::SourceService* service, const models::SourceConfig& source)
    : SourceCommand(service), source_(source)
{
    setText(
        QCoreApplication::translate("vigie::widgets::SourcesPanel", "Delete Source “%1”").arg(source.name));
}

void DeleteSourceCommand::redo()
{
    if (!failed_)
        track(service_->remove(source_.id));
}

void DeleteSourceCommand::undo()
{
    if (!failed_)
        track(service_->restore(source_));
}

} // namespace vigie::widgets
