// hello_frame — the baseline of the start-up benchmark: a minimal wxWidgets frame built like
// knotnotes (same flags, same libraries), quitting from a pending call once shown (as knotnotes
// --quit-when-ready).
#include "pch.hpp"

namespace {

class HelloApp : public wxApp {
  public:
    bool OnInit() override {
        auto* frame = new wxFrame(nullptr, wxID_ANY, "Hello", wxDefaultPosition, wxSize(1100, 720));
        new wxStaticText(frame, wxID_ANY, "Hello");
        frame->Show();
        CallAfter([frame] { frame->Close(true); });  // as knotnotes --quit-when-ready does
        return true;
    }
};

}  // namespace

wxIMPLEMENT_APP(HelloApp);
