#include "rank/rank_view.h"

#include <cstring>

#include "score/score.h"

namespace clout {

namespace {

constexpr char kMagic[4] = {'C', 'R', 'V', '1'};

void put_u32(std::string& o, uint32_t v) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    o.append(b, 4);
}
void put_u64(std::string& o, uint64_t v) {
    put_u32(o, static_cast<uint32_t>(v & 0xFFFFFFFFu));
    put_u32(o, static_cast<uint32_t>(v >> 32));
}
void put_str(std::string& o, const std::string& s) {
    put_u32(o, static_cast<uint32_t>(s.size()));
    o += s;
}

struct Reader {
    const char* p;
    size_t n, at = 0;
    bool ok = true;
    uint32_t u32() {
        if (n - at < 4) { ok = false; return 0; }
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(p[at + static_cast<size_t>(i)])) << (8 * i);
        at += 4;
        return v;
    }
    uint64_t u64() {
        const uint64_t lo = u32();
        const uint64_t hi = u32();
        return lo | (hi << 32);
    }
    std::string str() {
        const uint32_t len = u32();
        if (!ok || n - at < len) { ok = false; return {}; }
        std::string s(p + at, len);
        at += len;
        return s;
    }
};

}  // namespace

std::string encode_rank_view(const Roster& r) {
    std::string pool;
    std::vector<RankViewRow> rows(r.rows.size());
    auto intern = [&](const std::string& s, uint32_t& off, uint32_t& len) {
        off = static_cast<uint32_t>(pool.size());
        len = static_cast<uint32_t>(s.size());
        pool += s;
    };
    for (size_t i = 0; i < r.rows.size(); ++i) {
        const RosterRow& x = r.rows[i];
        RankViewRow& v = rows[i];
        std::memset(&v, 0, sizeof v);
        v.exact_q = x.result.exact_q;
        for (int k = 0; k < kComponentCount; ++k) {
            const ComponentResult& c = x.result.components[static_cast<size_t>(k)];
            v.points_q[k] = c.available ? c.points_q : 0;
            v.value_q[k] = c.available ? c.value_q : 0;
            v.points[k] = c.available ? c.points : -1;
            v.max_points[k] = c.available ? c.max_points : 0;
        }
        v.followers = x.agg.followers;
        v.posts = x.posts_known ? x.agg.posts : -1;
        v.likes = x.agg.likes_received;
        v.reposts = x.agg.reposts_received;
        v.replies_received = x.agg.replies_received;
        v.replies_made = x.agg.replies_made;
        v.period_days = x.agg.period_days;
        v.quotes = x.quotes_received;
        const ScoreCore core = core_of(inputs_from_aggregates(x.agg));
        v.posts_with_reshares = core.posts_with_reshares;
        v.reshared_posts = core.reshared_posts;
        v.qualifying_replies = core.qualifying_replies;
        v.h_reactions = core.h_reactions;
        v.h_reshares = core.h_reshares;
        v.weeks_active = core.weeks_active;
        v.line = x.line;
        v.rank = static_cast<uint32_t>(x.rank);
        v.score = x.result.score;
        intern(x.handle, v.handle_off, v.handle_len);
        intern(x.network, v.network_off, v.network_len);
        intern(x.name, v.name_off, v.name_len);
    }
    std::string o;
    o.reserve(64 + rows.size() * sizeof(RankViewRow) + pool.size());
    o.append(kMagic, 4);
    put_u32(o, static_cast<uint32_t>(rows.size()));
    put_u64(o, r.data_rows);
    put_str(o, model_version());
    put_u32(o, static_cast<uint32_t>(r.warnings.size()));
    for (const auto& w : r.warnings) put_str(o, w);
    put_u32(o, static_cast<uint32_t>(r.columns.size()));
    for (const auto& c : r.columns) put_str(o, c);
    put_str(o, pool);
    if (!rows.empty()) o.append(reinterpret_cast<const char*>(rows.data()), rows.size() * sizeof(RankViewRow));
    return o;
}

bool decode_rank_view(const char* data, size_t size, RankView& out) {
    out = RankView{};
    if (size < 4 || std::memcmp(data, kMagic, 4) != 0) return false;
    Reader rd{data, size, 4};
    const uint32_t n = rd.u32();
    out.data_rows = rd.u64();
    out.model_version = rd.str();
    const uint32_t nw = rd.u32();
    for (uint32_t i = 0; rd.ok && i < nw; ++i) out.warnings.push_back(rd.str());
    const uint32_t nc = rd.u32();
    for (uint32_t i = 0; rd.ok && i < nc; ++i) out.columns.push_back(rd.str());
    out.pool = rd.str();
    if (!rd.ok || (size - rd.at) / sizeof(RankViewRow) < n || size - rd.at != static_cast<size_t>(n) * sizeof(RankViewRow)) {
        out = RankView{};
        return false;
    }
    out.rows.resize(n);
    if (n) std::memcpy(out.rows.data(), data + rd.at, static_cast<size_t>(n) * sizeof(RankViewRow));
    const uint64_t ps = out.pool.size();
    for (const auto& v : out.rows) {
        if (uint64_t(v.handle_off) + v.handle_len > ps || uint64_t(v.network_off) + v.network_len > ps ||
            uint64_t(v.name_off) + v.name_len > ps) {
            out = RankView{};
            return false;
        }
    }
    return true;
}

}  // namespace clout
