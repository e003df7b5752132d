// Hyphenator: libhyphen's points, remembered per word, the same every time.
#include <doctest/doctest.h>

#include <hyphen.h>

#include <string>
#include <vector>

#include "layout/hyphenator.hpp"
#include "layout/style.hpp"

using namespace folio;

namespace {

struct Dict {
    HyphenDict* dict = hnj_hyphen_load(Resources{}.hyphen_dict.c_str());
    ~Dict() {
        if (dict) hnj_hyphen_free(dict);
    }
};

// libhyphen asked directly, as rich_text did before the hyphenator.
std::vector<int> direct(HyphenDict* dict, std::string word, size_t left, size_t right) {
    for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::vector<char> hyphens(word.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    REQUIRE(hnj_hyphen_hyphenate2(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep,
                                  &pos, &cut) == 0);
    REQUIRE(rep == nullptr);
    std::vector<int> out;
    for (size_t i = 0; i + 1 < word.size(); ++i)
        if (i + 1 >= left && word.size() - i - 1 >= right && (hyphens[i] & 1)) out.push_back(static_cast<int>(i));
    return out;
}

}  // namespace

TEST_CASE("the hyphenator gives libhyphen's points, asked once or again, in any case") {
    Dict d;
    REQUIRE(d.dict);
    Hyphenator h(d.dict);
    const std::vector<std::string> words = {"international", "Parliamentarians", "responsibilities",
                                            "administrative", "extermination", "ACKNOWLEDGED", "organisational"};
    for (int round = 0; round < 2; ++round)
        for (const auto& w : words) {
            INFO(w);
            const std::vector<int> want = direct(d.dict, w, 2, 3);
            CHECK(h.points(w, 2, 3) == want);
            CHECK_FALSE(want.empty());
        }
    // Case does not matter; the minimums do (each asked separately).
    CHECK(h.points("INTERNATIONAL", 2, 3) == h.points("international", 2, 3));
    const std::vector<int> loose = h.points("international", 1, 1);
    CHECK(loose == direct(d.dict, "international", 1, 1));
    CHECK(h.points("international", 2, 3) == direct(d.dict, "international", 2, 3));
    // A word too short for the minimums has no point.
    CHECK(h.points("into", 2, 3).empty());
}

// An oracle that does not call libhyphen: a few words as the British
// patterns break them, written out ("ac-know-ledged", where American
// patterns give "ac-knowl-edged"), with the house minimums of 2 and 3.
TEST_CASE("the hyphenator breaks words where the British patterns do") {
    Dict d;
    REQUIRE(d.dict);
    Hyphenator h(d.dict);
    auto hyphenated = [&](const std::string& word) {
        std::string out;
        const std::vector<int> points = h.points(word, 2, 3);
        std::size_t next = 0;
        for (std::size_t i = 0; i < word.size(); ++i) {
            out += word[i];
            if (next < points.size() && static_cast<std::size_t>(points[next]) == i) {
                out += '-';
                ++next;
            }
        }
        return out;
    };
    CHECK(hyphenated("international") == "in-ter-na-tional");
    CHECK(hyphenated("parliamentarians") == "par-lia-ment-ari-ans");
    CHECK(hyphenated("administrative") == "ad-min-is-trat-ive");
    CHECK(hyphenated("acknowledged") == "ac-know-ledged");
    CHECK(hyphenated("Organisational") == "Or-gan-isa-tional");
}
