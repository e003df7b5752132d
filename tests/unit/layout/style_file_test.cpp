// styles/*.toml: the shipped styles, and every kind of error at its line.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "layout/style_file.hpp"

namespace folio {

namespace {

const std::vector<std::string>& families() {
    static const std::vector<std::string> f = [] {
        auto r = font_families(std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts");
        if (!r) throw std::runtime_error(r.error());
        return r.value();
    }();
    return f;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Read {
    Style style;
    Diagnostics diags;
};

Read read(const std::string& text) {
    Read r;
    r.style = read_style("s.toml", text, families(), r.diags);
    return r;
}

// The only diagnostic, which must be an error (a copy: `r` is often a temporary).
Diagnostic only_error(const Read& r) {
    REQUIRE(r.diags.items().size() == 1);
    REQUIRE(r.diags.items()[0].severity == Severity::error);
    return r.diags.items()[0];
}

}  // namespace

TEST_CASE("font_families lists the families of fonts/") {
    const auto& f = families();
    for (const char* name : {"Noto Serif", "Noto Sans", "Noto Sans Mono", "NanumMyeongjo", "NanumGothic"})
        CHECK(std::find(f.begin(), f.end(), name) != f.end());
    CHECK(std::is_sorted(f.begin(), f.end()));
    CHECK_FALSE(font_families("/nonexistent"));
}

TEST_CASE("styles/house.toml is exactly the defaults and sets every key") {
    const std::string text = slurp(std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/house.toml");
    REQUIRE_FALSE(text.empty());
    auto r = read(text);
    CHECK(r.diags.empty());
    const Style d;
    const Style& s = r.style;
    CHECK(s.page_width == doctest::Approx(d.page_width));
    CHECK(s.page_height == doctest::Approx(d.page_height));
    CHECK(s.margin_inner == doctest::Approx(d.margin_inner));
    CHECK(s.margin_outer == doctest::Approx(d.margin_outer));
    CHECK(s.margin_top == doctest::Approx(d.margin_top));
    CHECK(s.margin_bottom == doctest::Approx(d.margin_bottom));
    CHECK(s.serif == d.serif);
    CHECK(s.sans == d.sans);
    CHECK(s.mono == d.mono);
    CHECK(s.body_size == d.body_size);
    CHECK(s.body_leading == d.body_leading);
    CHECK(s.note_rule_length == doctest::Approx(d.note_rule_length));
    CHECK(s.quote_indent == doctest::Approx(d.quote_indent));
    CHECK(s.ink == d.ink);
    CHECK(s.accent == d.accent);
    CHECK(s.accent2 == d.accent2);
    CHECK(s.grey == d.grey);
    CHECK(s.tint == d.tint);
    CHECK(s.cover_panel == d.cover_panel);
    // Every key the reader knows is written in the house file, so it
    // documents them all.
    for (const auto& key : style_keys()) {
        if (key == "page.width" || key == "page.height") continue;  // the house names its size instead
        const auto dot = key.find('.');
        const std::string table = "[" + key.substr(0, dot) + "]", name = "\n" + key.substr(dot + 1) + " =";
        const auto at = text.find(table);
        INFO(key);
        REQUIRE(at != std::string::npos);
        CHECK(text.find(name, at) != std::string::npos);
    }
}

TEST_CASE("styles/plain.toml reads cleanly and differs from the house") {
    auto r = read(slurp(std::string(FOLIO_TEST_SOURCE_DIR) + "/styles/plain.toml"));
    CHECK(r.diags.empty());
    CHECK(r.style.sans == "Noto Serif, NanumMyeongjo");
    CHECK(r.style.accent == rgb(0x000000));
    CHECK(r.style.margin_inner == doctest::Approx(r.style.margin_outer));
    CHECK_FALSE(r.style.cover_panel);
}

TEST_CASE("a style sets only what it names, the rest is the house") {
    auto r = read("[text]\nsize = 11\nleading = \"16pt\"\n[page]\nmargin_outer = \"2.5cm\"\nsize = \"Letter\"\n"
                  "[colours]\naccent = \"#abc\"\n[fonts]\nserif = \"noto serif, NanumMyeongjo\"\n");
    CHECK(r.diags.empty());
    CHECK(r.style.body_size == 11);
    CHECK(r.style.body_leading == 16);
    CHECK(r.style.margin_outer == doctest::Approx(25 * mm));
    CHECK(r.style.margin_inner == doctest::Approx(Style{}.margin_inner));
    CHECK(r.style.page_width == 612);
    CHECK(r.style.page_height == 792);
    CHECK(r.style.accent == rgb(0xaabbcc));
    CHECK(r.style.serif == "Noto Serif, NanumMyeongjo");  // the family's own spelling
    CHECK(r.style.h2_size == Style{}.h2_size);
}

TEST_CASE("a TOML syntax error is reported at its line") {
    const auto& d = only_error(read("[text]\nsize = 10\nleading = = 3\n"));
    CHECK(d.pos.line == 3);
    CHECK(d.file == "s.toml");
}

TEST_CASE("an unknown table or key is an error with a did-you-mean") {
    {
        const auto& d = only_error(read("[text]\nsize = 10\n\n[colors]\nink = \"#000000\"\n"));
        CHECK(d.pos.line == 4);
        CHECK(d.message.find("unknown table 'colors'") != std::string::npos);
        CHECK(d.hint == "did you mean 'colours'?");
    }
    {
        const auto& d = only_error(read("[text]\nsize = 10\nleadng = 14\n"));
        CHECK(d.pos.line == 3);
        CHECK(d.pos.column == 1);
        CHECK(d.message == "unknown key 'leadng' in [text]");
        CHECK(d.hint == "did you mean 'leading'?");
    }
    {
        const auto& d = only_error(read("text = 3\n"));
        CHECK(d.message == "'text' must be a table");
    }
}

TEST_CASE("a value of the wrong type is an error at the value") {
    const auto& d = only_error(read("[text]\njustify = \"yes\"\n"));
    CHECK(d.pos.line == 2);
    CHECK(d.pos.column == 11);
    CHECK(d.message == "'text.justify' must be true or false");
    CHECK(only_error(read("[text]\nwidows = 2.5\n")).message == "'text.widows' must be a whole number");
    CHECK(only_error(read("[fonts]\nserif = 3\n")).message.find("font family") != std::string::npos);
    CHECK(only_error(read("[colours]\nink = 0x000000\n")).message == "'colours.ink' must be a colour");
}

TEST_CASE("bad values: negative or zero sizes, bad lengths, bad colours, bad page sizes") {
    {
        const auto& d = only_error(read("[headings]\nh2_size = -3\n"));
        CHECK(d.pos.line == 2);
        CHECK(d.message == "'headings.h2_size' is -3 pt, outside 4 pt to 144 pt");
    }
    CHECK(only_error(read("[text]\nsize = 0\n")).pos.line == 2);
    CHECK(only_error(read("[page]\nmargin_top = \"-1mm\"\n")).message.find("outside") != std::string::npos);
    {
        const auto& d = only_error(read("[page]\n\nmargin_top = \"25 furlongs\"\n"));
        CHECK(d.pos.line == 3);
        CHECK(d.message == "'page.margin_top' must be a length");
    }
    {
        const auto& d = only_error(read("[colours]\naccent = \"#14365\"\n"));
        CHECK(d.pos.line == 2);
        CHECK(d.message == "'colours.accent' is not a colour: \"#14365\"");
    }
    CHECK_FALSE(read("[colours]\naccent = \"navy\"\n").diags.empty());
    CHECK_FALSE(read("[colours]\naccent = \"#14365g\"\n").diags.empty());
    CHECK(only_error(read("[page]\nsize = \"B5\"\n")).message == "unknown page size \"B5\"");
    CHECK(only_error(read("[text]\nwidows = 0\n")).message.find("outside 1 to 5") != std::string::npos);
}

TEST_CASE("a page size and a width or height are not both given") {
    const auto d = only_error(read("[page]\nsize = \"A4\"\nheight = \"250mm\"\n"));
    CHECK(d.pos.line == 3);
    CHECK(d.message == "page.size and page.height both set the page");
    CHECK(read("[page]\nwidth = \"200mm\"\nheight = \"250mm\"\n").diags.empty());
}

TEST_CASE("margins wider than the page are an error at the margin") {
    {
        const auto& d = only_error(read("[page]\nmargin_inner = \"100mm\"\nmargin_outer = \"90mm\"\n"));
        CHECK(d.pos.line == 3);
        CHECK(d.message == "the margins leave a text block 20 mm wide on a page 210 mm wide");
    }
    {
        // A smaller page makes the house margins too wide: blamed on the size.
        const auto& d = only_error(read("[page]\nwidth = \"100mm\"\n"));
        CHECK(d.pos.line == 2);
    }
    CHECK(only_error(read("[page]\nmargin_bottom = \"280mm\"\n")).message.find("mm tall") != std::string::npos);
}

TEST_CASE("a leading smaller than its size is an error") {
    const auto& d = only_error(read("[notes]\nsize = 12\n"));
    CHECK(d.pos.line == 2);
    CHECK(d.message == "'notes.leading' (11 pt) is less than 'notes.size' (12 pt): lines would overlap");
    CHECK(read("[notes]\nsize = 12\nleading = 15\n").diags.empty());
}

TEST_CASE("a font family missing from fonts/ is an error at its name") {
    {
        const auto& d = only_error(read("[fonts]\nserif = [\"Noto Serif\",\n  \"Noto Serf\"]\n"));
        CHECK(d.pos.line == 3);
        CHECK(d.pos.column == 3);
        CHECK(d.message == "font family 'Noto Serf' in 'fonts.serif' is not in fonts/");
        CHECK(d.hint.starts_with("did you mean 'Noto Serif'?"));
    }
    {
        const auto& d = only_error(read("[fonts]\nsans = \"Helvetica\"\n"));
        CHECK(d.pos.line == 2);
        CHECK(d.hint.find("known families: ") != std::string::npos);
        CHECK(d.hint.find("Noto Sans") != std::string::npos);
    }
}

TEST_CASE("every error of a file is reported in one read") {
    auto r = read("[text]\nsize = -1\n[colours]\nink = \"black\"\n[fonts]\nmono = \"Courier\"\n[pgae]\n");
    CHECK(r.diags.error_count() == 4);
}

}  // namespace folio
