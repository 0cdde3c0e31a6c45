#pragma once
// UnixSignalQuit: turns SIGINT, SIGTERM and SIGHUP into QCoreApplication::quit(), so that a
// session logout or Ctrl+C in a terminal still stops the engine and the managed PostgreSQL
// cluster. The handler only writes a byte to a socket pair; the GUI thread reads it through
// a QSocketNotifier (the only async-signal-safe way to reach Qt).
#include <QObject>

class QSocketNotifier;

namespace vigie::app {

class UnixSignalQuit : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalQuit(QObject* parent = nullptr);
    ~UnixSignalQuit() override;

private:
    void onSignal();
    QSocketNotifier* notifier_ = nullptr;
};

} // namespace vigie::app
