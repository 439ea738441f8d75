// libFuzzer target: the parts one import worker sends the other (importers/x_archive.h,
// Activity::encode_part, util/wire.h). Any input either decodes to parts that merge into
// a model, normalize and score without a fault, and re-encode to bytes that decode to the
// same bytes again, or is refused with an InputError.
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "importers/x_archive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    std::vector<clout::PartAhead> parts;
    try {
        parts = clout::decode_parts_ahead(in);
    } catch (const clout::InputError&) {
        return 0;
    }
    const std::string once = clout::encode_parts_ahead(parts);
    if (clout::encode_parts_ahead(clout::decode_parts_ahead(once)) != once) std::abort();  // a decoded part always round-trips
    clout::Activity a;
    clout::Account acct;
    acct.handle = "fuzz";
    const uint32_t account = a.add_account(acct);
    for (auto& p : parts) a.merge_part(std::move(p.part), account);
    a.normalize();
    (void)clout::report_to_json(clout::build_report(a));
    return 0;
}
