// The JS <-> wasm bridge of sharing, exports, history and privacy. The page side
// is web/share.js, web/card.js and web/history.js (namespace window.clout.share).
//   JS -> C++: Module._clout_web_share_* / _clout_web_report_csv / _clout_web_history / _clout_web_privacy
//   C++ -> JS: clout.share._changed(payload, cardJson), ._opened(cardJson, error), .action(name)
// Functions returning text return a pointer to a buffer valid until the next such call;
// a text starting with "!" is an error message.
#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <cstring>
#include <string>

#include "share/report_csv.h"
#include "share/share_link.h"
#include "share_state.h"
#include "state.h"
#include "util/error.h"
#include "util/text.h"

EM_JS(void, clout_js_share_changed, (const char* payload, const char* card), {
    const s = globalThis.clout && globalThis.clout.share;
    if (s && s._changed) s._changed(UTF8ToString(payload), UTF8ToString(card));
});
EM_JS(void, clout_js_share_opened, (const char* card, const char* error), {
    const s = globalThis.clout && globalThis.clout.share;
    if (s && s._opened) s._opened(UTF8ToString(card), UTF8ToString(error));
});
EM_JS(void, clout_js_share_action, (const char* action), {
    const s = globalThis.clout && globalThis.clout.share;
    if (s && s.action) s.action(UTF8ToString(action));
});

EM_JS(void, clout_js_share_page, (int shown), {
    document.body.classList.toggle("clout-share-page", !!shown);
});

namespace clout::web {

void share_page_shown(bool shown) { clout_js_share_page(shown ? 1 : 0); }

ShareState& share_state() {
    static ShareState s;
    return s;
}

void share_refresh_own() {
    ShareState& s = share_state();
    if (!s.has_report) return;
    try {
        // The card's other fields do not depend on the name (card_from_report_json).
        s.own.name = s.include_name ? share_clean_name(s.name) : std::string();
        const std::string payload = encode_share(s.own);
        clout_js_share_changed(payload.c_str(), card_to_json(s.own).c_str());
    } catch (const std::exception& e) {
        s.has_report = false;
        clout_js_share_changed("", "");
    }
    request_redraw();
}

void share_action(const char* action) { clout_js_share_action(action); }

}  // namespace clout::web

using namespace clout;
using namespace clout::web;

namespace {
std::string g_out;
const char* out(std::string s) {
    g_out = std::move(s);
    return g_out.c_str();
}

// The person's own card (from clout_web_share_set_report or _set_card, below): shown, and its
// link given to the page.
int adopt_card(ShareCard own, const std::string& payload, int show_page) {
    ShareState& s = share_state();
    s.has_report = true;
    s.show_report_page = show_page != 0;
    s.own = std::move(own);
    clout_js_share_changed(payload.c_str(), card_to_json(s.own).c_str());
    request_redraw();
    return 1;
}
}  // namespace

extern "C" {

// The person's report (JSON text, schema clout.report.v2, read by report_from_json): makes the card and the link.
// Returns 1, or 0 when the report cannot be shared (the error goes to the console).
EMSCRIPTEN_KEEPALIVE int clout_web_share_set_report(const char* report_json, int show_page) {
    ShareState& s = share_state();
    // One parse of the report (it is ~85 KB of JSON): the card is made here and encoded; the
    // name is added by share_refresh_own when the person asks for it.
    ShareCard own;
    std::string payload;
    try {
        own = card_from_report_json(report_json, s.include_name ? std::string_view(s.name) : std::string_view());
        payload = encode_share(own);
    } catch (const std::exception& e) {
        emscripten_log(EM_LOG_WARN, "clout: this report cannot be shared: %s", e.what());
        return 0;
    }
    return adopt_card(std::move(own), payload, show_page);
}

// The person's report's card, made by the import worker (its share payload, without a
// name: src/worker/main.cpp clout_worker_view), so the page does not parse the report for
// it. The same card as clout_web_share_set_report of the report's JSON text.
EMSCRIPTEN_KEEPALIVE int clout_web_share_set_card(const char* payload, int show_page) {
    ShareState& s = share_state();
    ShareCard own;
    std::string link_payload;
    try {
        own = decode_share(payload);
        own.name = s.include_name ? share_clean_name(s.name) : std::string();
        link_payload = own.name.empty() ? std::string(payload) : encode_share(own);
    } catch (const std::exception& e) {
        emscripten_log(EM_LOG_WARN, "clout: this report cannot be shared: %s", e.what());
        return 0;
    }
    return adopt_card(std::move(own), link_payload, show_page);
}

// Opens a shared link's payload (the text after #s=) read-only; a damaged one shows why.
EMSCRIPTEN_KEEPALIVE void clout_web_share_open(const char* payload) {
    ShareState& s = share_state();
    s.viewing_link = true;
    try {
        s.link_card = decode_share(payload);
        s.link_ok = true;
        s.link_error.clear();
        clout_js_share_opened(card_to_json(s.link_card).c_str(), "");
    } catch (const std::exception& e) {
        s.link_ok = false;
        s.link_error = e.what();
        clout_js_share_opened("", s.link_error.c_str());
    }
    request_redraw();
}

// The name typed in #share-name (UTF-8), kept as the panel's name (cut at a character
// boundary to what it holds) and put on the card when the person includes it. include: 1
// or 0 also ticks or clears "Include my name on the card" (clout.share.setName), -1 not.
EMSCRIPTEN_KEEPALIVE void clout_web_share_set_name(const char* name, int include) {
    ShareState& s = share_state();
    if (include >= 0) s.include_name = include != 0;
    std::string_view v = utf8_prefix(name, sizeof s.name - 1);
    std::memcpy(s.name, v.data(), v.size());
    s.name[v.size()] = '\0';
    share_refresh_own();
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_share_close() {
    share_state().viewing_link = false;
    request_redraw();
}

// The whole link the page built around the payload (shown in the share panel).
EMSCRIPTEN_KEEPALIVE void clout_web_share_link(const char* link) {
    share_state().own_link = link;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE const char* clout_web_share_encode(const char* report_json, const char* name) {
    try {
        return out(encode_share(card_from_report_json(report_json, name)));
    } catch (const std::exception& e) {
        return out(std::string("!") + e.what());
    }
}

EMSCRIPTEN_KEEPALIVE const char* clout_web_share_decode(const char* payload) {
    try {
        return out(card_to_json(decode_share(payload)));
    } catch (const std::exception& e) {
        return out(std::string("!") + e.what());
    }
}

EMSCRIPTEN_KEEPALIVE const char* clout_web_report_csv(const char* report_json) {
    try {
        return out(report_csv_from_json(report_json));
    } catch (const std::exception& e) {
        return out(std::string("!") + e.what());
    }
}

// The history kept on this device: [{as_of, score, networks: ["x", ...]}, ...] (oldest first).
EMSCRIPTEN_KEEPALIVE void clout_web_history(const char* list_json, int on, int supported) {
    ShareState& s = share_state();
    s.history_on = on != 0;
    s.history_supported = supported != 0;
    s.history.clear();
    const auto j = nlohmann::json::parse(list_json, nullptr, false);
    if (j.is_array()) {
        for (const auto& e : j) {
            if (!e.is_object() || !e.contains("as_of") || !e["as_of"].is_string() || !e.contains("score") ||
                !e["score"].is_number_integer())
                continue;
            HistoryEntry h;
            h.as_of = e["as_of"].get<std::string>();
            h.score = e["score"].get<int>();
            if (e.contains("networks") && e["networks"].is_array())
                for (const auto& n : e["networks"]) {
                    Network net;
                    if (n.is_string() && parse_network(n.get<std::string>(), net)) {
                        if (!h.networks.empty()) h.networks += " \xC2\xB7 ";
                        h.networks += network_label(net);
                    }
                }
            s.history.push_back(std::move(h));
        }
    }
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_privacy(int open) {
    share_state().privacy_open = open != 0;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_share_notice(const char* text) {
    share_state().notice = text;
    share_state().notice_frames = 240;
    request_redraw();
}

}  // extern "C"
