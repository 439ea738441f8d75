#include "container/car.h"

#include <cstring>

#include "util/error.h"

namespace clout {

using nlohmann::json;

uint64_t read_uvarint(std::string_view data, size_t& pos) {
    uint64_t v = 0;
    for (int i = 0; i < 10; ++i) {
        if (pos >= data.size()) throw InputError("truncated: a length ends early at byte " + std::to_string(pos));
        unsigned char c = static_cast<unsigned char>(data[pos++]);
        if (i == 9 && (c & 0x80)) break;
        if (i == 9 && c > 1) throw InputError("damaged CAR: a length overflows 64 bits at byte " + std::to_string(pos - 1));
        v |= static_cast<uint64_t>(c & 0x7f) << (7 * i);
        if (c < 0x80) return v;
    }
    throw InputError("damaged CAR: a length runs past 10 bytes at byte " + std::to_string(pos));
}

size_t cid_length(std::string_view data, size_t pos) {
    if (pos + 2 <= data.size() && static_cast<unsigned char>(data[pos]) == 0x12 &&
        static_cast<unsigned char>(data[pos + 1]) == 0x20) {
        if (pos + 34 > data.size()) throw InputError("truncated: a CID ends early at byte " + std::to_string(pos));
        return 34;  // CIDv0: a bare sha2-256 multihash
    }
    size_t p = pos;
    uint64_t version = read_uvarint(data, p);
    if (version != 1) throw InputError("unknown CID version " + std::to_string(version) + " at byte " + std::to_string(pos));
    read_uvarint(data, p);  // codec
    read_uvarint(data, p);  // multihash code
    uint64_t len = read_uvarint(data, p);
    if (len > 128 || p + len > data.size())
        throw InputError("damaged CID at byte " + std::to_string(pos) + " (digest of " + std::to_string(len) + " bytes)");
    return p + static_cast<size_t>(len) - pos;
}

std::string check_dag_cbor(std::string_view d, uint32_t max_depth) {
    if (max_depth > kMaxCborDepth) max_depth = kMaxCborDepth;
    // Each level: how many items are still expected.
    std::vector<uint64_t> left;
    left.push_back(1);
    size_t i = 0;
    bool expect_link_bytes = false;
    while (!left.empty()) {
        if (left.back() == 0) {
            left.pop_back();
            continue;
        }
        --left.back();
        if (i >= d.size()) return "truncated CBOR";
        unsigned char ib = static_cast<unsigned char>(d[i++]);
        unsigned mt = ib >> 5, ai = ib & 31;
        uint64_t n = 0;
        if (ai < 24) {
            n = ai;
        } else if (ai <= 27) {
            size_t k = size_t{1} << (ai - 24);
            if (d.size() - i < k) return "truncated CBOR";
            for (size_t j = 0; j < k; ++j) n = (n << 8) | static_cast<unsigned char>(d[i + j]);
            i += k;
        } else if (ai == 31) {
            return "indefinite-length CBOR (not DAG-CBOR)";
        } else {
            return "malformed CBOR (reserved value)";
        }
        if (expect_link_bytes && mt != 2) return "a CID link (tag 42) that is not a byte string";
        expect_link_bytes = false;
        switch (mt) {
            case 0:
            case 1: break;
            case 2:
            case 3:
                if (n > d.size() - i) return "a CBOR string longer than its block";
                i += static_cast<size_t>(n);
                break;
            case 4:
            case 5: {
                uint64_t items = mt == 5 ? n * 2 : n;
                if (n > d.size() - i || items > d.size() - i) return "a CBOR collection longer than its block";
                if (left.size() >= max_depth) return "CBOR nested more than " + std::to_string(max_depth) + " levels deep";
                left.push_back(items);
                break;
            }
            case 6:
                if (n != 42) return "CBOR tag " + std::to_string(n) + " (DAG-CBOR allows only tag 42)";
                expect_link_bytes = true;
                ++left.back();  // the tagged item follows
                break;
            case 7:
                if (ai == 20 || ai == 21 || ai == 22 || ai == 23 || ai == 25 || ai == 26 || ai == 27) break;
                return "unsupported CBOR simple value";
        }
    }
    if (i != d.size()) return "bytes after the CBOR item";
    return {};
}

json decode_dag_cbor(std::string_view data, ImportContext& ctx) {
    std::string bad = check_dag_cbor(data, ctx.limits.max_depth);
    if (!bad.empty()) throw InputError(bad);
    json j = json::from_cbor(reinterpret_cast<const uint8_t*>(data.data()),
                             reinterpret_cast<const uint8_t*>(data.data()) + data.size(), true, false,
                             json::cbor_tag_handler_t::store);
    if (j.is_discarded()) throw InputError("unreadable CBOR");
    return j;
}

std::string link_cid(const json& v) {
    if (!v.is_binary()) return {};
    const auto& b = v.get_binary();
    if (!b.has_subtype() || b.subtype() != 42 || b.empty() || b[0] != 0) return {};
    return std::string(reinterpret_cast<const char*>(b.data()) + 1, b.size() - 1);
}

std::string cid_hint(std::string_view cid) {
    static const char hex[] = "0123456789abcdef";
    std::string out;
    size_t start = cid.size() > 8 ? cid.size() - 8 : 0;
    for (size_t k = start; k < cid.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(cid[k]);
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return "…" + out;
}

CarFile parse_car(std::string_view data, ImportContext& ctx) {
    CarFile car;
    size_t pos = 0;
    if (data.empty()) throw InputError("the file is empty");
    uint64_t hlen = read_uvarint(data, pos);
    if (hlen == 0 || hlen > data.size() - pos)
        throw InputError("not a CAR file (header length " + std::to_string(hlen) + " does not fit the file)");
    json header;
    try {
        header = decode_dag_cbor(data.substr(pos, static_cast<size_t>(hlen)), ctx);
    } catch (const LimitError&) {
        throw;
    } catch (const InputError& e) {
        throw InputError(std::string("not a CAR file (header: ") + e.what() + ")");
    }
    if (!header.is_object() || !header.contains("roots") || !header["roots"].is_array())
        throw InputError("not a CAR file (the header has no roots)");
    auto ver = header.find("version");
    if (ver == header.end() || !ver->is_number_unsigned() || ver->get<uint64_t>() != 1)
        throw InputError("unsupported CAR version (only CARv1 is read)");
    for (auto& r : header["roots"]) {
        std::string cid = link_cid(r);
        if (!cid.empty()) car.roots.push_back(cid);
    }
    pos += static_cast<size_t>(hlen);
    while (pos < data.size()) {
        size_t at = pos;
        uint64_t len = read_uvarint(data, pos);
        if (len > data.size() - pos)
            throw InputError("truncated: the block at byte " + std::to_string(at) + " claims " + std::to_string(len) +
                             " bytes; " + std::to_string(data.size() - pos) + " remain");
        if (len == 0) throw InputError("damaged CAR: an empty block at byte " + std::to_string(at));
        std::string_view block = data.substr(pos, static_cast<size_t>(len));
        size_t cl;
        try {
            cl = cid_length(block, 0);
        } catch (const InputError& e) {
            throw InputError("damaged CAR: the block at byte " + std::to_string(at) + ": " + e.what());
        }
        std::string cid(block.substr(0, cl));
        if (!car.blocks.emplace(std::move(cid), block.substr(cl)).second) ++car.duplicate_blocks;
        ++car.block_count;
        if (car.block_count > ctx.limits.max_entries)
            throw LimitError("more than " + std::to_string(ctx.limits.max_entries) + " blocks in the CAR file");
        pos += static_cast<size_t>(len);
        if ((car.block_count & 1023) == 0) {
            ctx.progress.bytes_done = pos;
            ctx.tick();
        }
    }
    return car;
}

}  // namespace clout
