#pragma once
// The parts of a personal name as CSL renders them: particles split off
// CSL-JSON family and given names, initials, and the joining rules for
// particles ("van Gogh", "d’Arcus"). Internal to the names renderer.
#include <string>

#include "model/bibliography.hpp"

namespace folio::csl {

// A particle ending in an apostrophe or hyphen joins the next word directly.
bool joins_without_space(const std::string& particle);
std::string join_particle(const std::string& particle, const std::string& rest);
// "John Edward" → "J.E." with ".", "J. E." with ". "; existing initials and
// abbreviations ("Ph.") are normalised; with `initialize` false only those.
std::string initials(const std::string& given, const std::string& with, bool initialize, bool hyphen);
std::string typographic_apostrophes(std::string s);
// Lower-case leading words of the family name become the non-dropping
// particle, trailing ones of the given name the dropping particle, unless
// the family name is quoted to keep it whole; apostrophes become typographic.
CslName parse_particles(const CslName& in);

}  // namespace folio::csl
