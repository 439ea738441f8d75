// libFuzzer target: one DAG-CBOR block: the validator (depth, lengths, tags, no
// indefinite lengths) and nlohmann's decoder behind it. Checks that whatever the
// validator accepts decodes without any exception but InputError.
#include "container/car.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    clout::ImportContext ctx = clout_fuzz::fuzz_context();
    (void)clout::check_dag_cbor(bytes, 64);
    try {
        nlohmann::json j = clout::decode_dag_cbor(bytes, ctx);
        (void)clout::link_cid(j);
        if (j.is_object() || j.is_array())
            for (const auto& v : j) (void)clout::link_cid(v);
    } catch (const clout::InputError&) {
    }
    // Varints and CIDs on their own.
    try {
        size_t pos = 0;
        (void)clout::read_uvarint(bytes, pos);
        (void)clout::cid_length(bytes, pos);
    } catch (const clout::InputError&) {
    }
    return 0;
}
