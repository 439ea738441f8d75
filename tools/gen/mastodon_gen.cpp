#include "mastodon_gen.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "tar_writer.h"
#include "zip_writer.h"
#include "util/time.h"

namespace clout::gen {

namespace {

using nlohmann::json;
const char* const kPublic = "https://www.w3.org/ns/activitystreams#Public";

const char* const kWords[] = {"federation", "mastodon", "coffee", "garden", "rustacean", "compiler", "weekend",
                              "painting", "cycling", "kernel", "music", "library", "sourdough", "telescope",
                              "community", "migration", "instance", "moderation", "keyboard", "mountain"};
const char* const kHosts[] = {"mastodon.social", "hachyderm.io", "fosstodon.org", "mstdn.social", "indieweb.social"};
const char* const kPeople[] = {"bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory"};

std::string iso(int64_t t) { return format_time(t); }

}  // namespace

void media_bytes(uint64_t seed, uint64_t offset, char* buf, size_t n) {
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + offset;
    for (size_t i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = static_cast<char>(x >> 24);
    }
}

std::string mastodon_following_csv(int n, uint64_t seed, bool quoted_newlines) {
    std::string s = "Account address,Show boosts,Notify on new posts,Languages\n";
    for (int i = 0; i < n; ++i) {
        std::string addr = std::string(kPeople[(static_cast<uint64_t>(i) + seed) % 10]) + std::to_string(i) + "@" +
                           kHosts[static_cast<uint64_t>(i) % 5];
        if (quoted_newlines && i % 5 == 0) addr = "\"" + addr + "\"";
        s += addr + ",true,false," + (quoted_newlines && i % 3 == 0 ? "\"en\nde,fr\"" : "") + "\n";
    }
    return s;
}

MastodonTruth mastodon_files(const MastodonSpec& sp, std::vector<MastodonFile>& files) {
    std::mt19937_64 rng(sp.seed);
    MastodonTruth tr;
    const std::string actor = "https://" + sp.host + "/users/" + sp.user;
    const std::string followers = actor + "/followers";
    const std::string prefix = sp.top_folder.empty() ? std::string() : sp.top_folder + "/";
    int64_t t = sp.start_time;
    uint64_t next_id = 109305976208011760ull + sp.seed * 1000000;
    std::vector<std::string> own_statuses;
    std::vector<json> items;

    auto words = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            if (i) s += ' ';
            s += kWords[rng() % 20];
        }
        return s;
    };
    auto with_context = [&](json& it) {
        if (!sp.tar_era) return;
        it["@context"] = "https://www.w3.org/ns/activitystreams";
        it["signature"] = {{"type", "RsaSignature2017"}, {"creator", actor + "#main-key"}, {"created", iso(t)},
                           {"signatureValue", "c2lnbmF0dXJl"}};
    };
    int media_left = sp.media_files;
    auto note = [&](const std::string& kind, const std::string& reply_to, bool dm) {
        t += 600 + static_cast<int64_t>(rng() % 7200);
        uint64_t id = next_id;
        next_id += 1 + rng() % 100000;
        std::string sid = actor + "/statuses/" + std::to_string(id);
        json to = json::array(), cc = json::array();
        if (dm) {
            to.push_back("https://" + std::string(kHosts[rng() % 5]) + "/users/" + kPeople[rng() % 10]);
        } else if (kind == "unlisted") {
            to.push_back(followers);
            cc.push_back(kPublic);
        } else if (kind == "followers") {
            to.push_back(followers);
        } else {
            to.push_back(kPublic);
            cc.push_back(followers);
        }
        std::string text = words(6 + static_cast<int>(rng() % 20));
        json tags = json::array();
        std::string html = "<p>" + text;
        if (!dm && rng() % 3 == 0) {
            std::string tag = kWords[rng() % 20];
            html += " <a href=\"https://" + sp.host + "/tags/" + tag + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" +
                    tag + "</span></a>";
            tags.push_back({{"type", "Hashtag"}, {"href", "https://" + sp.host + "/tags/" + tag}, {"name", "#" + tag}});
            ++tr.hashtags;
        }
        if (dm || rng() % 4 == 0) {
            std::string who = kPeople[rng() % 10], host = kHosts[rng() % 5];
            html += " <span class=\"h-card\"><a href=\"https://" + host + "/@" + who +
                    "\" class=\"u-url mention\">@<span>" + who + "</span></a></span>";
            tags.push_back({{"type", "Mention"}, {"href", "https://" + host + "/users/" + who}, {"name", "@" + who + "@" + host}});
            if (!dm) ++tr.mentions;
        }
        if (rng() % 5 == 0) html += " <a href=\"https://example.org/article\" rel=\"nofollow noopener\">example.org/article</a>";
        html += " &amp; more</p>";
        json obj = {{"id", sid},
                    {"type", kind == "poll" ? "Question" : "Note"},
                    {"summary", nullptr},
                    {"inReplyTo", reply_to.empty() ? json(nullptr) : json(reply_to)},
                    {"published", iso(t)},
                    {"url", "https://" + sp.host + "/@" + sp.user + "/" + std::to_string(id)},
                    {"attributedTo", actor},
                    {"to", to},
                    {"cc", cc},
                    {"sensitive", false},
                    {"atomUri", sid},
                    {"conversation", "tag:" + sp.host + ",2022:objectId=" + std::to_string(id)},
                    {"content", html},
                    {"contentMap", {{"en", html}}},
                    {"tag", tags},
                    {"replies",
                     {{"id", sid + "/replies"},
                      {"type", "Collection"},
                      {"first", {{"type", "CollectionPage"}, {"items", json::array()}}}}}};
        json att = json::array();
        if (!dm && media_left > 0) {
            --media_left;
            att.push_back({{"type", "Document"},
                           {"mediaType", "image/jpeg"},
                           {"url", "/media_attachments/files/109/" + std::to_string(id) + "/original/img.jpg"},
                           {"name", "a photo"}});
            files.push_back({prefix + "media_attachments/files/109/" + std::to_string(id) + "/original/img.jpg", {},
                             sp.media_bytes});
            ++tr.with_media;
        }
        obj["attachment"] = att;
        if (kind == "poll") {
            obj["oneOf"] = json::array({{{"type", "Note"}, {"name", "yes"}, {"replies", {{"type", "Collection"}, {"totalItems", 3}}}},
                                        {{"type", "Note"}, {"name", "no"}, {"replies", {{"type", "Collection"}, {"totalItems", 1}}}}});
            obj["votersCount"] = 4;
        }
        if (sp.counts_43 && !dm) {
            int l = static_cast<int>(rng() % 50), s = static_cast<int>(rng() % 10);
            obj["likes"] = {{"id", sid + "/likes"}, {"type", "Collection"}, {"totalItems", l}};
            obj["shares"] = {{"id", sid + "/shares"}, {"type", "Collection"}, {"totalItems", s}};
            tr.likes_received += l;
            tr.boosts_received += s;
        }
        json it = {{"id", sid + "/activity"}, {"type", "Create"}, {"actor", actor}, {"published", iso(t)},
                   {"to", to},          {"cc", cc},          {"object", obj}};
        with_context(it);
        items.push_back(std::move(it));
        if (dm) {
            ++tr.direct;
        } else {
            ++tr.posts;
            own_statuses.push_back(sid);
        }
    };

    // A realistic interleaving: originals first, then replies and boosts mixed in.
    for (int i = 0; i < sp.originals; ++i) note("public", {}, false);
    for (int i = 0; i < sp.unlisted; ++i) note("unlisted", {}, false);
    for (int i = 0; i < sp.followers_only; ++i) note("followers", {}, false);
    for (int i = 0; i < sp.polls; ++i) note("poll", {}, false);
    for (int i = 0; i < sp.self_replies; ++i) {
        std::string parent = own_statuses.empty() ? actor + "/statuses/1" : own_statuses[rng() % own_statuses.size()];
        note("public", parent, false);
        ++tr.replies;
        ++tr.self_replies;
    }
    for (int i = 0; i < sp.other_replies; ++i) {
        std::string parent = "https://" + std::string(kHosts[rng() % 5]) + "/users/" + kPeople[rng() % 10] +
                             "/statuses/" + std::to_string(100000 + rng() % 900000);
        note("public", parent, false);
        ++tr.replies;
    }
    for (int i = 0; i < sp.direct_messages; ++i) note("public", {}, true);
    for (int i = 0; i < sp.boosts + sp.boosts_of_objects; ++i) {
        t += 300 + static_cast<int64_t>(rng() % 3600);
        uint64_t id = next_id;
        next_id += 1 + rng() % 100000;
        std::string host = kHosts[rng() % 5], who = kPeople[rng() % 10];
        std::string author = "https://" + host + "/users/" + who;
        std::string obj = i < sp.boosts ? author + "/statuses/" + std::to_string(200000 + rng() % 900000)
                                        : "https://" + host + "/objects/" + std::to_string(rng()) ;
        json it = {{"id", actor + "/statuses/" + std::to_string(id) + "/activity"},
                   {"type", "Announce"},
                   {"actor", actor},
                   {"published", iso(t)},
                   {"to", json::array({kPublic})},
                   {"cc", json::array({author, followers})},
                   {"object", obj}};
        with_context(it);
        items.push_back(std::move(it));
        ++tr.boosts;
    }
    std::shuffle(items.begin(), items.end(), rng);  // the importer must not depend on order

    tr.items = static_cast<int>(items.size());
    tr.total_items = tr.items + sp.total_items_offset;
    // Serialized by hand so the duplicate key can be written.
    std::string outbox = R"({"@context":["https://www.w3.org/ns/activitystreams"],"id":"outbox.json","type":"OrderedCollection","totalItems":)" +
                         std::to_string(tr.total_items) + ",";
    if (sp.duplicate_ordered_items) outbox += "\"orderedItems\":[],";
    outbox += "\"orderedItems\":[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) outbox += ",";
        outbox += items[i].dump();
    }
    outbox += "]}";

    json actor_doc = {{"@context", json::array({"https://www.w3.org/ns/activitystreams"})},
                      {"id", actor},
                      {"type", "Person"},
                      {"following", actor + "/following"},
                      {"followers", followers},
                      {"inbox", actor + "/inbox"},
                      {"outbox", "outbox.json"},
                      {"preferredUsername", sp.user},
                      {"name", sp.display_name},
                      {"summary", "<p>Generated account</p>"},
                      {"url", "https://" + sp.host + "/@" + sp.user},
                      {"published", iso(sp.start_time - sp.start_time % 86400)},
                      {"icon", {{"type", "Image"}, {"mediaType", "image/png"}, {"url", "avatar.png"}}},
                      {"likes", "likes.json"},
                      {"bookmarks", "bookmarks.json"}};
    json likes = {{"@context", "https://www.w3.org/ns/activitystreams"},
                  {"id", "likes.json"},
                  {"type", "OrderedCollection"},
                  {"orderedItems", json::array()}};
    for (int i = 0; i < sp.likes_given; ++i)
        likes["orderedItems"].push_back("https://" + std::string(kHosts[i % 5]) + "/users/" + kPeople[i % 10] +
                                        "/statuses/" + std::to_string(300000 + i));
    tr.likes_given = sp.likes_given;
    json bookmarks = {{"id", "bookmarks.json"}, {"type", "OrderedCollection"}, {"orderedItems", json::array()}};

    files.insert(files.begin(), {prefix + "outbox.json", outbox, 0});
    files.push_back({prefix + "actor.json", actor_doc.dump(), 0});
    files.push_back({prefix + "likes.json", likes.dump(), 0});
    files.push_back({prefix + "bookmarks.json", bookmarks.dump(), 0});
    files.push_back({prefix + "avatar.png", {}, 4096});
    if (sp.following >= 0) files.push_back({prefix + "following_accounts.csv", mastodon_following_csv(sp.following, sp.seed, sp.following_quoted_newlines), 0});
    return tr;
}

MastodonTruth write_mastodon_archive(const MastodonSpec& spec, const std::string& path, ArchiveKind kind) {
    std::vector<MastodonFile> files;
    MastodonTruth tr = mastodon_files(spec, files);
    if (kind == ArchiveKind::Folder) {
        namespace fs = std::filesystem;
        for (size_t k = 0; k < files.size(); ++k) {
            const auto& f = files[k];
            fs::path p = fs::path(path) / f.name;
            fs::create_directories(p.parent_path());
            std::ofstream o(p, std::ios::binary);
            if (f.media_size) {
                std::vector<char> buf(1 << 16);
                for (uint64_t off = 0; off < f.media_size; off += buf.size()) {
                    size_t n = static_cast<size_t>(std::min<uint64_t>(buf.size(), f.media_size - off));
                    media_bytes(spec.seed + k, off, buf.data(), n);
                    o.write(buf.data(), static_cast<std::streamsize>(n));
                }
            } else {
                o << f.data;
            }
            if (!o) throw std::runtime_error("cannot write " + p.string());
        }
        return tr;
    }
    if (kind == ArchiveKind::Zip) {
        // Servers from 4.2 on: JSON first, media stored (already compressed formats).
        ZipWriter z(path);
        for (const auto& f : files)
            if (!f.media_size) z.add(f.name, f.data);
        for (size_t k = 0; k < files.size(); ++k) {
            const auto& f = files[k];
            if (!f.media_size) continue;
            z.add_stream(f.name, f.media_size, [&](uint64_t off, char* b, size_t n) { media_bytes(spec.seed + k, off, b, n); },
                         ZipMethod::Stored);
        }
        z.finish();
        return tr;
    }
    TarWriter w(path, kind == ArchiveKind::TarGz, LongNames::Gnu, 1);
    // Older servers wrote the media before the JSON files: put the JSON last, so that
    // reading it means getting past every media file first.
    for (size_t k = 0; k < files.size(); ++k) {
        const auto& f = files[k];
        if (!f.media_size) continue;
        uint64_t off = 0;
        w.add_stream(f.name, f.media_size, [&](char* b, size_t n) {
            media_bytes(spec.seed + k, off, b, n);
            off += n;
        });
    }
    for (const auto& f : files)
        if (!f.media_size) w.add(f.name, f.data);
    w.finish();
    return tr;
}

}  // namespace clout::gen
