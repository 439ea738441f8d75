// libFuzzer target: the JSON layers under the importers: the streaming item reader
// (io/json_items.h, Mastodon's outbox), the whole-document parser with limits, mojibake
// repair and skipped keys (importers/json_doc.h, Meta, TikTok, Mastodon's actor), and the key peek used
// for recognising files.
#include "fuzz_common.h"
#include "importers/json_doc.h"
#include "io/json_items.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    clout::ImportContext ctx = clout_fuzz::fuzz_context();
    ctx.limits.max_field_bytes = 1 << 16;
    try {
        auto src = clout::memory_source(text);
        auto in = clout::source_stream(*src, 0, src->size());
        uint64_t n = 0;
        auto res = clout::stream_json_items(*in, "orderedItems", [&](nlohmann::json& j) { n += j.size(); }, ctx);
        (void)res;
    } catch (const clout::InputError&) {
    }
    try {
        clout::JsonParseOptions opt;
        opt.repair_mojibake = true;
        opt.skip_section = [](std::string_view top, std::string_view sub) {
            return top == "Browsing History" || sub == "Watch History";
        };
        nlohmann::json j = clout::parse_json_doc(text, ctx, opt);
        (void)clout::jint(j, "count");
        (void)clout::jstr(j, "title");
        (void)clout::jarr(j, "data");
    } catch (const clout::InputError&) {
    }
    try {  // the same parser without options (Mastodon's actor.json)
        (void)clout::parse_json_doc(text, ctx);
    } catch (const clout::InputError&) {
    }
    clout::JsonPeek p = clout::peek_json(std::string_view(text).substr(0, 4096));
    (void)p.has_any("timestamp");
    return 0;
}
