#pragma once
// Brings a database's schema up to date with resources/migrations: every migration not yet in
// schema_migrations is applied in version order, each in its own transaction, under an
// advisory lock so that two processes starting together do not race.
#include "store/pg_connection.h"

namespace vigie::store {

// Returns how many migrations were applied. Throws StoreError.
int applyMigrations(PgConnection& connection);

// True when the connected role may change the schema (a superuser, or allowed to create in
// `public`): the owner's programs migrate; an analyst's role only reads and works on tickets.
bool mayMigrate(PgConnection& connection);
// True when every migration this program knows is applied (for a role that cannot apply them).
bool isUpToDate(PgConnection& connection);

} // namespace vigie::store
