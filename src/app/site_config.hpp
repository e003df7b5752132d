#pragma once
// folio.toml: the [site] table (who publishes). Packs are added by a later
// stage of the configuration work.
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/site.hpp"

namespace folio {

// Parses folio.toml text. Syntax errors and wrong types are errors at their
// line; unknown keys in [site] are warnings with a did-you-mean hint.
SiteMeta read_site_config(const std::string& path, std::string_view text, Diagnostics& diags);

}  // namespace folio
