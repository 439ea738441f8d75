// The JS <-> wasm bridge of the audience ranking (docs/RANKING.md "In the page"). The page
// side is web/rank_client.js (the ranking's data) and web/input.js (its filter field and
// toolbar); the drawing is panel_rank.cpp.
//   JS -> C++: Module._clout_web_rank / _clout_web_rank_working / _clout_web_rank_filter /
//              _clout_web_rank_toolbar
#include <emscripten.h>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "rank/rank_view.h"
#include "rank_state.h"
#include "state.h"
#include "util/text.h"

namespace clout::web {

RankState& rank_state() {
    static RankState s;
    return s;
}

}  // namespace clout::web

using namespace clout::web;

extern "C" {

// A new ranking: the worker's table (rank/rank_view.h) and the roster's file name; data =
// null closes it.
EMSCRIPTEN_KEEPALIVE void clout_web_rank(const char* data, int size, const char* name) {
    RankState& s = rank_state();
    const float tw = s.toolbar_w, th = s.toolbar_h;
    s = RankState{};
    s.toolbar_w = tw;
    s.toolbar_h = th;
    if (data && size > 0) {
        auto v = std::make_shared<clout::RankView>();
        if (clout::decode_rank_view(data, static_cast<size_t>(size), *v)) {
            s.v = std::move(v);
            s.file = name ? name : "";
            s.lower.reserve(s.v->rows.size());
            for (const auto& r : s.v->rows) s.lower.push_back(clout::ascii_lower(s.v->handle(r)));
            s.selected = s.v->rows.empty() ? -1 : 0;
            s.announced = -2;  // the first selection (the top account) is not announced: the page says the summary
            s.dirty = true;
        } else {
            std::fprintf(stderr, "clout: the ranking's table could not be decoded\n");
        }
    }
    request_redraw();
}

// The worker is ranking a roster (after clout_web_working(1, 1)): the progress card says so.
EMSCRIPTEN_KEEPALIVE void clout_web_rank_working() {
    state().work.rank = true;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_rank_filter(const char* text) {
    RankState& s = rank_state();
    s.filter = text ? text : "";
    s.dirty = true;
    s.announce_filter = true;
    s.scroll_top = true;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_rank_toolbar(float w, float h) {
    rank_state().toolbar_w = w;
    rank_state().toolbar_h = h;
    request_redraw();
}

}  // extern "C"
