#pragma once
// FileDropFilter: lets a window take local files dragged onto it. Installed as an event filter
// on the window (which must accept drops); accepts a drag that carries local file URLs and
// reports the dropped paths. Folders and remote URLs are ignored. GUI thread.
#include <QObject>
#include <QStringList>

class QMimeData;

namespace vigie::widgets {

class FileDropFilter : public QObject {
    Q_OBJECT
public:
    explicit FileDropFilter(QObject* parent = nullptr);

    // The local files (not folders) a drag carries.
    static QStringList localFiles(const QMimeData* mime);

Q_SIGNALS:
    void filesDropped(const QStringList& paths);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace vigie::widgets
