#include <doctest/doctest.h>

#include "app/packs.hpp"
#include "model/dump.hpp"

using namespace folio;

namespace {

Post post(std::string file, Date date, Kind kind, std::vector<std::string> tags) {
    Post p;
    p.path = "input/" + file;
    p.slug = file.substr(11, file.size() - 14);
    p.meta.title = p.slug;
    p.meta.date = date;
    p.meta.kind = kind;
    p.meta.tags = std::move(tags);
    return p;
}

Project project() {
    Project pr;
    pr.input_dir = "input";
    pr.config_path = "input/folio.toml";
    pr.site.name = "The Group";
    pr.posts = {post("2016-11-02-talk.md", {2016, 11, 2}, Kind::event, {"events"}),
                post("2017-02-06-actions.md", {2017, 2, 6}, Kind::opinion, {"refugees", "china"}),
                post("2023-05-04-reply.md", {2023, 5, 4}, Kind::letter, {"accountability"}),
                post("2023-10-21-letter.md", {2023, 10, 21}, Kind::letter, {"refugees"})};
    return pr;
}

std::vector<std::string> slugs(const Pack& p) {
    std::vector<std::string> out;
    for (const auto& post : p.posts) out.push_back(post.slug);
    return out;
}

PackSpec spec(std::string id) {
    PackSpec s;
    s.pack.id = std::move(id);
    s.pos = {3, 1};
    return s;
}

}  // namespace

TEST_CASE("without [[pack]] there is one pack of every post, newest first, with the default file names") {
    Diagnostics d;
    auto packs = assemble_packs(project(), d);
    REQUIRE(packs.size() == 1);
    CHECK(d.empty());
    CHECK(slugs(packs[0]) == std::vector<std::string>{"letter", "reply", "actions", "talk"});
    CHECK(packs[0].outputs.pdf_file == "briefing-pack.pdf");
    CHECK(packs[0].outputs.epub_file == "collection.epub");
    CHECK(packs[0].title == "The Group");
    CHECK(packs[0].edition == Date{2023, 10, 21});
}

TEST_CASE("criteria combine: any of the tags, any of the kinds, within the dates") {
    Project pr = project();
    PackSpec s = spec("refugee-letters");
    s.select.tags = {"refugees", "accountability"};
    s.select.kinds = {Kind::letter};
    s.select.from = Date{2023, 6, 1};
    s.order = PackOrder::oldest_first;
    pr.pack_specs = {s};
    Diagnostics d;
    auto packs = assemble_packs(pr, d);
    REQUIRE(packs.size() == 1);
    CHECK(slugs(packs[0]) == std::vector<std::string>{"letter"});
    CHECK(packs[0].edition == Date{2023, 10, 21});
}

TEST_CASE("as-listed keeps the order of files") {
    Project pr = project();
    PackSpec s = spec("picked");
    s.select.files = {"2023-05-04-reply.md", "2016-11-02-talk.md"};
    s.select.file_pos = {{4, 10}, {4, 33}};
    s.order = PackOrder::as_listed;
    pr.pack_specs = {s};
    Diagnostics d;
    auto packs = assemble_packs(pr, d);
    CHECK(slugs(packs.at(0)) == std::vector<std::string>{"reply", "talk"});
}

TEST_CASE("an empty selection and an unknown file are errors at the pack, an unknown tag a warning") {
    Project pr = project();
    PackSpec empty = spec("nothing");
    empty.select.tags = {"refugee"};
    PackSpec missing = spec("missing");
    missing.select.files = {"2023-10-21-leter.md"};
    missing.select.file_pos = {{9, 11}};
    pr.pack_specs = {empty, missing};
    Diagnostics d;
    auto packs = assemble_packs(pr, d);
    CHECK(packs.empty());
    d.sort();
    std::vector<std::string> got;
    for (const auto& item : d.items()) got.push_back(format_diagnostic(item));
    CHECK(got.size() == 4);
    CHECK(got[0] ==
          "input/folio.toml:3:1: warning: pack 'nothing' selects tag 'refugee', which no post has");
    CHECK(got[1].find("input/folio.toml:3:1: error: pack 'nothing' selects no posts") == 0);
    CHECK(got[3].find("input/folio.toml:9:11: error: pack 'missing' lists '2023-10-21-leter.md', which is not a post") == 0);
}

TEST_CASE("take_packs moves each post into the last pack that selects it and gives the others copies") {
    Project pr = project();
    pr.posts[1].doc.blocks.push_back(Block{Paragraph{{Inline{Text{"kept whole"}, {}}}}, {}});
    PackSpec refugees = spec("refugees");
    refugees.select.tags = {"refugees"};
    PackSpec letters = spec("letters");
    letters.select.kinds = {Kind::letter, Kind::opinion};
    PackSpec all = spec("all");
    pr.pack_specs = {refugees, letters, all};
    Diagnostics copied_diags, taken_diags;
    const std::vector<Pack> copied = assemble_packs(pr, copied_diags);
    const std::vector<Pack> taken = take_packs(pr, taken_diags);
    REQUIRE(taken.size() == copied.size());
    for (std::size_t k = 0; k < taken.size(); ++k) {
        REQUIRE(taken[k].posts.size() == copied[k].posts.size());
        for (std::size_t i = 0; i < taken[k].posts.size(); ++i)
            CHECK(dump_post(taken[k].posts[i]) == dump_post(copied[k].posts[i]));
    }
    CHECK(slugs(taken[2]) == std::vector<std::string>{"letter", "reply", "actions", "talk"});
    CHECK(pr.posts.size() == 4);  // the project keeps its count of posts
    CHECK(pr.posts[1].doc.blocks.empty());  // "actions" went to its last pack, not copied
}

TEST_CASE("take_packs without [[pack]]: the one pack takes every post") {
    Project pr = project();
    Diagnostics d;
    auto packs = take_packs(pr, d);
    REQUIRE(packs.size() == 1);
    CHECK(slugs(packs[0]) == std::vector<std::string>{"letter", "reply", "actions", "talk"});
    CHECK(pr.posts.size() == 4);
    CHECK(pr.posts[0].slug.empty());
}
