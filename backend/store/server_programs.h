#pragma once
// Where PostgreSQL's own programs (initdb, pg_ctl, pg_dump, pg_restore...) are found: shared
// by LocalCluster and the backup commands so both run the same installation. Any thread.
#include <filesystem>
#include <string>

namespace vigie::store {

// $VIGIE_PG_BINDIR/NAME if set, else the newest /usr/lib/postgresql/VERSION/bin/NAME that
// exists (Debian installs them outside PATH), else NAME alone for PATH to resolve.
std::filesystem::path serverProgram(const std::string& name);

} // namespace vigie::store
