// Raw HTML in a post, rebuilt through the allow-list: the part of the
// content writer that turns tokens (html_sanitize.hpp) interleaved with model
// nodes back into tinyxml2 elements, and warns about what it drops.
#include <algorithm>
#include <deque>

#include "epub/content_writer.hpp"
#include "epub/html_sanitize.hpp"
#include "epub/xhtml_page.hpp"

namespace folio::epub {

using tinyxml2::XMLElement;

namespace {

std::string tag_text(const HtmlToken& t) { return t.kind == HtmlToken::Kind::close ? "</" + t.name + ">" : "<" + t.name + ">"; }

}  // namespace

struct ContentWriter::Piece {
    const HtmlToken* token = nullptr;
    const Inline* node = nullptr;
    SourcePos pos;
};

void ContentWriter::write_inlines(XMLElement* parent, const Inlines& inlines) {
    // Raw HTML arrives as separate tags around ordinary nodes ("<sup>", Text,
    // "</sup>"), so the whole run is rebuilt together.
    std::deque<std::vector<HtmlToken>> tokens;
    std::vector<Piece> pieces;
    for (const auto& in : inlines) {
        if (const auto* raw = std::get_if<RawInline>(&in.value)) {
            tokens.push_back(tokenize_html(raw->text));
            for (const auto& t : tokens.back()) pieces.push_back({&t, nullptr, in.pos});
        } else {
            pieces.push_back({nullptr, &in, in.pos});
        }
    }
    write_pieces(parent, pieces);
}

void ContentWriter::write_raw_block(XMLElement* parent, const RawBlock& raw, SourcePos pos) {
    if (raw.format != "html") {
        m_diags.warning(m_post.path, pos, "raw " + raw.format + " block left out of the EPUB");
        return;
    }
    std::vector<HtmlToken> tokens = tokenize_html(raw.text);
    std::vector<Piece> pieces;
    for (const auto& t : tokens) pieces.push_back({&t, nullptr, pos});
    auto* div = add_element(parent, "div");
    div->SetAttribute("class", "raw-html");
    write_pieces(div, pieces);
    // Nothing visible left (a comment, a script): no empty box either.
    bool visible = div->FirstChildElement() != nullptr;
    for (auto* n = div->FirstChild(); n && !visible; n = n->NextSibling())
        if (const auto* t = n->ToText())
            visible = std::string_view(t->Value()).find_first_not_of(" \t\r\n") != std::string_view::npos;
    if (!visible) parent->DeleteChild(div);
}

void ContentWriter::write_pieces(XMLElement* parent, const std::vector<Piece>& pieces) {
    using Kind = HtmlToken::Kind;
    const std::size_t n = pieces.size();
    // Pair allowed start and end tags; an allowed element is kept only when
    // it is well formed, i.e. closed at its own level.
    std::vector<std::ptrdiff_t> partner(n, -1);
    {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < n; ++i) {
            const HtmlToken* t = pieces[i].token;
            if (!t || tag_policy(t->name) != TagPolicy::allowed || is_void_element(t->name)) continue;
            if (t->kind == Kind::open && !t->self_closing) {
                open.push_back(i);
            } else if (t->kind == Kind::close) {
                auto match = std::find_if(open.rbegin(), open.rend(),
                                          [&](std::size_t k) { return pieces[k].token->name == t->name; });
                if (match == open.rend()) continue;
                std::size_t k = *match;
                partner[k] = static_cast<std::ptrdiff_t>(i);
                partner[i] = static_cast<std::ptrdiff_t>(k);
                open.erase(std::next(match).base(), open.end());
            }
        }
    }
    std::vector<XMLElement*> stack{parent};
    std::vector<std::size_t> lang_pushed;  // stack depths at which a lang was pushed
    std::string skipping;  // a dangerous element whose content is being dropped
    int skip_depth = 0;
    const std::string hint = "only br, sup, sub, abbr, span (with lang), small, mark and kbd are kept";
    for (std::size_t i = 0; i < n; ++i) {
        const Piece& p = pieces[i];
        const HtmlToken* t = p.token;
        if (!skipping.empty()) {
            if (t && t->name == skipping && t->kind == Kind::open && !t->self_closing) ++skip_depth;
            if (t && t->name == skipping && t->kind == Kind::close && --skip_depth == 0) skipping.clear();
            continue;
        }
        if (!t) {
            write_inline(stack.back(), *p.node);
            continue;
        }
        switch (t->kind) {
            case Kind::text: write_text(stack.back(), t->text); break;
            case Kind::comment: break;
            case Kind::other:
                m_diags.warning(m_post.path, p.pos, "raw HTML '" + t->text.substr(0, 40) + "' removed from the EPUB");
                break;
            case Kind::close:
                if (partner[i] >= 0) {
                    stack.pop_back();
                    if (!lang_pushed.empty() && lang_pushed.back() == stack.size()) {
                        lang_pushed.pop_back();
                        m_lang.pop_back();
                    }
                } else if (tag_policy(t->name) == TagPolicy::allowed && !is_void_element(t->name)) {
                    m_diags.warning(m_post.path, p.pos, "unmatched raw HTML " + tag_text(*t) + " removed");
                }
                break;
            case Kind::open: {
                TagPolicy policy = tag_policy(t->name);
                std::string extras;
                for (const auto& a : t->attributes) {
                    if (a.name.starts_with("on")) extras += ", event handler " + a.name;
                    if (is_unsafe_url(a.value)) extras += ", unsafe URL in " + a.name;
                }
                if (policy == TagPolicy::dangerous) {
                    m_diags.warning(m_post.path, p.pos,
                                    "raw HTML " + tag_text(*t) + " removed with its content" + extras, hint);
                    if (!t->self_closing && !is_void_element(t->name)) {
                        skipping = t->name;
                        skip_depth = 1;
                    }
                    break;
                }
                if (policy == TagPolicy::dropped) {
                    m_diags.warning(m_post.path, p.pos,
                                    "raw HTML " + tag_text(*t) + " removed, its text kept" + extras, hint);
                    break;
                }
                bool is_empty = is_void_element(t->name) || t->self_closing;
                if (!is_empty && partner[i] < 0) {
                    m_diags.warning(m_post.path, p.pos, "unclosed raw HTML " + tag_text(*t) + " removed, its text kept");
                    break;
                }
                std::vector<std::string> removed;
                auto kept = kept_attributes(t->name, t->attributes, removed);
                if (!removed.empty()) {
                    std::string list;
                    for (const auto& r : removed) list += (list.empty() ? "" : ", ") + r;
                    m_diags.warning(m_post.path, p.pos,
                                    "attributes removed from raw HTML " + tag_text(*t) + ": " + list);
                }
                auto* e = add_element(stack.back(), t->name.c_str());
                bool has_lang = false;
                for (const auto& a : kept) {
                    if (a.name == "lang") {
                        set_lang(e, a.value);
                        has_lang = true;
                    } else {
                        e->SetAttribute(a.name.c_str(), a.value.c_str());
                    }
                }
                if (!is_empty) {
                    stack.push_back(e);
                    if (has_lang) {
                        lang_pushed.push_back(stack.size() - 1);
                        m_lang.push_back(e->Attribute("lang"));
                    }
                }
                break;
            }
        }
    }
    // Every kept element was paired, so nothing is left open; the language
    // stack is balanced the same way.
}

}  // namespace folio::epub
