#include "store/server_programs.h"

#include <cstdlib>

namespace vigie::store {

std::filesystem::path serverProgram(const std::string& name)
{
    namespace fs = std::filesystem;
    if (const char* dir = std::getenv("VIGIE_PG_BINDIR"); dir && *dir)
        return fs::path(dir) / name;
    // Debian installs the server programs outside PATH, one folder per major version.
    for (int version = 17; version >= 13; --version) {
        const fs::path candidate = fs::path("/usr/lib/postgresql") / std::to_string(version) / "bin" / name;
        if (fs::exists(candidate))
            return candidate;
    }
    return name; // let PATH decide
}

} // namespace vigie::store
