#include "conn_info.h"

#include <QStringList>

#include <libpq-fe.h>

#include <memory>

namespace vigie::models {
namespace {

QString quoted(const std::string& value)
{
    QString out = QStringLiteral("'");
    for (const QChar c : QString::fromStdString(value)) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

} // namespace

ConnInfo ConnInfo::parse(const QString& conninfo, QString* error)
{
    ConnInfo result;
    char* message = nullptr;
    const QByteArray utf8 = conninfo.toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(utf8.constData(), &message), &PQconninfoFree);
    if (!options) {
        if (error)
            *error = message ? QString::fromUtf8(message).trimmed() : QStringLiteral("out of memory");
        PQfreemem(message);
        return result;
    }
    for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (option->val)
            result.options_[option->keyword] = option->val;
    }
    result.valid_ = true;
    return result;
}

QString ConnInfo::value(const char* keyword) const
{
    const auto found = options_.find(keyword);
    return found == options_.end() ? QString() : QString::fromStdString(found->second);
}

QString ConnInfo::toKeywordValue(bool includePassword) const
{
    QStringList parts;
    for (const auto& [keyword, value] : options_) {
        if (!includePassword && keyword == "password")
            continue;
        parts << QString::fromStdString(keyword) + QLatin1Char('=') + quoted(value);
    }
    return parts.join(QLatin1Char(' '));
}

QString ConnInfo::toQpsqlConnectOptions(QString* error) const
{
    for (const auto& [keyword, value] : options_) {
        if (value.find(';') != std::string::npos) {
            if (error)
                *error = QStringLiteral("the value of %1 contains ';', which QtSql cannot pass on")
                             .arg(QString::fromStdString(keyword));
            return {};
        }
    }
    return toKeywordValue(true);
}

bool ConnInfo::qpsqlOptionsFor(const QString& conninfo, QString* options, QString* error)
{
    QString problem;
    const ConnInfo parsed = parse(conninfo, &problem);
    if (parsed.isValid())
        *options = parsed.toQpsqlConnectOptions(&problem);
    if (problem.isEmpty())
        return true;
    if (error)
        *error = problem;
    return false;
}

} // namespace vigie::models
