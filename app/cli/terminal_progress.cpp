#include "terminal_progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace knotnotes::cli {

TerminalProgress::TerminalProgress(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1) {}

TerminalProgress::~TerminalProgress() {
    if (enabled_ && last_permille_ >= 0)
        std::fputc('\n', stderr);
}

void TerminalProgress::update(long long done, long long total) {
    if (!enabled_ || total <= 0)
        return;
    const int permille = static_cast<int>(done * 1000 / total);
    if (permille == last_permille_)
        return;  // redraw only when the bar changes
    last_permille_ = permille;
    constexpr int width = 30;
    const int filled = permille * width / 1000;
    std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% (%lld/%lld)", label_.c_str(), filled,
                 "##############################", width - filled, "", permille / 10, done, total);
    std::fflush(stderr);
}

}  // namespace knotnotes::cli
