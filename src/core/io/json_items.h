// Streaming JSON for collections too big to hold as one DOM: the elements of a
// top-level array field (e.g. ActivityStreams "orderedItems") are handed over one at
// a time, each as a small DOM, while the rest of the document is only scanned.
// Every occurrence of the field is streamed, so a document with the key twice (the
// Mastodon 2024 outbox has "orderedItems":[] followed by the real array) loses
// nothing. Depth and string sizes are capped by ctx.limits.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "io/byte_source.h"
#include "io/limits.h"

namespace clout {

struct JsonItemsResult {
    bool ok = true;                // false: the JSON is damaged (see error/byte)
    std::string error;             // "damaged JSON at byte 1234 (...)"
    uint64_t byte = 0;
    uint64_t items = 0;            // elements handed over
    nlohmann::json top_scalars = nlohmann::json::object();  // top-level scalar fields (last wins)
    bool top_is_object = false;
    bool field_seen = false;       // the array field occurred at least once
};

// Streams `in`. For each element of the array `field` at the top level, calls
// on_item(element). Throws LimitError past ctx.limits (depth, string size);
// on damaged JSON returns ok=false after handing over every element before the damage.
JsonItemsResult stream_json_items(InputStream& in, const std::string& field,
                                  const std::function<void(nlohmann::json&)>& on_item, ImportContext& ctx);

}  // namespace clout
