#pragma once
// UTF-8 in one place: every stage that turns bytes into code points or back
// (the reader's check, the citation processor's case mapping, the EPUB's
// character references, the PDF writers' text strings and font maps) uses
// these, so each follows the same rules: RFC 3629's well-formed sequences
// only (no overlong forms, no UTF-16 surrogates, nothing past U+10FFFF).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace folio {

inline constexpr char32_t replacement_character = 0xFFFD;

// Decodes the sequence at s[i] into `cp` and moves i past it; false (i moved
// one byte, cp = U+FFFD) when the byte there does not begin a well-formed
// sequence: a stray continuation byte, an overlong form, a surrogate, a
// value past U+10FFFF, or a sequence cut short.
bool utf8_decode_one(std::string_view s, std::size_t& i, char32_t& cp);

// The code point at s[i], i moved past it; U+FFFD for a malformed sequence
// (one byte consumed), so a loop over any bytes always ends.
char32_t utf8_next(std::string_view s, std::size_t& i);

// Every code point of `s` (malformed bytes as U+FFFD).
std::u32string utf8_decode(std::string_view s);

// Appends `cp` as UTF-8. A surrogate or a value past U+10FFFF is not a
// character and is written as U+FFFD.
void utf8_append(std::string& out, char32_t cp);
std::string utf8_encode(std::u32string_view cps);
std::string utf8_of(char32_t cp);

// The offset of the first byte that does not begin a well-formed sequence;
// nullopt when all of `s` is UTF-8.
std::optional<std::size_t> utf8_invalid_at(std::string_view s);

}  // namespace folio
