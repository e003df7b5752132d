#pragma once
// Reading CSL style and locale files (XML, via tinyxml2) into the compiled
// model of csl_style.hpp. A file that is not valid CSL is an Error whose
// message is `path:line: ...` at the offending element.
#include <string>
#include <string_view>

#include "cite/csl_style.hpp"
#include "model/result.hpp"

namespace folio::csl {

Result<CslStyle> parse_style(std::string_view xml, const std::string& path);
Result<CslStyle> load_style(const std::string& path);

Result<LocaleData> parse_locale(std::string_view xml, const std::string& path);
Result<LocaleData> load_locale(const std::string& path);

// Reads a whole file; an Error names the path when it cannot be read.
Result<std::string> read_text_file(const std::string& path);

}  // namespace folio::csl
