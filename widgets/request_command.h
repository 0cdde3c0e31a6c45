#pragma once
// RequestCommand: an undoable change that a service carries out on its worker thread. Each
// redo and undo posts one request and the command remembers its id; when the service answers,
// the panel hands the answer over with dispatch(). A request the worker refused marks the
// command failed: undoing or redoing it does nothing more, and the stack drops it. GUI thread.
#include <QString>
#include <QUndoCommand>

class QUndoStack;

namespace vigie::widgets {

class RequestCommand : public QUndoCommand {
public:
    // Hands a finished request to the command of `stack` waiting for it; false when none is.
    // Every command on `stack` must be a RequestCommand.
    static bool dispatch(const QUndoStack* stack, quint64 request, const QString& error, qint64 id);

    // Returns true when `request` was this command's.
    bool onFinished(quint64 request, const QString& error, qint64 id);

protected:
    void track(quint64 request) { request_ = request; }
    // The id the database gave on an insert (the first redo of an add).
    virtual void assignId(qint64) {}

    bool failed_ = false;

private:
    quint64 request_ = 0;
};

} // namespace vigie::widgets
