#pragma once
// Typed store errors, so callers can act on the kind (DESIGN habit 8):
// a lost or refused connection is retried/spooled, a rejected statement is reported.
#include <stdexcept>
#include <string>

namespace vigie::store {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The server cannot be reached, refused the login, or the connection broke.
class ConnectionError : public StoreError {
public:
    using StoreError::StoreError;
};

// The server rejected a statement; sqlstate is the five-character SQLSTATE code.
class SqlError : public StoreError {
public:
    SqlError(const std::string& message, std::string sqlstate)
        : StoreError(message), sqlstate_(std::move(sqlstate))
    {
    }
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

} // namespace vigie::store
