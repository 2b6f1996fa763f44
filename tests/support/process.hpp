// process.hpp — runs a program as a child process, as a user or a script would, and collects
// its exit status and output. Used to test the real knotnotes-cli and knotnotes binaries.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace knotnotes::test {

struct ProcessResult {
    int exit_code = -1;     // valid when !signaled
    bool signaled = false;  // killed by a signal (crashed)
    int signal = 0;
    std::string out;
    std::string err;
};

// `env` entries are added to (or replace those of) the current environment.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});

// A child left running, its standard output going to `out_file` (and standard error to
// `out_file`.err), for tests that kill it.
class RunningProcess {
  public:
    RunningProcess(const std::vector<std::string>& argv, const std::string& out_file);
    ~RunningProcess();  // kills and reaps a child still running
    RunningProcess(const RunningProcess&) = delete;
    RunningProcess& operator=(const RunningProcess&) = delete;

    void kill_hard();      // SIGKILL: the process gets no chance to clean up
    ProcessResult wait();  // exit status; out/err are not collected here

  private:
    int pid_ = -1;
};

}  // namespace knotnotes::test
