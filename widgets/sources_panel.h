#pragma once
// SourcesPanel: the dock listing the configured sources with their live state, and the
// actions on them — Add, Edit, Enable/Disable (also the row's check box), Delete (after a
// confirmation), Undo and Redo. Every change goes through SourceService (persisted, then
// applied to the running engine) as a command on the panel's QUndoStack. Dialogs open
// window-modal without blocking the event loop. GUI thread.
#include <QDockWidget>

class QAction;
class QLabel;
class QMessageBox;
class QStackedWidget;
class QTableView;
class QToolBar;
class QUndoStack;

namespace vigie::models {
class SourceService;
struct SourceConfig;
} // namespace vigie::models

namespace vigie::widgets {

class SourceDialog;

class SourcesPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit SourcesPanel(models::SourceService* service, QWidget* parent = nullptr);

    QTableView* view() const { return view_; }
    QUndoStack* undoStack() const { return undo_; }
    QAction* addSourceAction() const { return add_; }
    QAction* editSourceAction() const { return edit_; }
    QAction* toggleSourceAction() const { return toggle_; }
    QAction* deleteSourceAction() const { return delete_; }
    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }
    // The dialog or confirmation open now, if any (tests drive it).
    SourceDialog* openDialog() const { return dialog_; }
    QMessageBox* openConfirmation() const { return confirmation_; }
    // The last error shown in the panel's message line, empty when none.
    QString messageText() const;

public Q_SLOTS:
    SourceDialog* addSource();
    SourceDialog* editCurrent();
    void toggleCurrent();
    void deleteCurrent();

protected:
    void changeEvent(QEvent* event) override;

private:
    int currentRow() const;
    void setEnabled(qint64 id, bool enabled);
    void onFinished(quint64 request, const QString& error);
    void showMessage(const QString& text);
    void updateActions();
    void updatePlaceholder();
    void updateUndoActions();
    void retranslate();

    models::SourceService* service_;
    QUndoStack* undo_;
    QToolBar* toolBar_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QTableView* view_;
    QLabel* message_;
    QAction* add_;
    QAction* edit_;
    QAction* toggle_;
    QAction* delete_;
    QAction* undoAction_;
    QAction* redoAction_;
    SourceDialog* dialog_ = nullptr;
    QMessageBox* confirmation_ = nullptr;
};

} // namespace vigie::widgets
