// The gzip + tar reader: formats of names and sizes, multi-member gzip, checkpoints
// (entries opened in any order), damaged and truncated archives.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

#include "io/container.h"
#include "mastodon_gen.h"
#include "tar_writer.h"
#include "util/error.h"
#include "temp_dir.h"

using namespace clout;
namespace fs = std::filesystem;

namespace {

using clout_test::TempDir;

std::string read_entry(Container& c, const std::string& name, ImportContext& ctx) {
    for (size_t i = 0; i < c.entries().size(); ++i)
        if (c.entries()[i].path == name) return c.read_all(i, ctx);
    FAIL("no entry " << name);
    return {};
}

std::string slurp(const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

void spit(const std::string& p, const std::string& s) {
    std::ofstream f(p, std::ios::binary);
    f << s;
}

}  // namespace

TEST_CASE("tar.gz: GNU, pax and ustar-prefix long names, top folder, directories") {
    TempDir d("tar-names");
    const std::string longdir = std::string(120, 'd');
    for (auto mode : {gen::LongNames::Gnu, gen::LongNames::Pax, gen::LongNames::UstarPrefix}) {
        std::string p = d / "a.tar.gz";
        {
            gen::TarWriter w(p, true, mode);
            w.add_directory("archive");
            w.add("archive/outbox.json", "{\"a\":1}");
            w.add("./archive/" + longdir + "/deep.json", "[1,2,3]");
            w.add("archive/._junk", "mac resource fork");
        }
        ImportContext ctx;
        auto c = open_input(p, ctx);
        CHECK(std::string(c->kind()) == "tar.gz");
        REQUIRE(c->entries().size() == 2);
        CHECK(c->entries()[0].path == "archive/outbox.json");
        CHECK(c->entries()[1].path == "archive/" + longdir + "/deep.json");
        CHECK(c->find_suffix("outbox.json") == 0);
        CHECK(read_entry(*c, "archive/" + longdir + "/deep.json", ctx) == "[1,2,3]");
        CHECK(read_entry(*c, "archive/outbox.json", ctx) == "{\"a\":1}");
    }
}

TEST_CASE("plain tar is read by random access") {
    TempDir d("tar-plain");
    std::string p = d / "a.tar";
    {
        gen::TarWriter w(p, false);
        w.add("x/actor.json", "{}");
        w.add("x/b.txt", std::string(1000, 'b'));
    }
    ImportContext ctx;
    auto c = open_input(p, ctx);
    CHECK(std::string(c->kind()) == "tar");
    REQUIRE(c->entries().size() == 2);
    CHECK(c->entries()[1].size == 1000);
    CHECK(read_entry(*c, "x/b.txt", ctx) == std::string(1000, 'b'));
}

TEST_CASE("tar.gz: multi-member gzip and entries reopened in any order match the originals") {
    TempDir d("tar-multi");
    std::string p = d / "m.tar.gz";
    std::mt19937_64 rng(3);
    std::vector<std::pair<std::string, std::string>> files;
    {
        gen::TarWriter w(p, true, gen::LongNames::Gnu, 1);
        for (int i = 0; i < 40; ++i) {
            std::string name = (i % 3 == 0 ? "media/f" : "data/f") + std::to_string(i) + (i % 3 == 0 ? ".jpg" : ".json");
            std::string body(static_cast<size_t>(rng() % 300000), '\0');
            for (auto& ch : body) ch = static_cast<char>(rng() % (i % 2 ? 256 : 4));
            files.emplace_back(name, body);
            w.add(name, body);
            if (i % 7 == 6) w.new_member();
        }
    }
    ImportContext ctx;
    auto c = open_input(p, ctx);
    REQUIRE(c->entries().size() == files.size());
    std::vector<size_t> order(files.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
        CHECK(c->entries()[i].path == files[i].first);
        CHECK(c->read_all(i, ctx) == files[i].second);
    }
}

TEST_CASE("tar.gz: trailing zero padding after the gzip stream is tolerated") {
    TempDir d("tar-pad");
    std::string p = d / "p.tar.gz";
    {
        gen::TarWriter w(p, true);
        w.add("outbox.json", "{}");
    }
    spit(p, slurp(p) + std::string(4096, '\0'));
    ImportContext ctx;
    auto c = open_input(p, ctx);
    REQUIRE(c->entries().size() == 1);
    CHECK(c->read_all(0, ctx) == "{}");
}

TEST_CASE("a gzip file that is not a tar is one entry") {
    TempDir d("tar-bare");
    // A .tar.gz whose tar layer is missing: deflate one file with the tar writer's zlib.
    std::string p = d / "outbox.json.gz";
    {
        gen::TarWriter w(d / "tmp.tar", false);
        w.add("x", "y");
    }
    // Build a gzip of plain text by hand through zlib.
    std::string text = "{\"orderedItems\":[]}";
    {
        z_stream z{};
        deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
        std::string out(1024, '\0');
        z.next_in = reinterpret_cast<Bytef*>(text.data());
        z.avail_in = static_cast<uInt>(text.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        deflate(&z, Z_FINISH);
        out.resize(out.size() - z.avail_out);
        deflateEnd(&z);
        spit(p, out);
    }
    ImportContext ctx;
    auto c = open_input(p, ctx);
    CHECK(std::string(c->kind()) == "gzip");
    REQUIRE(c->entries().size() == 1);
    CHECK(c->entries()[0].path == "outbox.json");
    CHECK(c->read_all(0, ctx) == text);
}

TEST_CASE("damaged and truncated tar.gz archives give clear errors") {
    TempDir d("tar-bad");
    std::string p = d / "a.tar.gz";
    {
        gen::TarWriter w(p, true, gen::LongNames::Gnu, 0);  // level 0: stored blocks, bytes stay in place
        w.add("outbox.json", std::string(5000, 'x'));
        w.add("media/big.jpg", std::string(200000, 'm'));
    }
    std::string good = slurp(p);

    SUBCASE("truncated inside an entry") {
        spit(p, good.substr(0, good.size() / 2));
        ImportContext ctx;
        try {
            open_input(p, ctx);
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(std::string(e.what()).find("truncated") != std::string::npos);
        }
    }
    SUBCASE("a damaged tar header checksum") {
        // With stored deflate blocks the tar header sits at a fixed offset after the gzip
        // header (10 bytes) and the stored-block header (5 bytes).
        std::string bad = good;
        bad[10 + 5 + 10] ^= 0x55;  // inside the name field of the first header
        spit(p, bad);
        ImportContext ctx;
        CHECK_THROWS_AS(open_input(p, ctx), InputError);
    }
    SUBCASE("damaged deflate data") {
        gen::TarWriter w(p, true, gen::LongNames::Gnu, 9);
        std::string body;
        for (int i = 0; i < 20000; ++i) body += std::to_string(i * 7919 % 1000) + ",";
        w.add("outbox.json", body);
        w.finish();
        std::string g = slurp(p);
        for (size_t i = 100; i < 140; ++i) g[i] = static_cast<char>(0xff);
        spit(p, g);
        ImportContext ctx;
        try {
            auto c = open_input(p, ctx);
            c->read_all(0, ctx);
            FAIL("no error");
        } catch (const InputError& e) {
            std::string m = e.what();
            CHECK((m.find("damaged") != std::string::npos || m.find("truncated") != std::string::npos));
        }
    }
    SUBCASE("a tar that is not a tar") {
        spit(p, std::string(2048, 'z'));
        ImportContext ctx;
        auto c = open_input(p, ctx);  // not gzip, no ustar magic: a loose file
        CHECK(std::string(c->kind()) == "file");
    }
}

TEST_CASE("tar.gz: a big media folder keeps memory flat and checkpoints few") {
    // 48 media files of 2 MB before the JSON (as older servers wrote them).
    TempDir d("tar-big");
    gen::MastodonSpec sp;
    sp.media_files = 48;
    sp.media_bytes = 2 << 20;
    sp.originals = 60;
    std::string p = d / "archive.tar.gz";
    gen::write_mastodon_archive(sp, p, gen::ArchiveKind::TarGz);
    ImportContext ctx;
    auto c = open_input(p, ctx);
    long outbox = c->find_suffix("outbox.json");
    REQUIRE(outbox >= 0);
    std::string text = c->read_all(static_cast<size_t>(outbox), ctx);
    CHECK(text.find("OrderedCollection") != std::string::npos);
    // ~100 MB inflated during the scan: counted against the export's total.
    CHECK(ctx.inflated_total > (96u << 20));
}

TEST_CASE("damaged tar.gz archives never crash: byte-flipped copies read or fail cleanly") {
    TempDir d("tar-fuzz");
    gen::MastodonSpec sp;
    sp.originals = 10;
    sp.media_files = 2;
    sp.media_bytes = 3000;
    std::string p = d / "a.tar.gz";
    gen::write_mastodon_archive(sp, p, gen::ArchiveKind::TarGz);
    std::string good = slurp(p);
    uint64_t x = 0x2545F4914F6CDD1Dull;
    auto rnd = [&]() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    int ok = 0, failed = 0;
    for (int round = 0; round < 150; ++round) {
        std::string bad = good;
        for (int k = 0; k < 3; ++k) bad[rnd() % bad.size()] = static_cast<char>(rnd());
        if (round % 4 == 0) bad.resize(rnd() % bad.size() + 1);
        spit(p, bad);
        try {
            ImportContext ctx;
            auto c = open_input(p, ctx);
            for (size_t i = 0; i < c->entries().size(); ++i) c->read_all(i, ctx);
            ++ok;
        } catch (const InputError&) {
            ++failed;
        }
    }
    CHECK(ok + failed == 150);
    CHECK(failed > 0);
}
