#include "model/web_address.hpp"

#include <cctype>

namespace folio {

namespace {

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
}

}  // namespace

std::optional<std::string> meant_web_address(std::string_view url) {
    if (starts_with_nocase(url, "www.") && url.size() > 4) return "https://" + std::string(url);
    std::string_view scheme;
    if (starts_with_nocase(url, "https"))
        scheme = "https";
    else if (starts_with_nocase(url, "http"))
        scheme = "http";
    else
        return std::nullopt;
    std::string_view rest = url.substr(scheme.size());
    if (rest.starts_with("://")) return std::nullopt;  // well formed
    // What stands between the scheme and the host: some mix of ':', ';',
    // '/' and '\' that is not "://".
    size_t sep = 0;
    while (sep < rest.size() &&
           (rest[sep] == ':' || rest[sep] == ';' || rest[sep] == '/' || rest[sep] == '\\'))
        ++sep;
    if (sep == 0 || sep == rest.size()) return std::nullopt;  // "httpfoo.md", "http:"
    const std::string_view host = rest.substr(sep);
    if (!std::isalnum(static_cast<unsigned char>(host.front()))) return std::nullopt;
    return std::string(scheme) + "://" + std::string(host);
}

}  // namespace folio
