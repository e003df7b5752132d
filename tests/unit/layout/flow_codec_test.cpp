#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <string>

#include "layout/dump.hpp"
#include "layout/flow.hpp"
#include "layout/flow_codec.hpp"
#include "layout/layout_pack.hpp"
#include "layout/paginate.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// A post with a bit of everything a galley holds: a heading, a list, a
// table (its header repeats), a footnote, a link, and Korean (a fallback
// font).
Post rich_post(const std::string& slug, int seed) {
    Table t;
    t.aligns = {Align::left, Align::right};
    t.header.cells = {{txt("Camp"), {}}, {txt("Detainees"), {}}};
    for (int i = 0; i < 3; ++i) t.rows.push_back({{{txt("Camp " + std::to_string(i)), {}}, {txt("120"), {}}}});
    Inlines linked{text("See "), make_inline(Link{"https://example.org", "", txt("the report")}), note_ref(1),
                   text(" and "), make_inline(Span{"ko", "", txt("북한 인권")}), text(".")};
    return post(slug, "A post " + std::to_string(seed),
                {heading(2, "Findings", "findings"), para(words(120, seed)), para(std::move(linked)),
                 list(false, 1, {{para(words(12, seed + 1))}, {para(words(15, seed + 2))}}), make_block(std::move(t))},
                {note(1, words(20, seed + 3))});
}

PostFlow flow(const Post& p, int index) {
    auto r = flow_post(test_context(), Style{}, p, index);
    REQUIRE_MESSAGE(r.ok(), r.error());
    return std::move(r.value());
}

std::string pages_dump(PostFlow f) {
    PaginateInput in;
    in.pack_title = "Pack";
    in.post_titles = {"A", "B", "C", "D", "E", "F", "G", "H"};
    std::string out;
    int i = 0;
    for (const Page& page : paginate(test_context(), Style{}, std::move(f.galley), in)) out += dump_page(page, i++);
    return out;
}

// An in-memory FlowCache that counts what layout asks of it.
class MemoryCache : public FlowCache {
public:
    std::optional<std::string> find(std::size_t post) override {
        std::lock_guard lock(m_mutex);
        ++finds;
        auto it = kept.find(post);
        if (it == kept.end()) return std::nullopt;
        return it->second;
    }
    void reject(std::size_t post, const std::string&) override {
        std::lock_guard lock(m_mutex);
        rejected.push_back(post);
    }
    void keep(std::size_t post, std::string_view encoded) override {
        std::lock_guard lock(m_mutex);
        kept[post] = std::string(encoded);
        ++keeps;
    }
    std::map<std::size_t, std::string> kept;
    std::vector<std::size_t> rejected;
    int finds = 0, keeps = 0;

private:
    std::mutex m_mutex;
};

}  // namespace

TEST_CASE("a decoded galley is the flowed one bit for bit, with its fonts and the new post index") {
    const PostFlow original = flow(rich_post("p", 1), 0);
    const std::string bytes = encode_flow(original, "input");
    auto decoded = decode_flow(bytes, test_context(), 7, "input");
    REQUIRE_MESSAGE(decoded.ok(), decoded.error());
    CHECK(encode_flow(*decoded, "input") == bytes);
    CHECK(decoded->outline.size() == original.outline.size());
    REQUIRE(decoded->galley.chunks.size() == original.galley.chunks.size());
    REQUIRE(decoded->galley.notes.size() == 1);
    CHECK(!decoded->galley.table_headers.empty());
    bool korean = false;
    for (const Chunk& c : decoded->galley.chunks) {
        CHECK(c.post == 7);
        for (const Item& it : c.items)
            if (auto* g = std::get_if<GlyphRun>(&it)) {
                CHECK(g->font != nullptr);
                korean = korean || g->font_name.starts_with("Nanum");
            }
    }
    CHECK(korean);
    // The side note (kind label, date) beside the title comes back with its fonts.
    REQUIRE(!original.galley.chunks.empty());
    size_t margin = 0;
    for (size_t i = 0; i < original.galley.chunks.size(); ++i) {
        CHECK(decoded->galley.chunks[i].margin.size() == original.galley.chunks[i].margin.size());
        margin += decoded->galley.chunks[i].margin.size();
        for (const Item& it : decoded->galley.chunks[i].margin)
            if (auto* g = std::get_if<GlyphRun>(&it)) CHECK(g->font != nullptr);
    }
    CHECK(margin >= 2);
    // The pages cut from it are the pages cut from the original (at index 7).
    CHECK(pages_dump(std::move(*decoded)) == pages_dump(flow(rich_post("p", 1), 7)));
}

TEST_CASE("decoding never trusts damaged bytes: every truncation fails, flipped bytes never crash") {
    const std::string bytes = encode_flow(flow(post("s", "Short", {para("A short line.")}), 0), "input");
    REQUIRE(decode_flow(bytes, test_context(), 0, "input").ok());
    for (std::size_t n = 0; n < bytes.size(); ++n)
        CHECK_FALSE(decode_flow(bytes.substr(0, n), test_context(), 0, "input").ok());
    CHECK_FALSE(decode_flow(bytes + "x", test_context(), 0, "input").ok());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
        (void)decode_flow(damaged, test_context(), 0, "input");  // may decode (a flipped coordinate); must not crash
    }
}

TEST_CASE("a font name that no longer resolves exactly is a decoding error") {
    PostFlow f = flow(post("s", "Short", {para("A short line.")}), 0);
    for (Chunk& c : f.galley.chunks)
        for (Item& it : c.items)
            if (auto* g = std::get_if<GlyphRun>(&it)) g->font_name = "Nonexistent Sans 10.5";
    auto decoded = decode_flow(encode_flow(f, "input"), test_context(), 0, "input");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().find("Nonexistent Sans") != std::string::npos);
}

namespace {

// A galley of one chunk drawing each of `paths`.
PostFlow images(const std::vector<std::string>& paths) {
    PostFlow f;
    Chunk& c = f.galley.chunks.emplace_back();
    for (const std::string& path : paths) c.items.push_back(ImageItem{path, 10, 20, 30, 40, "a map"});
    return f;
}

std::vector<std::string> image_paths(const PostFlow& f) {
    std::vector<std::string> out;
    for (const Chunk& c : f.galley.chunks)
        for (const Item& it : c.items)
            if (auto* image = std::get_if<ImageItem>(&it)) out.push_back(image->path);
    return out;
}

}  // namespace

TEST_CASE("image paths are kept relative to the post's folder, so a galley survives the folder's name and place") {
    // The same post built as `--input corpus` and `--input /home/me/corpus/`:
    // one encoding, so one cache entry serves both.
    const std::string relative = encode_flow(images({"corpus/images/map.png", "corpus/./a/../b.png"}), "corpus");
    CHECK(encode_flow(images({"/home/me/corpus/images/map.png", "/home/me/corpus/./a/../b.png"}), "/home/me/corpus/") ==
          relative);
    auto moved = decode_flow(relative, test_context(), 0, "/srv/moved/corpus");
    REQUIRE_MESSAGE(moved.ok(), moved.error());
    CHECK(image_paths(*moved) == std::vector<std::string>{"/srv/moved/corpus/images/map.png",
                                                          "/srv/moved/corpus/./a/../b.png"});
    // Decoded where it was encoded, it is the galley that was encoded.
    auto same = decode_flow(relative, test_context(), 0, "corpus");
    REQUIRE(same.ok());
    CHECK(image_paths(*same) == std::vector<std::string>{"corpus/images/map.png", "corpus/./a/../b.png"});

    // A post in the current folder: its image paths are relative already.
    auto here = decode_flow(encode_flow(images({"images/map.png"}), ""), test_context(), 0, "elsewhere");
    REQUIRE(here.ok());
    CHECK(image_paths(*here) == std::vector<std::string>{"elsewhere/images/map.png"});

    // A path outside the folder (a name that merely begins like it, an
    // absolute path) is kept as it is.
    const std::vector<std::string> outside{"corpus-old/map.png", "/usr/share/folio/logo.png"};
    auto kept = decode_flow(encode_flow(images(outside), "corpus"), test_context(), 0, "/srv/moved/corpus");
    REQUIRE(kept.ok());
    CHECK(image_paths(*kept) == outside);
    auto kept_here = decode_flow(encode_flow(images({"/usr/share/folio/logo.png"}), ""), test_context(), 0, "x");
    REQUIRE(kept_here.ok());
    CHECK(image_paths(*kept_here) == std::vector<std::string>{"/usr/share/folio/logo.png"});
}

TEST_CASE("layout with a flow cache: the second run finds every post and sets the same pages") {
    Pack p = pack({rich_post("a", 1), rich_post("b", 2), rich_post("c", 3)});
    MemoryCache cache;
    LayoutOptions o;
    o.resources = test_resources();
    o.threads = 2;
    o.cache = &cache;
    auto cold = layout_pack(p, Style{}, o);
    REQUIRE(cold.ok());
    CHECK(cache.keeps == 3);
    auto warm = layout_pack(p, Style{}, o);
    REQUIRE(warm.ok());
    CHECK(cache.keeps == 3);  // nothing flowed again
    CHECK(dump_layout(*warm) == dump_layout(*cold));

    // A kept entry that does not decode is rejected and the post flowed again.
    cache.kept[1] = "garbage";
    auto again = layout_pack(p, Style{}, o);
    REQUIRE(again.ok());
    CHECK(cache.rejected == std::vector<std::size_t>{1});
    CHECK(cache.keeps == 4);
    CHECK(dump_layout(*again) == dump_layout(*cold));
}

namespace {

std::size_t glyph_count(const PostFlow& f) {
    std::size_t n = 0;
    auto count = [&](const std::vector<Chunk>& chunks) {
        for (const Chunk& c : chunks)
            for (const Item& it : c.items)
                if (auto* g = std::get_if<GlyphRun>(&it)) n += g->glyphs.size();
    };
    count(f.galley.chunks);
    for (const NoteBody& note : f.galley.notes) count(note.lines);
    count(f.galley.table_headers);
    return n;
}

GlyphRun* first_run(PostFlow& f) {
    for (Chunk& c : f.galley.chunks)
        for (Item& it : c.items)
            if (auto* g = std::get_if<GlyphRun>(&it)) return g;
    return nullptr;
}

template <typename T>
auto bits(T v) {
    if constexpr (sizeof(T) == 8) return std::bit_cast<std::uint64_t>(v);
    else return std::bit_cast<std::uint32_t>(v);
}

}  // namespace

TEST_CASE("the encoding is compact: a few bytes a glyph, not the twenty of fixed-width fields") {
    const PostFlow f = flow(rich_post("p", 3), 0);
    const std::string bytes = encode_flow(f, "input");
    const std::size_t glyphs = glyph_count(f);
    REQUIRE(glyphs > 500);
    // Measured on the benchmark corpus: about 7 bytes a glyph, its text
    // included (format 1: about 25).
    CHECK(static_cast<double>(bytes.size()) / static_cast<double>(glyphs) < 8.0);
}

TEST_CASE("numbers no fixed-point or baseline shortcut fits come back bit for bit") {
    PostFlow f = flow(post("s", "Short", {para("A short line of text, then some more.")}), 0);
    GlyphRun* run = first_run(f);
    REQUIRE(run != nullptr);
    REQUIRE(run->glyphs.size() >= 4);
    run->x = -0.0;
    run->y = 1.0 / 3.0;
    run->width = std::numeric_limits<double>::quiet_NaN();
    run->size = 1e300;
    run->color = {0.1, -2.5, 5e-324};
    run->glyphs[0] = {70000, -3.25f, 0.5f};
    run->glyphs[1] = {0, std::numeric_limits<float>::max(), -0.0f};
    run->glyphs[2] = {UINT32_MAX, std::numeric_limits<float>::denorm_min(), 1e-30f};
    run->glyphs[3] = {7, -std::numeric_limits<float>::infinity(), 2.0f};
    run->clusters = {{2, 1}, {1, 1}, {1, 1}, {0, 2}, {3, 0}, {1, 1}};
    const std::string bytes = encode_flow(f, "input");
    auto decoded = decode_flow(bytes, test_context(), 0, "input");
    REQUIRE_MESSAGE(decoded.ok(), decoded.error());
    CHECK(encode_flow(*decoded, "input") == bytes);
    const GlyphRun* back = first_run(*decoded);
    REQUIRE(back != nullptr);
    CHECK(bits(back->x) == bits(-0.0));
    CHECK(bits(back->y) == bits(1.0 / 3.0));
    CHECK(std::isnan(back->width));
    CHECK(bits(back->size) == bits(1e300));
    CHECK(bits(back->color.b) == bits(5e-324));
    REQUIRE(back->glyphs.size() == run->glyphs.size());
    for (std::size_t i = 0; i < run->glyphs.size(); ++i) {
        CHECK(back->glyphs[i].index == run->glyphs[i].index);
        CHECK(bits(back->glyphs[i].x) == bits(run->glyphs[i].x));
        CHECK(bits(back->glyphs[i].y) == bits(run->glyphs[i].y));
    }
    REQUIRE(back->clusters.size() == run->clusters.size());
    for (std::size_t i = 0; i < run->clusters.size(); ++i) {
        CHECK(back->clusters[i].bytes == run->clusters[i].bytes);
        CHECK(back->clusters[i].glyphs == run->clusters[i].glyphs);
    }
}

TEST_CASE("a run claiming more text clusters than its text and glyphs could hold does not decode") {
    PostFlow f = flow(post("s", "Short", {para("Tiny.")}), 0);
    GlyphRun* run = first_run(f);
    REQUIRE(run != nullptr);
    // Each cluster has a byte or a glyph, so a run has at most text + glyphs
    // of them: one more is damage (and a flipped repeat count must not
    // allocate millions).
    run->clusters.assign(run->text.size() + run->glyphs.size() + 1, TextCluster{1, 0});
    CHECK_FALSE(decode_flow(encode_flow(f, "input"), test_context(), 0, "input").ok());
    run->clusters.assign(run->text.size() + run->glyphs.size(), TextCluster{1, 0});
    CHECK(decode_flow(encode_flow(f, "input"), test_context(), 0, "input").ok());
}
