#pragma once
// One CSL-JSON item's values: names, dates and the rest as text. Shared by
// read_bibliography; includes nlohmann::json, so it stays inside src/read.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"

namespace folio::read {

// Fills `item` (whose pos is already set) from a JSON object. Values of the
// wrong shape are errors at item.pos naming the item and the variable.
// Returns false when the item has no usable id.
bool read_csl_item(const std::string& path, const nlohmann::json& object, CslItem& item, Diagnostics& diags);

// An EDTF-style "raw" date: "2014", "2014-02", "2014-02-07", or a range of two
// joined by '/'. nullopt when it is not one of these.
std::optional<CslDate> parse_raw_date(std::string_view raw);

}  // namespace folio::read
