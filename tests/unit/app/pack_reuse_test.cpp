// Reading the previous build.json and deciding whether a pack's outputs can
// be left alone (app/pack_reuse.hpp): only a readable report of this format
// whose records match the pack's outputs, fingerprint and files.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/build_report.hpp"
#include "app/pack_reuse.hpp"
#include "app_test_support.hpp"
#include "model/digest.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {

PackFingerprint fingerprint(const std::string& posts = "p0") {
    PackFingerprint f;
    f.parts = {{"folio", "f0"}, {"options", "o0"}, {"posts", posts}};
    f.hex = to_hex(sha256("fp:" + posts));
    return f;
}

OutputRecord record(const fs::path& file, const std::string& pack, const std::string& format, const std::string& bytes,
                    const PackFingerprint& fp) {
    OutputRecord r;
    r.path = file.string();
    r.pack = pack;
    r.format = format;
    r.bytes = bytes.size();
    r.sha256 = to_hex(sha256(bytes));
    r.pages = format == "epub" ? 0 : 3;
    r.fingerprint = fp.hex;
    r.fingerprint_parts = fp.parts;
    return r;
}

// A folder with a pack "a" (PDF and EPUB) and a pack "b" (PDF), written and
// recorded in a report as folio writes it.
struct Previous {
    TempDir dir{"pack-reuse"};
    fs::path a_pdf = dir.path / "a.pdf", a_epub = dir.path / "a.epub", b_pdf = dir.path / "b.pdf";
    std::string json;
    Previous() {
        write_file(a_pdf, "%PDF a");
        write_file(a_epub, "PK epub a");
        write_file(b_pdf, "%PDF b");
        BuildReport report;
        report.outputs = {record(a_pdf, "a", "pdf", "%PDF a", fingerprint()),
                          record(b_pdf, "b", "pdf", "%PDF b", fingerprint()),
                          record(a_epub, "a", "epub", "PK epub a", fingerprint())};
        json = to_json(report);
    }
    std::vector<PlannedOutput> a() const { return {{a_pdf.string(), "pdf"}, {a_epub.string(), "epub"}}; }
};

}  // namespace

TEST_CASE("parse_previous_report reads back every output field build.json holds") {
    Previous p;
    const PreviousReport r = parse_previous_report(p.json);
    REQUIRE(r.why_not.empty());
    REQUIRE(r.outputs.size() == 3);
    CHECK(r.outputs[0].path == p.a_pdf.string());
    CHECK(r.outputs[0].pack == "a");
    CHECK(r.outputs[0].format == "pdf");
    CHECK(r.outputs[0].bytes == 6);
    CHECK(r.outputs[0].sha256 == to_hex(sha256("%PDF a")));
    CHECK(r.outputs[0].pages == 3);
    CHECK(r.outputs[0].fingerprint == fingerprint().hex);
    CHECK(r.outputs[0].fingerprint_parts == fingerprint().parts);
    CHECK(r.outputs[2].pages == 0);
}

TEST_CASE("a report that is garbage, truncated, of another format or with a bad record gives no reuse") {
    Previous p;
    const std::vector<std::string> bad = {
        "",
        "garbage",
        "\xff\xfe\x00\x01",
        "[]",
        "null",
        "{}",
        R"({"report_format": 1, "outputs": []})",
        R"({"report_format": "2", "outputs": []})",
        R"({"report_format": 2.5, "outputs": []})",
        R"({"report_format": 2, "outputs": {}})",
        R"({"report_format": 2, "outputs": [1]})",
        R"({"report_format": 2, "outputs": [{"path": "x"}]})",
        R"({"report_format": 2, "outputs": [{"path": "x", "pack": "a", "format": "pdf", "bytes": -1, "sha256": "00",
            "fingerprint": "ff", "fingerprint_parts": {}}]})",
        R"({"report_format": 2, "outputs": [{"path": "x", "pack": "a", "format": "pdf", "bytes": 1, "sha256": "00",
            "fingerprint": "ff", "fingerprint_parts": {"posts": 1}}]})",
        R"({"report_format": 2, "outputs": [{"path": "x", "pack": "a", "format": "pdf", "bytes": 1, "sha256": "00",
            "fingerprint": "ff", "fingerprint_parts": {}, "pages": "3"}]})",
        R"({"report_format": 2, "outputs": [{"path": "x", "pack": "a", "format": "pdf", "bytes": 1, "sha256": "",
            "fingerprint": "ff", "fingerprint_parts": {}}]})",
        R"({"report_format": 2, "outputs": [{"path": "x", "pack": "a", "format": "pdf", "bytes": 1, "sha256": "00",
            "fingerprint": "ff", "fingerprint_parts": {}, "warnings": "w"}]})",
        R"({"report_format": 2, "outputs": [{"path": "x", "pack": "a", "format": "pdf", "bytes": 1, "sha256": "00",
            "fingerprint": "ff", "fingerprint_parts": {}, "warnings": [1]}]})",
    };
    for (const std::string& text : bad) {
        CAPTURE(text);
        const PreviousReport r = parse_previous_report(text);
        CHECK(!r.why_not.empty());
        CHECK(r.outputs.empty());
        CHECK(!check_reuse(r, "a", p.a(), fingerprint()).reuse);
    }
    // Every truncation of a real report (but the one that drops only the
    // final newline) is refused, never a crash.
    for (std::size_t n = 0; n + 1 < p.json.size(); ++n) {
        const PreviousReport r = parse_previous_report(std::string_view(p.json).substr(0, n));
        if (!r.why_not.empty()) continue;
        FAIL("a report cut at " << n << " bytes was read");
    }
}

TEST_CASE("read_previous_report: no file is 'no previous report'") {
    TempDir dir("pack-reuse-none");
    CHECK(read_previous_report(dir.path / "build.json").why_not == "no previous report");
    write_file(dir.path / "build.json", "{");
    CHECK(!read_previous_report(dir.path / "build.json").why_not.empty());
}

TEST_CASE("a pack is reused when its records, fingerprint and files all match") {
    Previous p;
    const ReuseVerdict v = check_reuse(parse_previous_report(p.json), "a", p.a(), fingerprint());
    REQUIRE(v.reuse);
    REQUIRE(v.records.size() == 2);
    CHECK(v.records[0].path == p.a_pdf.string());
    CHECK(v.records[0].reused);
    CHECK(v.records[0].pages == 3);
    CHECK(v.records[1].format == "epub");
    CHECK(v.records[1].sha256 == to_hex(sha256("PK epub a")));
}

TEST_CASE("a pack is drawn when anything about it differs from the previous build") {
    Previous p;
    const PreviousReport previous = parse_previous_report(p.json);

    SUBCASE("fingerprint changed, and which part") {
        const ReuseVerdict v = check_reuse(previous, "a", p.a(), fingerprint("p1"));
        CHECK(!v.reuse);
        CHECK(v.records.empty());
        CHECK(v.why == "fingerprint changed (posts)");
    }
    SUBCASE("an output edited, even to the same size") {
        write_file(p.a_epub, "PK epub b");
        const ReuseVerdict v = check_reuse(previous, "a", p.a(), fingerprint());
        CHECK(!v.reuse);
        CHECK(v.why == p.a_epub.string() + " was changed since the last build");
    }
    SUBCASE("an output missing") {
        fs::remove(p.a_pdf);
        const ReuseVerdict v = check_reuse(previous, "a", p.a(), fingerprint());
        CHECK(!v.reuse);
        CHECK(v.why == p.a_pdf.string() + " is missing or unreadable");
    }
    SUBCASE("an output more or less than last time") {
        CHECK(!check_reuse(previous, "a", {{p.a_pdf.string(), "pdf"}}, fingerprint()).reuse);
        auto more = p.a();
        more.push_back({(p.dir.path / "a-archive.pdf").string(), "pdf-archive"});
        CHECK(!check_reuse(previous, "a", more, fingerprint()).reuse);
    }
    SUBCASE("an output at another path or in another format") {
        CHECK(!check_reuse(previous, "a", {{p.a_pdf.string(), "pdf-archive"}, {p.a_epub.string(), "epub"}}, fingerprint())
                   .reuse);
        CHECK(!check_reuse(previous, "a", {{(p.dir.path / "x.pdf").string(), "pdf"}, {p.a_epub.string(), "epub"}},
                           fingerprint())
                   .reuse);
    }
    SUBCASE("a pack the previous build did not have") {
        CHECK(!check_reuse(previous, "c", {{p.b_pdf.string(), "pdf"}}, fingerprint()).reuse);
    }
    SUBCASE("no previous report") {
        PreviousReport none;
        none.why_not = "no previous report";
        const ReuseVerdict v = check_reuse(none, "a", p.a(), fingerprint());
        CHECK(!v.reuse);
        CHECK(v.why == "no previous report");
    }
}

TEST_CASE("another pack's change does not stop a pack's reuse") {
    Previous p;
    write_file(p.b_pdf, "%PDF b, edited");
    CHECK(check_reuse(parse_previous_report(p.json), "a", p.a(), fingerprint()).reuse);
    CHECK(!check_reuse(parse_previous_report(p.json), "b", {{p.b_pdf.string(), "pdf"}}, fingerprint()).reuse);
}

TEST_CASE("an output's warnings are kept in build.json and said again, once, when it is reused") {
    Previous p;
    BuildReport report;
    report.outputs = {record(p.a_pdf, "a", "pdf", "%PDF a", fingerprint()),
                      record(p.a_epub, "a", "epub", "PK epub a", fingerprint())};
    report.outputs[1].warnings = {"in/x.md:7:1: warning: image 'a.jpg' has no alt text",
                                  "in/x.md:9:6: warning: raw HTML <font> removed, its text kept"};
    const PreviousReport read = parse_previous_report(to_json(report));
    REQUIRE(read.why_not.empty());
    CHECK(read.outputs[0].warnings.empty());
    CHECK(read.outputs[1].warnings == report.outputs[1].warnings);
    const ReuseVerdict v = check_reuse(read, "a", p.a(), fingerprint());
    REQUIRE(v.reuse);
    CHECK(v.records[1].warnings == report.outputs[1].warnings);

    // The same post in a second reused pack, and one warning this build
    // already said about a pack it drew: each is said once.
    OutputRecord other = v.records[1];
    other.warnings.push_back("in/y.md:1:1: warning: something else");
    const std::vector<std::string> again =
        warnings_to_repeat({&v.records[0], &v.records[1], &other}, {report.outputs[1].warnings[1]});
    CHECK(again == std::vector<std::string>{report.outputs[1].warnings[0], "in/y.md:1:1: warning: something else"});
}
