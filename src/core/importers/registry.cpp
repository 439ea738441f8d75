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

InputOutcome import_input(const std::string& name, Container& c, Activity& out, ImportContext& ctx) {
    InputOutcome o;
    o.name = name;
    try {
        Activity one;
        import_container(c, one, ctx);
        // --max-posts counts the posts of the whole report, not of each input.
        if (!one.posts.empty()) ctx.check_posts(out.posts.size() + one.posts.size() - 1);
        out.merge(std::move(one));
    } catch (const NothingToScore& e) {
        o.kind = InputOutcome::NothingToScore;
        o.message = e.what();
    } catch (const InputError& e) {
        o.kind = InputOutcome::Unreadable;
        o.message = e.what();
    }
    return o;
}

InputOutcome import_input(const std::string& path, Activity& out, ImportContext& ctx) {
    std::unique_ptr<Container> c;
    try {
        c = open_input(path, ctx);
    } catch (const InputError& e) {
        InputOutcome o;
        o.kind = InputOutcome::Unreadable;
        o.name = path;
        o.message = e.what();
        return o;
    }
    return import_input(path, *c, out, ctx);
}

std::string skipped_line(const InputOutcome& o) { return o.name + ": " + o.message; }

std::string inputs_error(const std::vector<InputOutcome>& outcomes, bool skip_unreadable, bool finished) {
    if (!skip_unreadable)
        for (const auto& o : outcomes)
            if (o.kind == InputOutcome::Unreadable) return skipped_line(o);
    if (!finished) return {};
    for (const auto& o : outcomes)
        if (o.kind == InputOutcome::Read) return {};
    if (outcomes.empty()) return "no file given";
    if (outcomes.size() == 1) return skipped_line(outcomes[0]);
    return "none of the " + std::to_string(outcomes.size()) + " files could be scored";
}

}  // namespace clout
