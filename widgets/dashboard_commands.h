#pragma once
// The undoable changes of the dashboard panel, on its one QUndoStack. Tile edits (add, remove,
// move/resize, edit) and the rename apply to a DashboardDocument at once, keeping whole values
// before and after; duplicating and deleting a dashboard are requests to DashboardService that
// its worker carries out (their undo removes the copy, or restores the deleted dashboard with
// its id, uid and tab position). GUI thread.
#include "dashboard/dashboard_spec.h"
#include "dashboard_service.h"

#include <QMetaObject>
#include <QPointer>
#include <QUndoCommand>

#include <optional>
#include <vector>

namespace vigie::models {
class DashboardDocument;
}

namespace vigie::widgets {

class AddTileCommand : public QUndoCommand {
public:
    AddTileCommand(models::DashboardDocument* document, const dashboard::TileSpec& tile);
    void redo() override;
    void undo() override;
    // The tile as the document placed it (its id and cells), after the first redo().
    const dashboard::TileSpec& tile() const { return tile_; }

private:
    QPointer<models::DashboardDocument> document_;
    dashboard::TileSpec tile_;
    int index_ = -1; // -1 until the first redo placed it
};

class RemoveTileCommand : public QUndoCommand {
public:
    RemoveTileCommand(models::DashboardDocument* document, const QString& tileId);
    void redo() override;
    void undo() override;

private:
    QPointer<models::DashboardDocument> document_;
    QString tileId_;
    std::optional<std::pair<int, dashboard::TileSpec>> removed_;
};

// One finished move or resize: every tile's cells before and after (others may have been
// pushed down).
class TileGeometryCommand : public QUndoCommand {
public:
    TileGeometryCommand(models::DashboardDocument* document, std::vector<dashboard::TileSpec> before,
                        std::vector<dashboard::TileSpec> after);
    void redo() override;
    void undo() override;

private:
    QPointer<models::DashboardDocument> document_;
    std::vector<dashboard::TileSpec> before_;
    std::vector<dashboard::TileSpec> after_;
};

class EditTileCommand : public QUndoCommand {
public:
    EditTileCommand(models::DashboardDocument* document, const dashboard::TileSpec& tile);
    void redo() override;
    void undo() override;

private:
    QPointer<models::DashboardDocument> document_;
    dashboard::TileSpec after_;
    std::optional<dashboard::TileSpec> before_;
};

class RenameDashboardCommand : public QUndoCommand {
public:
    RenameDashboardCommand(models::DashboardDocument* document, const QString& name);
    void redo() override;
    void undo() override;

private:
    QPointer<models::DashboardDocument> document_;
    QString before_;
    QString after_;
};

// Base of the service requests: remembers the request it waits for and hears its answers for
// as long as the command lives.
class DashboardRequestCommand : public QUndoCommand {
public:
    explicit DashboardRequestCommand(models::DashboardService* service);
    ~DashboardRequestCommand() override;

protected:
    QPointer<models::DashboardService> service_;
    quint64 request_ = 0;
    QList<QMetaObject::Connection> connections_;
};

class DuplicateDashboardCommand : public DashboardRequestCommand {
public:
    DuplicateDashboardCommand(models::DashboardService* service, qint64 id, const QString& name);
    void redo() override;
    void undo() override;

private:
    qint64 id_;
    QString name_;
    qint64 copy_ = 0; // the copy's id once the worker answered
};

class DeleteDashboardCommand : public DashboardRequestCommand {
public:
    DeleteDashboardCommand(models::DashboardService* service, qint64 id);
    void redo() override;
    void undo() override;

private:
    qint64 id_;
    std::optional<store::StoredDashboard> removed_;
};

} // namespace vigie::widgets
