#pragma once
// ExportStrip: the band under the events table while the search results are exported — file
// name, progress bar (rows written of the count made up front; busy while counting), row count
// and rate, and Cancel; then one sentence saying how many events went to which file, or why the
// export failed, until the analyst closes it. Looks like the import strip (ProgressStrip);
// follows one EventExportJob at a time and does no work itself. GUI thread.
#include "progress_strip.h"

#include <QPointer>

namespace vigie::models {
class EventExportJob;
}

namespace vigie::widgets {

class ExportStrip : public ProgressStrip {
    Q_OBJECT
public:
    explicit ExportStrip(QWidget* parent = nullptr);

    // Shows `job`'s progress and then its outcome.
    void follow(models::EventExportJob* job);

private:
    void onProgress(quint64 rows, qint64 total, double seconds);
    void retranslate() override;

    QPointer<models::EventExportJob> job_;
    bool counting_ = false;
};

} // namespace vigie::widgets
