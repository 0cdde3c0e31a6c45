#pragma once
// MergeIncidentDialog: "Merge into…" — choose the open ticket that absorbs the current one (a
// duplicate). It says what merging does before the analyst commits: the source's alerts and
// events move to the target with their notes, a comment on the target records it, and the
// source ends in state Merged, for good. The Merge button names both tickets; it is the
// confirmation. GUI thread.
#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace vigie::models {
class IncidentListModel;
}

namespace vigie::widgets {

class IncidentPicker;

class MergeIncidentDialog : public QDialog {
    Q_OBJECT
public:
    // `source`: the ticket to merge (not offered as a target), listed in `model`.
    MergeIncidentDialog(models::IncidentListModel* model, qint64 source, QWidget* parent = nullptr);

    qint64 sourceId() const { return source_; }
    // The chosen target, 0 when none.
    qint64 targetId() const;
    // Its version as listed when chosen (the merge checks it).
    int targetVersion() const;
    IncidentPicker* picker() const { return picker_; }
    QDialogButtonBox* buttons() const { return buttons_; }

private:
    void updateButton();

    qint64 source_;
    QLabel* explanation_;
    IncidentPicker* picker_;
    QDialogButtonBox* buttons_;
};

} // namespace vigie::widgets
