#include "store/pg_connection.h"

#include <charconv>

namespace vigie::store {

std::string_view PgResult::text(int row, int column) const
{
    return {PQgetvalue(result_.get(), row, column),
            static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

long long PgResult::integer(int row, int column) const
{
    const auto value = text(row, column);
    long long parsed = 0;
    std::from_chars(value.data(), value.data() + value.size(), parsed);
    return parsed;
}

PgConnection::PgConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str()), &PQfinish)
{
    if (!conn_)
        throw ConnectionError("out of memory while connecting to PostgreSQL");
    if (PQstatus(conn_.get()) != CONNECTION_OK) {
        // libpq indents its hint lines with a tab; a message box shows one sentence per line.
        std::string message;
        for (const char c : std::string_view(PQerrorMessage(conn_.get())))
            if (c != '\t')
                message.push_back(c);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
            message.pop_back();
        throw ConnectionError(message);
    }
    PQsetClientEncoding(conn_.get(), "UTF8");
    // Server notices ("table does not exist, skipping") are not errors; libpq would print
    // them on stderr, in the middle of vigiectl's output.
    PQsetNoticeProcessor(
        conn_.get(), [](void*, const char*) {}, nullptr);
}

bool PgConnection::healthy() const
{
    return PQstatus(conn_.get()) == CONNECTION_OK;
}

void PgConnection::fail(std::string_view what, const PGresult* result)
{
    std::string message(what);
    message += ": ";
    message += result ? PQresultErrorMessage(result) : PQerrorMessage(conn_.get());
    while (!message.empty() && message.back() == '\n')
        message.pop_back();
    if (!healthy())
        throw ConnectionError(message);
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    throw SqlError(message, state ? state : "");
}

PgResult PgConnection::exec(std::string_view sql, const std::vector<std::optional<std::string>>& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    const std::string statement(sql);
    PgResult result(PQexecParams(conn_.get(), statement.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.raw());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail("statement failed", result.raw());
    return result;
}

void PgConnection::execScript(std::string_view sql)
{
    const std::string script(sql);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn_.get(), script.c_str()), &PQclear);
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail("statement failed", result.get());
}

void PgConnection::copyBegin(std::string_view copy_sql)
{
    const std::string statement(copy_sql);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn_.get(), statement.c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COPY_IN)
        fail("COPY could not start", result.get());
}

void PgConnection::copySend(std::string_view data)
{
    if (PQputCopyData(conn_.get(), data.data(), static_cast<int>(data.size())) != 1)
        fail("COPY data could not be sent");
}

void PgConnection::copyEnd()
{
    if (PQputCopyEnd(conn_.get(), nullptr) != 1)
        fail("COPY could not be completed");
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQgetResult(conn_.get()), &PQclear);
    const bool ok = PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    // Drain any further results so the connection is ready for the next statement.
    while (PGresult* extra = PQgetResult(conn_.get()))
        PQclear(extra);
    if (!ok)
        fail("COPY failed", result.get());
}

} // namespace vigie::store
