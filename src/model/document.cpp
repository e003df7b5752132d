#include "model/document.hpp"

#include "model/overloaded.hpp"

namespace folio {

namespace {

void append_plain(const Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        std::visit(Overloaded{
                       [&](const Text& t) { out += t.text; },
                       [&](const SoftBreak&) { out += ' '; },
                       [&](const LineBreak&) { out += ' '; },
                       [&](const Code& c) { out += c.text; },
                       [&](const Link& l) { append_plain(l.children, out); },
                       [&](const Image& i) { append_plain(i.alt, out); },
                       [&](const RawInline&) {},
                       [&](const NoteRef&) {},
                       [&](const Cite& c) {
                           if (!c.rendered.empty())
                               append_plain(c.rendered, out);
                           else
                               out += c.source;
                       },
                       [&](const auto& container) { append_plain(container.children, out); },
                   },
                   in.value);
    }
}

// An address as a post may show it: without its scheme and final slash
// ("koreafuture.org/news/report" for "https://koreafuture.org/news/report/").
std::string_view bare_address(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://", "mailto:"})
        if (url.starts_with(scheme)) {
            url.remove_prefix(scheme.size());
            break;
        }
    if (url.ends_with('/')) url.remove_suffix(1);
    return url;
}

}  // namespace

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

// It still breaks where the text engine allows, after its slashes.
bool shows_address(const Link& link) {
    const std::string shown = plain_text(link.children);
    if (shown.empty()) return false;
    if (shown == link.url || bare_address(shown) == bare_address(link.url)) return true;
    return shown.find("://") != std::string::npos || shown.starts_with("www.");
}

}  // namespace folio
