#include "read/footnote_scan.hpp"

#include <map>
#include <set>

#include "model/suggest.hpp"

namespace folio::read {

namespace {

// Where a line's own text starts: after its indentation and any block quote
// markers (`> > `). Fences and definitions inside list items and quotes count.
std::size_t content_start(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t' || line[i] == '>') ++i;
        else break;
    }
    return i;
}

// A fence line: three or more ` or ~ (indentation is not checked: a fence
// inside a nested list item is indented further than three spaces).
struct Fence {
    char ch = 0;
    std::size_t length = 0;
};

std::optional<Fence> fence_of(std::string_view line) {
    std::size_t i = content_start(line);
    if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return std::nullopt;
    const char ch = line[i];
    std::size_t n = 0;
    while (i + n < line.size() && line[i + n] == ch) ++n;
    if (n < 3) return std::nullopt;
    return Fence{ch, n};
}

// The label of `[^label]` starting at line[at]; npos-free: returns the end
// offset (one past ']') or 0 when there is no well-formed label.
std::size_t label_end(std::string_view line, std::size_t at) {
    if (line.compare(at, 2, "[^") != 0) return 0;
    std::size_t i = at + 2;
    while (i < line.size() && line[i] != ']' && line[i] != '[' && line[i] != ' ' && line[i] != '\t') ++i;
    if (i >= line.size() || line[i] != ']' || i == at + 2) return 0;
    return i + 1;
}

}  // namespace

std::string footnote_key(std::string_view label) {
    std::string key;
    bool space = false;
    for (char c : label) {
        if (c == ' ' || c == '\t' || c == '\n') {
            space = !key.empty();
            continue;
        }
        if (space) key += ' ';
        space = false;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

FootnoteScan scan_footnotes(const SourceText& src, std::uint32_t first_line) {
    FootnoteScan scan;
    std::optional<Fence> open_fence;
    for (std::size_t n = first_line; n <= src.line_count(); ++n) {
        const std::string_view line = src.line(n);
        if (auto fence = fence_of(line)) {
            if (!open_fence) {
                open_fence = fence;
                continue;
            }
            if (fence->ch == open_fence->ch && fence->length >= open_fence->length &&
                line.find_first_not_of(" \t", content_start(line) + fence->length) == std::string_view::npos) {
                open_fence.reset();
                continue;
            }
        }
        if (open_fence) continue;

        std::size_t i = 0;
        // A definition: `[^label]:` at the start of the line's text (after at
        // most three spaces, or in a block quote).
        const std::size_t indent = content_start(line);
        const bool quoted = line.substr(0, indent).find('>') != std::string_view::npos;
        if (std::size_t end = label_end(line, indent);
            end && end < line.size() && line[end] == ':' && (indent <= 3 || quoted)) {
            const auto label = line.substr(indent + 2, end - indent - 3);
            scan.definitions.push_back({std::string(label), footnote_key(label),
                                        {static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(indent + 1)}});
            i = end + 1;
        }
        while (i < line.size()) {
            const char c = line[i];
            if (c == '\\') {  // an escaped character is literal
                i += 2;
                continue;
            }
            if (c == '`') {  // a code span: skip to the closing run of equal length
                std::size_t run = 0;
                while (i + run < line.size() && line[i + run] == '`') ++run;
                std::size_t j = i + run;
                bool closed = false;
                while ((j = line.find('`', j)) != std::string_view::npos) {
                    std::size_t other = 0;
                    while (j + other < line.size() && line[j + other] == '`') ++other;
                    if (other == run) {
                        i = j + other;
                        closed = true;
                        break;
                    }
                    j += other;
                }
                if (!closed) i += run;
                continue;
            }
            if (c == '[') {
                if (std::size_t end = label_end(line, i)) {
                    const auto label = line.substr(i + 2, end - i - 3);
                    scan.references.push_back({std::string(label), footnote_key(label),
                                               {static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(i + 1)},
                                               i == indent && (indent <= 3 || quoted)});
                    i = end;
                    continue;
                }
            }
            ++i;
        }
    }
    return scan;
}

std::vector<std::string> unreferenced_labels(const FootnoteScan& scan) {
    std::set<std::string> referenced, seen;
    for (const auto& ref : scan.references) referenced.insert(ref.key);
    std::vector<std::string> out;
    for (const auto& def : scan.definitions)
        if (!referenced.count(def.key) && seen.insert(def.key).second) out.push_back(def.label);
    return out;
}

void check_footnotes(const std::string& path, const FootnoteScan& scan, Diagnostics& diags) {
    std::map<std::string, const FootnoteSite*> defined;
    std::vector<std::string_view> labels;
    for (const auto& def : scan.definitions) {
        auto [it, inserted] = defined.emplace(def.key, &def);
        if (!inserted) {
            diags.error(path, def.pos,
                        "duplicate footnote label '" + def.label + "' (first defined at line " +
                            std::to_string(it->second->pos.line) + ")",
                        "give this note its own label, e.g. [^" + def.label + "-2], and use it in its reference");
        } else {
            labels.push_back(def.label);
        }
    }
    // `[^x] Text` opening a line, with no definition of x anywhere: the
    // colon was forgotten, and cmark-gfm reads the line as text.
    std::map<std::string, const FootnoteSite*> colonless;
    for (const auto& ref : scan.references)
        if (ref.starts_line && !defined.count(ref.key)) colonless.emplace(ref.key, &ref);
    std::map<std::string, bool> referenced;
    for (const auto& ref : scan.references) {
        referenced[ref.key] = true;
        if (defined.count(ref.key)) continue;
        const std::string mark = "[^" + ref.label + "]";
        if (auto bare = colonless.find(ref.key); bare != colonless.end()) {
            if (bare->second == &ref)
                diags.error(path, ref.pos, "footnote '" + mark + "' is not defined: its line has no colon after the label",
                            "write `" + mark + ": ` to make this line the note");
            else
                diags.error(path, ref.pos, "footnote reference '" + mark + "' has no definition",
                            "line " + std::to_string(bare->second->pos.line) + " begins `" + mark +
                                "` without a colon: write `" + mark + ": ` there to make it the note");
            continue;
        }
        std::string hint = did_you_mean(ref.label, labels);
        if (hint.empty()) hint = "add a definition `" + mark + ": ...` on a line of its own";
        diags.error(path, ref.pos, "footnote reference '" + mark + "' has no definition", hint);
    }
    for (const auto& [key, def] : defined)
        if (!referenced.count(key))
            diags.warning(path, def->pos, "footnote '[^" + def->label + "]' is defined but never referenced");
}

}  // namespace folio::read
