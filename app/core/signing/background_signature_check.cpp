#include "background_signature_check.hpp"

namespace knotnotes::core {

BackgroundSignatureCheck::BackgroundSignatureCheck() : thread_([this] { run(); }) {}

BackgroundSignatureCheck::~BackgroundSignatureCheck() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void BackgroundSignatureCheck::add(PreparedNoteCheck check) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < max_queued; });
    queue_.push_back(std::move(check));
    changed_.notify_all();
}

std::optional<std::string> BackgroundSignatureCheck::first_problem() {
    std::lock_guard lock(mutex_);
    return first_problem_;
}

std::optional<std::string> BackgroundSignatureCheck::finish() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
    return first_problem_;
}

void BackgroundSignatureCheck::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_)
            return;
        auto check = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        // Once one failed the import is lost: the rest need no checking.
        const bool lost = first_problem_.has_value();
        changed_.notify_all();  // room in the queue
        lock.unlock();
        std::optional<std::string> problem;
        if (!lost) {
            if (auto result = verify_prepared_check(check); !result.valid)
                problem = std::move(result.problem);
        }
        lock.lock();
        if (problem && !first_problem_)
            first_problem_ = std::move(problem);
        busy_ = false;
        changed_.notify_all();
    }
}

}  // namespace knotnotes::core
