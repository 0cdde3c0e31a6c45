#pragma once
// ImportController: the file-import feature of the main window — the File > Import… action
// (Ctrl+I) and its dialog, files dropped on the window, and the progress strip. Hands the
// files to the ImportQueue, which does the work. GUI thread.
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace vigie::models {
class ImportQueue;
}

namespace vigie::widgets {

class ImportDialog;
class ImportStrip;

class ImportController : public QObject {
    Q_OBJECT
public:
    // `window` takes the drops; the strip is created for it (the caller places it).
    ImportController(models::ImportQueue* queue, QWidget* window);

    QAction* importAction() const { return import_; }
    ImportStrip* strip() const { return strip_; }
    ImportDialog* openDialog() const;
    models::ImportQueue* queue() const { return queue_; }

public Q_SLOTS:
    // Opens the Import dialog (window-modal, without blocking); OK queues its files.
    ImportDialog* showImportDialog();
    // Queues `paths` to be read in the automatic format (a drop).
    void importFiles(const QStringList& paths);

Q_SIGNALS:
    void countersRequested(const QString& feedName);

private:
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    models::ImportQueue* queue_;
    QWidget* window_;
    QAction* import_;
    ImportStrip* strip_;
    QPointer<ImportDialog> dialog_;
};

} // namespace vigie::widgets
