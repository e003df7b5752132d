// Hangul runs, name-based UUIDs, dates and ids.
#include <doctest/doctest.h>

#include "epub/book_resources.hpp"
#include "epub/hangul.hpp"
#include "epub/name_uuid.hpp"
#include "epub/xhtml_page.hpp"

using namespace folio::epub;

TEST_CASE("uuid v5 matches RFC 4122 implementations") {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    CHECK(uuid_v5(dns_namespace, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    CHECK(uuid_v5(url_namespace, "folio:a/collection") == uuid_v5(url_namespace, "folio:a/collection"));
    CHECK(uuid_v5(url_namespace, "folio:a/collection") != uuid_v5(url_namespace, "folio:a/pack"));
}

TEST_CASE("hangul runs: boundaries, spaces between words, round trip") {
    auto runs = split_hangul_runs("On 북한 인권 day, 통일.");
    REQUIRE(runs.size() == 5);
    CHECK(runs[0].text == "On ");
    CHECK(runs[1].text == "북한 인권");
    CHECK(runs[1].hangul);
    CHECK(runs[2].text == " day, ");
    CHECK(runs[3].text == "통일");
    CHECK(runs[4].text == ".");
    std::string joined;
    for (const auto& r : runs) joined += r.text;
    CHECK(joined == "On 북한 인권 day, 통일.");
    CHECK(split_hangul_runs("plain").size() == 1);
    CHECK(split_hangul_runs("").empty());
    CHECK(split_hangul_runs("\xff\xfe bad").size() == 1);
}

TEST_CASE("xml ids and human dates") {
    CHECK(xml_id("2017 visit") == "id-2017-visit");
    CHECK(xml_id("background") == "background");
    CHECK(xml_id("a/b\"c") == "a-b-c");
    CHECK(human_date(2017, 2, 6) == "6 February 2017");
    CHECK(human_date(2023, 12, 0) == "December 2023");
}

TEST_CASE("image media types are the EPUB 3.2 core image types only") {
    CHECK(folio::epub::image_media_type("map.PNG") == "image/png");
    CHECK(folio::epub::image_media_type("a.jpeg") == "image/jpeg");
    CHECK(folio::epub::image_media_type("a.jpg") == "image/jpeg");
    CHECK(folio::epub::image_media_type("a.svg") == "image/svg+xml");
    CHECK(folio::epub::image_media_type("a.webp").empty());  // needs a fallback before EPUB 3.3
    CHECK(folio::epub::image_media_type("noext").empty());
}
