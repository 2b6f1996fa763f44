// exit_codes.hpp — what knotnotes-cli's exit status means (documented in README and --help).
#pragma once

namespace knotnotes::cli {

enum ExitCode : int {
    exit_ok = 0,             // the command did what was asked
    exit_failure = 1,        // it could not (a file, database or plugin problem, named on stderr)
    exit_usage = 2,          // the command line was wrong
    exit_check_failed = 3,   // `plugins check` found problems in the plugin
    exit_verify_failed = 4,  // `verify` found the database damaged or tampered with
    exit_locked = 5  // the database is encrypted and no key, or not its key, was given; or the
                     // clinic server refused the login (no password, a wrong one, disabled)
};

inline constexpr const char* exit_codes_help =
    "Exit status: 0 success; 1 failure (the problem and the file are named on stderr); "
    "2 wrong command line; 3 `plugins check` found problems; 4 `verify` found the database "
    "damaged or tampered with; 5 the database is encrypted and no passphrase, or a wrong one, was "
    "given (the file was not changed), or the clinic server refused the login.";

}  // namespace knotnotes::cli
