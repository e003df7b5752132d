// A post's file name: the `YYYY-MM-DD-` prefix folio's posts are named with.
#include <doctest/doctest.h>

#include "read/post_slug.hpp"

using namespace folio;

namespace {

struct NameCheck {
    std::string message, hint;
    bool warned = false;
};

// Where the front matter's `date` value is, for a check that points at it.
constexpr SourcePos date_pos{3, 7};

NameCheck check_name(const std::string& path, Date date = {2023, 10, 21}, std::uint32_t line = 0) {
    Diagnostics diags;
    read::check_post_file_name(path, date, date.year > 0 ? date_pos : SourcePos{}, diags);
    NameCheck out;
    REQUIRE(diags.items().size() <= 1);
    if (diags.empty()) return out;
    const Diagnostic& d = diags.items()[0];
    CHECK(d.severity == Severity::warning);
    CHECK(d.file == path);
    CHECK(d.pos.line == line);  // 0: the file as a whole
    return {d.message, d.hint, true};
}

}  // namespace

TEST_CASE("a post file named with its date passes the name check") {
    CHECK_FALSE(check_name("input/2023-10-21-letter.md").warned);
    // A post whose date was refused has its own error, and no second one here.
    CHECK_FALSE(check_name("input/2023-10-20-letter.md", Date{}).warned);
}

TEST_CASE("a file name's date that differs from the front matter's is a warning at the date naming both") {
    // It passed silently: the post sat out of date order in input/, and one of
    // the two dates is likely a typo (2023-10-21 for 2023-10-12).
    const NameCheck c = check_name("input/2023-10-21-letter.md", {2023, 10, 12}, date_pos.line);
    CHECK(c.message == "the post's date 2023-10-12 is not the date its file name begins with (2023-10-21-letter.md)");
    CHECK(c.hint ==
          "correct whichever is a slip: if 2023-10-12 is right, rename the file 2023-10-12-letter.md; if 2023-10-21 "
          "is, change 'date' (the post is printed and sorted by 'date', and the name keeps the input folder in date "
          "order)");
    CHECK(check_name("input/2023-10-20-letter.md", {2023, 10, 21}, date_pos.line).warned);
}

TEST_CASE("a post file without a date prefix is a warning naming the file to rename it to") {
    const NameCheck c = check_name("input/letter.md");
    CHECK(c.message == "file name 'letter.md' does not begin with the post's date");
    CHECK(c.hint ==
          "rename it 2023-10-21-letter.md: posts are named YYYY-MM-DD-slug.md, which keeps the input folder in date "
          "order");
    // A date written another way is not kept in the suggested name.
    CHECK(check_name("input/2023-1-21-letter.md").hint.starts_with("rename it 2023-10-21-letter.md:"));
    CHECK(check_name("input/21-10-2023-letter.md").hint.starts_with("rename it 2023-10-21-letter.md:"));
    CHECK(check_name("input/10-things.md").hint.starts_with("rename it 2023-10-21-10-things.md:"));
    // A post whose date was refused (its own error) gets the form.
    CHECK(check_name("input/letter.md", Date{}).hint.starts_with("rename it YYYY-MM-DD-letter.md:"));
}

TEST_CASE("a post file whose date prefix does not exist is a warning") {
    const NameCheck c = check_name("input/2023-02-31-letter.md");
    CHECK(c.message == "file name '2023-02-31-letter.md' begins with a date that does not exist");
    CHECK(c.hint.starts_with("rename it 2023-10-21-letter.md (the post's date): "));
}

TEST_CASE("a post file named with its date alone is a warning asking for a slug") {
    // The name does begin with a date: the slug after it is what is missing
    // (the post's slug would be the date).
    const NameCheck c = check_name("input/2017-02-06.md");
    CHECK(c.message == "file name '2017-02-06.md' has no slug after its date");
    CHECK(c.hint.starts_with("rename it 2017-02-06-SLUG.md, SLUG a few words of its title"));
    CHECK(check_name("input/2017-02-06-.md").message == "file name '2017-02-06-.md' has no slug after its date");
    // A date that does not exist: the post's date instead.
    CHECK(check_name("input/2017-02-31.md").hint.starts_with("rename it 2023-10-21-SLUG.md"));
}
