#include "sources_panel.h"

#include "source_commands.h"
#include "source_dialog.h"
#include "source_service.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

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
    : QDockWidget(parent), service_(service), undo_(new QUndoStack(this)), toolBar_(new QToolBar(this)),
      stack_(new QStackedWidget(this)), placeholder_(new QLabel(this)), view_(new QTableView(this)),
      message_(new QLabel(this))
{
    setObjectName(QStringLiteral("sourcesPanel"));
    view_->setObjectName(QStringLiteral("sourcesTable"));
    message_->setObjectName(QStringLiteral("sourcesMessage"));
    placeholder_->setObjectName(QStringLiteral("sourcesPlaceholder"));
    SourceListModel* model = service_->model();
    view_->setModel(model);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setHighlightSections(false);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setItemDelegateForColumn(SourceListModel::StateColumn, new SourceStateDelegate(view_));

    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setMargin(12);
    message_->setWordWrap(true);
    message_->setVisible(false);
    message_->setTextFormat(Qt::PlainText);
    message_->setStyleSheet(QStringLiteral("color: #c62828; padding: 4px;"));

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
    undoAction_ = new QAction(this);
    undoAction_->setObjectName(QStringLiteral("undoSourceAction"));
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_ = new QAction(this);
    redoAction_->setObjectName(QStringLiteral("redoSourceAction"));
    redoAction_->setShortcut(QKeySequence::Redo);
    // The shortcuts act while the panel has the focus, so Ctrl+Z elsewhere stays free.
    for (QAction* action : {add_, edit_, toggle_, delete_, undoAction_, redoAction_}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        toolBar_->addAction(action);
        QWidget::addAction(action);
    }
    toolBar_->insertSeparator(undoAction_);
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->setIconSize(QSize(16, 16));

    connect(undoAction_, &QAction::triggered, undo_, &QUndoStack::undo);
    connect(redoAction_, &QAction::triggered, undo_, &QUndoStack::redo);
    connect(undo_, &QUndoStack::indexChanged, this, &SourcesPanel::updateUndoActions);
    connect(undo_, &QUndoStack::cleanChanged, this, &SourcesPanel::updateUndoActions);
    connect(add_, &QAction::triggered, this, &SourcesPanel::addSource);
    connect(edit_, &QAction::triggered, this, &SourcesPanel::editCurrent);
    connect(toggle_, &QAction::triggered, this, &SourcesPanel::toggleCurrent);
    connect(delete_, &QAction::triggered, this, &SourcesPanel::deleteCurrent);
    connect(view_, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() != SourceListModel::EnabledColumn)
            editCurrent();
    });
    connect(model, &SourceListModel::enabledChangeRequested, this, &SourcesPanel::setEnabled);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SourcesPanel::updateActions);
    connect(model, &QAbstractItemModel::dataChanged, this, &SourcesPanel::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &SourcesPanel::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SourcesPanel::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SourcesPanel::updatePlaceholder);
    connect(service_, &models::SourceService::attachedChanged, this, &SourcesPanel::updatePlaceholder);
    connect(service_, &models::SourceService::loaded, this, &SourcesPanel::updatePlaceholder);
    connect(service_, &models::SourceService::finished, this,
            [this](quint64 request, const QString& error, qint64 id) {
                RequestCommand::dispatch(undo_, request, error, id);
                onFinished(request, error);
            });

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar_);
    layout->addWidget(message_);
    stack_->addWidget(placeholder_);
    stack_->addWidget(view_);
    layout->addWidget(stack_, 1);
    setWidget(content);

    retranslate();
    updatePlaceholder();
    updateActions();
}

int SourcesPanel::currentRow() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? current.row() : -1;
}

QString SourcesPanel::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

void SourcesPanel::showMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
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
        undo_->push(new AddSourceCommand(service_, dialog->source()));
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
        undo_->push(new EditSourceCommand(service_, before, after));
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
    undo_->push(new SetSourceEnabledCommand(service_, service_->model()->entry(row).config, enabled));
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
                undo_->push(new DeleteSourceCommand(service_, source));
            });
    connect(confirmation_, &QObject::destroyed, this, [this] { confirmation_ = nullptr; });
    confirmation_->open();
}

void SourcesPanel::onFinished(quint64, const QString& error)
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

void SourcesPanel::updateUndoActions()
{
    undoAction_->setEnabled(undo_->canUndo());
    redoAction_->setEnabled(undo_->canRedo());
    undoAction_->setToolTip(undo_->canUndo() ? tr("Undo: %1").arg(undo_->undoText()) : QString());
    redoAction_->setToolTip(undo_->canRedo() ? tr("Redo: %1").arg(undo_->redoText()) : QString());
}

void SourcesPanel::updatePlaceholder()
{
    const bool attached = service_->isAttached();
    if (attached && service_->model()->rowCount() > 0) {
        stack_->setCurrentWidget(view_);
    } else {
        stack_->setCurrentWidget(placeholder_);
        if (!attached)
            placeholder_->setText(tr("The sources appear once the database is connected."));
        else if (service_->isLoading())
            placeholder_->setText(tr("Reading the sources…"));
        else
            placeholder_->setText(
                tr("No source is configured yet. Add one to receive syslog, CEF, LEEF or JSON "
                   "over TCP, UDP or TLS."));
    }
    updateActions();
}

void SourcesPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void SourcesPanel::retranslate()
{
    setWindowTitle(tr("Sources"));
    toolBar_->setWindowTitle(tr("Source actions"));
    add_->setText(tr("&Add…"));
    add_->setToolTip(tr("Add a source: a TCP, UDP or TLS listener"));
    edit_->setText(tr("&Edit…"));
    delete_->setText(tr("De&lete"));
    undoAction_->setText(tr("&Undo"));
    redoAction_->setText(tr("&Redo"));
    service_->model()->retranslate();
    updatePlaceholder();
    updateUndoActions();
}

} // namespace vigie::widgets
