#include "source_config.h"

#include <QFileInfo>

#include <arpa/inet.h>

namespace vigie::models {
namespace {

using Protocol = ingest::ListenSpec::Protocol;

bool isIpLiteral(const QString& text)
{
    const QByteArray latin = text.toLatin1();
    in_addr v4{};
    in6_addr v6{};
    return inet_pton(AF_INET, latin.constData(), &v4) == 1 ||
           inet_pton(AF_INET6, latin.constData(), &v6) == 1;
}

} // namespace

QMap<SourceConfig::Field, QString> SourceConfig::problems(const QStringList& otherNames) const
{
    QMap<Field, QString> out;
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        out[Field::Name] = tr("Give the source a name.");
    else if (trimmedName.size() > 200)
        out[Field::Name] = tr("The name is longer than 200 characters.");
    else if (otherNames.contains(trimmedName, Qt::CaseSensitive))
        out[Field::Name] = tr("Another source is already called “%1”.").arg(trimmedName);

    if (address.trimmed().isEmpty())
        out[Field::Address] = tr("Give the address to listen on (0.0.0.0 or :: for every interface).");
    else if (!isIpLiteral(address.trimmed()))
        out[Field::Address] = tr("“%1” is not an IP address; listeners bind IP addresses, not host names.")
                                  .arg(address.trimmed());

    if (port < 0 || port > 65535)
        out[Field::Port] = tr("The port must be between 0 and 65535.");

    if (isTls()) {
        if (tlsCertificate.trimmed().isEmpty())
            out[Field::TlsCertificate] = tr("A TLS source needs the server certificate (PEM file).");
        if (tlsPrivateKey.trimmed().isEmpty())
            out[Field::TlsPrivateKey] =
                tr("A TLS source needs the private key of the certificate (PEM file).");
    }
    return out;
}

QMap<SourceConfig::Field, QString> SourceConfig::warnings() const
{
    QMap<Field, QString> out;
    if (!isTls())
        return out;
    const auto check = [&out](Field field, const QString& path) {
        if (path.trimmed().isEmpty())
            return;
        const QFileInfo info(path.trimmed());
        if (!info.exists())
            out[field] = tr("This file does not exist on this computer.");
        else if (!info.isFile() || !info.isReadable())
            out[field] = tr("This file cannot be read.");
    };
    check(Field::TlsCertificate, tlsCertificate);
    check(Field::TlsPrivateKey, tlsPrivateKey);
    check(Field::TlsClientCa, tlsClientCa);
    return out;
}

ingest::ListenSpec SourceConfig::toListenSpec() const
{
    ingest::ListenSpec spec;
    spec.protocol = protocol;
    spec.address = address.trimmed().toStdString();
    spec.port = static_cast<std::uint16_t>(port);
    spec.format = format;
    spec.name = name.trimmed().toStdString();
    if (isTls()) {
        spec.tls_certificate = tlsCertificate.trimmed().toStdString();
        spec.tls_private_key = tlsPrivateKey.trimmed().toStdString();
        spec.tls_client_ca = tlsClientCa.trimmed().toStdString();
    }
    return spec;
}

QString SourceConfig::endpoint() const
{
    const QString host =
        address.contains(QLatin1Char(':')) ? QLatin1Char('[') + address + QLatin1Char(']') : address;
    return QStringLiteral("%1://%2:%3").arg(protocolKey(protocol), host).arg(port);
}

QString SourceConfig::protocolKey(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Tcp:
        return QStringLiteral("tcp");
    case Protocol::Udp:
        return QStringLiteral("udp");
    case Protocol::Tls:
        return QStringLiteral("tls");
    }
    return QStringLiteral("tcp");
}

std::optional<Protocol> SourceConfig::protocolFromKey(const QString& key)
{
    for (const Protocol protocol : {Protocol::Tcp, Protocol::Udp, Protocol::Tls}) {
        if (protocolKey(protocol) == key)
            return protocol;
    }
    return std::nullopt;
}

QString SourceConfig::formatKey(parse::Format format)
{
    const std::string_view name = parse::formatName(format);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

std::optional<parse::Format> SourceConfig::formatFromKey(const QString& key)
{
    return parse::formatFromName(key.toStdString());
}

QString SourceConfig::protocolLabel(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Tcp:
        return tr("TCP");
    case Protocol::Udp:
        return tr("UDP");
    case Protocol::Tls:
        return tr("TLS (syslog over TLS)");
    }
    return {};
}

QString SourceConfig::formatLabel(parse::Format format)
{
    switch (format) {
    case parse::Format::Auto:
        return tr("Automatic");
    case parse::Format::Rfc5424:
        return tr("Syslog RFC 5424");
    case parse::Format::Rfc3164:
        return tr("Syslog RFC 3164 (BSD)");
    case parse::Format::Cef:
        return tr("CEF");
    case parse::Format::Leef:
        return tr("LEEF");
    case parse::Format::Json:
        return tr("JSON lines");
    }
    return {};
}

QList<parse::Format> SourceConfig::allFormats()
{
    return {parse::Format::Auto, parse::Format::Rfc5424, parse::Format::Rfc3164,
            parse::Format::Cef,  parse::Format::Leef,    parse::Format::Json};
}

} // namespace vigie::models
