// CSL-JSON (the bibliography format of CSL 1.0.2 processors) into Bibliography.
#include "read/read_bibliography.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "read/csl_values.hpp"
#include "read/json_positions.hpp"
#include "read/source_text.hpp"
#include "model/utf8.hpp"

namespace folio {

namespace {

using nlohmann::json;

SourcePos to_pos(std::string_view bytes, std::size_t offset) {
    const auto lc = read::line_col(bytes, offset);
    return {static_cast<std::uint32_t>(lc.line), static_cast<std::uint32_t>(lc.column)};
}

// A list of names (author, editor, ...) longer than the limit is an error.
// Every style shortens such a list with "et al.", but sorting and
// disambiguation still look at each name, so a list of 100,000 is not read:
// the item keeps the names up to the limit, so that citing it gives no
// second error.
void limit_names(const std::string& path, json& item, SourcePos pos, const Limits& limits, Diagnostics& diags) {
    for (auto& [key, value] : item.items()) {
        if (!value.is_array() || value.size() <= limits.names_per_entry) continue;
        const auto id = item.find("id");
        const std::string name = id != item.end() && id->is_string() ? id->get<std::string>() : std::string();
        diags.error(path, pos,
                    "bibliography item '" + name + "' lists " + std::to_string(value.size()) + " names in '" + key +
                        "' (the limit names_per_entry = " + std::to_string(limits.names_per_entry) + ")",
                    "styles print only the first few names and \"et al.\", so the first hundred are plenty; " +
                        raise_limit_hint("names_per_entry"));
        value.erase(value.begin() + static_cast<std::ptrdiff_t>(limits.names_per_entry), value.end());
    }
}

// What to do about the two slips behind most JSON syntax errors in a file
// kept by hand, which nlohmann names by its grammar ("unexpected '}';
// expected string literal"): a comma after the last item, and a comma left
// out between two. `last` is the offset of the last character read, at the
// end of the unexpected token.
std::string json_syntax_hint(std::string_view bytes, std::size_t last, const std::string& message) {
    if (last >= bytes.size()) return {};
    std::size_t token = last;
    if (bytes[last] == '"' && message.find("unexpected string literal") != std::string::npos && last > 0) {
        token = last - 1;  // back to the string's opening quote
        while (token > 0 && !(bytes[token] == '"' && bytes[token - 1] != '\\')) --token;
    }
    std::size_t before = token;
    while (before > 0 && std::isspace(static_cast<unsigned char>(bytes[before - 1]))) --before;
    if (before == 0) return {};
    const char prev = bytes[before - 1], next = bytes[token];
    const std::string at_line = std::to_string(to_pos(bytes, before - 1).line);
    if (prev == ',' && (next == '}' || next == ']'))
        return "JSON has no comma after the last item: remove the comma at the end of line " + at_line;
    const bool value_ended = prev == '}' || prev == ']' || prev == '"' || std::isalnum(static_cast<unsigned char>(prev));
    const bool value_starts = next == '{' || next == '[' || next == '"' || std::isdigit(static_cast<unsigned char>(next));
    if (value_ended && value_starts && message.find("unexpected") != std::string::npos)
        return "a comma is missing between two items: put ',' at the end of line " + at_line;
    return {};
}

}  // namespace

Bibliography read_bibliography(const std::string& path, std::string_view bytes, Diagnostics& diags,
                               const Limits& limits) {
    Bibliography bib;
    bib.path = path;
    if (auto bad = utf8_invalid_at(bytes)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(bytes[*bad]));
        diags.error(path, to_pos(bytes, *bad),
                    std::string("invalid UTF-8 byte ") + hex + " at byte offset " + std::to_string(*bad),
                    "save the file as UTF-8");
        return bib;
    }
    std::string_view text = bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // nlohmann rejects none, but be explicit

    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // e.byte is 1-based: the position of the last character read.
        const std::size_t offset = (e.byte > 0 ? e.byte - 1 : 0) + (bytes.size() - text.size());
        std::string message = e.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
        if (const auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
        diags.error(path, to_pos(bytes, std::min(offset, bytes.size())), "malformed JSON: " + message,
                    json_syntax_hint(bytes, offset, message));
        return bib;
    } catch (const std::exception& e) {
        diags.error(path, {1, 1}, std::string("malformed JSON: ") + e.what());
        return bib;
    }
    if (!root.is_array()) {
        diags.error(path, {1, 1}, std::string("a CSL-JSON bibliography must be an array of items, not ") +
                                      root.type_name(),
                    "write the items as [ {\"id\": \"...\", \"type\": \"...\", ...}, ... ]");
        return bib;
    }

    const auto positions = read::locate_array_items(bytes);
    auto item_pos = [&](std::size_t i) {
        return i < positions.size() ? to_pos(bytes, positions[i].id_key.value_or(positions[i].start)) : SourcePos{1, 1};
    };
    if (root.size() > limits.bibliography_entries) {
        diags.error(path, item_pos(limits.bibliography_entries),
                    "more than " + std::to_string(limits.bibliography_entries) +
                        " bibliography items (the limit bibliography_entries = " +
                        std::to_string(limits.bibliography_entries) + "); this is item " +
                        std::to_string(limits.bibliography_entries + 1) + " of " + std::to_string(root.size()),
                    raise_limit_hint("bibliography_entries"));
        return bib;
    }
    std::map<std::string, std::uint32_t> first_line;
    for (std::size_t i = 0; i < root.size(); ++i) {
        json& value = root[i];
        SourcePos pos{1, 1};
        if (i < positions.size()) pos = to_pos(bytes, positions[i].id_key.value_or(positions[i].start));
        if (!value.is_object()) {
            diags.error(path, pos, "bibliography item " + std::to_string(i + 1) + " must be an object, not " +
                                       value.type_name());
            continue;
        }
        CslItem item;
        item.pos = pos;
        limit_names(path, value, pos, limits, diags);
        try {
            if (!read::read_csl_item(path, value, item, diags)) continue;
        } catch (const std::exception& e) {  // nlohmann throws on surprises; never let it escape
            diags.error(path, pos, std::string("could not read bibliography item: ") + e.what());
            continue;
        }
        if (auto [it, inserted] = first_line.emplace(item.id, pos.line); !inserted) {
            diags.error(path, pos,
                        "duplicate bibliography id '" + item.id + "' (first at line " + std::to_string(it->second) + ")");
            continue;
        }
        bib.items.push_back(std::move(item));
    }
    return bib;
}

}  // namespace folio
