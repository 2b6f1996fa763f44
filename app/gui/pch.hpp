// Precompiled header of the GUI target: <wx/wx.h> alone costs ~4 s per translation unit.
#pragma once

#include <wx/wx.h>

#include <wx/cmdline.h>
#include <wx/listctrl.h>
#include <wx/stdpaths.h>

// Non-ASCII literals must go through wxString::FromUTF8: a plain narrow literal is converted
// with the C library's locale, which is "C" under Xvfb and CI, and would come out empty.
