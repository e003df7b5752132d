#pragma once
// The TOML parser's words for the two slips people make most in folio.toml
// and style files name its grammar ("could not determine value type",
// "unescaped control characters ... are explicitly prohibited"). These say
// what was written wrong and what to write instead.
//
// - A string not closed on its line: `title = "All packs`.
// - Text without quotes: `tags = [refugees]`, `title = All packs`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace folio {

struct TomlSlip {
    std::string message;
    std::string hint;
};

// `description` is the parser's message for an error at `line`:`column`
// (1-based) of `text`; nullopt when it is not one of the slips above.
std::optional<TomlSlip> explain_toml_error(std::string_view description, std::string_view text,
                                           std::uint32_t line, std::uint32_t column);

}  // namespace folio
