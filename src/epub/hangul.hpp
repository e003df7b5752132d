#pragma once
// Finding Hangul in UTF-8 text, so the writer can mark Korean runs with
// lang="ko" (screen readers switch voice, readers pick a Korean font).
#include <cstddef>
#include <string_view>
#include <vector>

namespace folio::epub {

struct TextRun {
    std::string_view text;
    bool hangul = false;
};

// Splits `text` into alternating non-Hangul and Hangul runs. A Hangul run
// starts and ends with a Hangul character and swallows the spaces between
// Hangul words, so "김정은 위원장" is one run. Concatenating the runs gives
// `text` back. Invalid UTF-8 bytes are left in non-Hangul runs.
std::vector<TextRun> split_hangul_runs(std::string_view text);

bool is_hangul(char32_t c);

}  // namespace folio::epub
