// SavedSearchesPanel: the dock's widgets, its actions and dialogs. GUI thread.
#include "saved_searches_panel.h"

#include "saved_search_commands.h"
#include "saved_search_service.h"
#include "search_bar.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

namespace vigie::widgets {
namespace {

using models::SavedSearch;
using models::SavedSearchListModel;

SearchEntry entryOf(const SavedSearch& saved)
{
    SearchEntry entry;
    entry.query = saved.query;
    entry.lastMinutes = saved.lastMinutes;
    entry.from = saved.from;
    entry.to = saved.to;
    return entry;
}

SavedSearch savedOf(const SearchEntry& entry, const QString& name)
{
    SavedSearch saved;
    saved.name = name.trimmed();
    saved.query = entry.query.trimmed();
    saved.lastMinutes = entry.lastMinutes;
    saved.from = entry.from;
    saved.to = entry.to;
    return saved;
}

} // namespace

SavedSearchesPanel::SavedSearchesPanel(models::SavedSearchService* service, SearchBar* searchBar,
                                       QWidget* parent)
    : ListPanel(QStringLiteral("savedSearches"), QStringLiteral("SavedSearch"), parent), service_(service),
      searchBar_(searchBar), filter_(new QLineEdit(this)), proxy_(new QSortFilterProxyModel(this))
{
    filter_->setObjectName(QStringLiteral("savedSearchesFilter"));

    SavedSearchListModel* model = service_->model();
    // The model is sorted by name already; the proxy only filters, on every column.
    proxy_->setSourceModel(model);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(filter_, &QLineEdit::returnPressed, this, &SavedSearchesPanel::runCurrent);
    addListHeader(filter_);

    view()->setModel(proxy_);
    view()->horizontalHeader()->setStretchLastSection(false);
    view()->horizontalHeader()->setSectionResizeMode(SavedSearchListModel::QueryColumn, QHeaderView::Stretch);
    view()->setContextMenuPolicy(Qt::ActionsContextMenu);

    save_ = new QAction(this);
    save_->setObjectName(QStringLiteral("saveSearchAction"));
    save_->setShortcut(QKeySequence::Save);
    // Saving is asked from the search bar as much as from the panel: Ctrl+S acts in the window.
    save_->setShortcutContext(Qt::WindowShortcut);
    run_ = new QAction(this);
    run_->setObjectName(QStringLiteral("runSavedSearchAction"));
    rename_ = new QAction(this);
    rename_->setObjectName(QStringLiteral("renameSavedSearchAction"));
    rename_->setShortcut(QKeySequence(Qt::Key_F2));
    delete_ = new QAction(this);
    delete_->setObjectName(QStringLiteral("deleteSavedSearchAction"));
    delete_->setShortcut(QKeySequence::Delete);
    // These act while the panel has the focus, so Del elsewhere stays free.
    for (QAction* action : {run_, rename_, delete_})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setPanelActions({save_, run_, rename_, delete_});
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    view()->addActions({run_, rename_, delete_, separator, save_});

    connect(save_, &QAction::triggered, this, &SavedSearchesPanel::saveCurrentSearch);
    connect(run_, &QAction::triggered, this, &SavedSearchesPanel::runCurrent);
    connect(rename_, &QAction::triggered, this, &SavedSearchesPanel::renameCurrent);
    connect(delete_, &QAction::triggered, this, &SavedSearchesPanel::deleteCurrent);
    // Enter, and a double-click (or a single click where the platform activates on one).
    connect(view(), &QAbstractItemView::activated, this, &SavedSearchesPanel::run);
    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SavedSearchesPanel::updateActions);
    follow(service_);

    retranslate();
    updatePlaceholder();
}

const SavedSearch* SavedSearchesPanel::currentSearch() const
{
    const QModelIndex current = proxy_->mapToSource(view()->currentIndex());
    return current.isValid() ? &service_->model()->search(current.row()) : nullptr;
}

void SavedSearchesPanel::select(qint64 id)
{
    const int row = service_->model()->rowOfId(id);
    if (row < 0)
        return;
    const QModelIndex index = proxy_->mapFromSource(service_->model()->index(row, 0));
    if (index.isValid())
        view()->setCurrentIndex(index);
}

bool SavedSearchesPanel::runCurrent()
{
    QModelIndex index = view()->currentIndex();
    if (!index.isValid())
        index = proxy_->index(0, 0);
    return run(index);
}

bool SavedSearchesPanel::run(const QModelIndex& index)
{
    const QModelIndex source = proxy_->mapToSource(index);
    if (!source.isValid())
        return false;
    showMessage({});
    // The same path as a search typed in the bar: shown there, remembered, one Back step.
    return searchBar_->run(entryOf(service_->model()->search(source.row())));
}

QInputDialog* SavedSearchesPanel::askName(const QString& title, const QString& label, const QString& name)
{
    nameDialog_ = new QInputDialog(this);
    nameDialog_->setObjectName(QStringLiteral("savedSearchNameDialog"));
    nameDialog_->setWindowTitle(title);
    nameDialog_->setLabelText(label);
    nameDialog_->setTextValue(name);
    nameDialog_->setAttribute(Qt::WA_DeleteOnClose);
    // Closed, it is deleted later: a new one may open at once.
    connect(nameDialog_, &QDialog::finished, this, [this] { nameDialog_ = nullptr; });
    nameDialog_->open();
    return nameDialog_;
}

QInputDialog* SavedSearchesPanel::saveCurrentSearch()
{
    if (nameDialog_ || confirmation_ || !service_->isAttached())
        return nullptr;
    // The analyst sees where the search lands.
    show();
    raise();
    const SearchEntry entry = searchBar_->current();
    if (const auto error = models::checkSyntax(entry.query)) {
        showMessage(tr("The search cannot be saved: its query has an error at character %1: %2")
                        .arg(error->position + 1)
                        .arg(error->message));
        return nullptr;
    }
    showMessage({});
    askName(tr("Save Search"), tr("Name of the saved search:"), QString());
    connect(nameDialog_, &QInputDialog::textValueSelected, this,
            [this, entry](const QString& name) { saveAs(savedOf(entry, name)); });
    return nameDialog_;
}

void SavedSearchesPanel::saveAs(const SavedSearch& search)
{
    if (const QString problem = SavedSearch::nameProblem(search.name); !problem.isEmpty()) {
        showMessage(problem);
        return;
    }
    const int row = service_->model()->rowOfName(search.name);
    if (row < 0) {
        undoStack()->push(new SaveSearchCommand(service_, search));
        return;
    }
    const SavedSearch existing = service_->model()->search(row);
    if (existing.sameSearchAs(search))
        select(existing.id); // already saved as it is
    else
        confirmReplace(existing, search);
}

void SavedSearchesPanel::confirmReplace(const SavedSearch& existing, const SavedSearch& replacement)
{
    confirmation_ =
        new QMessageBox(QMessageBox::Question, tr("Replace Saved Search"),
                        SavedSearch::nameTakenMessage(existing.name), QMessageBox::NoButton, this);
    confirmation_->setObjectName(QStringLiteral("replaceSavedSearchConfirmation"));
    confirmation_->setInformativeText(
        tr("Replace its query and time range (%1) with the current search (%2)? You can undo this with %3.")
            .arg(existing.rangeText(), replacement.rangeText(),
                 QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    confirmation_->setDetailedText(
        tr("Saved query: %1\nCurrent query: %2").arg(existing.query, replacement.query));
    QPushButton* replace = confirmation_->addButton(tr("Replace"), QMessageBox::AcceptRole);
    confirmation_->addButton(QMessageBox::Cancel);
    confirmation_->setDefaultButton(QMessageBox::Cancel);
    confirmation_->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirmation_, &QMessageBox::buttonClicked, this,
            [this, replace, existing, replacement](QAbstractButton* button) {
                if (button != replace)
                    return;
                SavedSearch after = replacement;
                after.id = existing.id;
                after.name = existing.name;
                undoStack()->push(new ReplaceSearchCommand(service_, existing, after));
            });
    connect(confirmation_, &QDialog::finished, this, [this] { confirmation_ = nullptr; });
    confirmation_->open();
}

QInputDialog* SavedSearchesPanel::renameCurrent()
{
    const SavedSearch* current = currentSearch();
    if (!current || nameDialog_ || confirmation_ || !service_->isAttached())
        return nullptr;
    const SavedSearch before = *current;
    showMessage({});
    askName(tr("Rename Saved Search"), tr("New name for “%1”:").arg(before.name), before.name);
    connect(nameDialog_, &QInputDialog::textValueSelected, this, [this, before](const QString& text) {
        const QString name = text.trimmed();
        if (const QString problem = SavedSearch::nameProblem(name); !problem.isEmpty()) {
            showMessage(problem);
            return;
        }
        if (name == before.name)
            return;
        const int row = service_->model()->rowOfName(name);
        if (row >= 0 && service_->model()->search(row).id != before.id) {
            showMessage(SavedSearch::nameTakenMessage(name));
            return;
        }
        undoStack()->push(new RenameSearchCommand(service_, before, name));
    });
    return nameDialog_;
}

void SavedSearchesPanel::deleteCurrent()
{
    const SavedSearch* current = currentSearch();
    if (!current || !service_->isAttached())
        return;
    // No confirmation: a deleted search comes back, with its id, on Ctrl+Z.
    showMessage({});
    undoStack()->push(new DeleteSearchCommand(service_, *current));
}

void SavedSearchesPanel::onFinished(quint64, const QString& error, qint64 id)
{
    if (!error.isEmpty()) {
        showMessage(service_->isLoading() ? tr("The saved searches could not be read: %1").arg(error)
                                          : tr("The change was not saved: %1").arg(error));
    } else if (id != 0) {
        select(id);
    }
    updateActions();
}

void SavedSearchesPanel::updateActions()
{
    const bool attached = service_->isAttached();
    const bool selected = currentSearch() != nullptr;
    save_->setEnabled(attached);
    run_->setEnabled(selected);
    rename_->setEnabled(attached && selected);
    delete_->setEnabled(attached && selected);
}

QString SavedSearchesPanel::placeholderText(Absence absence) const
{
    if (absence == Absence::Detached)
        return tr("The saved searches appear once the database is connected.");
    if (absence == Absence::Loading)
        return tr("Reading the saved searches…");
    return tr("No saved search yet. Run a search, then save it with %1.")
        .arg(save_->shortcut().toString(QKeySequence::NativeText));
}

void SavedSearchesPanel::retranslate()
{
    setWindowTitle(tr("Saved Searches"));
    toolBar()->setWindowTitle(tr("Saved search actions"));
    filter_->setPlaceholderText(tr("Filter by name or query"));
    save_->setText(tr("&Save Current Search…"));
    save_->setToolTip(tr("Save the query and time range of the search bar under a name (%1)")
                          .arg(save_->shortcut().toString(QKeySequence::NativeText)));
    run_->setText(tr("Ru&n"));
    run_->setToolTip(tr("Run the selected search (Enter or double-click)"));
    rename_->setText(tr("Re&name…"));
    delete_->setText(tr("De&lete"));
    retranslateUndo(tr("&Undo"), tr("&Redo"), tr("Undo: %1"), tr("Redo: %1"));
    service_->model()->retranslate();
    updatePlaceholder();
}

} // namespace vigie::widgets
