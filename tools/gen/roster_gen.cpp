#include "roster_gen.h"

#include <vector>

namespace clout::gen {

namespace {
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 99) {}
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    long range(long lo, long hi) { return lo + static_cast<long>(next() % static_cast<uint64_t>(hi - lo + 1)); }
};
std::string thousands(long v) {
    std::string d = std::to_string(v), o;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i && (d.size() - i) % 3 == 0) o.push_back(',');
        o.push_back(d[i]);
    }
    return o.find(',') == std::string::npos ? o : "\"" + o + "\"";
}
// --names: a handle and a display name for row i, from the index alone (the numbers of a row do
// not change with the option). Invented combinations of common first and last names.
const char* const kFirst[] = {"maria", "james", "aisha", "chen", "lucas", "sofia", "omar", "emma", "kenji", "lena",
                              "mateo", "nora", "ravi", "elif", "noah", "ines", "tomas", "yara", "felix", "mei",
                              "diego", "hana", "samuel", "zoe"};
const char* const kLast[] = {"okafor", "lindqvist", "moreau", "tanaka", "silva", "novak", "haddad", "fischer",
                             "kowalski", "reyes", "nguyen", "obrien", "rossi", "petrov", "kaya", "mensah",
                             "andersen", "costa", "sato", "weber", "dubois", "ali", "byrne", "varga"};
std::string cap(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}
void person(long i, std::string& handle, std::string& name) {
    const long nf = 24, nl = 24;
    const long k = (i * 7919) % (nf * nl), round = i / (nf * nl);
    const std::string f = kFirst[k % nf], l = kLast[(k / nf) % nl];
    static const char* const seps[] = {".", "_", ""};
    handle = f + seps[(k + round) % 3] + l + (round ? std::to_string(round + 1) : std::string());
    name = cap(f) + " " + cap(l);
}
}  // namespace

std::string gen_roster(const RosterOptions& o) {
    Rng r(o.seed);
    static const char* const kNets[] = {"instagram", "x", "tiktok", "linkedin", "facebook", "threads", "bluesky", "mastodon"};
    std::string out = "\xEF\xBB\xBF";
    out += o.messy_headers ? "Handle,Platform,Followers Count,Posts,Likes,Retweets,Replies,Replies Made,Period Days"
                           : "handle,network,followers,posts,likes_received,reposts_received,replies_received,replies_made,period_days";
    out += o.names ? (o.messy_headers ? ",Display Name\r\n" : ",name\r\n") : "\r\n";
    for (long i = 0; i < o.rows; ++i) {
        // A long-tailed audience: most accounts small, a few large.
        long followers = r.range(0, 2000);
        if (r.next() % 10 == 0) followers *= r.range(10, 500);
        long posts = r.range(0, 120);
        long likes = posts * r.range(0, 3 + followers / 200);
        long reposts = likes / r.range(5, 40);
        long replies = likes / r.range(8, 60);
        long made = r.range(0, 200);
        std::string handle = "user" + std::to_string(i), name;
        if (o.names) person(i, handle, name);
        if (o.blank_handle_every > 0 && i % o.blank_handle_every == o.blank_handle_every - 1) handle.clear();
        std::string fcell = o.bad_every > 0 && i % o.bad_every == o.bad_every - 1 ? "lots" : thousands(followers);
        out += handle + "," + kNets[r.next() % 8] + "," + fcell + "," + std::to_string(posts) + "," + thousands(likes) + "," +
               (r.next() % 7 == 0 ? std::string() : std::to_string(reposts)) + "," + std::to_string(replies) + "," +
               std::to_string(made) + ",90" + (o.names ? "," + name : std::string()) + "\r\n";
    }
    return out;
}

}  // namespace clout::gen
