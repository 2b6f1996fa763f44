// terminal_progress.hpp — a progress bar on stderr for long commands, drawn only when stderr
// is a terminal (scripts and logs get no control characters).
#pragma once

#include <string>

namespace knotnotes::cli {

class TerminalProgress {
  public:
    explicit TerminalProgress(std::string label);
    ~TerminalProgress();  // ends the bar's line
    void update(long long done, long long total);

  private:
    std::string label_;
    bool enabled_;
    int last_permille_ = -1;
};

}  // namespace knotnotes::cli
