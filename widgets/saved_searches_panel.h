#pragma once
// SavedSearchesPanel: the "Saved searches" dock — the searches saved in the database, by name,
// with a filter box — and the actions on them: Run (double-click or Enter: the search bar shows
// and runs it, so history and Back/Forward see it as if typed), Save Current Search (Ctrl+S,
// asks for a name, offers to replace a search of that name), Rename (F2), Delete (Del), Undo
// and Redo. Every change goes through SavedSearchService as a command on the panel's
// QUndoStack (ListPanel). Dialogs open window-modal without blocking the event loop. GUI thread.
#include "list_panel.h"

class QAction;
class QInputDialog;
class QLineEdit;
class QMessageBox;
class QModelIndex;
class QSortFilterProxyModel;

namespace vigie::models {
class SavedSearchService;
struct SavedSearch;
} // namespace vigie::models

namespace vigie::widgets {

class SearchBar;

class SavedSearchesPanel : public ListPanel {
    Q_OBJECT
public:
    // Saves what `searchBar` shows and runs saved searches through it.
    SavedSearchesPanel(models::SavedSearchService* service, SearchBar* searchBar, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return filter_; }
    // Ctrl+S acts in the whole window: the main window puts this action in its Edit menu.
    QAction* saveAction() const { return save_; }
    QAction* runAction() const { return run_; }
    QAction* renameAction() const { return rename_; }
    QAction* deleteAction() const { return delete_; }
    // The name dialog or the replace confirmation open now, if any (tests drive them).
    QInputDialog* openNameDialog() const { return nameDialog_; }
    QMessageBox* openConfirmation() const { return confirmation_; }

public Q_SLOTS:
    QInputDialog* saveCurrentSearch();
    QInputDialog* renameCurrent();
    void deleteCurrent();
    // Runs the selected search (or the first one listed) in the search bar.
    bool runCurrent();

private:
    // The search of the selected row, nullptr when none.
    const models::SavedSearch* currentSearch() const;
    bool run(const QModelIndex& index);
    void select(qint64 id);
    QInputDialog* askName(const QString& title, const QString& label, const QString& name);
    void saveAs(const models::SavedSearch& search);
    void confirmReplace(const models::SavedSearch& existing, const models::SavedSearch& replacement);
    void onFinished(quint64 request, const QString& error, qint64 id) override;
    void updateActions() override;
    QString placeholderText(Absence absence) const override;
    void retranslate() override;

    models::SavedSearchService* service_;
    SearchBar* searchBar_;
    QLineEdit* filter_;
    QSortFilterProxyModel* proxy_;
    QAction* save_;
    QAction* run_;
    QAction* rename_;
    QAction* delete_;
    QInputDialog* nameDialog_ = nullptr;
    QMessageBox* confirmation_ = nullptr;
};

} // namespace vigie::widgets
