#pragma once
// The undoable changes of the Sources panel, each a QUndoCommand over SourceService: add,
// edit, enable/disable, delete (undone by putting the source back with its id). A command
// whose request the worker refused is marked failed: undoing it does nothing, and the stack
// drops it. GUI thread.
#include "source_config.h"

#include <QMetaObject>
#include <QUndoCommand>

namespace vigie::models {
class SourceService;
}

namespace vigie::widgets {

class SourceCommand : public QUndoCommand {
public:
    explicit SourceCommand(models::SourceService* service);
    ~SourceCommand() override;

    // Called by the panel when a request ends; returns true when it was this command's.
    bool onFinished(quint64 request, const QString& error, qint64 id);

protected:
    void track(quint64 request) { request_ = request; }
    // The id the database gave on an add (the first redo).
    virtual void assignId(qint64) {}

    models::SourceService* service_;
    bool failed_ = false;

private:
    quint64 request_ = 0;
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
