// RuleManagerPanel: the dock's widgets, its actions, the import report and the editors. GUI thread.
#include "rule_manager_panel.h"

#include "rule_commands.h"
#include "rule_editor_dialog.h"
#include "rule_import_report_dialog.h"
#include "rule_service.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QUuid>

namespace vigie::widgets {
namespace {

using models::RuleListModel;
using models::RuleRow;

// Levels sort by severity and the enabled column by its box, the rest as shown.
class RuleSortProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        if (left.column() == RuleListModel::LevelColumn)
            return left.data(RuleListModel::SeverityRole).toInt() <
                   right.data(RuleListModel::SeverityRole).toInt();
        if (left.column() == RuleListModel::EnabledColumn)
            return left.data(Qt::CheckStateRole).toInt() < right.data(Qt::CheckStateRole).toInt();
        if (left.column() == RuleListModel::UpdatedColumn)
            return left.data(RuleListModel::RowRole).value<RuleRow>().updated <
                   right.data(RuleListModel::RowRole).value<RuleRow>().updated;
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

// What New Rule starts from: a rule that loads, for the analyst to rewrite.
QString newRuleTemplate()
{
    return QStringLiteral("title: \nid: %1\nstatus: experimental\nlevel: medium\n"
                          "logsource:\n  product: linux\n  service: sshd\n"
                          "detection:\n  selection:\n    action: ssh_login\n    outcome: failure\n"
                          "  condition: selection\n")
        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

} // namespace

RuleManagerPanel::RuleManagerPanel(models::RuleService* service, QWidget* parent)
    : ListPanel(QStringLiteral("rules"), QStringLiteral("Rule"), parent), service_(service),
      filter_(new QLineEdit(this)), proxy_(new RuleSortProxy(this))
{
    filter_->setObjectName(QStringLiteral("rulesFilter"));
    RuleListModel* model = service_->model();
    proxy_->setSourceModel(model);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    addListHeader(filter_);

    view()->setModel(proxy_);
    view()->setSortingEnabled(true);
    view()->sortByColumn(-1, Qt::AscendingOrder); // the model's order (id) until a header is clicked
    QHeaderView* header = view()->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RuleListModel::TitleColumn, QHeaderView::Stretch);
    // A long reason stays in the tooltip rather than widening the list.
    header->setSectionResizeMode(RuleListModel::StatusColumn, QHeaderView::Interactive);
    header->resizeSection(RuleListModel::StatusColumn, fontMetrics().averageCharWidth() * 28);
    view()->setContextMenuPolicy(Qt::ActionsContextMenu);

    open_ = new QAction(this);
    open_->setObjectName(QStringLiteral("ruleManagerAction"));
    open_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    import_ = new QAction(this);
    import_->setObjectName(QStringLiteral("importRulesAction"));
    importFiles_ = new QAction(this);
    importFiles_->setObjectName(QStringLiteral("importRuleFilesAction"));
    importFolder_ = new QAction(this);
    importFolder_->setObjectName(QStringLiteral("importRuleFolderAction"));
    auto* importMenu = new QMenu(this);
    importMenu->addActions({importFiles_, importFolder_});
    import_->setMenu(importMenu);
    new_ = new QAction(this);
    new_->setObjectName(QStringLiteral("newRuleAction"));
    new_->setShortcut(QKeySequence::New);
    edit_ = new QAction(this);
    edit_->setObjectName(QStringLiteral("editRuleAction"));
    edit_->setShortcut(QKeySequence(Qt::Key_F2));
    toggle_ = new QAction(this);
    toggle_->setObjectName(QStringLiteral("toggleRuleAction"));
    toggle_->setShortcut(QKeySequence(Qt::Key_Space));
    delete_ = new QAction(this);
    delete_->setObjectName(QStringLiteral("deleteRuleAction"));
    delete_->setShortcut(QKeySequence::Delete);
    // These act while the panel has the focus, so Space, Del or Ctrl+N elsewhere stay free.
    for (QAction* action : {new_, edit_, toggle_, delete_})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    setPanelActions({import_, new_, edit_, toggle_, delete_});
    if (auto* button = qobject_cast<QToolButton*>(toolBar()->widgetForAction(import_)))
        button->setPopupMode(QToolButton::InstantPopup);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    view()->addActions({edit_, toggle_, delete_, separator, new_, importFiles_, importFolder_});

    connect(open_, &QAction::triggered, this, &RuleManagerPanel::showManager);
    connect(importFiles_, &QAction::triggered, this, &RuleManagerPanel::importFiles);
    connect(importFolder_, &QAction::triggered, this, &RuleManagerPanel::importFolder);
    connect(new_, &QAction::triggered, this, &RuleManagerPanel::newRule);
    connect(edit_, &QAction::triggered, this, &RuleManagerPanel::editCurrent);
    connect(toggle_, &QAction::triggered, this, &RuleManagerPanel::toggleCurrent);
    connect(delete_, &QAction::triggered, this, &RuleManagerPanel::deleteCurrent);
    connect(view(), &QAbstractItemView::activated, this, &RuleManagerPanel::editCurrent);
    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RuleManagerPanel::updateActions);
    // The row changes in place when the worker answers (enabled, text): the actions follow it.
    connect(model, &QAbstractItemModel::dataChanged, this, &RuleManagerPanel::updateActions);
    connect(model, &RuleListModel::enableRequested, this, &RuleManagerPanel::setEnabled);
    connect(service_, &models::RuleService::imported, this,
            [this](quint64 request, const models::RuleImportReport& report) {
                if (request == importRequest_)
                    showReport(report);
            });
    follow(service_);

    retranslate();
    updatePlaceholder();
}

QList<RuleEditorDialog*> RuleManagerPanel::editors() const
{
    QList<RuleEditorDialog*> open;
    for (const auto& editor : editors_)
        if (editor)
            open << editor;
    return open;
}

RuleImportReportDialog* RuleManagerPanel::importReport() const
{
    return report_;
}

void RuleManagerPanel::setConnInfo(const QString& conninfo)
{
    conninfo_ = conninfo;
    for (RuleEditorDialog* editor : editors())
        editor->setConnInfo(conninfo);
}

const RuleRow* RuleManagerPanel::currentRule() const
{
    const QModelIndex current = proxy_->mapToSource(view()->currentIndex());
    return current.isValid() ? &service_->model()->rule(current.row()) : nullptr;
}

const RuleRow* RuleManagerPanel::ruleOfId(qint64 id) const
{
    const int row = service_->model()->rowOfId(id);
    return row < 0 ? nullptr : &service_->model()->rule(row);
}

void RuleManagerPanel::select(qint64 id)
{
    const int row = service_->model()->rowOfId(id);
    if (row < 0)
        return;
    const QModelIndex index =
        proxy_->mapFromSource(service_->model()->index(row, RuleListModel::TitleColumn));
    if (index.isValid())
        view()->setCurrentIndex(index);
}

void RuleManagerPanel::showManager()
{
    show();
    raise();
    view()->setFocus();
}

void RuleManagerPanel::importFiles()
{
    openFileDialog(false);
}

void RuleManagerPanel::importFolder()
{
    openFileDialog(true);
}

void RuleManagerPanel::openFileDialog(bool folder)
{
    if (!service_->isAttached())
        return;
    auto* dialog = new QFileDialog(this);
    dialog->setObjectName(QStringLiteral("importRulesFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (folder) {
        dialog->setWindowTitle(tr("Import a Folder of Sigma Rules"));
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
    } else {
        dialog->setWindowTitle(tr("Import Sigma Rules"));
        dialog->setFileMode(QFileDialog::ExistingFiles);
        dialog->setNameFilters({tr("Sigma rules (*.yml *.yaml)"), tr("All files (*)")});
    }
    connect(dialog, &QFileDialog::filesSelected, this, &RuleManagerPanel::importPaths);
    dialog->open();
}

bool RuleManagerPanel::importPaths(const QStringList& paths)
{
    if (paths.isEmpty() || !service_->isAttached())
        return false;
    showMessage({});
    importRequest_ = service_->importPaths(paths);
    return importRequest_ != 0;
}

void RuleManagerPanel::showReport(const models::RuleImportReport& report)
{
    delete report_;
    report_ = new RuleImportReportDialog(report, this);
    report_->open();
}

RuleEditorDialog* RuleManagerPanel::openEditor(const RuleRow& rule)
{
    auto* dialog = new RuleEditorDialog(rule, this);
    dialog->setConnInfo(conninfo_);
    connect(dialog, &RuleEditorDialog::saveRequested, this,
            [this, dialog](const QString& yaml, bool enabled) { saveFrom(dialog, yaml, enabled); });
    editors_.removeAll(nullptr);
    editors_ << dialog;
    dialog->show();
    return dialog;
}

RuleEditorDialog* RuleManagerPanel::newRule()
{
    if (!service_->isAttached())
        return nullptr;
    RuleRow rule;
    rule.yaml = newRuleTemplate();
    return openEditor(rule);
}

RuleEditorDialog* RuleManagerPanel::editCurrent()
{
    const RuleRow* current = currentRule();
    if (!current || !service_->isAttached())
        return nullptr;
    for (RuleEditorDialog* editor : editors()) {
        if (editor->rule().id == current->id) {
            editor->raise();
            editor->activateWindow();
            return editor;
        }
    }
    return openEditor(*current);
}

void RuleManagerPanel::saveFrom(RuleEditorDialog* dialog, const QString& yaml, bool enabled)
{
    RuleCommand* command = dialog->rule().id == 0
                               ? static_cast<RuleCommand*>(new AddRuleCommand(service_, yaml, enabled))
                               : new EditRuleCommand(service_, dialog->rule(), yaml);
    undoStack()->push(command); // sends the request
    saves_.insert(command->lastRequest(), dialog);
}

void RuleManagerPanel::setEnabled(qint64 id, bool enabled)
{
    const RuleRow* rule = ruleOfId(id);
    if (!rule || rule->enabled == enabled || !service_->isAttached())
        return;
    showMessage({});
    undoStack()->push(new EnableRuleCommand(service_, *rule, enabled));
}

void RuleManagerPanel::toggleCurrent()
{
    if (const RuleRow* current = currentRule())
        setEnabled(current->id, !current->enabled);
}

void RuleManagerPanel::deleteCurrent()
{
    const RuleRow* current = currentRule();
    if (!current || !service_->isAttached())
        return;
    // No confirmation: a deleted rule comes back, with its id and text, on Ctrl+Z.
    showMessage({});
    undoStack()->push(new RemoveRuleCommand(service_, *current));
}

void RuleManagerPanel::onFinished(quint64 request, const QString& error, qint64 id)
{
    if (const QPointer<RuleEditorDialog> dialog = saves_.take(request); dialog) {
        // The editor says it; the list needs no second message.
        const RuleRow* stored = ruleOfId(error.isEmpty() ? id : dialog->rule().id);
        if (error.isEmpty() && stored)
            dialog->saved(*stored);
        else
            dialog->refused(error, stored);
    } else if (!error.isEmpty()) {
        showMessage(service_->isLoading() ? tr("The rules could not be read: %1").arg(error)
                                          : tr("The change was not saved: %1").arg(error));
    }
    if (error.isEmpty() && id != 0)
        select(id);
    updateActions();
}

void RuleManagerPanel::updateActions()
{
    const bool attached = service_->isAttached();
    const RuleRow* current = currentRule();
    import_->setEnabled(attached);
    importFiles_->setEnabled(attached);
    importFolder_->setEnabled(attached);
    new_->setEnabled(attached);
    edit_->setEnabled(attached && current);
    toggle_->setEnabled(attached && current);
    delete_->setEnabled(attached && current);
    toggle_->setText(current && current->enabled ? tr("&Disable") : tr("&Enable"));
    delete_->setToolTip(current && current->isBuiltin()
                            ? tr("Built-in rules cannot be deleted: disable them instead")
                            : tr("Delete the selected rule (%1); Undo puts it back")
                                  .arg(delete_->shortcut().toString(QKeySequence::NativeText)));
}

QString RuleManagerPanel::placeholderText(Absence absence) const
{
    if (absence == Absence::Detached)
        return tr("The detection rules appear once the detection engine runs.");
    if (absence == Absence::Loading)
        return tr("Reading the detection rules…");
    return tr("No detection rule. Import Sigma rules or write one with New Rule.");
}

void RuleManagerPanel::retranslate()
{
    setWindowTitle(tr("Rule Manager"));
    toolBar()->setWindowTitle(tr("Rule actions"));
    filter_->setPlaceholderText(tr("Filter by title, level, origin, logsource or status"));
    open_->setText(tr("Rule &Manager…"));
    open_->setStatusTip(tr("List, import, edit, test and enable the detection rules"));
    import_->setText(tr("&Import"));
    import_->setToolTip(tr("Import Sigma rules from files or a folder; unsupported ones are reported"));
    importFiles_->setText(tr("Import &Files…"));
    importFolder_->setText(tr("Import F&older…"));
    new_->setText(tr("&New Rule…"));
    new_->setToolTip(tr("Write a rule in the editor, test it, then save it (%1)")
                         .arg(new_->shortcut().toString(QKeySequence::NativeText)));
    edit_->setText(tr("&Edit…"));
    edit_->setToolTip(tr("Open the selected rule in the editor (Enter or double-click)"));
    toggle_->setToolTip(tr("Enable or disable the selected rule (Space)"));
    delete_->setText(tr("De&lete"));
    retranslateUndo(tr("&Undo"), tr("&Redo"), tr("Undo: %1"), tr("Redo: %1"));
    service_->model()->retranslate();
    updateActions();
    updatePlaceholder();
}

} // namespace vigie::widgets
