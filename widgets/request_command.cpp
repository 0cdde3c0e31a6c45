// RequestCommand: matching a service's answers to the undo commands that asked. GUI thread.
#include "request_command.h"

#include <QUndoStack>

namespace vigie::widgets {

bool RequestCommand::dispatch(const QUndoStack* stack, quint64 request, const QString& error, qint64 id)
{
    for (int i = 0; i < stack->count(); ++i) {
        // QUndoStack hands out const commands; the answer changes the command's own state.
        auto* command = static_cast<RequestCommand*>(const_cast<QUndoCommand*>(stack->command(i)));
        if (command->onFinished(request, error, id))
            return true;
    }
    return false;
}

bool RequestCommand::onFinished(quint64 request, const QString& error, qint64 id)
{
    if (request == 0 || request != request_)
        return false;
    request_ = 0;
    if (!error.isEmpty()) {
        failed_ = true;
        setObsolete(true);
    } else if (id != 0) {
        assignId(id);
    }
    return true;
}

} // namespace vigie::widgets
