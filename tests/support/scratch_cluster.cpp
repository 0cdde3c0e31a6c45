#include "support/scratch_cluster.h"

#include "store/store_error.h"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace vigie::test {

std::filesystem::path ScratchCluster::makeDirectory()
{
    char pattern[] = "/tmp/vigie-scratch-XXXXXX";
    if (!mkdtemp(pattern))
        throw std::runtime_error("cannot create a scratch folder");
    // Run as root the server is the postgres user, who must be able to enter it.
    std::filesystem::permissions(pattern, std::filesystem::perms(0755));
    return std::filesystem::path(pattern);
}

ScratchCluster::ScratchCluster() : directory_(makeDirectory()), cluster_(directory_ / "pg") {}

ScratchCluster::~ScratchCluster()
{
    try {
        cluster_.stop();
    } catch (...) {
        // A dead cluster in a scratch folder harms nobody.
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
}

void ScratchCluster::kill()
{
    std::ifstream pid_file(directory_ / "pg" / "data" / "postmaster.pid");
    pid_t pid = 0;
    pid_file >> pid;
    if (pid <= 0)
        throw std::runtime_error("no running server to kill");
    ::kill(pid, SIGKILL);
}

void ScratchCluster::restart()
{
    // The killed server's backends notice their postmaster is gone and exit on their own; until
    // they do, a new server refuses to start on the same shared memory.
    for (int attempt = 0;; ++attempt) {
        try {
            cluster_.start();
            return;
        } catch (const store::StoreError&) {
            if (attempt == 30)
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    }
}

ScratchDirectory::ScratchDirectory()
{
    char pattern[] = "/tmp/vigie-dir-XXXXXX";
    if (!mkdtemp(pattern))
        throw std::runtime_error("cannot create a scratch folder");
    path_ = pattern;
}

ScratchDirectory::~ScratchDirectory()
{
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

} // namespace vigie::test
