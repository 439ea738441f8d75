// CARv1 files (content-addressable archives) holding DAG-CBOR blocks, as in a Bluesky
// repository export, and a guarded DAG-CBOR decoder on top of nlohmann's CBOR reader.
//
// Hostile input: varints are capped at 10 bytes, every length is checked against the
// bytes left, CIDs must be CIDv0 (sha2-256) or CIDv1, and CBOR is walked once by a
// validator (depth cap, no indefinite lengths, only tag 42, lengths within the block)
// before nlohmann decodes it, so its recursive reader never sees anything deep or huge.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/limits.h"

namespace clout {

// Reads an unsigned LEB128 varint at data[pos]; advances pos. Throws InputError when it
// runs past the end or past 10 bytes.
uint64_t read_uvarint(std::string_view data, size_t& pos);

// The length of the CID at data[pos] (CIDv0: 34 bytes; CIDv1: version, codec, multihash
// code and length varints, then the digest). Throws InputError on an unknown shape.
size_t cid_length(std::string_view data, size_t pos);

struct CarFile {
    std::vector<std::string> roots;                            // CID bytes
    std::unordered_map<std::string, std::string_view> blocks;  // CID bytes -> block data
    uint64_t block_count = 0;
    uint64_t duplicate_blocks = 0;
};

// Parses a whole CAR held in memory (`data` must outlive the result).
CarFile parse_car(std::string_view data, ImportContext& ctx);

// Checks that `data` is exactly one well-formed DAG-CBOR item within ctx.limits.max_depth
// (and at most kMaxCborDepth). Returns an empty string when it is, else what is wrong.
constexpr uint32_t kMaxCborDepth = 256;
std::string check_dag_cbor(std::string_view data, uint32_t max_depth);

// Validates then decodes one DAG-CBOR block; links (tag 42) become binary values with
// subtype 42. Throws InputError naming the problem.
nlohmann::json decode_dag_cbor(std::string_view data, ImportContext& ctx);

// The CID bytes of a link value (binary subtype 42, a 0x00 prefix then the CID), or
// empty when `v` is not a link.
std::string link_cid(const nlohmann::json& v);

// A short printable form of CID bytes (hex of the first bytes of the digest), for messages.
std::string cid_hint(std::string_view cid);

}  // namespace clout
