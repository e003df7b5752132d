#pragma once
// Who publishes the packs: read from the [site] table of folio.toml.
#include <string>

namespace folio {

struct SiteMeta {
    std::string name = "folio";
    std::string short_name;
    std::string description;       // one paragraph: cover and title page
    std::string about;             // longer Markdown text for the inside cover
    std::string about_attribution;
    std::string disclaimer;
    std::string language = "en-GB";
    std::string contact;
    std::string rights;
    std::string logo;              // path relative to input/, optional
};

}  // namespace folio
