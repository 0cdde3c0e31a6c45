#pragma once
// AnomalyDetectorModel: the anomaly detectors (`anomaly_detectors`, migration 0011) as the
// Anomaly Detectors dialog lists them — enabled box, title, kind, sensitivity, where learning
// stands ("Learning 40 % — 11 of 28 days") and who changed it last — in id order.
// AnomalyDetectorRow is one of them, a plain value the worker hands to the GUI thread.
// GUI thread only; AnomalyDetectorService is the only writer (the box asks it through
// enableRequested(), so the change is an undoable request, not a local edit).
#include "anomaly/detector_config.h"
#include "anomaly/detector_store.h"
#include "checkable_table_model.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace vigie::models {

struct AnomalyDetectorRow {
    anomaly::DetectorConfig config;
    anomaly::DetectorProgress progress;
    QString updatedBy; // the database role that saved it last
    QDateTime updated; // UTC
    // Learning in days: whole days learned so far, out of how many (history up to now while
    // reading it; the learning period while a first-seen or rare detector watches).
    int daysLearned = 0;
    int daysToLearn = 0;

    QString id() const { return QString::fromStdString(config.id); }
    QString title() const { return QString::fromStdString(config.title); }
    int learningDays() const { return config.settings.learning_days; }
    // Sets daysLearned and daysToLearn from `progress` as of `now`.
    void countDays(Timestamp now);
    // 0…100.
    int percentLearned() const;
    bool operator==(const AnomalyDetectorRow& other) const;
};

using AnomalyDetectorRows = QList<AnomalyDetectorRow>;

class AnomalyDetectorModel : public CheckableTableModel {
    Q_OBJECT
public:
    enum Column {
        EnabledColumn,
        TitleColumn,
        KindColumn,
        SensitivityColumn,
        LearningColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        PercentRole,               // int, 0…100 learned
    };

    explicit AnomalyDetectorModel(QObject* parent = nullptr);

    const AnomalyDetectorRow& detector(int row) const { return rows_.at(row); }
    // -1 when no detector has that id.
    int rowOfId(const QString& id) const;

    // For AnomalyDetectorService: the detectors as now stored. Rows keep their place when the
    // ids are the same (a refresh of the progress keeps the selection); otherwise a reset.
    void mergeDetectors(const AnomalyDetectorRows& rows);

    // "Rate", "First seen", "Brute force", "Rare value".
    static QString kindText(anomaly::DetectorKind kind);
    // "Disabled", "Waiting to learn", "Learning 40 % — 11 of 28 days", "Live".
    static QString learningText(const AnomalyDetectorRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The analyst ticked or cleared the box of detector `id`; nothing changes until the service
    // answers.
    void enableRequested(const QString& id, bool enabled);

private:
    AnomalyDetectorRows rows_;
};

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::AnomalyDetectorRow)
