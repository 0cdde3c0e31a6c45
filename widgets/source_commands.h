#pragma once
// The undoable changes of the Sources panel, each a RequestCommand over SourceService: add,
// edit, enable/disable, delete (undone by putting the source back with its id). GUI thread.
#include "request_command.h"
#include "source_config.h"

namespace vigie::models {
class SourceService;
}

namespace vigie::widgets {

class SourceCommand : public RequestCommand {
public:
    explicit SourceCommand(models::SourceService* service) : service_(service) {}

protected:
    models::SourceService* service_;
};

class AddSourceCommand : public SourceCommand {
public:
    AddSourceCommand(models::SourceService* service, const models::SourceConfig& source);
    void redo() override;
    void undo() override;

protected:
    void assignId(qint64 id) override { source_.id = id; }

private:
    models::SourceConfig source_;
};

class EditSourceCommand : public SourceCommand {
public:
    EditSourceCommand(models::SourceService* service, const models::SourceConfig& before,
                      const models::SourceConfig& after);
    void redo() override;
    void undo() override;

private:
    models::SourceConfig before_;
    models::SourceConfig after_;
};

class SetSourceEnabledCommand : public SourceCommand {
public:
    SetSourceEnabledCommand(models::SourceService* service, const models::SourceConfig& source, bool enabled);
    void redo() override;
    void undo() override;

private:
    qint64 id_;
    bool enabled_;
};

class DeleteSourceCommand : public SourceCommand {
public:
    DeleteSourceCommand(models::SourceService* service, const models::SourceConfig& source);
    void redo() override;
    void undo() override;

private:
    models::SourceConfig source_;
};

} // namespace vigie::widgets
