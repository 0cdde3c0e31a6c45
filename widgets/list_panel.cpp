// ListPanel (list_panel.h): the shared toolbar, message line, list, placeholder and undo stack of
// the Sources and Saved searches docks, and the body the Alerts dock shares with them. GUI thread.
#include "list_panel.h"

#include "request_command.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace vigie::widgets {

void setUpListDock(QDockWidget* dock, QToolBar* toolBar, QLabel* message, QStackedWidget* stack,
                   QLabel* placeholder, QWidget* list)
{
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setMargin(12);
    message->setWordWrap(true);
    message->setVisible(false);
    message->setTextFormat(Qt::PlainText);
    message->setStyleSheet(QStringLiteral("color: #c62828; padding: 4px;"));

    auto* content = new QWidget(dock);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(message);
    stack->addWidget(placeholder);
    stack->addWidget(list);
    layout->addWidget(stack, 1);
    dock->setWidget(content);
}

ListPanel::ListPanel(const QString& name, const QString& item, QWidget* parent)
    : QDockWidget(parent), undo_(new QUndoStack(this)), toolBar_(new QToolBar(this)),
      message_(new QLabel(this)), stack_(new QStackedWidget(this)), placeholder_(new QLabel(this)),
      view_(new QTableView(this)), undoAction_(new QAction(this)), redoAction_(new QAction(this))
{
    setObjectName(name + QLatin1String("Panel"));
    view_->setObjectName(name + QLatin1String("Table"));
    message_->setObjectName(name + QLatin1String("Message"));
    placeholder_->setObjectName(name + QLatin1String("Placeholder"));
    undoAction_->setObjectName(QLatin1String("undo") + item + QLatin1String("Action"));
    redoAction_->setObjectName(QLatin1String("redo") + item + QLatin1String("Action"));

    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 8);
    view_->horizontalHeader()->setHighlightSections(false);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_->setShortcut(QKeySequence::Redo);
    // They act while the panel has the focus, so Ctrl+Z elsewhere stays free.
    undoAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redoAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(undoAction_, &QAction::triggered, undo_, &QUndoStack::undo);
    connect(redoAction_, &QAction::triggered, undo_, &QUndoStack::redo);
    connect(undo_, &QUndoStack::indexChanged, this, &ListPanel::updateUndoActions);
    connect(undo_, &QUndoStack::cleanChanged, this, &ListPanel::updateUndoActions);

    setUpListDock(this, toolBar_, message_, stack_, placeholder_, view_);
}

ListPanel::~ListPanel()
{
    // The stack empties itself, signalling, when it is deleted with the other children: by then
    // this panel's members are gone.
    undo_->disconnect(this);
}

void ListPanel::followModel(QAbstractItemModel* model)
{
    model_ = model;
    connect(model, &QAbstractItemModel::modelReset, this, &ListPanel::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ListPanel::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ListPanel::updatePlaceholder);
}

void ListPanel::dispatch(quint64 request, const QString& error, qint64 id)
{
    RequestCommand::dispatch(undo_, request, error, id);
    onFinished(request, error, id);
}

void ListPanel::setPanelActions(const QList<QAction*>& actions)
{
    for (QAction* action : actions) {
        toolBar_->addAction(action);
        QWidget::addAction(action);
    }
    toolBar_->addSeparator();
    for (QAction* action : {undoAction_, redoAction_}) {
        toolBar_->addAction(action);
        QWidget::addAction(action);
    }
}

void ListPanel::addListHeader(QWidget* widget)
{
    auto* layout = static_cast<QVBoxLayout*>(this->widget()->layout());
    layout->insertWidget(layout->indexOf(message_), widget);
    headers_.append(widget);
    widget->setVisible(stack_->currentWidget() == view_);
    // Created after the list, it would come after it on Tab: the filter box leads to the list.
    setTabOrder(widget, view_);
}

QSize ListPanel::sizeHint() const
{
    const QSize hint = QDockWidget::sizeHint();
    const int rows = 12;
    return {hint.width(), std::max(hint.height(), toolBar_->sizeHint().height() +
                                                      view_->horizontalHeader()->sizeHint().height() +
                                                      rows * view_->verticalHeader()->defaultSectionSize())};
}

QString ListPanel::messageText() const
{
    return message_->isHidden() ? QString() : message_->text();
}

void ListPanel::showMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void ListPanel::retranslateUndo(const QString& undo, const QString& redo, const QString& undoTip,
                                const QString& redoTip)
{
    undoAction_->setText(undo);
    redoAction_->setText(redo);
    undoTip_ = undoTip;
    redoTip_ = redoTip;
    updateUndoActions();
}

void ListPanel::updateUndoActions()
{
    undoAction_->setEnabled(undo_->canUndo());
    redoAction_->setEnabled(undo_->canRedo());
    undoAction_->setToolTip(undo_->canUndo() ? undoTip_.arg(undo_->undoText()) : QString());
    redoAction_->setToolTip(undo_->canRedo() ? redoTip_.arg(undo_->redoText()) : QString());
}

void ListPanel::updatePlaceholder()
{
    const bool attached = attached_();
    if (attached && model_->rowCount() > 0) {
        stack_->setCurrentWidget(view_);
    } else {
        stack_->setCurrentWidget(placeholder_);
        placeholder_->setText(placeholderText(!attached    ? Absence::Detached
                                              : loading_() ? Absence::Loading
                                                           : Absence::Empty));
    }
    for (QWidget* header : headers_)
        header->setVisible(stack_->currentWidget() == view_);
    updateActions();
}

void ListPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

} // namespace vigie::widgets
