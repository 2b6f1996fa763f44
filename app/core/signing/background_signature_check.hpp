// background_signature_check.hpp — verifies the signatures of imported notes on a thread of its
// own, so an import uses the second core for them (Ed25519 verification was about 8% of a
// native XML import) while it writes the next client.
//
// Checks run in the order they were added; the first that fails is the one reported, as it
// would have been had they run in line. The caller commits nothing until finish() has said
// every check passed.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "note_signing.hpp"

namespace knotnotes::core {

class BackgroundSignatureCheck {
  public:
    BackgroundSignatureCheck();
    ~BackgroundSignatureCheck();  // stops the thread: checks still waiting are dropped
    BackgroundSignatureCheck(const BackgroundSignatureCheck&) = delete;
    BackgroundSignatureCheck& operator=(const BackgroundSignatureCheck&) = delete;

    // Queues a check; waits while many are queued, so memory stays bounded however far the
    // importer runs ahead.
    void add(PreparedNoteCheck check);
    // The first failure so far (does not wait): an import stops early rather than writing the
    // rest of a large file it will roll back.
    std::optional<std::string> first_problem();
    // Waits for every queued check; the first failure, if any.
    std::optional<std::string> finish();

  private:
    void run();

    static constexpr std::size_t max_queued = 256;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<PreparedNoteCheck> queue_;
    bool busy_ = false;  // the thread is checking one it took off the queue
    bool stopping_ = false;
    std::optional<std::string> first_problem_;
    std::thread thread_;  // last: started once the rest is ready
};

}  // namespace knotnotes::core
