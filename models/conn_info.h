#pragma once
// ConnInfo: a libpq connection string (key=value or postgresql:// URI) checked and
// normalised with libpq's own parser, so the GUI can hand it to QtSql's QPSQL driver and
// knows whether it carries a password (which is never written to settings). Any thread.
#include <QString>

#include <map>
#include <string>

namespace vigie::models {

class ConnInfo {
public:
    // Parses `conninfo`; an empty string is valid (libpq then uses the PG* environment).
    // On a syntax error returns an invalid ConnInfo and sets *error to libpq's message.
    static ConnInfo parse(const QString& conninfo, QString* error = nullptr);

    bool isValid() const { return valid_; }
    bool hasPassword() const { return options_.count("password") != 0; }
    QString value(const char* keyword) const;

    // key='value' pairs, quoted as libpq expects; the password left out when asked.
    QString toKeywordValue(bool includePassword = true) const;
    // The same, for QSqlDatabase::setConnectOptions with an empty host and database name:
    // QPSQL appends the options verbatim to its own connection string after turning every
    // ';' into a space, so a ';' inside a value cannot be carried and is reported invalid.
    QString toQpsqlConnectOptions(QString* error = nullptr) const;

    // parse() then toQpsqlConnectOptions(): what every worker's connection needs. False with
    // the reason in *error when the string cannot be used.
    static bool qpsqlOptionsFor(const QString& conninfo, QString* options, QString* error);

private:
    bool valid_ = false;
    std::map<std::string, std::string> options_; // only the keywords that were set
};

} // namespace vigie::models
