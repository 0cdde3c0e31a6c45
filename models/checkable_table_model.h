#pragma once
// CheckableTableModel: the part the list models share whose rows each have an on/off box in
// one column (rules, anomaly detectors): a fixed column count, the box's flags, and announcing
// every text again after a language change. The subclass keeps the rows and says what the box
// means. GUI thread only.
#include <QAbstractTableModel>

namespace vigie::models {

class CheckableTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    int columnCount(const QModelIndex& parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // Headers and every cell are to be read again (their texts are translated).
    void retranslate();

protected:
    CheckableTableModel(int columnCount, int checkColumn, QObject* parent);

private:
    int columnCount_;
    int checkColumn_;
};

} // namespace vigie::models
