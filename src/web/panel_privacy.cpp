// "How your data is handled": what the page does with an export, in plain words. Opened
// from the welcome screen, the dashboard, a shared card and the share panel. Every
// sentence here is enforced by the code and tested (tests/page/privacy.mjs).
#include <algorithm>
#include <cmath>

#include "bridge.h"
#include "icons.h"
#include "imgui.h"
#include "share_state.h"
#include "state.h"
#include "ui.h"

namespace clout::web {

void share_action(const char* action);  // bridge_share.cpp

namespace {

struct Section {
    const char* icon;
    const char* heading;
    const char* body;
};

const Section kSections[] = {
    {ICON_LOCK, "Your files stay on this device",
     "The files you drop or pick are read here, in your browser, by code that came with this page (WebAssembly). "
     "They are never uploaded: clout has no server that could receive them. Big archives are read piece by piece "
     "from your disk, and nothing of them is written anywhere."},
    {ICON_SHIELD, "No connection to any other site",
     "The page's Content-Security-Policy lets it load and fetch only its own files (its code and its fonts) from "
     "the site it came from, and forbids connections to every other address. Your browser enforces it on the page "
     "and on the two background workers that read your files, on any site. There are no analytics, no trackers, "
     "no cookies, no third-party scripts or fonts."},
    {ICON_CLOUD_DOWNLOAD, "Public counts, only if you ask",
     "Bluesky and Mastodon exports hold no follower count and no reactions. If you press \"Fetch\" in the dialog "
     "under Sources (it first lists exactly what would be sent), a separate sandboxed frame asks that network's one "
     "host for them: Bluesky's public API, or your Mastodon account's own server. It sends your account's id and "
     "your posts' ids, nothing else, and its own policy lets it reach that host alone; the page itself still "
     "connects to no other site. The counts are marked \"fetched\" with the host and the date. Nothing is ever "
     "fetched without that click."},
    {ICON_LINK, "What a share link carries",
     "Only the score card: the score, its changes over 1, 7 and 30 days, the points of each component, a weekly "
     "trend, the networks and their scores, the scoring model's version and the export's date, and your name only "
     "if you choose to include it. No post, no text, no handle, no follower count. The card is written after the # "
     "of the address, the part browsers never send to a server; opening the link shows it read-only."},
    {ICON_DOWNLOAD, "Downloads",
     "The card (PNG), the report (JSON) and the trend and components (CSV) are made in your browser and saved by "
     "it. The PNG and the CSV hold aggregates only. The JSON report also holds short snippets of your top posts and "
     "the names of the accounts you engage with most: look at it before you pass it on."},
    {ICON_HISTORY, "History, only if you turn it on",
     "When you turn on \"Keep my past scores on this device\", the date, score, component points and networks of "
     "each report are kept in this browser's storage (IndexedDB), so a newer export can be compared with older "
     "ones. Nothing else is kept: no files, no posts. \"Forget everything\" deletes all of it."},
    {ICON_CLOUD_UPLOAD, "Works offline",
     "After your first visit the page keeps a copy of its own files (a service worker) so that it opens without a "
     "network. That copy holds the page, never your data. The service worker only ever asks this site for the "
     "page's own files. The page's policy does not bind it (only one the site sends with it would), so that is kept "
     "by its code, which is tested."},
    {ICON_INFO, "Text from your exports is only ever text",
     "Post texts and names are drawn as plain text and never interpreted as web markup, so an export cannot make "
     "this page do anything."},
};

}  // namespace

void draw_privacy_page() {
    const Ui& u = ui();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float W = ImGui::GetWindowWidth();
    const bool narrow = W / u.s < 640;
    const float margin = u.rpx(narrow ? 16 : 32);
    const float w = std::min(W - 2 * margin, u.rpx(680));
    const float x0 = std::floor(origin.x + (W - w) * 0.5f);
    float y = origin.y + u.rpx(narrow ? 16 : 28);

    // back
    {
        const char* back = ICON_ARROW_LEFT "  Back";
        const ImVec2 ts = u.f.body->CalcTextSizeA(u.f.body->FontSize, FLT_MAX, 0, back);
        ImGui::SetCursorScreenPos(ImVec2(x0 - u.px(8), y - u.px(6)));
        const bool clicked = ImGui::InvisibleButton("##privacy-back", ImVec2(ts.x + u.px(16), ts.y + u.px(12)));
        const bool h = ImGui::IsItemHovered();
        if (h) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        dl->AddText(u.f.body, u.f.body->FontSize, ImVec2(x0, y), h ? u.c.text : u.c.accent, back);
        if (clicked || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            share_state().privacy_open = false;
            share_action("privacy-closed");
            request_redraw();
        }
        y += ts.y + u.rpx(24);
    }
    y += centered_wrapped(dl, u.f.title, x0, y, w, u.c.text, "How your data is handled", u.px(4)) + u.rpx(10);
    y += centered_wrapped(dl, u.f.body, x0, y, w, u.c.muted,
                          "clout computes your score from your own exports, on your own device. This is exactly what "
                          "happens to them.",
                          u.px(6)) +
         u.rpx(28);

    const float icon_w = u.rpx(36);
    for (const auto& s : kSections) {
        dl->AddCircleFilled(ImVec2(x0 + u.rpx(14), y + u.f.strong->FontSize * 0.5f + u.px(1)), u.rpx(14), u.c.accent_soft, 32);
        const ImVec2 is = u.f.body->CalcTextSizeA(u.f.body->FontSize, FLT_MAX, 0, s.icon);
        dl->AddText(u.f.body, u.f.body->FontSize,
                    ImVec2(std::floor(x0 + u.rpx(14) - is.x * 0.5f), std::floor(y + (u.f.strong->FontSize - is.y) * 0.5f + u.px(1))),
                    u.c.accent, s.icon);
        dl->AddText(u.f.strong, u.f.strong->FontSize, ImVec2(x0 + icon_w, y), u.c.text, s.heading);
        y += u.f.strong->FontSize + u.rpx(6);
        ImGui::SetCursorScreenPos(ImVec2(x0 + icon_w, y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (w - icon_w));
        ImGui::PushStyleColor(ImGuiCol_Text, u.c.muted);
        ImGui::TextWrapped("%s", s.body);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        y = ImGui::GetCursorScreenPos().y + u.rpx(20);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(1, y + u.rpx(24) - origin.y));
}

}  // namespace clout::web
