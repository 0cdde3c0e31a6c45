#pragma once
// Brings a database's schema up to date with resources/migrations: every migration not yet in
// schema_migrations is applied in version order, each in its own transaction, under an
// advisory lock so that two processes starting together do not race.
#include "store/pg_connection.h"

namespace vigie::store {

// Returns how many migrations were applied. Throws StoreError.
int applyMigrations(PgConnection& connection);

} // namespace vigie::store
