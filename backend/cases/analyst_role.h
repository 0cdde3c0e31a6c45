#pragma once
// Creating an analyst: a PostgreSQL LOGIN role that is a member of one tier group (vigie_l1,
// vigie_l2, vigie_l3 or vigie_admin, migration 0012), which decides what it may do. Used by
// `vigiectl db create-analyst` and the tests. Blocking; any thread with its own connection.
#include "store/pg_connection.h"

#include <string>

namespace vigie::cases {

// "l1", "l2", "l3" or "admin" -> the group role; std::invalid_argument for anything else.
std::string tierGroup(const std::string& tier);

// Creates role `name` with LOGIN and `password` in the tier's group. The name is quoted by the
// server (format %I = quote_ident) and the password is sent already SCRAM-hashed, so neither
// becomes SQL text written by the client nor reaches the server log in clear. Needs a
// connection allowed to create roles; throws SqlError when the role exists already.
void createAnalyst(store::PgConnection& db, const std::string& name, const std::string& tier,
                   const std::string& password);

} // namespace vigie::cases
