#pragma once
// LocalCluster: the managed, private PostgreSQL server of the embedded default (DESIGN §10).
// Creates the cluster with initdb on first use, starts it with pg_ctl listening on a Unix
// socket only (no TCP), creates the `vigie` database, and stops it on request or destruction.
// Run as root it runs every server command as the `postgres` system user, since PostgreSQL
// refuses root; the data directory is then owned by that user.
// Blocking calls (seconds): call them off the GUI thread.
#include <filesystem>
#include <string>

namespace vigie::store {

class LocalCluster {
public:
    explicit LocalCluster(std::filesystem::path directory);
    ~LocalCluster(); // stops the server if this object started it

    LocalCluster(const LocalCluster&) = delete;
    LocalCluster& operator=(const LocalCluster&) = delete;

    // Where the cluster lives for a user whose application data folder is `userDataDir`.
    // For root this is /var/lib/vigie/cluster: the postgres user cannot enter /root.
    static std::filesystem::path defaultDirectory(const std::filesystem::path& userDataDir);

    // initdb if needed, then start (or adopt an already running server), then create the
    // `vigie` database if missing. Throws StoreError with a message fit for the user.
    void start();
    // Stops the server (fast shutdown) if it is running, whoever started it.
    void stop();
    // Leaves the server running when this object is destroyed.
    void detach() { started_by_us_ = false; }
    bool running() const;

    // libpq key=value connection string for a database of this cluster.
    std::string conninfo(const std::string& database = "vigie") const;
    const std::filesystem::path& directory() const { return directory_; }

private:
    std::filesystem::path directory_;
    bool started_by_us_ = false;
};

} // namespace vigie::store
