#pragma once
// ChildProcess: runs a program as an operator would (vigiectl in integration tests), with its
// standard input, output and error connected to pipes the test reads and writes.
#include <string>
#include <vector>

#include <sys/types.h>

namespace vigie::test {

class ChildProcess {
public:
    explicit ChildProcess(std::vector<std::string> argv);
    ~ChildProcess(); // kills the child if it still runs
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    void writeInput(const std::string& text);
    void closeInput();
    // The next line of standard error (without newline); empty at end of stream.
    std::string readErrorLine();
    void signal(int signal_number);
    // Waits for the exit; returns the exit code (128 + signal when killed).
    int wait();
    // Everything the child wrote to standard output (read after wait()).
    const std::string& output() const { return output_; }

private:
    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
    int stderr_ = -1;
    std::string error_buffer_;
    std::string output_;
};

} // namespace vigie::test
