// hello_frame — the baseline of the start-up benchmark: a minimal wxWidgets frame built like
// knotnotes (same flags; the linker keeps only the libraries it uses, so it does not load
// libcrypto, libsodium or libsecret, which cost knotnotes about 4 ms before its first line runs),
// quitting from a pending call once shown (as knotnotes --quit-when-ready).
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
