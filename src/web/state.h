// What the page shows, owned by main.cpp and changed only through the bridge (bridge.cpp)
// and the panels. The UI is a pure function of this state, redrawn on every change.
#pragma once

#include <string>
#include <vector>

namespace clout::web {

// A file the person chose or dropped. The File object itself stays in JavaScript
// (window.clout.files[js_index]) for the import worker; the UI only needs name and size.
struct PickedFile {
    std::string name;
    double size = 0;
    int js_index = -1;
};

struct AppState {
    std::vector<PickedFile> files;
    bool drag_over = false;      // files are being dragged over the page
    int files_version = 0;       // bumped on every change of `files` (announcements)
    bool dark = true;            // the page's prefers-color-scheme
};

AppState& state();

// Asks for a few more frames to be drawn (after input or a state change); the app draws
// nothing while idle.
void request_redraw(int frames = 3);

}  // namespace clout::web
