// SPDX-License-Identifier: MIT
// bridge/status.hpp — exceptions to status codes and back, at the C boundary.
//
// Specification
// - guard(error, f) runs f() on the called side and returns its kn_status: KN_OK, or the
//   status for what f() threw (ImportError KN_IMPORT_ERROR with its line, InvalidAnswer
//   KN_INVALID_ANSWER, PluginError KN_ERROR, anything else `other`, KN_BUG by default) with the
//   message in `error`. It never throws.
// - ErrorBuffer is the calling side's kn_error, with room for a 4 KB message.
// - check(status, buffer) on the calling side throws what the status means: ImportError,
//   InvalidAnswer, PluginError (KN_ERROR and any status it does not know), or PluginFailure for
//   KN_BUG. PluginFailure is not a PluginError: the host treats it as a bug and disables the
//   plugin.
#pragma once

#include <exception>
#include <new>
#include <stdexcept>
#include <string>

#include "knotnotes/sdk/bridge/c_values.hpp"

namespace knotnotes::sdk::bridge {

class PluginFailure : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

template <typename F>
kn_status guard(kn_error* error, F&& f, kn_status other = KN_BUG) noexcept {
    try {
        f();
        return KN_OK;
    } catch (const ImportError& e) {
        set_error(error, e.problem(), e.line());
        return KN_IMPORT_ERROR;
    } catch (const InvalidAnswer& e) {
        set_error(error, e.what());
        return KN_INVALID_ANSWER;
    } catch (const PluginError& e) {
        set_error(error, e.what());
        return KN_ERROR;
    } catch (const std::bad_alloc&) {
        set_error(error, "out of memory");
        return other;
    } catch (const std::exception& e) {
        set_error(error, e.what());
        return other;
    } catch (...) {
        set_error(error, "an exception that is not a std::exception");
        return other;
    }
}

struct ErrorBuffer {
    ErrorBuffer() : error{sizeof(kn_error), 0, text, sizeof text, 0, 0} { text[0] = '\0'; }
    ErrorBuffer(const ErrorBuffer&) = delete;
    ErrorBuffer& operator=(const ErrorBuffer&) = delete;

    char text[4096];
    kn_error error;
};

inline void check(kn_status status, const ErrorBuffer& buffer) {
    if (status == KN_OK)
        return;
    const auto length = std::min(buffer.error.length, sizeof buffer.text - 1);
    std::string message(buffer.text, length);
    if (message.empty())
        message = "failed without saying why (status " + std::to_string(status) + ")";
    switch (status) {
        case KN_IMPORT_ERROR:
            throw ImportError(static_cast<std::size_t>(buffer.error.line), message);
        case KN_INVALID_ANSWER:
            throw InvalidAnswer(message);
        case KN_BUG:
            throw PluginFailure(message);
        default:
            throw PluginError(message);
    }
}

}  // namespace knotnotes::sdk::bridge
