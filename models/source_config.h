#pragma once
// SourceConfig: one row of the `sources` table — a listener the analyst configured — as a plain
// value passed between the GUI thread and the source worker in queued calls. It knows how to
// check itself (the edit dialog shows the problems field by field), how to turn into the
// engine's ListenSpec, and the database spellings of protocols and formats. Any thread.
#include "ingest/listen_spec.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vigie::models {

struct SourceConfig {
    Q_DECLARE_TR_FUNCTIONS(SourceConfig)
public:
    enum class Field { Name, Address, Port, TlsCertificate, TlsPrivateKey, TlsClientCa };

    qint64 id = 0; // 0 until the database assigned one
    QString name;
    ingest::ListenSpec::Protocol protocol = ingest::ListenSpec::Protocol::Tcp;
    QString address = QStringLiteral("0.0.0.0");
    int port = 5514;
    parse::Format format = parse::Format::Auto;
    QString tlsCertificate; // TLS only: paths of PEM files, never their content
    QString tlsPrivateKey;
    QString tlsClientCa;
    bool enabled = true;

    bool isTls() const { return protocol == ingest::ListenSpec::Protocol::Tls; }
    // What is wrong, by field, in sentences fit for the analyst; empty when it can be saved.
    // `otherNames` are the names already taken by other sources.
    QMap<Field, QString> problems(const QStringList& otherNames = {}) const;
    // Problems that do not prevent saving (a TLS file that does not exist here yet).
    QMap<Field, QString> warnings() const;
    ingest::ListenSpec toListenSpec() const;
    // "tcp://0.0.0.0:5514" as an analyst reads it (no TLS file paths).
    QString endpoint() const;

    static QString protocolKey(ingest::ListenSpec::Protocol protocol); // "tcp", "udp", "tls"
    static std::optional<ingest::ListenSpec::Protocol> protocolFromKey(const QString& key);
    static QString formatKey(parse::Format format); // "auto", "rfc5424"...
    static std::optional<parse::Format> formatFromKey(const QString& key);
    // Names for the analyst, translated.
    static QString protocolLabel(ingest::ListenSpec::Protocol protocol);
    static QString formatLabel(parse::Format format);
    static QList<parse::Format> allFormats();

    bool operator==(const SourceConfig&) const = default;
};

// What the engine made of a source.
struct SourceState {
    enum class Kind {
        Disabled,  // not meant to listen
        Applying,  // a change is on its way to the database and the engine
        Listening, // bound; boundPort is the real port
        Error,     // enabled but not listening: see message
    };
    Kind kind = Kind::Disabled;
    int boundPort = 0;
    QString message;

    bool operator==(const SourceState&) const = default;
};

struct SourceEntry {
    SourceConfig config;
    SourceState state;
};

using SourceEntries = QList<SourceEntry>;

} // namespace vigie::models

Q_DECLARE_METATYPE(vigie::models::SourceConfig)
Q_DECLARE_METATYPE(vigie::models::SourceEntry)
Q_DECLARE_METATYPE(vigie::models::SourceEntries)
