#include <doctest/doctest.h>

#include "helpers.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

namespace {
Block heading(std::string s) { return make_block(Heading{2, {text(std::move(s))}, {}}); }
std::string id_of(const Post& p, std::size_t i) { return std::get<Heading>(p.doc.blocks[i].value).id; }
}  // namespace

TEST_CASE("heading ids are ASCII slugs, unique within the post") {
    Post p = post_with({heading("The BBC World Service"), heading("The BBC World Service"), heading("2014: a report"),
                        heading("조선일보"), heading("  Mixed -- case_Words ")});
    assign_heading_ids(p);
    CHECK(id_of(p, 0) == "the-bbc-world-service");
    CHECK(id_of(p, 1) == "the-bbc-world-service-2");
    CHECK(id_of(p, 2) == "section-2014-a-report");
    CHECK(id_of(p, 3) == "section");
    CHECK(id_of(p, 4) == "mixed-case-words");
}
