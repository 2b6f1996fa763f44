// Plugin trust (issue 9.8): KnotNotes runs no code that another local user could have written.
// Each unsafe setup is a real folder of real files, and the real CLI runs as a user who is not
// root: run as root, the test creates the system user `knotnotes-trust` and runs the CLI as it
// (setpriv); run as a non-root user, as that user. The library copied into each setup kills the
// process inside dlopen, so a refused copy that was loaded anyway would take the CLI down.
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <sstream>

#include "process.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using knotnotes::test::ProcessResult;
using knotnotes::test::run_process;
using knotnotes::test::TempDir;

namespace {

const char* const trust_user = "knotnotes-trust";
const std::string probe_id = "org.knotnotes.test.crash-on-dlopen";
const std::string probe_library = "crash-on-dlopen.so";
const std::string probe_manifest = probe_id + ".plugin.xml";

struct Runner {
    uid_t uid;
    gid_t gid;
    bool as_root;  // the test runs as root and the CLI as trust_user
};

Runner runner() {
    if (::geteuid() != 0)
        return {::geteuid(), ::getegid(), false};
    if (!::getpwnam(trust_user)) {
        // Another test process may create it at the same moment: looked up again below.
        run_process({"useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                     trust_user});
    }
    const auto* entry = ::getpwnam(trust_user);
    REQUIRE(entry);
    return {entry->pw_uid, entry->pw_gid, true};
}

// Gives `path` to another user ("nobody"); false when this process cannot (not root, no sudo).
bool give_to_nobody(const fs::path& path) {
    if (::geteuid() == 0)
        return ::chown(path.c_str(), 65534, 65534) == 0;
    try {
        return run_process({"sudo", "-n", "chown", "65534:65534", path.string()}).exit_code == 0;
    } catch (const std::exception&) {
        return false;  // no sudo here
    }
}

class TrustSetup {
  public:
    TrustSetup() : who_(runner()) {
        fs::permissions(dir_.path(), fs::perms(0755));  // root-owned and closed: trusted
        folder(dir_ / "home");
    }

    // A folder of the runner's, mode 0755.
    fs::path folder(const fs::path& path) {
        fs::create_directories(path);
        fs::permissions(path, fs::perms(0755));
        own(path);
        return path;
    }

    // <dir>/<name>/plugins holding the probe (or `library` with its manifest), all the runner's.
    fs::path plugins(const std::string& name, const std::string& source_dir,
                     const std::string& library, const std::string& manifest) {
        folder(dir_ / name);
        const auto plugins = folder(dir_ / name / "plugins");
        for (const auto& [file, mode] : {std::pair{library, 0755}, std::pair{manifest, 0644}}) {
            fs::copy_file(fs::path(source_dir) / file, plugins / file);
            fs::permissions(plugins / file, fs::perms(mode));
            own(plugins / file);
        }
        return plugins;
    }
    fs::path probe(const std::string& name) {
        return plugins(name, KNOTNOTES_TEST_DLOPEN_CRASH_PLUGIN_DIR, probe_library, probe_manifest);
    }

    void own(const fs::path& path) const {
        if (who_.as_root)
            REQUIRE(::lchown(path.c_str(), who_.uid, who_.gid) == 0);
    }

    ProcessResult cli(std::vector<std::string> args) const {
        args.insert(args.begin(), KNOTNOTES_CLI);
        if (who_.as_root) {
            args.insert(args.begin(),
                        {"setpriv", "--reuid=" + std::to_string(who_.uid),
                         "--regid=" + std::to_string(who_.gid), "--clear-groups", "--"});
        }
        const auto home = dir_ / "home";
        return run_process(args, {{"HOME", home.string()},
                                  {"XDG_CONFIG_HOME", (home / "config").string()},
                                  {"XDG_DATA_HOME", (home / "data").string()},
                                  {"KNOTNOTES_PLUGIN_PATH", ""}});
    }

    const fs::path& dir() const { return dir_.path(); }

  private:
    TempDir dir_;
    Runner who_;
};

void add_mode(const fs::path& path, mode_t bits) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    REQUIRE(::chmod(path.c_str(), (st.st_mode & 07777) | bits) == 0);
}

// The probe in `plugins` is refused by `plugins list` and by `plugins check`, each naming every
// one of `expected`, and nothing loaded it (the process did not die).
void check_refused(const TrustSetup& setup, const fs::path& plugins,
                   const std::vector<std::string>& expected) {
    auto list = setup.cli({"--plugin-path", plugins.string(), "plugins", "list"});
    INFO(list.out << list.err);
    REQUIRE_FALSE(list.signaled);
    CHECK(list.exit_code == 0);
    CHECK_THAT(list.out, Catch::Contains("refused\n    reason: "));
    for (const auto& part : expected)
        CHECK_THAT(list.out, Catch::Contains(part));

    auto check = setup.cli({"plugins", "check", (plugins / probe_library).string()});
    INFO(check.out << check.err);
    REQUIRE_FALSE(check.signaled);
    CHECK(check.exit_code == 3);
    CHECK_THAT(check.err,
               Catch::Contains("problem: ") && Catch::Contains("KnotNotes refuses to load it"));
    for (const auto& part : expected)
        CHECK_THAT(check.err, Catch::Contains(part));
}

}  // namespace

TEST_CASE("the trust probe really dies when loaded from a safe folder, and so does a sticky one",
          "[integration][plugins][trust]") {
    TrustSetup setup;
    const auto safe = setup.probe("safe");
    const auto list = setup.cli({"--plugin-path", safe.string(), "plugins", "list"});
    CHECK(list.signaled);
    CHECK(setup.cli({"plugins", "check", (safe / probe_library).string()}).signaled);
    // A folder writable by everyone with the sticky bit (as /tmp) above a safe folder is fine.
    const auto sticky = setup.probe("sticky");
    fs::permissions(sticky.parent_path(), fs::perms(01777));
    CHECK(setup.cli({"plugins", "check", (sticky / probe_library).string()}).signaled);
}

TEST_CASE("a plugin another local user could change is refused with the reason and never loaded",
          "[integration][plugins][trust]") {
    struct Case {
        std::string name;
        std::function<std::vector<std::string>(const fs::path& plugins)> make_unsafe;
    };
    const std::vector<Case> cases{
        {"library writable by its group",
         [](const fs::path& p) {
             add_mode(p / probe_library, S_IWGRP);
             return std::vector<std::string>{
                 (p / probe_library).string() + " is writable by its group", "chmod g-w"};
         }},
        {"library writable by others",
         [](const fs::path& p) {
             add_mode(p / probe_library, S_IWOTH);
             return std::vector<std::string>{
                 (p / probe_library).string() + " is writable by others", "chmod o-w"};
         }},
        {"manifest writable by its group",
         [](const fs::path& p) {
             add_mode(p / probe_manifest, S_IWGRP);
             return std::vector<std::string>{(p / probe_manifest).string() +
                                             " is writable by its group"};
         }},
        {"plugin folder writable by others",
         [](const fs::path& p) {
             add_mode(p, S_IWOTH);
             return std::vector<std::string>{"the folder " + p.string() + " is writable by others"};
         }},
        {"a folder on the way writable by its group",
         [](const fs::path& p) {
             add_mode(p.parent_path(), S_IWGRP);
             return std::vector<std::string>{"the folder " + p.parent_path().string() +
                                             " is writable by its group"};
         }},
        {"a symbolic link to a library in a folder writable by its group",
         [](const fs::path& p) {
             const auto elsewhere = p.parent_path() / "elsewhere";
             fs::create_directory(elsewhere);
             fs::rename(p / probe_library, elsewhere / probe_library);
             fs::create_symlink(elsewhere / probe_library, p / probe_library);
             add_mode(elsewhere, S_IWGRP);
             return std::vector<std::string>{"the folder " + elsewhere.string() +
                                             " is writable by its group"};
         }},
    };
    for (const auto& c : cases) {
        SECTION(c.name) {
            TrustSetup setup;
            const auto plugins = setup.probe("case");
            const auto expected = c.make_unsafe(plugins);
            // What make_unsafe created is the runner's too (the symbolic link and its folder).
            for (const auto& entry : fs::recursive_directory_iterator(plugins.parent_path()))
                setup.own(entry.path());
            check_refused(setup, plugins, expected);
        }
    }
}

TEST_CASE("a plugin or a folder owned by another user is refused and never loaded",
          "[integration][plugins][trust]") {
    for (const bool whole_folder : {false, true}) {
        INFO((whole_folder ? "the plugin folder" : "the library") << " belongs to nobody");
        TrustSetup setup;
        const auto plugins = setup.probe("case");
        const auto target = whole_folder ? plugins : plugins / probe_library;
        if (!give_to_nobody(target)) {
            WARN("cannot give a file to another user here (not root, no sudo): case not run");
            return;
        }
        check_refused(setup, plugins,
                      {(whole_folder ? "the folder " : "") + target.string() +
                           " is owned by 'nobody' (uid 65534), not by you or root",
                       "keep plugins in folders of your own"});
    }
}

TEST_CASE("a refused copy does not claim its id: the safe copy later in the search path loads",
          "[integration][plugins][trust]") {
    TrustSetup setup;
    const std::string broken = KNOTNOTES_TEST_BROKEN_PLUGINS_DIR;
    const std::string manifest = "org.knotnotes.test.good.plugin.xml";
    const auto unsafe = setup.plugins("first", broken, "good.so", manifest);
    add_mode(unsafe / "good.so", S_IWGRP);
    const auto safe = setup.plugins("second", broken, "good.so", manifest);
    auto r = setup.cli(
        {"--plugin-path", unsafe.string(), "--plugin-path", safe.string(), "plugins", "list"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("refused\n    reason: " + (unsafe / "good.so").string() +
                                      " is writable by its group"));
    int loaded = 0;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("org.knotnotes.test.good ", 0) == 0 && Catch::endsWith(line, "loaded"))
            ++loaded;
    }
    CHECK(loaded == 1);
    CHECK_THAT(r.out, !Catch::Contains("duplicate id"));
    // And the safe copy does the work: its format exports.
    auto check = setup.cli({"plugins", "check", (safe / "good.so").string()});
    CHECK(check.exit_code == 0);
}
