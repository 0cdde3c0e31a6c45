#include "support/child_process.h"

#include <csignal>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace vigie::test {
namespace {

void makePipe(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
}

} // namespace

ChildProcess::ChildProcess(std::vector<std::string> argv)
{
    int in[2], out[2], err[2];
    makePipe(in);
    makePipe(out);
    makePipe(err);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    std::vector<char*> args;
    for (auto& a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    const int spawned = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    stderr_ = err[0];
    if (spawned != 0)
        throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(spawned));
}

ChildProcess::~ChildProcess()
{
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    for (int fd : {stdin_, stdout_, stderr_})
        if (fd >= 0)
            close(fd);
}

void ChildProcess::writeInput(const std::string& text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = write(stdin_, text.data() + done, text.size() - done);
        if (n <= 0)
            throw std::runtime_error("the child stopped reading its input");
        done += static_cast<std::size_t>(n);
    }
}

void ChildProcess::closeInput()
{
    close(stdin_);
    stdin_ = -1;
}

std::string ChildProcess::readErrorLine()
{
    for (;;) {
        if (const auto newline = error_buffer_.find('\n'); newline != std::string::npos) {
            std::string line = error_buffer_.substr(0, newline);
            error_buffer_.erase(0, newline + 1);
            return line;
        }
        char chunk[4096];
        const auto n = read(stderr_, chunk, sizeof chunk);
        if (n <= 0)
            return std::exchange(error_buffer_, {});
        error_buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

void ChildProcess::signal(int signal_number)
{
    kill(pid_, signal_number);
}

int ChildProcess::wait()
{
    if (stdin_ >= 0)
        closeInput();
    char chunk[4096];
    for (ssize_t n; (n = read(stdout_, chunk, sizeof chunk)) > 0;)
        output_.append(chunk, static_cast<std::size_t>(n));
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace vigie::test
