#include "read/post_slug.hpp"

namespace folio::read {

std::string post_slug(std::string_view path) {
    std::string_view name = path;
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    if (name.size() > 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
    auto digit = [&](std::size_t i) { return name[i] >= '0' && name[i] <= '9'; };
    if (name.size() > 11 && digit(0) && digit(1) && digit(2) && digit(3) && name[4] == '-' && digit(5) && digit(6) &&
        name[7] == '-' && digit(8) && digit(9) && name[10] == '-')
        name.remove_prefix(11);
    return std::string(name);
}

}  // namespace folio::read
