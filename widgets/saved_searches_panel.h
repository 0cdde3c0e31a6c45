#pragma once
// SavedSearchesPanel: the "Saved searches" dock — the searches saved in the database, by name,
// with a filter box — and the actions on them: Run (double-click or Enter: the search bar shows
// and runs it, so history and Back/Forward see it as if typed), Save Current Search (Ctrl+S,
// asks for a name, offers to replace a search of that name), Rename (F2), Delete (Del), Undo
// and Redo. Every change goes through SavedSearchService as a command on the panel's
// QUndoStack. Dialogs open window-modal without blocking the event loop. GUI thread.
#include <QDockWidget>

class QAction;
class QInputDialog;
class QLabel;
class QLineEdit;
class QMessageBox;
class QModelIndex;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolBar;
class QUndoStack;

namespace vigie::models {
class SavedSearchService;
struct SavedSearch;
} // namespace vigie::models

namespace vigie::widgets {

class SearchBar;

class SavedSearchesPanel : public QDockWidget {
    Q_OBJECT
public:
    // Saves what `searchBar` shows and runs saved searches through it.
    SavedSearchesPanel(models::SavedSearchService* service, SearchBar* searchBar, QWidget* parent = nullptr);

    QTableView* view() const { return view_; }
    QLineEdit* filterEdit() const { return filter_; }
    QUndoStack* undoStack() const { return undo_; }
    // Ctrl+S acts in the whole window: the main window puts this action in its Edit menu.
    QAction* saveAction() const { return save_; }
    QAction* runAction() const { return run_; }
    QAction* renameAction() const { return rename_; }
    QAction* deleteAction() const { return delete_; }
    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }
    // The name dialog or the replace confirmation open now, if any (tests drive them).
    QInputDialog* openNameDialog() const { return nameDialog_; }
    QMessageBox* openConfirmation() const { return confirmation_; }
    // The last error shown in the panel's message line, empty when none.
    QString messageText() const;

public Q_SLOTS:
    QInputDialog* saveCurrentSearch();
    QInputDialog* renameCurrent();
    void deleteCurrent();
    // Runs the selected search (or the first one listed) in the search bar.
    bool runCurrent();

protected:
    void changeEvent(QEvent* event) override;

private:
    // The search of the selected row, nullptr when none.
    const models::SavedSearch* currentSearch() const;
    bool run(const QModelIndex& index);
    void select(qint64 id);
    QInputDialog* askName(const QString& title, const QString& label, const QString& name);
    void saveAs(const models::SavedSearch& search);
    void confirmReplace(const models::SavedSearch& existing, const models::SavedSearch& replacement);
    void onFinished(const QString& error, qint64 id);
    void showMessage(const QString& text);
    void updateActions();
    void updatePlaceholder();
    void updateUndoActions();
    void retranslate();

    models::SavedSearchService* service_;
    SearchBar* searchBar_;
    QUndoStack* undo_;
    QToolBar* toolBar_;
    QLineEdit* filter_;
    QSortFilterProxyModel* proxy_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QTableView* view_;
    QLabel* message_;
    QAction* save_;
    QAction* run_;
    QAction* rename_;
    QAction* delete_;
    QAction* undoAction_;
    QAction* redoAction_;
    QInputDialog* nameDialog_ = nullptr;
    QMessageBox* confirmation_ = nullptr;
};

} // namespace vigie::widgets
