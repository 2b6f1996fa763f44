// builtin_plugin_host.hpp — what the technique and questionnaire plugin tests share: a plugin
// host over the real built-in plugins, an environment variable set for one test, and a capture
// of standard error (where the questionnaires plugin reports definition files it skipped).
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include "scoped_env.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/plugin_host.hpp"
#include "temp_dir.hpp"

namespace knotnotes::test {

inline const std::filesystem::path builtin_plugin_dir = KNOTNOTES_BUILTIN_PLUGIN_DIR;
inline const std::filesystem::path source_dir = KNOTNOTES_SOURCE_DIR;

inline std::unique_ptr<core::PluginHost> load_builtin_plugins(const TempDir& config) {
    auto host = std::make_unique<core::PluginHost>(
        core::PluginHostOptions{{builtin_plugin_dir}, config.path()});
    host->discover();
    host->load_enabled();
    return host;
}

// Fails the test unless the plugin is loaded, showing why it is not.
inline void require_loaded(const core::PluginHost& host, const std::string& plugin_id) {
    const auto* status = host.find(plugin_id);
    INFO(plugin_id << " in " << builtin_plugin_dir);
    REQUIRE(status != nullptr);
    INFO(to_text(status->state) << ": " << status->reason);
    REQUIRE(status->state == core::PluginState::loaded);
}

using knotnotes::test::ScopedEnv;

// Questionnaire folders that hold only what a test puts there: the user's own definitions
// ($XDG_DATA_HOME/knotnotes/questionnaires) must not change what the tests see.
class IsolatedQuestionnaireFolders {
  public:
    explicit IsolatedQuestionnaireFolders(const std::string& questionnaire_path = "")
        : path_("KNOTNOTES_QUESTIONNAIRE_PATH", questionnaire_path),
          data_home_("XDG_DATA_HOME", data_dir_.path().string()) {}
    // Where the plugin looks when KNOTNOTES_QUESTIONNAIRE_PATH does not say.
    std::filesystem::path xdg_questionnaire_dir() const {
        return data_dir_.path() / "knotnotes" / "questionnaires";
    }

  private:
    TempDir data_dir_;
    ScopedEnv path_;
    ScopedEnv data_home_;
};

// Sends file descriptor 2 to a file until text() is called, so a test can read what a plugin
// wrote to std::cerr.
class StderrCapture {
  public:
    explicit StderrCapture(std::filesystem::path file) : file_(std::move(file)) {
        std::cerr.flush();
        std::fflush(stderr);
        saved_ = ::dup(2);
        const int fd = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(saved_ >= 0);
        REQUIRE(fd >= 0);
        ::dup2(fd, 2);
        ::close(fd);
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // Stops capturing and returns what was written; echoes it to the real stderr for the log.
    std::string text() {
        restore();
        std::ifstream in(file_);
        std::ostringstream content;
        content << in.rdbuf();
        std::cerr << content.str();
        return content.str();
    }

  private:
    void restore() {
        if (saved_ < 0)
            return;
        std::cerr.flush();
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
    }

    std::filesystem::path file_;
    int saved_ = -1;
};

}  // namespace knotnotes::test
