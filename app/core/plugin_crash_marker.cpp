#include "plugin_crash_marker.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <ctime>
#include <fstream>

#include "load_marker.hpp"

namespace knotnotes::core {
namespace {

constexpr const char* marker_prefix = "crashed-";

// What the signal handler may read: plain buffers, written only outside the handler.
struct CrashState {
    char marker[4096] = {};
    char plugin[256] = {};
    char call[128] = {};
    char operation[64] = "a call";
    char partial[4096] = {};
    volatile sig_atomic_t depth = 0;  // calls into plugins under way
};
CrashState state;

constexpr std::array<int, 5> fatal_signals{SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
struct sigaction previous_actions[fatal_signals.size()];

void copy_into(char* buffer, std::size_t size, const std::string& text) {
    const auto n = std::min(text.size(), size - 1);
    std::memcpy(buffer, text.data(), n);
    buffer[n] = '\0';
}

void write_line(int fd, const char* text) {
    const auto length = std::strlen(text);
    if (length > 0 && ::write(fd, text, length) < 0)
        return;
    if (::write(fd, "\n", 1) < 0)
        return;
}

void on_fatal_signal(int signal_number) {
    if (state.depth > 0 && state.marker[0] != '\0') {
        const int fd = ::open(state.marker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd >= 0) {
            write_line(fd, state.plugin);
            write_line(fd, state.operation);
            write_line(fd, state.call);
            write_line(fd, state.partial);
            ::fsync(fd);
            ::close(fd);
        }
    }
    // Die as the signal would have killed us: the previous disposition, then the signal again.
    for (std::size_t i = 0; i < fatal_signals.size(); ++i) {
        if (fatal_signals[i] == signal_number)
            ::sigaction(signal_number, &previous_actions[i], nullptr);
    }
    ::raise(signal_number);
}

std::string utc_text(std::time_t time) {
    std::tm tm{};
    gmtime_r(&time, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace

void arm_plugin_crash_marker(const std::filesystem::path& folder) {
    static bool armed = false;
    copy_into(state.marker, sizeof state.marker,
              (folder / (marker_prefix + std::to_string(::getpid()) + ".marker")).string());
    if (armed)
        return;
    armed = true;
    // Its own stack, so a crash by stack overflow still runs the handler.
    static std::array<char, 64 * 1024> alternate_stack;
    stack_t stack{};
    stack.ss_sp = alternate_stack.data();
    stack.ss_size = alternate_stack.size();
    ::sigaltstack(&stack, nullptr);
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    action.sa_flags = SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < fatal_signals.size(); ++i)
        ::sigaction(fatal_signals[i], &action, &previous_actions[i]);
}

PluginCallScope::PluginCallScope(const std::string& plugin_id, const char* call)
    : previous_plugin_(state.plugin), previous_call_(state.call) {
    copy_into(state.plugin, sizeof state.plugin, plugin_id);
    copy_into(state.call, sizeof state.call, call);
    state.depth = state.depth + 1;
}

PluginCallScope::~PluginCallScope() {
    state.depth = state.depth - 1;
    copy_into(state.plugin, sizeof state.plugin, previous_plugin_);
    copy_into(state.call, sizeof state.call, previous_call_);
}

PluginOperationScope::PluginOperationScope(const char* operation,
                                           const std::filesystem::path& partial_output) {
    copy_into(state.operation, sizeof state.operation, operation);
    copy_into(state.partial, sizeof state.partial, partial_output.string());
}

PluginOperationScope::~PluginOperationScope() {
    copy_into(state.operation, sizeof state.operation, "a call");
    state.partial[0] = '\0';
}

std::vector<CrashedCall> take_crashed_calls(const std::filesystem::path& folder) {
    std::vector<CrashedCall> crashed;
    for (const auto& marker : leftover_markers(folder, marker_prefix)) {
        CrashedCall call;
        std::ifstream in(marker);
        std::getline(in, call.plugin_id);
        std::getline(in, call.operation);
        std::getline(in, call.call);
        std::getline(in, call.partial_output);
        struct stat st {};
        call.when = ::stat(marker.c_str(), &st) == 0 ? utc_text(st.st_mtime) : "at an unknown time";
        std::error_code ec;
        // Only what KnotNotes itself named as partial output (".partial-<pid>") is removed.
        if (call.partial_output.find(".partial-") != std::string::npos)
            std::filesystem::remove_all(call.partial_output, ec);
        std::filesystem::remove(marker, ec);
        if (!call.plugin_id.empty())
            crashed.push_back(std::move(call));
    }
    return crashed;
}

}  // namespace knotnotes::core
