#pragma once
// AnomalySettingsDialog: Detection > Anomaly Detectors… — the anomaly detectors (on/off box,
// title, kind, where learning stands) and a form for the selected one: enabled, title, the
// query it counts (checked as typed, the error under it), the entity or keys (combos of the
// fields the query language knows), window, sensitivity in deviations ("higher = fewer
// alerts"), minimum count, learning period and level, with the fields of its kind only; Save
// (Ctrl+S) and Revert; "Relearn from History…" after a confirmation; a progress bar of its
// learning. Switching a detector on or off is immediate and undoable (Ctrl+Z / Ctrl+Shift+Z);
// the other edits wait for Save, which is refused when someone saved a newer version: the form
// then shows theirs, with a message saying so. Everything goes through AnomalyDetectorService;
// the list is read again every few seconds while the dialog shows, so the progress moves.
// GUI thread.
#include "anomaly/detector_config.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;
class QUndoStack;

namespace vigie::models {
class AnomalyDetectorService;
struct AnomalyDetectorRow;
} // namespace vigie::models

namespace vigie::widgets {

class AnomalySettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AnomalySettingsDialog(models::AnomalyDetectorService* service, QWidget* parent = nullptr);

    // Selects the detector with that id in the list (its form shows); false when not listed.
    bool selectDetector(const QString& id);
    QString currentId() const { return currentId_; }
    // The form differs from the stored detector it was loaded from.
    bool isDirty() const;
    // The detector as the form has it (the stored one with the form's edits).
    anomaly::DetectorConfig formConfig() const;

    QTableView* list() const { return list_; }
    QCheckBox* enabledBox() const { return enabled_; }
    QLineEdit* titleEdit() const { return title_; }
    QLineEdit* queryEdit() const { return query_; }
    QDoubleSpinBox* sensitivitySpin() const { return k_; }
    QSpinBox* learningDaysSpin() const { return learningDays_; }
    QComboBox* entityCombo() const { return entity_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* revertButton() const { return revert_; }
    QPushButton* relearnButton() const { return relearn_; }
    QProgressBar* progressBar() const { return progress_; }
    QUndoStack* undoStack() const { return undo_; }
    // The inline syntax error under the query, empty when it parses.
    QString queryErrorText() const;
    // The last message (a refusal, or what a request did), empty when none.
    QString messageText() const;
    // The open "Relearn from history?" confirmation, if any.
    QMessageBox* relearnConfirmation() const { return confirm_; }

public Q_SLOTS:
    void saveCurrent();
    void revertCurrent();
    // Asks for a confirmation, then makes the selected detector learn again from history.
    void relearnCurrent();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    const models::AnomalyDetectorRow* currentRow() const;
    void onCurrentChanged();
    void onModelChanged();
    void onFinished(quint64 request, const QString& error, bool stale);
    // Fills the form from `config` (the stored detector); it is not dirty afterwards.
    void loadForm(const anomaly::DetectorConfig& config);
    // Progress bar, "last changed" line and enabled box: these follow the store at any time.
    void showState(const models::AnomalyDetectorRow& row);
    void showKindRows(anomaly::DetectorKind kind);
    void requestEnabled(const QString& id, bool enabled);
    void updateValidity();
    void showMessage(const QString& text, bool error);
    void retranslate();

    models::AnomalyDetectorService* service_;
    QTableView* list_;
    QFormLayout* form_;
    QCheckBox* enabled_;
    QLineEdit* title_;
    QLineEdit* query_;
    QLabel* queryError_;
    QLineEdit* successQuery_;
    QLabel* successError_;
    QComboBox* entity_;
    QComboBox* key1_;
    QComboBox* key2_;
    QSpinBox* window_;
    QWidget* kRow_; // the sensitivity and its hint
    QDoubleSpinBox* k_;
    QLabel* kHint_;
    QSpinBox* minCount_;
    QSpinBox* failures_;
    QSpinBox* failureWindow_;
    QSpinBox* successWithin_;
    QSpinBox* maxCount_;
    QSpinBox* learningDays_;
    QComboBox* level_;
    QProgressBar* progress_;
    QLabel* updated_;
    QLabel* message_;
    QLabel* kindLabel_;
    QPushButton* save_;
    QPushButton* revert_;
    QPushButton* relearn_;
    QPushButton* close_;
    QUndoStack* undo_;
    QAction* undoAction_;
    QAction* redoAction_;
    QTimer* refresh_;
    QPointer<QMessageBox> confirm_;
    // The form's labels, by the widget they name (retranslated with the language).
    QList<QPair<QLabel*, QWidget*>> labels_;

    QString currentId_;
    anomaly::DetectorConfig base_; // the stored detector the form was loaded from
    bool loading_ = false;         // the form is being filled: its change signals are not edits
    quint64 saveRequest_ = 0;
    quint64 relearnRequest_ = 0;
};

} // namespace vigie::widgets
