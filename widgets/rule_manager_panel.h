#pragma once
// RuleManagerPanel: the "Rule Manager" dock (Detection > Rule Manager…, Ctrl+Shift+R) — the
// stored detection rules (RuleListModel: enabled box, title, level, origin, logsource, status,
// last update), sortable, with a filter box, and the actions on them: Import (Sigma files or a
// folder; a report lists what was stored and, per unsupported document, its file and why),
// New Rule, Edit (Enter or double-click: a RuleEditorDialog with Test…), Enable/Disable (Space
// or the box), Delete (Del; built-in rules are refused by the service: disable them), Undo and
// Redo. Every change goes through RuleService as a command on the panel's QUndoStack
// (ListPanel); the editors are told how their saves ended. GUI thread.
#include "list_panel.h"

#include <QHash>
#include <QPointer>

class QAction;
class QFileDialog;
class QLineEdit;
class QSortFilterProxyModel;

namespace vigie::models {
class RuleService;
struct RuleImportReport;
struct RuleRow;
} // namespace vigie::models

namespace vigie::widgets {

class RuleEditorDialog;
class RuleImportReportDialog;

class RuleManagerPanel : public ListPanel {
    Q_OBJECT
public:
    explicit RuleManagerPanel(models::RuleService* service, QWidget* parent = nullptr);

    // Detection > Rule Manager… (Ctrl+Shift+R): shows the dock and focuses the list.
    QAction* openAction() const { return open_; }
    QAction* importFilesAction() const { return importFiles_; }
    QAction* importFolderAction() const { return importFolder_; }
    QAction* newAction() const { return new_; }
    QAction* editAction() const { return edit_; }
    QAction* toggleAction() const { return toggle_; }
    QAction* deleteAction() const { return delete_; }
    QLineEdit* filterEdit() const { return filter_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    // The report of the last import, open until the analyst closes it (tests read it).
    RuleImportReportDialog* importReport() const;
    // The editors open now.
    QList<RuleEditorDialog*> editors() const;

    // The database the editors' tests hunt (libpq conninfo); Test is off without one.
    void setConnInfo(const QString& conninfo);

public Q_SLOTS:
    void showManager();
    void importFiles();
    void importFolder();
    // Imports `paths` (files and folders); the report opens when the worker answers.
    bool importPaths(const QStringList& paths);
    RuleEditorDialog* newRule();
    // Opens (or raises) the editor of the selected rule.
    RuleEditorDialog* editCurrent();
    void toggleCurrent();
    void deleteCurrent();

private:
    const models::RuleRow* currentRule() const;
    const models::RuleRow* ruleOfId(qint64 id) const;
    void select(qint64 id);
    RuleEditorDialog* openEditor(const models::RuleRow& rule);
    void saveFrom(RuleEditorDialog* dialog, const QString& yaml, bool enabled);
    void setEnabled(qint64 id, bool enabled);
    void showReport(const models::RuleImportReport& report);
    void openFileDialog(bool folder);
    void onFinished(quint64 request, const QString& error, qint64 id) override;
    void updateActions() override;
    QString placeholderText(Absence absence) const override;
    void retranslate() override;

    models::RuleService* service_;
    QLineEdit* filter_;
    QSortFilterProxyModel* proxy_;
    QAction* open_;
    QAction* import_;
    QAction* importFiles_;
    QAction* importFolder_;
    QAction* new_;
    QAction* edit_;
    QAction* toggle_;
    QAction* delete_;
    QString conninfo_;
    QList<QPointer<RuleEditorDialog>> editors_;
    // Saves asked by an editor, by request, until the service answers.
    QHash<quint64, QPointer<RuleEditorDialog>> saves_;
    quint64 importRequest_ = 0;
    QPointer<RuleImportReportDialog> report_;
};

} // namespace vigie::widgets
