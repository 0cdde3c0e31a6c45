// The Saved searches panel's undo commands: each redo and undo is one request to the service.
// GUI thread.
#include "saved_search_commands.h"

#include "saved_search_service.h"

#include <QCoreApplication>

namespace vigie::widgets {
SaveSearchCommand::SaveSearchCommand(models::SavedSearchService* service, const models::SavedSearch& search)
    : SavedSearchCommand(service), search_(search)
{
    setText(QCoreApplication::translate("vigie::widgets::SavedSearchesPanel", "Save Search “%1”")
                .arg(search.name));
}

void SaveSearchCommand::redo()
{
    if (failed_)
        return;
    // Redone after an undo, the search comes back with the id it had.
    track(search_.id == 0 ? service_->save(search_) : service_->restore(search_));
}

void SaveSearchCommand::undo()
{
    if (!failed_ && search_.id != 0)
        track(service_->remove(search_.id));
}

ReplaceSearchCommand::ReplaceSearchCommand(models::SavedSearchService* service,
                                           const models::SavedSearch& before,
                                           const models::SavedSearch& after)
    : SavedSearchCommand(service), before_(before), after_(after)
{
    setText(QCoreApplication::translate("vigie::widgets::SavedSearchesPanel", "Replace Search “%1”")
                .arg(after.name));
}

void ReplaceSearchCommand::redo()
{
    if (!failed_)
        track(service_->updateSearch(after_));
}

void ReplaceSearchCommand::undo()
{
    if (!failed_)
        track(service_->updateSearch(before_));
}

RenameSearchCommand::RenameSearchCommand(models::SavedSearchService* service,
                                         const models::SavedSearch& search, const QString& name)
    : SavedSearchCommand(service), id_(search.id), before_(search.name), after_(name)
{
    setText(QCoreApplication::translate("vigie::widgets::SavedSearchesPanel", "Rename Search “%1” to “%2”")
                .arg(before_, after_));
}

void RenameSearchCommand::redo()
{
    if (!failed_)
        track(service_->rename(id_, after_));
}

void RenameSearchCommand::undo()
{
    if (!failed_)
        track(service_->rename(id_, before_));
}

DeleteSearchCommand::DeleteSearchCommand(models::SavedSearchService* service,
                                         const models::SavedSearch& search)
    : SavedSearchCommand(service), search_(search)
{
    setText(QCoreApplication::translate("vigie::widgets::SavedSearchesPanel", "Delete Search “%1”")
                .arg(search.name));
}

void DeleteSearchCommand::redo()
{
    if (!failed_)
        track(service_->remove(search_.id));
}

void DeleteSearchCommand::undo()
{
    if (!failed_)
        track(service_->restore(search_));
}

} // namespace vigie::widgets
