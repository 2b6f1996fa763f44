#include "core/background_job.hpp"

namespace knotnotes::core {

BackgroundJob::BackgroundJob(Work work)
    : thread_([this, work = std::move(work)] {
          try {
              result_ = work(control_);
          } catch (...) {
              error_ = std::current_exception();
          }
          done_ = true;
      }) {}

BackgroundJob::~BackgroundJob() {
    cancel();
    if (thread_.joinable())
        thread_.join();
}

double BackgroundJob::progress() const {
    const auto total = control_.total_.load();
    if (total <= 0)
        return -1.0;
    return static_cast<double>(control_.done_.load()) / static_cast<double>(total);
}

std::string BackgroundJob::finish() {
    if (thread_.joinable())
        thread_.join();
    if (error_)
        std::rethrow_exception(error_);
    return result_;
}

}  // namespace knotnotes::core
