// The dashboard panel's undoable changes. GUI thread.
#include "dashboard_commands.h"

#include "dashboard_document.h"

#include <QCoreApplication>

namespace vigie::widgets {

AddTileCommand::AddTileCommand(models::DashboardDocument* document, const dashboard::TileSpec& tile)
    : document_(document), tile_(tile)
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Add tile"));
}

void AddTileCommand::redo()
{
    if (!document_)
        return;
    if (index_ < 0) {
        tile_ = document_->addTile(tile_);
        index_ = static_cast<int>(document_->spec().tiles.size()) - 1;
    } else {
        document_->insertTile(index_, tile_);
    }
}

void AddTileCommand::undo()
{
    if (document_)
        document_->removeTile(QString::fromStdString(tile_.id));
}

RemoveTileCommand::RemoveTileCommand(models::DashboardDocument* document, const QString& tileId)
    : document_(document), tileId_(tileId)
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Remove tile"));
}

void RemoveTileCommand::redo()
{
    if (document_)
        removed_ = document_->removeTile(tileId_);
}

void RemoveTileCommand::undo()
{
    if (document_ && removed_)
        document_->insertTile(removed_->first, removed_->second);
}

TileGeometryCommand::TileGeometryCommand(models::DashboardDocument* document,
                                         std::vector<dashboard::TileSpec> before,
                                         std::vector<dashboard::TileSpec> after)
    : document_(document), before_(std::move(before)), after_(std::move(after))
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Move tile"));
}

void TileGeometryCommand::redo()
{
    if (document_)
        document_->setTiles(after_);
}

void TileGeometryCommand::undo()
{
    if (document_)
        document_->setTiles(before_);
}

EditTileCommand::EditTileCommand(models::DashboardDocument* document, const dashboard::TileSpec& tile)
    : document_(document), after_(tile)
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Edit tile"));
}

void EditTileCommand::redo()
{
    if (document_)
        before_ = document_->setTile(after_);
}

void EditTileCommand::undo()
{
    if (document_ && before_)
        document_->setTile(*before_);
}

RenameDashboardCommand::RenameDashboardCommand(models::DashboardDocument* document, const QString& name)
    : document_(document), after_(name)
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Rename dashboard"));
}

void RenameDashboardCommand::redo()
{
    if (document_)
        before_ = document_->setName(after_);
}

void RenameDashboardCommand::undo()
{
    if (document_)
        document_->setName(before_);
}

DashboardRequestCommand::DashboardRequestCommand(models::DashboardService* service) : service_(service) {}

DashboardRequestCommand::~DashboardRequestCommand()
{
    for (const auto& connection : std::as_const(connections_))
        QObject::disconnect(connection);
}

DuplicateDashboardCommand::DuplicateDashboardCommand(models::DashboardService* service, qint64 id,
                                                     const QString& name)
    : DashboardRequestCommand(service), id_(id), name_(name)
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Duplicate dashboard"));
    connections_ << QObject::connect(service, &models::DashboardService::finished, service,
                                     [this](quint64 request, const QString& error, qint64 id) {
                                         if (request == request_ && error.isEmpty())
                                             copy_ = id;
                                     });
}

void DuplicateDashboardCommand::redo()
{
    if (service_)
        request_ = service_->duplicate(id_, name_);
}

void DuplicateDashboardCommand::undo()
{
    if (service_ && copy_ != 0)
        request_ = service_->remove(copy_);
    copy_ = 0;
}

DeleteDashboardCommand::DeleteDashboardCommand(models::DashboardService* service, qint64 id)
    : DashboardRequestCommand(service), id_(id)
{
    setText(QCoreApplication::translate("vigie::widgets::DashboardPanel", "Delete dashboard"));
    connections_ << QObject::connect(service, &models::DashboardService::removed, service,
                                     [this](quint64 request, const store::StoredDashboard& dashboard) {
                                         if (request == request_)
                                             removed_ = dashboard;
                                     });
}

void DeleteDashboardCommand::redo()
{
    if (service_)
        request_ = service_->remove(id_);
}

void DeleteDashboardCommand::undo()
{
    if (service_ && removed_)
        request_ = service_->restore(*removed_);
    removed_.reset();
}

} // namespace vigie::widgets
