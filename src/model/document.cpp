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

}  // namespace

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

}  // namespace folio
