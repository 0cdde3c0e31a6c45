#pragma once
// The numbered SQL migrations from resources/migrations, embedded at build time.
#include <string_view>
#include <vector>

namespace vigie::resources {

struct EmbeddedMigration {
    int version;           // the number the file name starts with
    std::string_view name; // the file name without extension
    std::string_view sql;  // the whole script, applied in one transaction
};

// Sorted by version, ascending.
const std::vector<EmbeddedMigration>& migrations();

} // namespace vigie::resources
