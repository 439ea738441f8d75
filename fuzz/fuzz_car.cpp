// libFuzzer target: a Bluesky repository export: CARv1 header and blocks (varints,
// CIDs), every block through the DAG-CBOR validator and decoder, then the Bluesky
// importer itself (commit, MST walk, records) and the rest of the pipeline.
#include "container/car.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        clout::ImportContext ctx = clout_fuzz::fuzz_context();
        try {
            clout::CarFile car = clout::parse_car(bytes, ctx);
            size_t n = 0;
            for (const auto& [cid, block] : car.blocks) {
                if (++n > 256) break;
                (void)clout::cid_hint(cid);
                try {
                    nlohmann::json j = clout::decode_dag_cbor(block, ctx);
                    if (j.is_object())
                        for (auto it = j.begin(); it != j.end(); ++it) (void)clout::link_cid(*it);
                } catch (const clout::InputError&) {
                }
            }
        } catch (const clout::InputError&) {
        }
    }
    clout_fuzz::MemoryContainer c("fuzz.repo.car");
    c.add("fuzz.repo.car", std::move(bytes));
    auto imp = clout::make_bluesky_importer();
    clout_fuzz::run_importer(*imp, c);
    return 0;
}
