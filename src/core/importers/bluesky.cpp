// Bluesky repository export ("Export my data" = com.atproto.sync.getRepo): one CARv1
// file of DAG-CBOR blocks. The root is the signed commit {did, data, rev?, version};
// `data` is the root of the Merkle Search Tree whose keys are "<collection>/<rkey>"
// and whose values link the record blocks. Only records the tree reaches are live:
// a CAR may still hold blocks of deleted records. See docs/FORMATS.md ("Bluesky").
#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "container/car.h"
#include "importers/importer.h"
#include "util/error.h"
#include "util/json_field.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {

namespace {

using nlohmann::json;

constexpr size_t kMaxTreeDepth = 128;  // an MST of 2^128 records: anything deeper is a loop or an attack

const json* obj_of(const json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return nullptr;
    return &*it;
}

// "at://did:plc:abc/app.bsky.feed.post/3k..." -> "did:plc:abc"
std::string authority_of(std::string_view uri) {
    if (uri.rfind("at://", 0) != 0) return {};
    uri.remove_prefix(5);
    size_t e = uri.find('/');
    return std::string(uri.substr(0, e));
}

int64_t tid_time(uint64_t tid) { return static_cast<int64_t>((tid >> 10) / 1000000); }

bool looks_like_car(std::string_view head) {
    size_t pos = 0;
    try {
        uint64_t hlen = read_uvarint(head, pos);
        if (hlen < 10 || hlen > 4096) return false;
    } catch (const InputError&) {
        return false;
    }
    if (pos >= head.size()) return false;
    unsigned char m = static_cast<unsigned char>(head[pos]);
    if ((m >> 5) != 5) return false;  // a CBOR map
    std::string_view rest = head.substr(pos);
    return rest.find("roots") != std::string_view::npos && rest.find("version") != std::string_view::npos;
}

class BlueskyImporter final : public Importer {
public:
    const char* id() const override { return "bluesky-car"; }
    const char* looks_for() const override { return "a Bluesky repository (.car)"; }

    bool detect(Container& c, ImportContext& ctx) override { return car_index(c, ctx) >= 0; }

    void read(Container& c, Activity& out, ImportContext& ctx) override {
        long idx = car_index(c, ctx);
        if (idx < 0) throw InputError("no Bluesky repository (.car) found");
        const std::string path = c.entries()[static_cast<size_t>(idx)].path;
        ctx.progress.stage = "reading " + path;
        std::string data = c.read_all(static_cast<size_t>(idx), ctx);
        CarFile car = parse_car(data, ctx);
        if (car.roots.empty()) throw InputError("the CAR file names no root block");
        auto root = car.blocks.find(car.roots[0]);
        if (root == car.blocks.end()) throw InputError("the repository's commit block (the CAR root) is missing");
        json commit;
        try {
            commit = decode_dag_cbor(root->second, ctx);
        } catch (const LimitError&) {
            throw;
        } catch (const InputError& e) {
            throw InputError(std::string("the repository's commit block is damaged: ") + e.what());
        }
        std::string did = jstr(commit, "did");
        std::string data_cid = commit.is_object() && commit.contains("data") ? link_cid(commit["data"]) : std::string();
        if (did.empty() || data_cid.empty()) throw InputError("the CAR root is not a repository commit (no did/data)");

        Account acc;
        acc.network = Network::Bluesky;
        acc.format = id();
        acc.source_name = c.name();
        acc.id = did;  // no handle: a repository does not hold it (the report shows the display name)
        acc.signals = SignalAvailability{};
        acc.signals.following = true;
        acc.notes.push_back(
            "A Bluesky repository holds only what the account published: no likes, reposts, replies or quotes "
            "received, and no follower count (type it in to include it)");
        uint32_t ai = out.add_account(acc);

        State st;
        st.did = did;
        walk(car, data_cid, st, out, ai, ctx);

        Account& a = out.accounts[ai];
        a.following = static_cast<int64_t>(st.follows);
        if (!st.display_name.empty()) a.display_name = st.display_name;
        a.notes.push_back(a.display_name.empty()
                              ? "Bluesky repositories do not hold the handle, and this one has no profile name: the account is "
                                "named by its DID"
                              : "Bluesky repositories do not hold the handle: the account is named by its profile's display "
                                "name; its DID is " + did);
        if (st.missing_nodes || st.missing_records || st.damaged_records || st.damaged_nodes) {
            std::string w = path + ": ";
            bool first = true;
            auto add = [&](uint64_t n, const char* what) {
                if (!n) return;
                if (!first) w += ", ";
                w += std::to_string(n) + " " + what;
                first = false;
            };
            add(st.missing_nodes, "tree nodes missing (the records under them could not be reached)");
            add(st.damaged_nodes, "tree nodes damaged");
            add(st.missing_records, "records missing");
            add(st.damaged_records, "records damaged");
            w += "; read the " + std::to_string(st.records) + " others";
            out.warnings.push_back(w);
        }
        uint64_t unreached = car.blocks.size() > st.blocks_used ? car.blocks.size() - st.blocks_used : 0;
        if (unreached > 0)
            a.notes.push_back(std::to_string(unreached) +
                              " blocks of the file are not reached from the commit (deleted or old records): not counted");
    }

private:
    struct State {
        std::string did;
        std::string rev;
        std::string display_name;
        uint64_t records = 0, follows = 0;
        uint64_t missing_nodes = 0, missing_records = 0, damaged_records = 0, damaged_nodes = 0;
        uint64_t blocks_used = 1;  // the commit
    };

    static long car_index(Container& c, ImportContext& ctx) {
        const auto& es = c.entries();
        for (size_t i = 0; i < es.size(); ++i) {
            std::string b = ascii_lower(base_name(es[i].path));
            bool named = b.size() > 4 && b.substr(b.size() - 4) == ".car";
            if (!named && es.size() != 1) continue;
            if (looks_like_car(c.peek(i, 512, ctx))) return static_cast<long>(i);
        }
        return -1;
    }

    void walk(const CarFile& car, const std::string& root_cid, State& st, Activity& out, uint32_t ai,
              ImportContext& ctx) {
        if (!car.blocks.count(root_cid)) throw InputError("the repository's record tree (MST root block) is missing");
        std::unordered_set<std::string> visited;
        std::vector<std::pair<std::string, size_t>> stack;  // (node CID, depth)
        stack.emplace_back(root_cid, 0);
        while (!stack.empty()) {
            auto [cid, depth] = std::move(stack.back());
            stack.pop_back();
            if (!visited.insert(cid).second) {
                ++st.damaged_nodes;  // a node reached twice: a loop or a shared subtree, read once
                continue;
            }
            if (depth > kMaxTreeDepth) throw InputError("the record tree is deeper than " + std::to_string(kMaxTreeDepth) + " levels");
            auto it = car.blocks.find(cid);
            if (it == car.blocks.end()) {
                ++st.missing_nodes;
                continue;
            }
            ++st.blocks_used;
            json node;
            try {
                node = decode_dag_cbor(it->second, ctx);
            } catch (const LimitError&) {
                throw;
            } catch (const InputError&) {
                ++st.damaged_nodes;
                continue;
            }
            if (!node.is_object() || !node.contains("e") || !node["e"].is_array()) {
                ++st.damaged_nodes;
                continue;
            }
            if (node.contains("l")) {
                std::string l = link_cid(node["l"]);
                if (!l.empty()) stack.emplace_back(l, depth + 1);
            }
            std::string prev;
            for (auto& e : node["e"]) {
                if (!e.is_object()) {
                    ++st.damaged_nodes;
                    break;
                }
                auto p = e.find("p");
                auto k = e.find("k");
                if (p == e.end() || !p->is_number_unsigned() || k == e.end() || !k->is_binary() ||
                    p->get<uint64_t>() > prev.size()) {
                    ++st.damaged_nodes;
                    break;
                }
                const auto& kb = k->get_binary();
                std::string key = prev.substr(0, static_cast<size_t>(p->get<uint64_t>()));
                key.append(reinterpret_cast<const char*>(kb.data()), kb.size());
                prev = key;
                if (e.contains("t")) {
                    std::string t = link_cid(e["t"]);
                    if (!t.empty()) stack.emplace_back(t, depth + 1);
                }
                std::string v = e.contains("v") ? link_cid(e["v"]) : std::string();
                if (v.empty()) {
                    ++st.damaged_records;
                    continue;
                }
                auto rb = car.blocks.find(v);
                if (rb == car.blocks.end()) {
                    ++st.missing_records;
                    continue;
                }
                json rec;
                try {
                    rec = decode_dag_cbor(rb->second, ctx);
                } catch (const LimitError&) {
                    throw;
                } catch (const InputError&) {
                    ++st.damaged_records;
                    continue;
                }
                ++st.blocks_used;
                ++st.records;
                record(key, rec, st, out, ai, ctx);
                if ((st.records & 255) == 0) {
                    ctx.progress.entries = st.records;
                    ctx.progress.posts = out.posts.size();
                    ctx.tick();
                }
            }
        }
    }

    static bool parse_created(const json& rec, int64_t& t) {
        std::string s = jstr(rec, "createdAt");
        return !s.empty() && parse_iso8601(s, t);
    }

    void record(const std::string& key, const json& rec, State& st, Activity& out, uint32_t ai, ImportContext& ctx) {
        size_t slash = key.find('/');
        if (slash == std::string::npos || !rec.is_object()) return;
        std::string_view collection(key.data(), slash);
        std::string_view rkey(key.data() + slash + 1, key.size() - slash - 1);
        uint64_t tid = 0;
        bool is_tid = decode_tid(rkey, tid);
        int64_t t = 0;
        if (!parse_created(rec, t) && is_tid) t = tid_time(tid);

        if (collection == "app.bsky.feed.post") {
            ctx.check_posts(out.posts.size());
            Post p;
            p.account = ai;
            p.time = t;
            set_id(p, rkey, is_tid, tid);
            std::string text = utf8_sanitize(jstr(rec, "text"));
            std::vector<std::string> tags, mentions;

            if (const json* reply = obj_of(rec, "reply")) {
                p.kind = PostKind::Reply;
                std::string target;
                if (const json* parent = obj_of(*reply, "parent")) target = authority_of(jstr(*parent, "uri"));
                p.reply_target = target == st.did ? ReplyTarget::Self : ReplyTarget::Other;
                if (!target.empty()) p.target_account = out.strings.intern(ascii_lower(target));
            }
            if (const json* embed = obj_of(rec, "embed")) {
                std::string et = jstr(*embed, "$type");
                std::string quoted;
                const json* media = nullptr;
                if (et == "app.bsky.embed.record") {
                    if (const json* r = obj_of(*embed, "record")) quoted = jstr(*r, "uri");
                } else if (et == "app.bsky.embed.recordWithMedia") {
                    if (const json* r = obj_of(*embed, "record"))
                        if (const json* rr = obj_of(*r, "record")) quoted = jstr(*rr, "uri");
                    media = obj_of(*embed, "media");
                } else {
                    media = embed;
                }
                if (!quoted.empty() && p.kind == PostKind::Original) {
                    p.kind = PostKind::Quote;
                    std::string target = authority_of(quoted);
                    if (!target.empty()) p.target_account = out.strings.intern(ascii_lower(target));
                }
                if (media) {
                    std::string mt = jstr(*media, "$type");
                    if (mt == "app.bsky.embed.images" || mt == "app.bsky.embed.video") p.has_media = true;
                    if (mt == "app.bsky.embed.external") p.has_link = true;
                }
            }
            auto lit = rec.find("langs");
            if (lit != rec.end() && lit->is_array() && !lit->empty() && (*lit)[0].is_string())
                p.lang = out.strings.intern(ascii_lower((*lit)[0].get<std::string>()));
            // Rich-text facets: byte ranges of the UTF-8 text.
            auto fit = rec.find("facets");
            if (fit != rec.end() && fit->is_array()) {
                for (auto& f : *fit) {
                    const json* index = obj_of(f, "index");
                    auto feats = f.is_object() ? f.find("features") : f.end();
                    if (!f.is_object() || feats == f.end() || !feats->is_array()) continue;
                    std::string slice;
                    if (index) {
                        auto bs = index->find("byteStart"), be = index->find("byteEnd");
                        if (bs != index->end() && be != index->end() && bs->is_number_unsigned() &&
                            be->is_number_unsigned()) {
                            uint64_t s = bs->get<uint64_t>(), e = be->get<uint64_t>();
                            if (s < e && e <= text.size()) slice = text.substr(static_cast<size_t>(s), static_cast<size_t>(e - s));
                        }
                    }
                    for (auto& ft : *feats) {
                        std::string ty = jstr(ft, "$type");
                        if (ty == "app.bsky.richtext.facet#mention") {
                            if (slice.size() > 1 && slice[0] == '@') mentions.push_back(slice.substr(1));
                            else if (!jstr(ft, "did").empty()) mentions.push_back(jstr(ft, "did"));
                        } else if (ty == "app.bsky.richtext.facet#tag") {
                            std::string tag = jstr(ft, "tag");
                            if (!tag.empty()) tags.push_back(tag);
                        } else if (ty == "app.bsky.richtext.facet#link") {
                            p.has_link = true;
                        }
                    }
                }
            }
            // Legacy entities (2022-2023 posts).
            auto eit = rec.find("entities");
            if (eit != rec.end() && eit->is_array()) {
                for (auto& e : *eit) {
                    std::string ty = jstr(e, "type"), value = jstr(e, "value");
                    std::string slice;
                    if (const json* index = obj_of(e, "index")) {
                        auto s = index->find("start"), en = index->find("end");
                        if (s != index->end() && en != index->end() && s->is_number_unsigned() && en->is_number_unsigned()) {
                            uint64_t a = s->get<uint64_t>(), b = en->get<uint64_t>();
                            if (a < b && b <= text.size()) slice = text.substr(static_cast<size_t>(a), static_cast<size_t>(b - a));
                        }
                    }
                    if (ty == "mention") {
                        if (slice.size() > 1 && slice[0] == '@') mentions.push_back(slice.substr(1));
                        else if (!value.empty()) mentions.push_back(value);
                    } else if (ty == "hashtag") {
                        if (!value.empty()) tags.push_back(value);
                    } else if (ty == "link") {
                        p.has_link = true;
                    }
                }
            }
            auto tit = rec.find("tags");
            if (tit != rec.end() && tit->is_array())
                for (auto& tg : *tit)
                    if (tg.is_string()) tags.push_back(tg.get<std::string>());
            // The same mention or tag from facets and entities counts once.
            auto dedup = [](std::vector<std::string>& v) {
                std::vector<std::string> o;
                for (auto& s : v) {
                    std::string l = ascii_lower(s);
                    if (std::find(o.begin(), o.end(), l) == o.end()) o.push_back(l);
                }
                v = std::move(o);
            };
            dedup(tags);
            dedup(mentions);
            std::vector<std::string_view> tv(tags.begin(), tags.end()), mv(mentions.begin(), mentions.end());
            out.add_post(p, text, tv, mv);
        } else if (collection == "app.bsky.feed.repost") {
            Post p;
            p.account = ai;
            p.time = t;
            p.kind = PostKind::Repost;
            set_id(p, rkey, is_tid, tid);
            if (const json* subj = obj_of(rec, "subject")) {
                std::string target = authority_of(jstr(*subj, "uri"));
                if (!target.empty()) p.target_account = out.strings.intern(ascii_lower(target));
            }
            out.add_post(p, {});
        } else if (collection == "app.bsky.feed.like") {
            const json* subj = obj_of(rec, "subject");
            std::string uri = subj ? jstr(*subj, "uri") : std::string();
            if (uri.empty()) uri = key;
            out.add_like(ai, t, uri, authority_of(uri));
        } else if (collection == "app.bsky.graph.follow") {
            std::string subject = jstr(rec, "subject");
            if (subject.empty()) return;
            out.add_follow(ai, t, subject);
            ++st.follows;
        } else if (collection == "app.bsky.actor.profile") {
            std::string dn = jstr(rec, "displayName");
            if (!dn.empty()) st.display_name = utf8_sanitize(dn);
        }
    }

    static void set_id(Post& p, std::string_view rkey, bool is_tid, uint64_t tid) {
        if (is_tid) {
            p.id = tid;
            p.id_kind = IdKind::Tid;
        } else {
            p.id = hash64(rkey);
            p.id_kind = IdKind::Hash;
        }
    }
};

}  // namespace

std::unique_ptr<Importer> make_bluesky_importer() { return std::make_unique<BlueskyImporter>(); }

}  // namespace clout
