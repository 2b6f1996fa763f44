// Long work off the UI thread (issue 16, item 5): while a job runs the event loop keeps
// going (timers fire, windows repaint), its progress shows, and Cancel stops it.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/background_job.hpp"
#include "gui_test_support.hpp"
#include "job_progress_dialog.hpp"

using namespace knotnotes;
using knotnotes::test::let_events_run;

TEST_CASE("a long job keeps the window alive and Cancel stops it", "[gui][job]") {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "owner");
    frame->Show();
    let_events_run();
    std::atomic<int> steps{0};
    core::BackgroundJob job([&](core::JobControl& control) {
        for (int i = 0; i < 3000; ++i) {  // 30 s unless cancelled
            control.report(i, 3000);
            control.check_cancel();
            ++steps;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return std::string("finished");
    });
    // A timer on the window: it only fires while the UI thread runs its event loop.
    int ticks = 0;
    wxTimer timer(frame);
    frame->Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        ++ticks;
        if (ticks == 15) {
            // The user clicks Cancel on the progress window.
            for (auto* w : wxTopLevelWindows) {
                if (w->GetName() != "job-progress" || !w->IsShown())
                    continue;
                if (auto* cancel = w->FindWindow(wxID_CANCEL)) {
                    wxUIActionSimulator sim;
                    sim.MouseMove(cancel->GetScreenRect().GetPosition() + wxPoint(8, 8));
                    wxYield();
                    sim.MouseClick();
                }
            }
        }
    });
    timer.Start(40);
    const auto start = std::chrono::steady_clock::now();
    const bool completed = gui::run_job_with_progress(frame, "Working", "Working...", job);
    timer.Stop();
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK_FALSE(completed);
    CHECK(ticks >= 15);  // the UI thread kept running its events all along
    CHECK(steps > 0);
    CHECK(seconds < 20);
    CHECK_THROWS_AS(job.finish(), core::JobCancelled);
    frame->Destroy();
    let_events_run();
}
