// background_job.hpp — long work (export, import, backup) on a worker thread, so the window
// keeps repainting and Cancel stays clickable. The UI thread starts the job, polls
// progress() and done() from its event loop, may cancel(), and finally calls finish(), which
// returns the job's summary or rethrows what it threw.
//
// A job never shares the UI's database connection: each opens its own on the same file (see
// database_jobs.hpp), as SQLite wants one connection per thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace knotnotes::core {

class JobCancelled : public std::runtime_error {
  public:
    JobCancelled() : std::runtime_error("cancelled") {}
};

// What a running job sees: where to report progress and whether it was asked to stop.
class JobControl {
  public:
    void report(std::int64_t done, std::int64_t total) {
        total_ = total;
        done_ = done;
    }
    bool cancel_requested() const { return cancel_; }
    // Throws JobCancelled when cancel was requested: for work with no cancel of its own.
    void check_cancel() const {
        if (cancel_)
            throw JobCancelled();
    }

  private:
    friend class BackgroundJob;
    std::atomic<std::int64_t> done_{0};
    std::atomic<std::int64_t> total_{0};
    std::atomic<bool> cancel_{false};
};

class BackgroundJob {
  public:
    using Work = std::function<std::string(JobControl&)>;

    explicit BackgroundJob(Work work);
    ~BackgroundJob();  // asks the job to stop and waits for it
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    bool done() const { return done_; }
    // Progress 0..1, or a negative value while the job cannot tell how far it is.
    double progress() const;
    void cancel() { control_.cancel_ = true; }
    bool cancel_requested() const { return control_.cancel_; }
    // Waits for the job; returns its summary or rethrows its exception (JobCancelled after a
    // cancel that the job honoured).
    std::string finish();

  private:
    JobControl control_;
    std::atomic<bool> done_{false};
    std::string result_;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace knotnotes::core
