// Generates Bluesky repository exports: a CARv1 file of DAG-CBOR blocks with a commit,
// a Merkle Search Tree (prefix-compressed keys, left and per-entry right subtrees) and
// the records. Digests in CIDs are deterministic stand-ins (the reader does not verify
// hashes). Also the raw pieces, for building damaged or hostile files in tests.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace clout::gen {

struct BlueskySpec {
    uint64_t seed = 1;
    std::string did = "did:plc:generatedaccount0001";
    std::string display_name = "Gen Erated";
    int originals = 30;
    int self_replies = 5;
    int other_replies = 8;
    int quotes = 3;            // embed record
    int quotes_with_media = 2; // embed recordWithMedia
    int reposts = 6;
    int likes = 25;
    int follows = 12;
    int deleted_follows = 4;   // follow blocks left in the file but not in the tree
    int with_images = 5;       // among originals
    int with_links = 4;        // among originals (link facet)
    bool v2_commit = false;    // no `rev`, version 2
    bool profile = true;
    bool shuffle_blocks = true;
    int64_t start_time = 1700000000;
};

struct BlueskyTruth {
    int posts = 0, replies = 0, self_replies = 0, quotes = 0, reposts = 0, likes = 0, follows = 0;
    int with_media = 0, with_links = 0, mentions = 0, tags = 0;
};

struct CarBlock {
    std::string cid;   // CID bytes (CIDv1, dag-cbor, sha2-256 sized digest)
    std::string data;  // DAG-CBOR bytes
};

// A CIDv1 (dag-cbor, sha2-256 code, 32-byte digest derived from `data` deterministically).
std::string make_cid(const std::string& data);
// The DAG-CBOR link value for a CID (tag 42, 0x00 prefix).
nlohmann::json cbor_link(const std::string& cid);
// Encodes a value as CBOR (links must be made with cbor_link).
std::string to_cbor(const nlohmann::json& v);
// An unsigned LEB128 varint.
std::string uvarint(uint64_t v);
// A CAR file from a root and blocks, in the given order.
std::string write_car(const std::vector<std::string>& roots, const std::vector<CarBlock>& blocks);
// Builds the MST for (key, record CID) pairs (sorted by key here); appends its nodes to
// `blocks` and returns the root node's CID.
std::string build_mst(std::vector<std::pair<std::string, std::string>> entries, std::vector<CarBlock>& blocks,
                      size_t fanout = 6);

// A whole repository export.
BlueskyTruth make_bluesky_car(const BlueskySpec& spec, std::string& car_out);

}  // namespace clout::gen
