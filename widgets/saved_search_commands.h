#pragma once
// The undoable changes of the Saved searches panel, each a RequestCommand over
// SavedSearchService: save a new search, replace the query and range of an existing one,
// rename, delete (undone by putting the search back with its id). GUI thread.
#include "request_command.h"
#include "saved_search.h"

namespace vigie::models {
class SavedSearchService;
}

namespace vigie::widgets {

class SavedSearchCommand : public RequestCommand {
public:
    explicit SavedSearchCommand(models::SavedSearchService* service) : service_(service) {}

protected:
    models::SavedSearchService* service_;
};

class SaveSearchCommand : public SavedSearchCommand {
public:
    SaveSearchCommand(models::SavedSearchService* service, const models::SavedSearch& search);
    void redo() override;
    void undo() override;

protected:
    void assignId(qint64 id) override { search_.id = id; }

private:
    models::SavedSearch search_;
};

class ReplaceSearchCommand : public SavedSearchCommand {
public:
    ReplaceSearchCommand(models::SavedSearchService* service, const models::SavedSearch& before,
                         const models::SavedSearch& after);
    void redo() override;
    void undo() override;

private:
    models::SavedSearch before_;
    models::SavedSearch after_;
};

class RenameSearchCommand : public SavedSearchCommand {
public:
    RenameSearchCommand(models::SavedSearchService* service, const models::SavedSearch& search,
                        const QString& name);
    void redo() override;
    void undo() override;

private:
    qint64 id_;
    QString before_;
    QString after_;
};

class DeleteSearchCommand : public SavedSearchCommand {
public:
    DeleteSearchCommand(models::SavedSearchService* service, const models::SavedSearch& search);
    void redo() override;
    void undo() override;

private:
    models::SavedSearch search_;
};

} // namespace vigie::widgets
