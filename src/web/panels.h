// The panels of the page, one file each. Each draws into the current full-window
// ImGui window, using ui() for scale, fonts and colours.
#pragma once

#include "state.h"

namespace clout::web {

// The first screen: what clout does, the drop zone, "Open export…", the privacy line.
void draw_welcome(AppState& st);

}  // namespace clout::web
