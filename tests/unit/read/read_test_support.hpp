#pragma once
// Helpers shared by the reader tests: read a post from a string and get its
// diagnostics as `line:col: severity: message` lines (no file, no hint), or
// the model dump of a body.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/dump.hpp"
#include "model/post.hpp"
#include "read/read_post.hpp"

// So that a failed comparison of message lists shows the messages.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& lines) {
        std::string out = "{";
        for (const auto& l : lines) out += "\n  \"" + l + "\"";
        out += "}";
        return out.c_str();
    }
};

template <>
struct doctest::StringMaker<folio::SourcePos> {
    static doctest::String convert(const folio::SourcePos& pos) {
        return (std::to_string(pos.line) + ":" + std::to_string(pos.column)).c_str();
    }
};

namespace folio::test {

inline std::string short_form(const Diagnostic& d) {
    return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " +
           (d.severity == Severity::error ? "error: " : "warning: ") + d.message;
}

inline std::vector<std::string> short_forms(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(short_form(d));
    return out;
}

struct ReadResult {
    std::optional<Post> post;
    Diagnostics diags;
    std::vector<std::string> messages() const { return short_forms(diags); }
};

inline ReadResult read_text(const std::string& text, const std::string& path = "input/2023-10-21-test-post.md") {
    ReadResult r;
    r.post = read_post(path, text, r.diags);
    r.diags.sort();
    return r;
}

// A valid front matter followed by `body`: the body starts on line 6.
inline std::string with_front_matter(const std::string& body) {
    return "---\ntitle: Test\ndate: 2023-10-21\nkind: article\n---\n" + body;
}

// The document dump of a body (the body starts on line 6); a post that does
// not read fails the test.
inline std::string dump_body(const std::string& body) {
    auto r = read_text(with_front_matter(body));
    REQUIRE(r.post);
    return dump_document(r.post->doc);
}

}  // namespace folio::test
