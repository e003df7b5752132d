#pragma once
// Reading CSL style and locale files (XML, via tinyxml2) into the compiled
// model of csl_style.hpp. A file that is not valid CSL is an Error whose
// message is `path:line: ...` at the offending element.
#include <string>
#include <string_view>

#include "cite/csl_style.hpp"
#include "model/result.hpp"

namespace folio::csl {

// Where a style or locale file is not valid CSL, for callers that report
// it as a diagnostic; the Error's message is the same as "file:line: message".
struct CslProblem {
    std::string file;
    int line = 0;  // 0: the file as a whole (unreadable, empty)
    std::string message;
    std::string hint;
};

Result<CslStyle> parse_style(std::string_view xml, const std::string& path, CslProblem* problem = nullptr);
Result<CslStyle> load_style(const std::string& path, CslProblem* problem = nullptr);

Result<LocaleData> parse_locale(std::string_view xml, const std::string& path, CslProblem* problem = nullptr);
Result<LocaleData> load_locale(const std::string& path, CslProblem* problem = nullptr);

// Reads a whole file; an Error names the path when it cannot be read.
Result<std::string> read_text_file(const std::string& path);

}  // namespace folio::csl
