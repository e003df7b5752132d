#pragma once
// String helpers for CSL: UTF-8 case mapping (enough of Unicode for the
// Latin, Greek and Cyrillic scripts), CSL's text-case transforms, and the
// small rules about punctuation and particles the renderer needs. UTF-8
// itself is model/utf8.hpp's (folio::utf8_decode and the rest, found from
// this namespace unqualified).
#include <string>
#include <string_view>

#include "model/utf8.hpp"

namespace folio::csl {

char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
// CJK and similar scripts, where names are written family-first without a space.
bool is_cjk(std::string_view s);

std::string upper(std::string_view s);
std::string lower(std::string_view s);

// text-case: lowercase, uppercase, capitalize-first, capitalize-all,
// sentence, title. `english` gates title case (CSL only title-cases English).
// `at_start` says the string begins the field (title case capitalises the
// first word even if it is a stop word).
std::string apply_text_case(std::string_view s, const std::string& text_case, bool english, bool at_start = true);

std::string strip_periods(std::string_view s);
std::string trim(std::string_view s);

}  // namespace folio::csl
