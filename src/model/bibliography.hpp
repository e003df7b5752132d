#pragma once
// CSL-JSON items as plain data. The CSL processor (src/cite) formats them; the
// readers only need the ids to check citation keys.
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_pos.hpp"

namespace folio {

struct CslName {
    std::string family;
    std::string given;
    std::string dropping_particle;      // "de" in "Jean de La Fontaine" when dropped
    std::string non_dropping_particle;  // "van" in "Ludwig van Beethoven"
    std::string suffix;                 // "Jr."
    std::string literal;                // institutions: "United Nations Human Rights Council"
    bool comma_suffix = false;
    bool static_ordering = false;
};

struct CslDate {
    // One entry, or two for a range; each [year, month, day] with 0 for absent.
    std::vector<std::array<int, 3>> parts;
    int season = 0;  // 1..4
    bool circa = false;
    std::string literal;  // used as is when there are no parts
    std::string raw;      // unparsed "raw" date, kept for diagnostics
};

struct CslItem {
    std::string id;
    std::string type;                              // "report", "legislation", "book", ...
    std::map<std::string, std::string> fields;     // ordinary and number variables, as text
    std::map<std::string, std::vector<CslName>> names;  // "author", "editor", ...
    std::map<std::string, CslDate> dates;          // "issued", "accessed", ...
    SourcePos pos;                                 // where the item starts in the JSON file
};

struct Bibliography {
    std::string path;
    std::vector<CslItem> items;  // in file order

    const CslItem* find(std::string_view id) const {
        for (const auto& item : items)
            if (item.id == id) return &item;
        return nullptr;
    }
};

}  // namespace folio
