#pragma once
// ScratchCluster: a PostgreSQL cluster of a test's own, in a fresh folder, for tests that stop,
// kill and restart the server (the shared fixture cluster must stay up for the others).
#include "store/local_cluster.h"

#include <filesystem>
#include <string>

namespace vigie::test {

class ScratchCluster {
public:
    ScratchCluster();
    ~ScratchCluster();

    void start() { cluster_.start(); }
    void stop() { cluster_.stop(); }
    // Kills the postmaster with SIGKILL, as a crash or an OOM killer would.
    void kill();
    // Starts it again after kill(), waiting for the old server processes to go.
    void restart();
    std::string conninfo() const { return cluster_.conninfo(); }
    const std::filesystem::path& directory() const { return directory_; }

private:
    static std::filesystem::path makeDirectory();
    std::filesystem::path directory_;
    store::LocalCluster cluster_;
};

// A fresh empty folder under /tmp, removed with the object.
class ScratchDirectory {
public:
    ScratchDirectory();
    ~ScratchDirectory();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace vigie::test
