#pragma once
// EventRow: one row of the events table as the GUI reads it. A plain value type built by
// EventPageLoader on its worker thread and handed to the GUI thread in a queued signal
// (DESIGN §4, STYLE habit 3); nothing here is shared between threads.
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace vigie::models {

struct EventRow {
    qint64 id = 0;
    qint64 ts_us = 0; // ts in microseconds since the epoch: the exact keyset cursor
    QDateTime ts;     // UTC, millisecond precision, for display
    QDateTime received_at;
    QString host;
    QString app;
    std::optional<int> pid;
    std::optional<int> severity; // syslog 0 (emergency) .. 7 (debug)
    std::optional<int> facility; // syslog 0 .. 23
    QString category;
    QString action;
    QString outcome;
    QString user_name;
    QString source_ip;
    std::optional<int> source_port;
    QString dest_ip;
    std::optional<int> dest_port;
    QString process;
    QString format;
    QString message;
    QString fields; // the jsonb object as JSON text
    QString raw;
    bool parse_error = false;
};

using EventRows = QList<EventRow>;

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::EventRow)
Q_DECLARE_METATYPE(vigie::models::EventRows)
