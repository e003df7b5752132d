#include "read/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string_view>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "model/html_policy.hpp"
#include "read/citation_syntax.hpp"

namespace folio::read {

namespace {

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

std::string_view type_string(cmark_node* node) {
    const char* s = cmark_node_get_type_string(node);
    return s ? s : "";
}

std::string literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? s : "";
}

SourcePos start_of(cmark_node* node) {
    const int line = cmark_node_get_start_line(node), col = cmark_node_get_start_column(node);
    if (line <= 0 || col <= 0) return {};
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
}

// One contributor to a merged text run: where its bytes start in the run and
// where its literal starts in the file.
struct Piece {
    std::size_t run_offset = 0;
    std::size_t length = 0;
    SourcePos pos;  // unknown for soft breaks and extension-made text
};

class Converter {
public:
    Converter(const std::string& path, const SourceText& src, Diagnostics& diags, const Limits& limits)
        : m_path(path), m_src(src), m_diags(diags), m_limits(limits) {}

    Document doc;

    void document(cmark_node* root) {
        std::vector<std::pair<SourcePos, Footnote>> notes;
        for (cmark_node* child = cmark_node_first_child(root); child; child = cmark_node_next(child)) {
            if (static_cast<std::size_t>(cmark_node_get_start_line(child)) > m_src.line_count()) continue;
            if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION) {
                notes.emplace_back(start_of(child), footnote(child));
            } else {
                block_into(child, doc.blocks, 0);
            }
        }
        // cmark-gfm moves definitions to the end in order of first reference;
        // the model wants them as written (a pass numbers them).
        std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) {
            return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
        });
        for (auto& n : notes) doc.notes.push_back(std::move(n.second));
    }

private:
    const std::string& m_path;
    const SourceText& m_src;
    Diagnostics& m_diags;
    const Limits& m_limits;
    bool m_reported_depth = false;

    // The converter, the passes, the layout and the EPUB writer all recurse
    // over the tree: past the limit nothing is converted, so none of them
    // ever sees a deeper one. `depth` counts the containers around a node
    // (block quotes, list items, footnotes, emphasis, links...), and `level`
    // is a container's own: the limit is on levels. Reported once, at the
    // first container too deep.
    bool too_deep(cmark_node* node, int level) {
        if (static_cast<std::uint64_t>(level) <= m_limits.nesting_depth) return false;
        if (!m_reported_depth)
            m_diags.error(m_path, start_of(node),
                          "nested more than " + std::to_string(m_limits.nesting_depth) +
                              " levels deep (lists, block quotes, emphasis and links inside each other; the limit "
                              "nesting_depth = " + std::to_string(m_limits.nesting_depth) + ")",
                          raise_limit_hint("nesting_depth"));
        m_reported_depth = true;
        return true;
    }

    // The label of `[^label]` written on `pos.line` at or before `pos.column`.
    std::string footnote_label(SourcePos pos, SourcePos* marker) {
        const std::string_view line = m_src.line(pos.line);
        if (line.empty() || pos.column == 0) return {};
        const std::size_t open = line.rfind("[^", std::min<std::size_t>(pos.column - 1, line.size() - 1));
        if (open == std::string_view::npos) return {};
        const std::size_t close = line.find(']', open);
        if (close == std::string_view::npos) return {};
        if (marker) *marker = {pos.line, static_cast<std::uint32_t>(open + 1)};
        return std::string(line.substr(open + 2, close - open - 2));
    }

    Footnote footnote(cmark_node* node) {
        Footnote note;
        // cmark-gfm places a definition where its content starts; the label
        // is the `[^x]:` before that on the same line.
        note.pos = start_of(node);
        note.label = footnote_label(note.pos, &note.pos);
        blocks_into(node, note.content, 1);
        return note;
    }

    void blocks_into(cmark_node* parent, Blocks& out, int depth) {
        for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
            block_into(child, out, depth);
    }

    void block_into(cmark_node* node, Blocks& out, int depth) {
        const SourcePos pos = start_of(node);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
            out.push_back(make_block(Paragraph{inlines(node, depth, false)}, pos));
            return;
        case CMARK_NODE_HEADING: {
            Heading heading;
            heading.level = cmark_node_get_heading_level(node);
            heading.content = inlines(node, depth, false);
            out.push_back(make_block(std::move(heading), pos));
            return;
        }
        case CMARK_NODE_BLOCK_QUOTE: {
            if (too_deep(node, depth + 1)) return;
            BlockQuote q;
            blocks_into(node, q.children, depth + 1);
            out.push_back(make_block(std::move(q), pos));
            return;
        }
        case CMARK_NODE_LIST:
            out.push_back(make_block(list(node, depth), pos));
            return;
        case CMARK_NODE_CODE_BLOCK: {
            const char* info = cmark_node_get_fence_info(node);
            CodeBlock code;
            code.info = info ? info : "";
            code.text = literal(node);
            out.push_back(make_block(std::move(code), pos));
            return;
        }
        case CMARK_NODE_HTML_BLOCK:
            out.push_back(make_block(RawBlock{"html", literal(node)}, pos));
            return;
        case CMARK_NODE_THEMATIC_BREAK:
            out.push_back(make_block(ThematicBreak{}, pos));
            return;
        case CMARK_NODE_FOOTNOTE_DEFINITION:  // only at the top level; keep nested ones anyway
            doc.notes.push_back(footnote(node));
            return;
        default:
            break;
        }
        // The extensions' node types are not declared in the installed
        // headers: tell them by name.
        if (type_string(node) == "table") {
            out.push_back(make_block(table(node, depth), pos));
            return;
        }
        if (too_deep(node, depth + 1)) return;
        blocks_into(node, out, depth + 1);  // an unknown container: keep what is inside
    }

    List list(cmark_node* node, int depth) {
        List l;
        l.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        if (l.ordered) {
            l.start = cmark_node_get_list_start(node);
            l.delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
        }
        l.tight = cmark_node_get_list_tight(node) != 0;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            if (too_deep(item, depth + 1)) break;
            ListItem li;
            li.pos = start_of(item);
            if (type_string(item) == "tasklist") li.checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
            blocks_into(item, li.children, depth + 1);
            l.items.push_back(std::move(li));
        }
        return l;
    }

    Table table(cmark_node* node, int depth) {
        Table t;
        const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        if (columns > m_limits.table_columns) {
            m_diags.error(m_path, start_of(node),
                          "a table of " + std::to_string(columns) + " columns (the limit table_columns = " +
                              std::to_string(m_limits.table_columns) + ")",
                          "no page is wide enough to read it: split the table, or turn it round (rows for "
                          "columns); " + raise_limit_hint("table_columns"));
            return t;
        }
        const std::uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node);
        for (std::uint16_t i = 0; i < columns; ++i) {
            const char a = aligns ? static_cast<char>(aligns[i]) : 0;
            t.aligns.push_back(a == 'l' ? Align::left : a == 'c' ? Align::center : a == 'r' ? Align::right : Align::none);
        }
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            TableRow r;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
                r.cells.push_back(TableCell{inlines(cell, depth, false), start_of(cell)});
            if (type_string(row) == "table_header") t.header = std::move(r);
            else t.rows.push_back(std::move(r));
        }
        return t;
    }

    // ---- inlines ----------------------------------------------------------

    // Text and soft breaks gathered until something else interrupts them.
    struct Run {
        std::string text;
        std::vector<Piece> pieces;
    };

    Inlines inlines(cmark_node* parent, int depth, bool in_link) {
        Inlines out;
        Run run;
        for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
            const auto type = cmark_node_get_type(node);
            if (type == CMARK_NODE_TEXT) {
                const std::string text = literal(node);
                if (text.empty()) continue;
                run.pieces.push_back({run.text.size(), text.size(), checked_text_pos(start_of(node), text)});
                run.text += text;
                continue;
            }
            if (type == CMARK_NODE_SOFTBREAK) {
                run.pieces.push_back({run.text.size(), 1, {}});
                run.text += '\n';
                continue;
            }
            flush(run, out, in_link);
            if (cmark_node_first_child(node) && too_deep(node, depth + 1)) continue;
            const SourcePos pos = start_of(node);
            switch (type) {
            case CMARK_NODE_LINEBREAK: out.push_back(make_inline(LineBreak{}, pos)); break;
            case CMARK_NODE_CODE: out.push_back(make_inline(Code{literal(node)}, pos)); break;
            case CMARK_NODE_HTML_INLINE: out.push_back(make_inline(RawInline{"html", literal(node)}, pos)); break;
            case CMARK_NODE_EMPH: out.push_back(make_inline(Emph{inlines(node, depth + 1, in_link)}, pos)); break;
            case CMARK_NODE_STRONG: out.push_back(make_inline(Strong{inlines(node, depth + 1, in_link)}, pos)); break;
            case CMARK_NODE_LINK: {
                const char* url = cmark_node_get_url(node);
                const char* title = cmark_node_get_title(node);
                Link link;
                link.url = url ? url : "";
                link.title = title ? title : "";
                link.children = inlines(node, depth + 1, true);
                if (is_script_url(link.url)) {
                    // Decided once for both writers: the PDF would otherwise
                    // make it a live /URI annotation.
                    m_diags.warning(m_path, pos, "link to a " + url_scheme(link.url) + ": URL removed; its text is kept",
                                    "links in a pack lead to web pages (https:), mail (mailto:) or other posts; "
                                    "this one would run code in the reader");
                    for (auto& child : link.children) out.push_back(std::move(child));
                    break;
                }
                out.push_back(make_inline(std::move(link), pos));
                break;
            }
            case CMARK_NODE_IMAGE: {
                const char* url = cmark_node_get_url(node);
                const char* title = cmark_node_get_title(node);
                Image image;
                image.url = url ? url : "";
                image.title = title ? title : "";
                image.alt = inlines(node, depth + 1, true);
                out.push_back(make_inline(std::move(image), pos));
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: {
                SourcePos marker = pos;
                out.push_back(make_inline(NoteRef{footnote_label(pos, &marker), 0}, marker));
                break;
            }
            default:
                if (type_string(node) == "strikethrough") {
                    out.push_back(make_inline(Strikethrough{inlines(node, depth + 1, in_link)}, pos));
                } else {
                    Inlines inner = inlines(node, depth + 1, in_link);
                    for (auto& in : inner) out.push_back(std::move(in));
                }
            }
        }
        flush(run, out, in_link);
        drop_script_text(out);
        return out;
    }

    // <script>...</script> (or <style>, <iframe>: any element whose content
    // model/html_policy.hpp calls dangerous) written inside a paragraph:
    // cmark-gfm gives the tags as raw HTML and what lies between them as
    // text, which the PDF would print. That content is dropped here, once for
    // both writers; the tags stay, for the writers to drop with their warning.
    static void drop_script_text(Inlines& out) {
        // The element a raw tag opens or closes ("/iframe" for an end tag),
        // lower case; empty for anything else.
        auto tag_of = [](const std::string& raw) {
            std::string name;
            std::size_t i = 1;
            if (raw.size() < 3 || raw[0] != '<') return name;
            if (raw[1] == '/') {
                name = "/";
                ++i;
            }
            for (; i < raw.size() && std::isalnum(static_cast<unsigned char>(raw[i])); ++i)
                name += static_cast<char>(std::tolower(static_cast<unsigned char>(raw[i])));
            if (i == raw.size() || name.empty() || name == "/") return std::string();
            const char after = raw[i];
            if (after != '>' && after != ' ' && after != '\t' && after != '\n' && after != '/') return std::string();
            return name;
        };
        // An element whose content goes, with an end tag to wait for.
        auto opens_content = [&](const std::string& raw, const std::string& name) {
            return !name.empty() && name[0] != '/' && tag_policy(name) == TagPolicy::dangerous &&
                   !is_void_element(name) && !raw.ends_with("/>");
        };
        const bool any = std::any_of(out.begin(), out.end(), [&](const Inline& in) {
            const auto* raw = std::get_if<RawInline>(&in.value);
            return raw && opens_content(raw->text, tag_of(raw->text));
        });
        if (!any) return;
        std::string inside;  // the element whose content is being dropped
        int depth = 0;       // its own kind nested inside it
        Inlines kept;
        for (auto& in : out) {
            if (const auto* raw = std::get_if<RawInline>(&in.value)) {
                const std::string name = tag_of(raw->text);
                if (inside.empty()) {
                    if (opens_content(raw->text, name)) {
                        inside = name;
                        depth = 1;
                    }
                } else if (name == inside && !raw->text.ends_with("/>")) {
                    ++depth;
                } else if (name == "/" + inside && --depth == 0) {
                    inside.clear();
                }
                kept.push_back(std::move(in));
                continue;
            }
            if (inside.empty()) kept.push_back(std::move(in));
        }
        out = std::move(kept);
    }

    // cmark-gfm 0.29 does not advance the line after a backslash hard break:
    // the text after it is placed on the break's line, past its end. Check
    // that the source has the text's first bytes there; if not, look for
    // them on the next few lines.
    SourcePos checked_text_pos(SourcePos pos, std::string_view text) const {
        if (!pos.known()) return pos;
        std::size_t n = 0;  // a prefix free of escapes and entities
        while (n < text.size() && n < 8 && text[n] != '\\' && text[n] != '&') ++n;
        if (n == 0) return pos;
        const std::string_view prefix = text.substr(0, n);
        auto matches_at = [&](std::uint32_t line, std::size_t col) {
            const std::string_view l = m_src.line(line);
            return col >= 1 && col - 1 <= l.size() && l.substr(col - 1, n) == prefix;
        };
        if (matches_at(pos.line, pos.column)) return pos;
        for (std::uint32_t line = pos.line + 1; line <= pos.line + 3 && line <= m_src.line_count(); ++line) {
            const std::size_t at = m_src.line(line).find(prefix);
            if (at != std::string_view::npos) return {line, static_cast<std::uint32_t>(at + 1)};
        }
        return pos;
    }

    // The file position of byte `offset` of the run. cmark's literal differs
    // from the source where escapes (`\*`) and entities (`&amp;`) were
    // decoded, so walk the source line alongside the literal.
    SourcePos position_in_run(const Run& run, std::size_t offset) const {
        auto it = std::upper_bound(run.pieces.begin(), run.pieces.end(), offset,
                                   [](std::size_t off, const Piece& p) { return off < p.run_offset; });
        if (it == run.pieces.begin()) return {};
        const Piece& piece = *--it;
        if (!piece.pos.known()) return {};
        const std::string_view line = m_src.line(piece.pos.line);
        const std::string_view lit = std::string_view(run.text).substr(piece.run_offset, piece.length);
        const std::size_t want = offset - piece.run_offset;
        std::size_t i = piece.pos.column - 1, j = 0;
        while (j < want && i < line.size()) {
            const char c = line[i];
            if (c == '\\' && i + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[i + 1]))) {
                ++i;  // a backslash escape: the literal has only the character
                continue;
            }
            if (c == '&') {
                std::size_t k = i + 1;
                while (k < line.size() && k - i <= 32 && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '#'))
                    ++k;
                if (k < line.size() && line[k] == ';' && k > i + 1) {
                    // An entity: the literal has its decoded bytes, up to the
                    // next byte the source has after the ';'.
                    i = k + 1;
                    const char next = i < line.size() ? line[i] : '\0';
                    std::size_t skipped = 0;
                    while (j < want && j < lit.size() && (skipped == 0 || lit[j] != next) && skipped < 8) {
                        ++j;
                        ++skipped;
                    }
                    continue;
                }
            }
            ++i;
            ++j;
        }
        return {piece.pos.line, static_cast<std::uint32_t>(i + 1)};
    }

    // cmark drops the backslash of an escape from the literal, so whether a
    // citation's first character was escaped is seen only in the source:
    // position_in_run() stops on the backslash in that case.
    bool escaped_in_source(SourcePos pos) const {
        if (!pos.known()) return false;
        const std::string_view line = m_src.line(pos.line);
        return pos.column <= line.size() && line[pos.column - 1] == '\\';
    }

    // Run text [from, to) as Text and SoftBreak inlines.
    void emit_text(const Run& run, std::size_t from, std::size_t to, Inlines& out) const {
        while (from < to) {
            const std::size_t nl = run.text.find('\n', from);
            const std::size_t end = nl == std::string::npos || nl > to ? to : nl;
            if (end > from) {
                Inline text = make_inline(Text{run.text.substr(from, end - from)}, position_in_run(run, from));
                // Merge with a Text just before (the run's text was split only by a citation).
                if (!out.empty() && std::holds_alternative<Text>(out.back().value))
                    std::get<Text>(out.back().value).text += std::get<Text>(text.value).text;
                else
                    out.push_back(std::move(text));
            }
            if (end < to) {
                out.push_back(make_inline(SoftBreak{}));
                from = end + 1;
            } else {
                from = end;
            }
        }
    }

    void flush(Run& run, Inlines& out, bool in_link) {
        if (run.text.empty()) return;
        std::size_t at = 0;
        if (!in_link) {
            for (auto& m : find_citations(run.text)) {
                const SourcePos begin = position_in_run(run, m.begin);
                if (escaped_in_source(begin)) continue;  // `\@key`, `\[@key]`: literal, as in pandoc
                emit_text(run, at, m.begin, out);
                for (std::size_t k = 0; k < m.cite.items.size(); ++k)
                    m.cite.items[k].pos = position_in_run(run, m.key_offsets[k]);
                out.push_back(make_inline(std::move(m.cite), begin));
                at = m.end;
            }
        }
        emit_text(run, at, run.text.size(), out);
        run.text.clear();
        run.pieces.clear();
    }
};

}  // namespace

namespace {

NodePtr parse(const std::string& text) {
    // cmark-gfm registers its extensions behind a plain static flag; posts
    // are read on several threads, so the first registration is made once.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    ParserPtr parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
    if (!parser) return nullptr;
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    // The characters that start an extension's inline syntax (':' and 'w'
    // for autolinks, '~' for strikethrough) live in a process-wide table of
    // cmark-gfm's that every parser fills before parsing inlines (in
    // finish, and in the table extension while feeding rows) and clears
    // after: a parser finishing on one thread switched autolinks off under
    // another's, and builds differed with --jobs. So one parser at a time
    // parses; the rest of reading a post (front matter, conversion to the
    // model, citations) stays parallel. This guards cmark's state, not ours.
    static std::mutex cmark_tables;
    std::lock_guard lock(cmark_tables);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return NodePtr(cmark_parser_finish(parser.get()));
}

// Is the last top-level block the paragraph of references added past the
// end of the file? (Not when the file ends inside an unclosed fence or HTML
// block that swallowed it.)
bool ends_with_added_paragraph(cmark_node* root, std::size_t line_count) {
    cmark_node* last = cmark_node_last_child(root);
    while (last && cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION) last = cmark_node_previous(last);
    return last && cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH &&
           static_cast<std::size_t>(cmark_node_get_start_line(last)) > line_count;
}

}  // namespace

Document convert_markdown(const std::string& path, const SourceText& src, std::uint32_t body_first_line,
                          Diagnostics& diags, const Limits& limits, const std::vector<std::string>& keep_unreferenced) {
    // Blank out the front matter but keep its lines, so cmark's line numbers
    // are the file's.
    std::string text = src.text();
    const std::size_t body_start = src.line_start(body_first_line);
    for (std::size_t i = 0; i < body_start && i < text.size(); ++i)
        if (text[i] != '\n') text[i] = ' ';

    NodePtr root;
    if (!keep_unreferenced.empty()) {
        // References past the end of the file make cmark-gfm keep those
        // definitions; the Converter leaves that last paragraph out.
        std::string refs = "\n\n";
        for (const auto& label : keep_unreferenced) refs += "[^" + label + "]";
        root = parse(text + refs + "\n");
        if (root && !ends_with_added_paragraph(root.get(), src.line_count())) root.reset();
    }
    if (!root) root = parse(text);
    if (!root) return {};

    Converter converter(path, src, diags, limits);
    converter.document(root.get());
    return std::move(converter.doc);
}

}  // namespace folio::read
