#include "importers/importer.h"
#include "util/error.h"

namespace clout {

const std::vector<std::unique_ptr<Importer>>& importers() {
    static const std::vector<std::unique_ptr<Importer>> all = [] {
        std::vector<std::unique_ptr<Importer>> v;
        // IMPORTERS: one line each, in detection order.
        v.push_back(make_x_archive_importer());
        v.push_back(make_mastodon_importer());
        v.push_back(make_bluesky_importer());
        v.push_back(make_meta_importer());
        v.push_back(make_tiktok_importer());
        v.push_back(make_linkedin_importer());
        v.push_back(make_reddit_importer());
        return v;
    }();
    return all;
}

void import_container(Container& c, Activity& out, ImportContext& ctx) {
    bool any = false;
    for (auto& imp : importers()) {
        if (!imp->detect(c, ctx)) continue;
        imp->read(c, out, ctx);
        any = true;
        break;
    }
    if (!any) {
        std::string looked;
        for (auto& imp : importers()) {
            if (!looked.empty()) looked += ", ";
            looked += imp->looks_for();
        }
        if (looked.empty()) throw InputError("not a recognised export");
        throw InputError("not a recognised export (looked for " + looked + ")");
    }
}

void import_path(const std::string& path, Activity& out, ImportContext& ctx) {
    auto c = open_input(path, ctx);
    import_container(*c, out, ctx);
}

}  // namespace clout
