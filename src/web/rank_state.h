// The audience ranking's state in the page, kept apart from AppState like ShareState:
// drawn by panel_rank.cpp, changed by the page's calls in bridge_rank.cpp (web/rank_client.js)
// and by the ranking page's own controls (sort, selection, warnings).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rank/rank_view.h"

namespace clout::web {

// The columns of the ranking table, in order: five component columns follow kComp0.
enum RankCol { kRank, kHandle, kNetwork, kScore, kFollowers, kPosts, kComp0, kColCount = kComp0 + 5 };

struct RankState {
    std::shared_ptr<RankView> v;
    std::string file;
    std::vector<std::string> lower;      // handles, lower case (the filter)
    std::string filter;                  // as typed (#rank-filter)
    std::vector<uint32_t> shown;         // rows shown: filtered, sorted; indices into v->rows
    bool dirty = true;
    int sort_col = kRank;
    bool sort_desc = false;
    int selected = 0;                    // index into v->rows; -1: none
    int announced = -1;                  // the selection last announced to screen readers
    bool warnings_open = false;
    bool scroll_top = false;
    bool announce_filter = false;        // say how many rows match once the filter is applied
    bool announce_sort = false;          // say the new order after a click on a header
    float toolbar_w = 0, toolbar_h = 0;  // #rank-toolbar, CSS pixels
};
RankState& rank_state();

}  // namespace clout::web
