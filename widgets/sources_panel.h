#pragma once
// SourcesPanel: the dock listing the configured sources with their live state, and the
// actions on them — Add, Edit, Enable/Disable (also the row's check box), Delete (after a
// confirmation), Undo and Redo. Every change goes through SourceService (persisted, then
// applied to the running engine) as a command on the panel's QUndoStack (ListPanel). Dialogs
// open window-modal without blocking the event loop. GUI thread.
#include "list_panel.h"

class QAction;
class QMessageBox;

namespace vigie::models {
class SourceService;
struct SourceConfig;
} // namespace vigie::models

namespace vigie::widgets {

class SourceDialog;

class SourcesPanel : public ListPanel {
    Q_OBJECT
public:
    explicit SourcesPanel(models::SourceService* service, QWidget* parent = nullptr);

    QAction* addSourceAction() const { return add_; }
    QAction* editSourceAction() const { return edit_; }
    QAction* toggleSourceAction() const { return toggle_; }
    QAction* deleteSourceAction() const { return delete_; }
    // The dialog or confirmation open now, if any (tests drive it).
    SourceDialog* openDialog() const { return dialog_; }
    QMessageBox* openConfirmation() const { return confirmation_; }

public Q_SLOTS:
    SourceDialog* addSource();
    SourceDialog* editCurrent();
    void toggleCurrent();
    void deleteCurrent();

private:
    int currentRow() const;
    void setEnabled(qint64 id, bool enabled);
    void onFinished(quint64 request, const QString& error, qint64 id) override;
    void updateActions() override;
    QString placeholderText(Absence absence) const override;
    void retranslate() override;

    models::SourceService* service_;
    QAction* add_;
    QAction* edit_;
    QAction* toggle_;
    QAction* delete_;
    SourceDialog* dialog_ = nullptr;
    QMessageBox* confirmation_ = nullptr;
};

} // namespace vigie::widgets
