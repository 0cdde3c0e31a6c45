#include "store/database_backup.h"

#include "store/migrator.h"
#include "store/server_programs.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <vector>

extern char** environ;

namespace vigie::store {
namespace {

// Runs a PostgreSQL client program with standard error read line by line into `progress`;
// throws StoreError with its last lines when it fails, OperationCancelled when `stop` killed it.
// The connection string travels as an argument vector element, never through a shell.
void runClientProgram(std::vector<std::string> args, const ProgressLine& progress, const std::stop_token& stop)
{
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0)
        throw StoreError(std::string("cannot create a pipe: ") + std::strerror(errno));
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (spawned != 0) {
        close(pipe_fds[0]);
        throw StoreError("cannot run " + args.front() + ": " + std::strerror(spawned));
    }

    std::deque<std::string> last_lines; // for the error message
    std::string pending;
    const auto emit = [&](std::string line) {
        if (progress)
            progress(line);
        last_lines.push_back(std::move(line));
        if (last_lines.size() > 10)
            last_lines.pop_front();
    };
    char buffer[4096];
    {
        // Killing the tool closes its end of the pipe, which ends the reading below. The
        // callback is gone (a running one waited for) before the child is reaped, so the kill
        // can never reach another process that reused the id.
        const std::stop_callback kill_on_stop(stop, [pid] { kill(pid, SIGTERM); });
        for (;;) {
            const ssize_t got = read(pipe_fds[0], buffer, sizeof buffer);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            pending.append(buffer, static_cast<std::size_t>(got));
            for (std::size_t end; (end = pending.find('\n')) != std::string::npos;) {
                emit(pending.substr(0, end));
                pending.erase(0, end + 1);
            }
        }
    }
    if (!pending.empty())
        emit(pending);
    close(pipe_fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (stop.stop_requested())
        throw OperationCancelled(args.front() + " was cancelled");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string message = args.front() + " failed";
        for (const auto& line : last_lines)
            message += "\n" + line;
        throw StoreError(message);
    }
}

} // namespace

DatabaseContents databaseContents(PgConnection& connection)
{
    DatabaseContents contents;
    const auto schema =
        connection.exec("SELECT to_regclass('events') IS NOT NULL, to_regclass('sources') IS NOT NULL, "
                        "to_regclass('event_counts_1m') IS NOT NULL");
    contents.has_schema = schema.text(0, 0) == "t";
    if (contents.has_schema) {
        contents.events = connection.exec("SELECT count(*) FROM events").integer(0, 0);
        contents.partitions =
            connection.exec("SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass('events')")
                .integer(0, 0);
    }
    if (schema.text(0, 1) == "t")
        contents.sources = connection.exec("SELECT count(*) FROM sources").integer(0, 0);
    if (schema.text(0, 2) == "t")
        contents.rollup_rows = connection.exec("SELECT count(*) FROM event_counts_1m").integer(0, 0);
    return contents;
}

void backupDatabase(const std::string& conninfo, const std::filesystem::path& file,
                    const ProgressLine& progress, std::stop_token stop)
{
    std::filesystem::path partial = file;
    partial += ".partial";
    try {
        // --dbname accepts a whole connection string; --verbose names each table as it goes,
        // which is the progress an operator sees.
        runClientProgram({serverProgram("pg_dump").string(), "--format=custom", "--verbose",
                          "--file=" + partial.string(), "--dbname=" + conninfo},
                         progress, stop);
        std::filesystem::rename(partial, file);
    } catch (...) {
        std::error_code ignored; // the original error is the one worth reporting
        std::filesystem::remove(partial, ignored);
        throw;
    }
}

void restoreDatabase(const std::string& conninfo, const std::filesystem::path& file, bool force,
                     const ProgressLine& progress, std::stop_token stop)
{
    if (!std::filesystem::is_regular_file(file))
        throw StoreError("cannot read the backup " + file.string());
    {
        PgConnection target(conninfo);
        const auto contents = databaseContents(target);
        if (!force && (contents.events > 0 || contents.sources > 0))
            throw StoreError("the target database is not empty (" + std::to_string(contents.events) +
                             " events, " + std::to_string(contents.sources) +
                             " sources); restore into an empty database, or give --force to replace its "
                             "contents with the backup's");
    }
    // One transaction: a failed restore leaves the target as it was. --clean --if-exists
    // drops the backup's objects first when the target has them (a migrated but empty
    // database, or --force); dropping `events` drops all its partitions with it. Ownership
    // and grants are the target's user's, so a backup moves between servers and users.
    runClientProgram({serverProgram("pg_restore").string(), "--verbose", "--single-transaction",
                      "--exit-on-error", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                      "--dbname=" + conninfo, file.string()},
                     progress, stop);
    // A backup of an older Vigie gets the newer migrations, as at any start.
    PgConnection restored(conninfo);
    applyMigrations(restored);
}

} // namespace vigie::store
