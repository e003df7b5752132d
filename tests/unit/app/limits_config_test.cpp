// folio.toml's [limits]: each key, sizes with units, and mistakes at their line.
#include <doctest/doctest.h>

#include "app/config.hpp"
#include "app/config_limits.hpp"

using namespace folio;

// So that a failed comparison of message lists shows the messages.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& lines) {
        std::string out = "{";
        for (const auto& l : lines) out += "\n  \"" + l + "\"";
        return (out + "}").c_str();
    }
};

namespace {

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.items())
        out.push_back(std::to_string(x.pos.line) + ":" + std::to_string(x.pos.column) + ": " + x.message +
                      (x.hint.empty() ? "" : " | " + x.hint));
    return out;
}

}  // namespace

TEST_CASE("without [limits] the defaults hold") {
    Diagnostics d;
    const Config c = read_config("folio.toml", "[site]\nname = \"x\"\n", d);
    CHECK(d.empty());
    const Limits defaults;
    CHECK(c.limits.post_size == defaults.post_size);
    CHECK(c.limits.nesting_depth == 64);
    CHECK(c.limits.post_size == 1024 * 1024);
}

TEST_CASE("every [limits] key sets its limit") {
    Diagnostics d;
    const Config c = read_config("folio.toml",
                                 "[limits]\n"
                                 "post_size = \"8 MiB\"\n"
                                 "bibliography_size = 50000000\n"
                                 "bibliography_entries = 100\n"
                                 "names_per_entry = 20000\n"
                                 "nesting_depth = 10\n"
                                 "footnotes = 5\n"
                                 "table_columns = 12\n"
                                 "image_side = 20000\n"
                                 "image_pixels = 100000000\n",
                                 d);
    CHECK(messages(d) == std::vector<std::string>{});
    CHECK(c.limits.post_size == 8u << 20);
    CHECK(c.limits.bibliography_size == 50'000'000);
    CHECK(c.limits.bibliography_entries == 100);
    CHECK(c.limits.names_per_entry == 20'000);
    CHECK(c.limits.nesting_depth == 10);
    CHECK(c.limits.footnotes == 5);
    CHECK(c.limits.table_columns == 12);
    CHECK(c.limits.image_side == 20'000);
    CHECK(c.limits.image_pixels == 100'000'000);
}

TEST_CASE("bad [limits] values are errors at the value, unknown keys get a did-you-mean") {
    Diagnostics d;
    const Config c = read_config("folio.toml",
                                 "[limits]\n"
                                 "post_size = \"a lot\"\n"
                                 "footnotes = 0\n"
                                 "nesting_depth = 100000\n"
                                 "table_columns = \"12\"\n"
                                 "image_pixel = 5\n"
                                 "names_per_entry = -3\n",
                                 d);
    d.sort();  // toml++ visits keys in name order
    CHECK(messages(d) == std::vector<std::string>{
                             "2:13: 'post_size' in [limits] must be a size, in bytes or with a unit | for example "
                             "post_size = \"4 MiB\" (units: KiB, MiB, GiB, KB, MB, GB)",
                             "3:13: 'footnotes' in [limits] must be at least 1 | remove the key to keep the default",
                             "4:17: 'nesting_depth' in [limits] can be at most 256 | each level is a stack frame in "
                             "the reader and the layout; folio refuses larger input rather than crash on it",
                             "5:17: 'table_columns' in [limits] must be a whole number | for example table_columns = 400",
                             "6:1: unknown key 'image_pixel' in [limits] | did you mean 'image_pixels'?",
                             "7:19: 'names_per_entry' in [limits] must be a whole number | for example "
                             "names_per_entry = 2000",
                         });
    CHECK(d.error_count() == 5);
    CHECK(c.limits.footnotes == Limits{}.footnotes);  // a bad value keeps the default
    CHECK(c.limits.nesting_depth == Limits{}.nesting_depth);
}

TEST_CASE("[limits] sizes read as --cache-size does: 2G, 1.5 MiB, 512m") {
    Diagnostics d;
    const Config c = read_config("folio.toml",
                                 "[limits]\n"
                                 "post_size = \"1.5 MiB\"\n"
                                 "bibliography_size = \"512m\"\n",
                                 d);
    CHECK(messages(d) == std::vector<std::string>{});
    CHECK(c.limits.post_size == 3u << 19);
    CHECK(c.limits.bibliography_size == 512u << 20);
}

TEST_CASE("[limits] must be a table") {
    Diagnostics d;
    read_config("folio.toml", "limits = 5\n", d);
    CHECK(messages(d) == std::vector<std::string>{"1:10: 'limits' must be a table | write [limits] on its own line"});
}
