#pragma once
// ListPanel: what the Sources and Saved searches docks share — a toolbar whose actions end in
// Undo and Redo, a red line for the last error, the list (a table view over a service's model)
// with a placeholder in its place while the service is detached, loading or has nothing, and the
// QUndoStack of RequestCommands that the service's answers are handed to. The subclass adds its
// actions, sets every text (tr() stays in the subclass: the catalogue is keyed by its class and
// the two panels use different mnemonics) and says what an answer means to it. GUI thread.
#include <QDockWidget>
#include <QList>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolBar;
class QUndoStack;

namespace vigie::widgets {

// The body the list docks share (ListPanel, AlertQueuePanel): `toolBar`, the red message line
// (hidden until showMessage()), then `list` or the centred `placeholder` in `stack`; set as
// `dock`'s widget in a QVBoxLayout.
void setUpListDock(QDockWidget* dock, QToolBar* toolBar, QLabel* message, QStackedWidget* stack,
                   QLabel* placeholder, QWidget* list);

class ListPanel : public QDockWidget {
    Q_OBJECT
public:
    ~ListPanel() override;

    QTableView* view() const { return view_; }
    QUndoStack* undoStack() const { return undo_; }
    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }
    // The last error shown in the panel's message line, empty when none.
    QString messageText() const;
    // Room for a dozen rows: docked at the bottom, a list panel would otherwise open two rows
    // high under the events table.
    QSize sizeHint() const override;

protected:
    // Why the placeholder stands where the list would be.
    enum class Absence { Detached, Loading, Empty };

    // `name` prefixes the object names (`sources`: sourcesPanel, sourcesTable, sourcesMessage,
    // sourcesPlaceholder); `item` names the undo actions (`Source`: undoSourceAction,
    // redoSourceAction).
    ListPanel(const QString& name, const QString& item, QWidget* parent);

    // Called once by the subclass's constructor. `service` is a SourceService or a
    // SavedSearchService (the same signals): the placeholder follows its model, attachment and
    // first load; each answer goes to the command waiting for it, then to onFinished().
    template <class Service> void follow(Service* service)
    {
        attached_ = [service] { return service->isAttached(); };
        loading_ = [service] { return service->isLoading(); };
        followModel(service->model());
        connect(service, &Service::attachedChanged, this, &ListPanel::updatePlaceholder);
        connect(service, &Service::loaded, this, &ListPanel::updatePlaceholder);
        connect(service, &Service::finished, this, &ListPanel::dispatch);
    }

    // Puts `actions` on the toolbar and on the panel (for their shortcuts), then Undo and Redo.
    void setPanelActions(const QList<QAction*>& actions);
    // A widget above the list, shown only while the list is (the saved searches' filter box).
    void addListHeader(QWidget* widget);
    // The texts of Undo and Redo, translated by the subclass; the tooltips take the command's text
    // as %1.
    void retranslateUndo(const QString& undo, const QString& redo, const QString& undoTip,
                         const QString& redoTip);
    QToolBar* toolBar() const { return toolBar_; }
    // Shows `text` in the message line; empty hides it.
    void showMessage(const QString& text);
    // The list, or the placeholder with the subclass's text; then updateActions().
    void updatePlaceholder();

    void changeEvent(QEvent* event) override;
    virtual void retranslate() = 0;
    virtual QString placeholderText(Absence absence) const = 0;
    virtual void updateActions() = 0;
    // The service answered `request` (the undo stack has already seen the answer).
    virtual void onFinished(quint64 request, const QString& error, qint64 id) = 0;

private:
    void followModel(QAbstractItemModel* model);
    void dispatch(quint64 request, const QString& error, qint64 id);
    void updateUndoActions();

    QAbstractItemModel* model_ = nullptr;
    std::function<bool()> attached_;
    std::function<bool()> loading_;
    QUndoStack* undo_;
    QToolBar* toolBar_;
    QLabel* message_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QTableView* view_;
    QAction* undoAction_;
    QAction* redoAction_;
    QList<QWidget*> headers_;
    QString undoTip_;
    QString redoTip_;
};

} // namespace vigie::widgets
