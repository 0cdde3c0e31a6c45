// AnomalyDetectorModel: the detector list and the texts of its columns. GUI thread.
#include "anomaly_detector_model.h"

#include <QLocale>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace vigie::models {

using anomaly::DetectorKind;
using Phase = anomaly::DetectorProgress::Phase;

void AnomalyDetectorRow::countDays(Timestamp now)
{
    daysLearned = daysToLearn = 0;
    const auto& p = progress;
    if (!p.learned_from)
        return;
    using std::chrono::days;
    const auto end = p.evaluated_until ? p.evaluated_until : p.learned_until;
    if (end && *end > *p.learned_from)
        daysLearned = static_cast<int>(std::chrono::floor<days>(*end - *p.learned_from).count());
    daysToLearn = p.evaluated_until
                      ? learningDays()
                      : static_cast<int>(std::chrono::ceil<days>(now - *p.learned_from).count());
    daysLearned = std::min(daysLearned, daysToLearn);
}

int AnomalyDetectorRow::percentLearned() const
{
    return std::clamp(static_cast<int>(std::lround(progress.fraction * 100)), 0, 100);
}

bool AnomalyDetectorRow::operator==(const AnomalyDetectorRow& other) const
{
    const auto& a = progress;
    const auto& b = other.progress;
    return config == other.config && updatedBy == other.updatedBy && updated == other.updated &&
           daysLearned == other.daysLearned && daysToLearn == other.daysToLearn &&
           a.detector_id == b.detector_id && a.phase == b.phase && a.fraction == b.fraction &&
           a.learned_from == b.learned_from && a.learned_until == b.learned_until &&
           a.evaluated_until == b.evaluated_until;
}

AnomalyDetectorModel::AnomalyDetectorModel(QObject* parent)
    : CheckableTableModel(ColumnCount, EnabledColumn, parent)
{
}

int AnomalyDetectorModel::rowOfId(const QString& id) const
{
    const std::string key = id.toStdString();
    for (int row = 0; row < rows_.size(); ++row)
        if (rows_.at(row).config.id == key)
            return row;
    return -1;
}

void AnomalyDetectorModel::mergeDetectors(const AnomalyDetectorRows& rows)
{
    const bool sameIds = rows.size() == rows_.size() &&
                         std::equal(rows.cbegin(), rows.cend(), rows_.cbegin(),
                                    [](const auto& a, const auto& b) { return a.config.id == b.config.id; });
    if (!sameIds) {
        beginResetModel();
        rows_ = rows;
        endResetModel();
        return;
    }
    for (int row = 0; row < rows.size(); ++row) {
        if (rows.at(row) == rows_.at(row))
            continue;
        rows_[row] = rows.at(row);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QString AnomalyDetectorModel::kindText(DetectorKind kind)
{
    switch (kind) {
    case DetectorKind::Rate:
        return tr("Rate");
    case DetectorKind::FirstSeen:
        return tr("First seen");
    case DetectorKind::BruteForce:
        return tr("Brute force");
    case DetectorKind::Rare:
        break;
    }
    return tr("Rare value");
}

QString AnomalyDetectorModel::learningText(const AnomalyDetectorRow& row)
{
    switch (row.progress.phase) {
    case Phase::Disabled:
        return tr("Disabled");
    case Phase::Waiting:
        return tr("Waiting to learn");
    case Phase::Learning:
        return tr("Learning %1 % — %2 of %n day(s)", nullptr, row.daysToLearn)
            .arg(row.percentLearned())
            .arg(row.daysLearned);
    case Phase::Live:
        break;
    }
    return tr("Live");
}

namespace {

// What the detector's sensitivity is, in its own terms.
QString sensitivityText(const anomaly::DetectorConfig& config)
{
    const auto& s = config.settings;
    switch (config.kind) {
    case DetectorKind::Rate:
        return AnomalyDetectorModel::tr("%1 deviations").arg(QLocale().toString(s.k));
    case DetectorKind::BruteForce:
        return AnomalyDetectorModel::tr("%n failure(s)", nullptr, static_cast<int>(s.failures));
    case DetectorKind::Rare:
        return AnomalyDetectorModel::tr("seen at most %n time(s)", nullptr, static_cast<int>(s.max_count));
    case DetectorKind::FirstSeen:
        break;
    }
    return AnomalyDetectorModel::tr("any new pair");
}

} // namespace

int AnomalyDetectorModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant AnomalyDetectorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AnomalyDetectorRow& row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return row.title();
        case KindColumn:
            return kindText(row.config.kind);
        case SensitivityColumn:
            return sensitivityText(row.config);
        case LearningColumn:
            return learningText(row);
        case UpdatedColumn:
            return row.updatedBy.isEmpty() ? QString()
                                           : QStringLiteral("%1, %2").arg(
                                                 row.updatedBy, QLocale().toString(row.updated.toLocalTime(),
                                                                                   QLocale::ShortFormat));
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return row.config.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return row.id();
        return {};
    case IdRole:
        return row.id();
    case PercentRole:
        return row.percentLearned();
    default:
        return {};
    }
}

bool AnomalyDetectorModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != EnabledColumn ||
        role != Qt::CheckStateRole)
        return false;
    Q_EMIT enableRequested(rows_.at(index.row()).id(), value.toInt() == Qt::Checked);
    return false; // the row changes when the service answers
}

QVariant AnomalyDetectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case TitleColumn:
        return tr("Detector");
    case KindColumn:
        return tr("Kind");
    case SensitivityColumn:
        return tr("Sensitivity");
    case LearningColumn:
        return tr("Learning");
    case UpdatedColumn:
        return tr("Last Changed");
    default:
        return {};
    }
}

} // namespace vigie::models
