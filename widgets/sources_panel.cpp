#include "sources_panel.h"

#include "source_commands.h"
#include "source_dialog.h"
#include "source_service.h"

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

namespace vigie::widgets {
namespace {

using models::SourceListModel;

// Paints the state of a source that cannot listen in red.
class SourceStateDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(SourceListModel::ErrorRole).toBool())
            option->palette.setColor(QPalette::Text, QColor(0xc6, 0x28, 0x28));
        else if (index.data(SourceListModel::StateKindRole).toInt() ==
                 static_cast<int>(models::SourceState::Kind::Listening))
            option->palette.setColor(QPalette::Text, QColor(0x2e, 0x7d, 0x32));
        else
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
};

} // namespace

SourcesPanel::SourcesPanel(models::SourceService* service, QWidget* parent)
    : ListPanel(QStringLiteral("sources"), QStringLiteral("Source"), parent), service_(service)
{
    SourceListModel* model = service_->model();
    view()->setModel(model);
    view()->horizontalHeader()->setStretchLastSection(true);
    view()->setItemDelegateForColumn(SourceListModel::StateColumn, new SourceStateDelegate(view()));

    add_ = new QAction(this);
    add_->setObjectName(QStringLiteral("addSourceAction"));
    add_->setShortcut(QKeySequence::New);
    edit_ = new QAction(this);
    edit_->setObjectName(QStringLiteral("editSourceAction"));
    toggle_ = new QAction(this);
    toggle_->setObjectName(QStringLiteral("toggleSourceAction"));
    delete_ = new QAction(this);
    delete_->setObjectName(QStringLiteral("deleteSourceAction"));
    delete_->setShortcut(QKeySequence::Delete);
    // The shortcuts act while the panel has the focus, so Del elsewhere stays free.
    for (QAction* action : {add_, edit_, toggle_, delete_})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setPanelActions({add_, edit_, toggle_, delete_});
    toolBar()->setIconSize(QSize(16, 16));

    connect(add_, &QAction::triggered, this, &SourcesPanel::addSource);
    connect(edit_, &QAction::triggered, this, &SourcesPanel::editCurrent);
    connect(toggle_, &QAction::triggered, this, &SourcesPanel::toggleCurrent);
    connect(delete_, &QAction::triggered, this, &SourcesPanel::deleteCurrent);
    connect(view(), &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() != SourceListModel::EnabledColumn)
            editCurrent();
    });
    connect(model, &SourceListModel::enabledChangeRequested, this, &SourcesPanel::setEnabled);
    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SourcesPanel::updateActions);
    connect(model, &QAbstractItemModel::dataChanged, this, &SourcesPanel::updateActions);
    follow(service_);

    retranslate();
    updatePlaceholder();
    updateActions();
}

int SourcesPanel::currentRow() const
{
    const QModelIndex current = view()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

SourceDialog* SourcesPanel::addSource()
{
    if (dialog_ || !service_->isAttached())
        return nullptr;
    models::SourceConfig fresh;
    dialog_ = new SourceDialog(fresh, service_->model()->names(), this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::accepted, this, [this, dialog = dialog_] {
        showMessage({});
        undoStack()->push(new AddSourceCommand(service_, dialog->source()));
    });
    connect(dialog_, &QObject::destroyed, this, [this] { dialog_ = nullptr; });
    dialog_->open();
    return dialog_;
}

SourceDialog* SourcesPanel::editCurrent()
{
    const int row = currentRow();
    if (dialog_ || row < 0 || !service_->isAttached())
        return nullptr;
    const models::SourceConfig before = service_->model()->entry(row).config;
    QStringList others = service_->model()->names();
    others.removeAll(before.name);
    dialog_ = new SourceDialog(before, others, this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::accepted, this, [this, dialog = dialog_, before] {
        const models::SourceConfig after = dialog->source();
        if (after == before)
            return;
        showMessage({});
        undoStack()->push(new EditSourceCommand(service_, before, after));
    });
    connect(dialog_, &QObject::destroyed, this, [this] { dialog_ = nullptr; });
    dialog_->open();
    return dialog_;
}

void SourcesPanel::toggleCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const models::SourceConfig& source = service_->model()->entry(row).config;
    setEnabled(source.id, !source.enabled);
}

void SourcesPanel::setEnabled(qint64 id, bool enabled)
{
    const int row = service_->model()->rowOfId(id);
    if (row < 0 || !service_->isAttached())
        return;
    showMessage({});
    undoStack()->push(new SetSourceEnabledCommand(service_, service_->model()->entry(row).config, enabled));
}

void SourcesPanel::deleteCurrent()
{
    const int row = currentRow();
    if (row < 0 || confirmation_ || !service_->isAttached())
        return;
    const models::SourceConfig source = service_->model()->entry(row).config;
    confirmation_ =
        new QMessageBox(QMessageBox::Question, tr("Delete Source"),
                        tr("Delete the source “%1”?").arg(source.name), QMessageBox::NoButton, this);
    confirmation_->setObjectName(QStringLiteral("deleteSourceConfirmation"));
    confirmation_->setInformativeText(
        tr("It stops listening on %1. The events it already received are kept. You can undo this with %2.")
            .arg(source.endpoint(), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    QPushButton* remove = confirmation_->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirmation_->addButton(QMessageBox::Cancel);
    confirmation_->setDefaultButton(QMessageBox::Cancel);
    confirmation_->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirmation_, &QMessageBox::buttonClicked, this,
            [this, remove, source](QAbstractButton* button) {
                if (button != remove)
                    return;
                showMessage({});
                undoStack()->push(new DeleteSourceCommand(service_, source));
            });
    connect(confirmation_, &QObject::destroyed, this, [this] { confirmation_ = nullptr; });
    confirmation_->open();
}

void SourcesPanel::onFinished(quint64, const QString& error, qint64)
{
    if (!error.isEmpty())
        showMessage(tr("The change was not saved: %1").arg(error));
    updateActions();
}

void SourcesPanel::updateActions()
{
    const int row = currentRow();
    const bool attached = service_->isAttached();
    add_->setEnabled(attached);
    edit_->setEnabled(attached && row >= 0);
    delete_->setEnabled(attached && row >= 0);
    toggle_->setEnabled(attached && row >= 0);
    const bool enabled = row >= 0 && service_->model()->entry(row).config.enabled;
    toggle_->setText(enabled ? tr("&Disable") : tr("E&nable"));
    toggle_->setToolTip(enabled ? tr("Stop listening (the source stays configured)") : tr("Start listening"));
}

QString SourcesPanel::placeholderText(Absence absence) const
{
    if (absence == Absence::Detached)
        return tr("The sources appear once the database is connected.");
    if (absence == Absence::Loading)
        return tr("Reading the sources…");
    return tr("No source is configured yet. Add one to receive syslog, CEF, LEEF or JSON "
              "over TCP, UDP or TLS.");
}

void SourcesPanel::retranslate()
{
    setWindowTitle(tr("Sources"));
    toolBar()->setWindowTitle(tr("Source actions"));
    add_->setText(tr("&Add…"));
    add_->setToolTip(tr("Add a source: a TCP, UDP or TLS listener"));
    edit_->setText(tr("&Edit…"));
    delete_->setText(tr("De&lete"));
    retranslateUndo(tr("&Undo"), tr("&Redo"), tr("Undo: %1"), tr("Redo: %1"));
    service_->model()->retranslate();
    updatePlaceholder();
}

} // namespace vigie::widgets
