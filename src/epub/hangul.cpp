#include "epub/hangul.hpp"

namespace folio::epub {

bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7A3)     // syllables
           || (c >= 0x1100 && c <= 0x11FF)  // jamo
           || (c >= 0x3130 && c <= 0x318F)  // compatibility jamo
           || (c >= 0xA960 && c <= 0xA97F)  // jamo extended-A
           || (c >= 0xD7B0 && c <= 0xD7FF);  // jamo extended-B
}

char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    std::size_t len = 0;
    char32_t c = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        c = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        c = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > text.size()) {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    i += len;
    return c;
}

std::vector<TextRun> split_hangul_runs(std::string_view text) {
    std::vector<TextRun> runs;
    std::size_t plain_start = 0;  // start of the pending non-Hangul text
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t at = i;
        if (!is_hangul(next_code_point(text, i))) continue;
        // A Hangul run from `at`: extend over Hangul and over spaces that
        // are followed by more Hangul.
        std::size_t end = i;
        std::size_t j = i;
        while (j < text.size()) {
            std::size_t k = j;
            char32_t c = next_code_point(text, k);
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
