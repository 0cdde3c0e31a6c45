#include "store/local_cluster.h"

#include "store/pg_connection.h"
#include "store/server_programs.h"

#include <fcntl.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace vigie::store {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSuperuser = "vigie";
constexpr int kPort = 5432; // only names the socket file: the server listens on no TCP port

bool runningAsRoot()
{
    return geteuid() == 0;
}

std::string lastLines(const fs::path& file, std::size_t count)
{
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::string tail;
    for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
        tail += lines[i] + "\n";
    return tail;
}

struct CommandResult {
    int exit_code = -1;
    std::string output;
};

// Runs a server program, as the postgres system user when we are root (PostgreSQL refuses
// root), from `workdir`, with its output captured in `log`.
CommandResult runServerCommand(std::vector<std::string> args, const fs::path& workdir, const fs::path& log)
{
    if (runningAsRoot())
        args.insert(args.begin(), {"runuser", "-u", "postgres", "--"});
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addchdir_np(&actions, workdir.c_str());
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    CommandResult result;
    if (spawned != 0) {
        result.output = "cannot run " + args.front() + ": " + std::strerror(spawned);
        return result;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.output = lastLines(log, 20);
    return result;
}

void makePrivateDirectory(const fs::path& dir)
{
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    if (runningAsRoot()) {
        const passwd* postgres = getpwnam("postgres");
        if (!postgres)
            throw StoreError("running as root needs the 'postgres' system user (install postgresql)");
        if (chown(dir.c_str(), postgres->pw_uid, postgres->pw_gid) != 0)
            throw StoreError("cannot give " + dir.string() +
                             " to the postgres user: " + std::strerror(errno));
    }
}

// Quotes a conninfo value: single quotes, with ' and \ escaped.
std::string conninfoValue(const std::string& value)
{
    std::string quoted = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            quoted.push_back('\\');
        quoted.push_back(c);
    }
    return quoted + "'";
}

} // namespace

LocalCluster::LocalCluster(fs::path directory) : directory_(fs::absolute(std::move(directory))) {}

LocalCluster::~LocalCluster()
{
    if (started_by_us_) {
        try {
            stop();
        } catch (...) {
            // A destructor cannot report; the server stops with the machine at worst.
        }
    }
}

fs::path LocalCluster::defaultDirectory(const fs::path& userDataDir)
{
    if (runningAsRoot())
        return "/var/lib/vigie/cluster";
    return userDataDir / "cluster";
}

std::string LocalCluster::conninfo(const std::string& database) const
{
    return "host=" + conninfoValue((directory_ / "socket").string()) + " port=" + std::to_string(kPort) +
           " user=" + kSuperuser + " dbname=" + conninfoValue(database);
}

bool LocalCluster::running() const
{
    if (!fs::exists(directory_ / "data" / "PG_VERSION"))
        return false;
    const auto result =
        runServerCommand({serverProgram("pg_ctl").string(), "status", "-D", (directory_ / "data").string()},
                         directory_, directory_ / "pg_ctl-status.log");
    return result.exit_code == 0;
}

void LocalCluster::start()
{
    const fs::path data = directory_ / "data";
    const fs::path socket = directory_ / "socket";
    if ((socket / ".s.PGSQL.5432").string().size() >= sizeof(sockaddr_un{}.sun_path))
        throw StoreError("the database folder path is too long for a Unix socket: " + socket.string());
    makePrivateDirectory(directory_);
    makePrivateDirectory(socket);

    if (!fs::exists(data / "PG_VERSION")) {
        const auto init = runServerCommand({serverProgram("initdb").string(), "-D", data.string(), "-U",
                                            kSuperuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"},
                                           directory_, directory_ / "initdb.log");
        if (init.exit_code != 0)
            throw StoreError("could not create the local database in " + data.string() + ":\n" + init.output);
        // Trust is safe here only because the server listens on no TCP port and its socket
        // sits in a folder only its owner can enter.
        std::ofstream conf(data / "postgresql.conf", std::ios::app);
        conf << "\n# Managed by Vigie\n"
             << "listen_addresses = ''\n"
             << "unix_socket_directories = '" << socket.string() << "'\n"
             << "unix_socket_permissions = 0700\n"
             << "shared_buffers = '256MB'\n"
             << "max_wal_size = '2GB'\n";
        if (!conf)
            throw StoreError("could not configure the local database in " + data.string());
    }

    if (!running()) {
        const auto started =
            runServerCommand({serverProgram("pg_ctl").string(), "start", "-w", "-t", "60", "-D",
                              data.string(), "-l", (directory_ / "server.log").string()},
                             directory_, directory_ / "pg_ctl-start.log");
        if (started.exit_code != 0)
            throw StoreError("could not start the local database:\n" + started.output +
                             lastLines(directory_ / "server.log", 10));
        started_by_us_ = true;
    }

    PgConnection admin(conninfo("postgres"));
    if (admin.exec("SELECT 1 FROM pg_database WHERE datname = $1", {std::string("vigie")}).rows() == 0)
        admin.execScript("CREATE DATABASE vigie");
}

void LocalCluster::stop()
{
    if (!running())
        return;
    const auto stopped = runServerCommand(
        {serverProgram("pg_ctl").string(), "stop", "-w", "-m", "fast", "-D", (directory_ / "data").string()},
        directory_, directory_ / "pg_ctl-stop.log");
    started_by_us_ = false;
    if (stopped.exit_code != 0)
        throw StoreError("could not stop the local database:\n" + stopped.output);
}

} // namespace vigie::store
