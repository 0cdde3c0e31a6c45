#include "import_controller.h"

#include "file_drop_filter.h"
#include "import_dialog.h"
#include "import_queue.h"
#include "import_strip.h"

#include <QAction>
#include <QEvent>
#include <QWidget>

namespace vigie::widgets {

ImportController::ImportController(models::ImportQueue* queue, QWidget* window)
    : QObject(window), queue_(queue), window_(window), import_(new QAction(this)),
      strip_(new ImportStrip(queue, window))
{
    import_->setObjectName(QStringLiteral("importAction"));
    import_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(import_, &QAction::triggered, this, &ImportController::showImportDialog);
    connect(strip_, &ImportStrip::countersRequested, this, &ImportController::countersRequested);

    auto* drops = new FileDropFilter(this);
    window_->setAcceptDrops(true);
    window_->installEventFilter(drops);
    connect(drops, &FileDropFilter::filesDropped, this, &ImportController::importFiles);
    // The window's LanguageChange reaches this object through the filter below.
    window_->installEventFilter(this);
    retranslate();
}

ImportDialog* ImportController::openDialog() const
{
    return dialog_;
}

ImportDialog* ImportController::showImportDialog()
{
    if (dialog_) {
        dialog_->raise();
        dialog_->activateWindow();
        return dialog_;
    }
    dialog_ = new ImportDialog(window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::accepted, this,
            [this, dialog = dialog_.data()] { queue_->enqueue(dialog->files(), dialog->format()); });
    dialog_->open();
    return dialog_;
}

void ImportController::importFiles(const QStringList& paths)
{
    queue_->enqueue(paths, parse::Format::Auto);
}

bool ImportController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == window_ && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void ImportController::retranslate()
{
    import_->setText(tr("&Import Log Files…"));
    import_->setStatusTip(tr("Import log files through the ingest engine, as if they had been received"));
}

} // namespace vigie::widgets
