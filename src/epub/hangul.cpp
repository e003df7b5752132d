#include "epub/hangul.hpp"

#include "model/utf8.hpp"

namespace folio::epub {

bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7A3)     // syllables
           || (c >= 0x1100 && c <= 0x11FF)  // jamo
           || (c >= 0x3130 && c <= 0x318F)  // compatibility jamo
           || (c >= 0xA960 && c <= 0xA97F)  // jamo extended-A
           || (c >= 0xD7B0 && c <= 0xD7FF);  // jamo extended-B
}

std::vector<TextRun> split_hangul_runs(std::string_view text) {
    std::vector<TextRun> runs;
    std::size_t plain_start = 0;  // start of the pending non-Hangul text
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t at = i;
        if (!is_hangul(utf8_next(text, i))) continue;
        // A Hangul run from `at`: extend over Hangul and over spaces that
        // are followed by more Hangul.
        std::size_t end = i;
        std::size_t j = i;
        while (j < text.size()) {
            std::size_t k = j;
            char32_t c = utf8_next(text, k);
            if (is_hangul(c)) {
                end = k;
            } else if (c != U' ' && c != 0xA0) {
                break;
            }
            j = k;
        }
        if (at > plain_start) runs.push_back({text.substr(plain_start, at - plain_start), false});
        runs.push_back({text.substr(at, end - at), true});
        plain_start = i = end;
    }
    if (plain_start < text.size()) runs.push_back({text.substr(plain_start), false});
    return runs;
}

}  // namespace folio::epub
