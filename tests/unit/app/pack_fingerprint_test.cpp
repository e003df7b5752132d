// The pack fingerprint (app/pack_fingerprint.hpp): stable for the same
// ingredients, different when any one of them changes, and the part that
// changed is named.
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "app/pack_fingerprint.hpp"

using namespace folio;

namespace {

PackIngredients ingredients() {
    PackIngredients in;
    in.folio_build = "0.1.0+abc";
    in.libraries = "libcairo.so.2 aa\nlibpango-1.0.so.0 bb\n";
    in.resources = {sha256("fonts"), sha256("patterns"), sha256("locales"), sha256("epub.css"), sha256("icc")};
    in.source_date_epoch = 1700000000;
    in.edition = Date{2023, 10, 21};
    in.pack_id = "refugees";
    in.outputs = {{"pdf", "out/refugees.pdf"}, {"epub", "out/refugees.epub"}};
    in.config_sha256 = "c0";
    in.style_sha256 = "51";
    in.citation_sha256 = {"styles/folio-uk-notes.csl aa", "styles/locales/locales-en-GB.xml bb"};
    in.references_sha256 = "ef";
    in.logo_sha256 = "10";
    for (const char* name : {"a.md", "b.md"}) {
        PostIngredient p;
        p.name = name;
        p.source_sha256 = std::string("hex of ") + name;
        p.layout_key = sha256(name);
        p.images = {sha256(std::string("image in ") + name)};
        in.posts.push_back(p);
    }
    return in;
}

struct Change {
    const char* what;
    const char* part;
    std::function<void(PackIngredients&)> apply;
};

}  // namespace

TEST_CASE("a pack fingerprint is the same for the same ingredients") {
    const PackFingerprint a = pack_fingerprint(ingredients());
    const PackFingerprint b = pack_fingerprint(ingredients());
    CHECK(a.hex == b.hex);
    CHECK(a.hex.size() == 64);
    CHECK(a.parts == b.parts);
    CHECK(changed_parts(a, b.parts).empty());
}

TEST_CASE("a pack fingerprint changes with each of its ingredients, and names the part") {
    const PackFingerprint base = pack_fingerprint(ingredients());
    const std::vector<Change> changes = {
        {"folio's build", "folio", [](PackIngredients& in) { in.folio_build = "0.1.0+abd"; }},
        {"a shared library", "folio", [](PackIngredients& in) { in.libraries = "libcairo.so.2 ab\nlibpango-1.0.so.0 bb\n"; }},
        {"a shipped file", "folio", [](PackIngredients& in) { in.resources[3] = sha256("epub.css, edited"); }},
        {"SOURCE_DATE_EPOCH", "options", [](PackIngredients& in) { in.source_date_epoch = 1700000001; }},
        {"SOURCE_DATE_EPOCH unset", "options", [](PackIngredients& in) { in.source_date_epoch.reset(); }},
        {"SOURCE_DATE_EPOCH 0", "options", [](PackIngredients& in) { in.source_date_epoch = 0; }},
        {"the edition date", "options", [](PackIngredients& in) { in.edition.day = 22; }},
        {"--archive", "options", [](PackIngredients& in) { in.archive_option = true; }},
        {"the pack id", "pack", [](PackIngredients& in) { in.pack_id = "refugee"; }},
        {"an output's path", "pack", [](PackIngredients& in) { in.outputs[0].second = "out/r.pdf"; }},
        {"an output's format", "pack", [](PackIngredients& in) { in.outputs[0].first = "pdf-archive"; }},
        {"an output more", "pack", [](PackIngredients& in) { in.outputs.emplace_back("pdf-archive", "out/a.pdf"); }},
        {"folio.toml", "pack", [](PackIngredients& in) { in.config_sha256 = "c1"; }},
        {"the style file", "style", [](PackIngredients& in) { in.style_sha256 = "52"; }},
        {"a CSL file", "citations", [](PackIngredients& in) { in.citation_sha256[1] = "styles/locales/locales-en-GB.xml bc"; }},
        {"references.json", "citations", [](PackIngredients& in) { in.references_sha256 = "ee"; }},
        {"references.json removed", "citations", [](PackIngredients& in) { in.references_sha256.clear(); }},
        {"the logo", "logo", [](PackIngredients& in) { in.logo_sha256 = "11"; }},
        {"a post's bytes", "posts", [](PackIngredients& in) { in.posts[1].source_sha256 = "other"; }},
        {"a post's layout key", "posts", [](PackIngredients& in) { in.posts[0].layout_key = sha256("x"); }},
        {"a post's image", "posts", [](PackIngredients& in) { in.posts[0].images[0] = sha256("another image"); }},
        {"a post's name", "posts", [](PackIngredients& in) { in.posts[0].name = "c.md"; }},
        {"the posts' order", "posts", [](PackIngredients& in) { std::swap(in.posts[0], in.posts[1]); }},
        {"a post more", "posts", [](PackIngredients& in) { in.posts.push_back(in.posts[0]); }},
        {"a post less", "posts", [](PackIngredients& in) { in.posts.pop_back(); }},
    };
    std::set<std::string> seen{base.hex};
    for (const Change& c : changes) {
        CAPTURE(c.what);
        PackIngredients in = ingredients();
        c.apply(in);
        const PackFingerprint changed = pack_fingerprint(in);
        CHECK(changed.hex != base.hex);
        CHECK(changed_parts(changed, base.parts) == std::vector<std::string>{c.part});
        seen.insert(changed.hex);
    }
    CHECK(seen.size() == changes.size() + 1);  // no two changes collide
}

TEST_CASE("fields cannot run into each other: moving bytes between two strings changes the fingerprint") {
    PackIngredients a = ingredients();
    PackIngredients b = ingredients();
    a.outputs = {{"pdf", "out/x.pdf"}};
    b.outputs = {{"pdfo", "ut/x.pdf"}};
    CHECK(pack_fingerprint(a).hex != pack_fingerprint(b).hex);
}

TEST_CASE("changed_parts counts a part the previous build did not record as changed") {
    const PackFingerprint now = pack_fingerprint(ingredients());
    auto before = now.parts;
    before.erase(before.begin());  // no "folio"
    CHECK(changed_parts(now, before) == std::vector<std::string>{"folio"});
    CHECK(changed_parts(now, {}).size() == now.parts.size());
}
