#include "model/link_target.hpp"

#include <algorithm>
#include <cctype>

namespace folio {

bool has_url_scheme(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    return std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

std::string slug_of_file_name(std::string name) {
    if (auto slash = name.find_last_of('/'); slash != std::string::npos) name = name.substr(slash + 1);
    if (name.size() > 3 && name.ends_with(".md")) name.resize(name.size() - 3);
    if (name.size() > 11 && std::isdigit(static_cast<unsigned char>(name[0])) && name[4] == '-' &&
        name[7] == '-' && name[10] == '-')
        name = name.substr(11);
    return name;
}

LinkTarget link_target(std::string_view url) {
    LinkTarget t;
    if (has_url_scheme(url)) {
        t.web = true;
        return t;
    }
    const auto hash = url.find('#');
    if (hash != std::string_view::npos) t.fragment = std::string(url.substr(hash + 1));
    const std::string_view file = url.substr(0, hash);
    if (!file.empty()) t.slug = slug_of_file_name(std::string(file));
    return t;
}

}  // namespace folio
