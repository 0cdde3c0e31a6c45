#pragma once
// PgConnection: a thin owner of one libpq connection. Every statement is sent with
// PQexecParams, so values always travel as parameters, never inside SQL text.
// One connection per thread; not thread-safe.
#include "store/store_error.h"

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::store {

// The result of a statement; owns the PGresult.
class PgResult {
public:
    explicit PgResult(PGresult* result) : result_(result, &PQclear) {}
    int rows() const { return PQntuples(result_.get()); }
    bool isNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
    std::string_view text(int row, int column) const;
    long long integer(int row, int column) const;
    const PGresult* raw() const { return result_.get(); }

private:
    std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

class PgConnection {
public:
    // Connects; throws ConnectionError with libpq's message (wrong password, unreachable...).
    explicit PgConnection(const std::string& conninfo);
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs one statement with text parameters ($1, $2...; nullopt is SQL NULL).
    PgResult exec(std::string_view sql, const std::vector<std::optional<std::string>>& params = {});
    // Runs a script of several statements without parameters (migrations, DDL made of
    // identifiers computed by Vigie, never of user text).
    void execScript(std::string_view sql);

    // COPY ... FROM STDIN: begin, send chunks, then end (which reports the server's verdict).
    void copyBegin(std::string_view copy_sql);
    void copySend(std::string_view data);
    void copyEnd();

    bool healthy() const;
    PGconn* native() { return conn_.get(); }

private:
    [[noreturn]] void fail(std::string_view what, const PGresult* result = nullptr);
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
};

} // namespace vigie::store
