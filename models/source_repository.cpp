#include "source_repository.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace vigie::models {
namespace {

QVariant optionalText(bool tls, const QString& text)
{
    // NULL rather than '' for the TLS paths of a non-TLS source, as the CHECK expects.
    return tls && !text.trimmed().isEmpty() ? QVariant(text.trimmed())
                                            : QVariant(QMetaType(QMetaType::QString));
}

// The server's message, and a plain sentence for the constraint an analyst can break.
QString messageOf(const QSqlError& error)
{
    if (error.nativeErrorCode() == QLatin1String("23505"))
        return SourceConfig::tr("Another source already has this name.");
    return serverMessage(error);
}

} // namespace

SourceRepository::SourceRepository(QString connectOptions)
    : connection_(std::move(connectOptions), QStringLiteral("source_repository"))
{
}

bool SourceRepository::loadAll(QList<SourceConfig>* sources, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT id, name, protocol, address, port, format, tls_certificate, "
                           "tls_private_key, tls_client_ca, enabled FROM sources ORDER BY name, id"))) {
        *error = messageOf(query.lastError());
        return false;
    }
    sources->clear();
    while (query.next()) {
        SourceConfig source;
        source.id = query.value(0).toLongLong();
        source.name = query.value(1).toString();
        source.protocol = SourceConfig::protocolFromKey(query.value(2).toString())
                              .value_or(ingest::ListenSpec::Protocol::Tcp);
        source.address = query.value(3).toString();
        source.port = query.value(4).toInt();
        source.format = SourceConfig::formatFromKey(query.value(5).toString()).value_or(parse::Format::Auto);
        source.tlsCertificate = query.value(6).toString();
        source.tlsPrivateKey = query.value(7).toString();
        source.tlsClientCa = query.value(8).toString();
        source.enabled = query.value(9).toBool();
        sources->append(source);
    }
    return true;
}

bool SourceRepository::insert(SourceConfig* source, bool keepId, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    const QString columns = QStringLiteral("name, protocol, address, port, format, tls_certificate, "
                                           "tls_private_key, tls_client_ca, enabled");
    const QString sql =
        keepId && source->id > 0
            ? QStringLiteral("INSERT INTO sources (id, %1) OVERRIDING SYSTEM VALUE "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                  .arg(columns)
            : QStringLiteral("INSERT INTO sources (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                  .arg(columns);
    if (!query.prepare(sql)) {
        *error = messageOf(query.lastError());
        return false;
    }
    if (keepId && source->id > 0)
        query.addBindValue(source->id);
    const bool tls = source->isTls();
    query.addBindValue(source->name.trimmed());
    query.addBindValue(SourceConfig::protocolKey(source->protocol));
    query.addBindValue(source->address.trimmed());
    query.addBindValue(source->port);
    query.addBindValue(SourceConfig::formatKey(source->format));
    query.addBindValue(optionalText(tls, source->tlsCertificate));
    query.addBindValue(optionalText(tls, source->tlsPrivateKey));
    query.addBindValue(optionalText(tls, source->tlsClientCa));
    query.addBindValue(source->enabled);
    if (!query.exec() || !query.next()) {
        *error = messageOf(query.lastError());
        return false;
    }
    source->id = query.value(0).toLongLong();
    return true;
}

bool SourceRepository::update(const SourceConfig& source, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    if (!query.prepare(
            QStringLiteral("UPDATE sources SET name = ?, protocol = ?, address = ?, port = ?, format = ?, "
                           "tls_certificate = ?, tls_private_key = ?, tls_client_ca = ?, enabled = ?, "
                           "updated_at = now() WHERE id = ?"))) {
        *error = messageOf(query.lastError());
        return false;
    }
    const bool tls = source.isTls();
    query.addBindValue(source.name.trimmed());
    query.addBindValue(SourceConfig::protocolKey(source.protocol));
    query.addBindValue(source.address.trimmed());
    query.addBindValue(source.port);
    query.addBindValue(SourceConfig::formatKey(source.format));
    query.addBindValue(optionalText(tls, source.tlsCertificate));
    query.addBindValue(optionalText(tls, source.tlsPrivateKey));
    query.addBindValue(optionalText(tls, source.tlsClientCa));
    query.addBindValue(source.enabled);
    query.addBindValue(source.id);
    if (!query.exec()) {
        *error = messageOf(query.lastError());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *error = SourceConfig::tr("The source no longer exists; another analyst may have deleted it.");
        return false;
    }
    return true;
}

bool SourceRepository::setEnabled(qint64 id, bool enabled, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.prepare(QStringLiteral("UPDATE sources SET enabled = ?, updated_at = now() WHERE id = ?"));
    query.addBindValue(enabled);
    query.addBindValue(id);
    if (!query.exec()) {
        *error = messageOf(query.lastError());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        *error = SourceConfig::tr("The source no longer exists; another analyst may have deleted it.");
        return false;
    }
    return true;
}

bool SourceRepository::remove(qint64 id, QString* error)
{
    if (!connection_.ensureOpen(error))
        return false;
    QSqlQuery query(connection_.database());
    query.prepare(QStringLiteral("DELETE FROM sources WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = messageOf(query.lastError());
        return false;
    }
    return true;
}

} // namespace vigie::models
