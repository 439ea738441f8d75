// Facebook exports in the account's language, made by tools/gen: shares of a post, photo,
// video or memory are reposts and a shared link is an own post in English, Spanish,
// Portuguese, French, German, Italian, Dutch and Danish; a share recorded by its title
// alone is a repost in any language; the 2026 connections (followers without times).
#include <doctest/doctest.h>

#include <cstdio>

#include "social_gen.h"
#include "social_test_util.h"

using namespace clout;
using namespace social_test;

namespace {
void check_fb(const Activity& a, const gen::Expected& e) {
    REQUIRE(accounts_of(a, Network::Facebook) == 1);
    Counts c = count_posts(a, Network::Facebook);
    CHECK(c.originals == e.originals);
    CHECK(c.reposts == e.reposts);
    CHECK(c.replies == e.replies);
    const Account* acc = account_of(a, Network::Facebook);
    CHECK(acc->followers == e.followers);
    CHECK(acc->following == e.following);
    CHECK(acc->likes_given == e.likes_given);
}
}  // namespace

TEST_CASE("facebook in eight languages: shares are reposts, shared links own posts") {
    for (const std::string& lang : gen::facebook_languages()) {
        CAPTURE(lang);
        gen::FacebookOptions o;
        o.lang = lang;
        o.shares = 12;   // three each of a post, a photo, a video, a memory
        gen::Expected fb;
        auto files = gen::gen_facebook(o, fb);
        TempDir d("fb-lang");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        CHECK(fb.reposts == 12);
        check_fb(a, fb);
        CHECK(a.warnings.empty());
    }
}

TEST_CASE("facebook, Spanish, at the size of a real export") {
    // The real Spanish export held 747 "shared a post" and 379 "shared a photo" entries
    // ("ha compartido una publicación/foto."), with videos, memories and links besides.
    gen::FacebookOptions o;
    o.lang = "es";
    o.posts = 400;
    o.shares = 1200;
    gen::Expected fb;
    auto files = gen::gen_facebook(o, fb);
    TempDir d("fb-es");
    gen::write_export_zip(files, d / "facebook-ana-2026-03-01-x.zip");
    Activity a = import_paths({d / "facebook-ana-2026-03-01-x.zip"});
    check_fb(a, fb);
    CHECK(count_posts(a, Network::Facebook).reposts == 1200);
}

TEST_CASE("facebook: a share with only its title is a repost whatever the language") {
    gen::FacebookOptions o;
    o.bare_shares = 5;   // Polish titles, no data, no attachments
    gen::Expected fb;
    auto files = gen::gen_facebook(o, fb);
    TempDir d("fb-bare");
    gen::write_export_dir(files, d.str());
    Activity a = import_paths({d.str()});
    CHECK(fb.reposts == o.shares + 5);
    check_fb(a, fb);
}

TEST_CASE("facebook 2026: friends_v2, followers_v3 without times, following_v3, names repaired") {
    gen::FacebookOptions o;
    o.layout_2026 = true;
    gen::Expected fb;
    auto files = gen::gen_facebook(o, fb);
    bool no_times = false;
    for (const auto& f : files)
        if (f.path.find("people_who_followed_you") != std::string::npos)
            no_times = f.bytes.find("timestamp") == std::string::npos && f.bytes.find("\\u00c3\\u00b8") != std::string::npos;
    CHECK(no_times);
    TempDir d("fb-2026");
    gen::write_export_dir(files, d.str());
    Activity a = import_paths({d.str()});
    check_fb(a, fb);
    CHECK(account_of(a, Network::Facebook)->followers == o.friends + o.followers);
    // Followed pages are named in UTF-8, not Meta's per-byte form.
    bool repaired = false;
    for (const auto& i : a.interactions)
        if (i.kind == InteractionKind::Follow && a.strings.view(i.target_account) == "page s\xC3\xB8rensen 0") repaired = true;
    CHECK(repaired);
}

TEST_CASE("facebook titles: which say a share, which a shared link, which neither") {
    // Each title as a single entry without words of its own and with an attachment.
    struct Case {
        const char* title;
        bool repost;
    };
    const Case cases[] = {
        {"Ana shared a post.", true},
        {"Ana shared a memory.", true},
        {"Ana shared a video from the playlist Trailers.", true},
        {"Ana shared a link.", false},
        {"Ana ha compartido una publicaci\xC3\xB3n.", true},
        {"Ana ha compartido un recuerdo.", true},
        {"Ana ha compartido un enlace.", false},
        {"Ana comparti\xC3\xB3 una publicaci\xC3\xB3n.", true},
        {"Ana comparti\xC3\xB3 un enlace.", false},
        {"Ana partilhou uma liga\xC3\xA7\xC3\xA3o.", false},
        {"Ana har delat ett inl\xC3\xA4gg.", true},
        {"Ana compartilhou uma foto.", true},
        {"Ana compartilhou um link.", false},
        {"Ana a partag\xC3\xA9 une vid\xC3\xA9o.", true},
        {"Ana a partag\xC3\xA9 un lien.", false},
        {"Ana hat einen Beitrag geteilt.", true},
        {"Ana hat einen Link geteilt.", false},
        {"Ana hat ein neues Foto hinzugef\xC3\xBCgt.", false},
        {"Ana ha condiviso un ricordo.", true},
        {"Ana ha condiviso un link.", false},
        {"Ana heeft een bericht gedeeld.", true},
        {"Ana heeft een link gedeeld.", false},
        {"Ana heeft haar status bijgewerkt.", false},
        {"Ana har delt et opslag.", true},
        {"Ana har delt et link.", false},
        {"Malou har tilf\xC3\xB8jet et nyt billede.", false},
    };
    for (const Case& k : cases) {
        CAPTURE(k.title);
        TempDir d("fb-title");
        // Written the Meta way: every UTF-8 byte its own \u00XX escape.
        std::string json_title;
        {
            std::string m = gen::meta_mojibake(k.title);
            // meta_mojibake gives UTF-8 of the Latin-1 code points; escape them as \u00XX.
            for (size_t i = 0; i < m.size(); ++i) {
                unsigned char c = static_cast<unsigned char>(m[i]);
                if (c < 0x80) {
                    json_title.push_back(static_cast<char>(c));
                } else {
                    unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(m[++i]) & 0x3F);
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
                    json_title += buf;
                }
            }
        }
        write_file(d / "your_facebook_activity/posts/your_posts_1.json",
                   "[{\"timestamp\": 1700000000, \"data\": [{\"update_timestamp\": 1700000000}], \"attachments\": [{\"data\": "
                   "[{\"media\": {\"uri\": \"posts/media/x.jpg\", \"creation_timestamp\": 1700000000}}]}], \"title\": \"" +
                       json_title + "\"}]");
        Activity a = import_paths({d.str()});
        Counts c = count_posts(a, Network::Facebook);
        CHECK(c.reposts == (k.repost ? 1 : 0));
        CHECK(c.originals == (k.repost ? 0 : 1));
    }
}
