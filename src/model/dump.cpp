#include "model/dump.hpp"

#include "model/overloaded.hpp"

namespace folio {

namespace {

// JSON-like quoting, so a dump line never contains a raw newline.
std::string dump_quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out + '"';
}

std::string at(SourcePos pos) {
    if (!pos.known()) return {};
    return " @" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

class Dumper {
public:
    std::string out;

    void line(int depth, const std::string& text) {
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
        out += text;
        out += '\n';
    }

    void inlines(const Inlines& list, int depth) {
        for (const auto& in : list) inline_node(in, depth);
    }

    void inline_node(const Inline& in, int d) {
        std::visit(Overloaded{
                       [&](const Text& t) { line(d, "text " + dump_quoted(t.text)); },
                       [&](const SoftBreak&) { line(d, "softbreak"); },
                       [&](const LineBreak&) { line(d, "linebreak"); },
                       [&](const Emph& e) { container("emph", e.children, d); },
                       [&](const Strong& e) { container("strong", e.children, d); },
                       [&](const Strikethrough& e) { container("strikethrough", e.children, d); },
                       [&](const Superscript& e) { container("superscript", e.children, d); },
                       [&](const Subscript& e) { container("subscript", e.children, d); },
                       [&](const SmallCaps& e) { container("smallcaps", e.children, d); },
                       [&](const Code& c) { line(d, "code " + dump_quoted(c.text)); },
                       [&](const Link& l) {
                           std::string head = "link " + dump_quoted(l.url);
                           if (!l.title.empty()) head += " title=" + dump_quoted(l.title);
                           container(head, l.children, d);
                       },
                       [&](const Image& i) {
                           std::string head = "image " + dump_quoted(i.url);
                           if (!i.title.empty()) head += " title=" + dump_quoted(i.title);
                           line(d, head + at(in.pos));
                           inlines(i.alt, d + 1);
                       },
                       [&](const RawInline& r) { line(d, "raw_inline " + r.format + " " + dump_quoted(r.text) + at(in.pos)); },
                       [&](const Span& s) {
                           std::string head = "span";
                           if (!s.lang.empty()) head += " lang=" + s.lang;
                           if (!s.cls.empty()) head += " class=" + s.cls;
                           container(head, s.children, d);
                       },
                       [&](const NoteRef& n) {
                           std::string head = "noteref " + dump_quoted(n.label);
                           if (n.number) head += " #" + std::to_string(n.number);
                           line(d, head + at(in.pos));
                       },
                       [&](const Cite& c) { cite(c, in.pos, d); },
                   },
                   in.value);
    }

    void container(const std::string& head, const Inlines& children, int d) {
        line(d, head);
        inlines(children, d + 1);
    }

    void cite(const Cite& c, SourcePos pos, int d) {
        std::string head = c.mode == CiteMode::narrative        ? "cite narrative"
                           : c.mode == CiteMode::author_in_text ? "cite author-in-text"
                                                                : "cite";
        if (c.note) head += " note=" + std::to_string(c.note);
        line(d, head + at(pos));
        for (const auto& item : c.items) {
            std::string s = "item " + item.key;
            if (item.suppress_author) s += " suppress-author";
            if (!item.prefix.empty()) s += " prefix=" + dump_quoted(item.prefix);
            if (!item.locator.empty()) s += " " + item.locator_label + "=" + dump_quoted(item.locator);
            if (!item.suffix.empty()) s += " suffix=" + dump_quoted(item.suffix);
            line(d + 1, s + at(item.pos));
        }
        if (!c.rendered.empty()) {
            line(d + 1, "rendered");
            inlines(c.rendered, d + 2);
        }
    }

    void blocks(const Blocks& list, int depth) {
        for (const auto& b : list) block(b, depth);
    }

    void block(const Block& b, int d) {
        const std::string pos = at(b.pos);
        std::visit(Overloaded{
                       [&](const Paragraph& p) {
                           line(d, "paragraph" + pos);
                           inlines(p.content, d + 1);
                       },
                       [&](const Heading& h) {
                           std::string head = "heading " + std::to_string(h.level);
                           if (!h.id.empty()) head += " id=" + h.id;
                           line(d, head + pos);
                           inlines(h.content, d + 1);
                       },
                       [&](const BlockQuote& q) {
                           line(d, "blockquote" + pos);
                           blocks(q.children, d + 1);
                       },
                       [&](const List& l) {
                           std::string head = l.ordered ? "ordered_list start=" + std::to_string(l.start) +
                                                              " delim=" + std::string(1, l.delimiter)
                                                        : std::string("bullet_list");
                           head += l.tight ? " tight" : " loose";
                           line(d, head + pos);
                           for (const auto& item : l.items) {
                               std::string ih = "item";
                               if (item.checked) ih += *item.checked ? " [x]" : " [ ]";
                               line(d + 1, ih + at(item.pos));
                               blocks(item.children, d + 2);
                           }
                       },
                       [&](const CodeBlock& c) {
                           std::string head = "code_block";
                           if (!c.info.empty()) head += " info=" + dump_quoted(c.info);
                           line(d, head + pos);
                           line(d + 1, dump_quoted(c.text));
                       },
                       [&](const ThematicBreak&) { line(d, "thematic_break" + pos); },
                       [&](const Table& t) {
                           std::string head = "table aligns=";
                           for (auto a : t.aligns)
                               head += a == Align::left ? 'l' : a == Align::center ? 'c' : a == Align::right ? 'r' : '-';
                           line(d, head + pos);
                           row("header", t.header, d + 1);
                           for (const auto& r : t.rows) row("row", r, d + 1);
                       },
                       [&](const RawBlock& r) { line(d, "raw_block " + r.format + " " + dump_quoted(r.text) + pos); },
                   },
                   b.value);
    }

    void row(const char* name, const TableRow& r, int d) {
        line(d, name);
        for (const auto& cell : r.cells) {
            line(d + 1, "cell" + at(cell.pos));
            inlines(cell.content, d + 2);
        }
    }

    void notes(const std::vector<Footnote>& list, int d) {
        for (const auto& n : list) {
            std::string head = "footnote " + dump_quoted(n.label);
            if (n.number) head += " #" + std::to_string(n.number);
            if (n.from_citation) head += " citation";
            line(d, head + at(n.pos));
            blocks(n.content, d + 1);
        }
    }
};

std::string join(const std::vector<std::string>& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += ", ";
        out += dump_quoted(list[i]);
    }
    return out + "]";
}

void party(Dumper& w, const char* name, const std::optional<Party>& p) {
    if (!p) return;
    w.line(1, std::string(name) + " " + dump_quoted(p->name));
    if (!p->role.empty()) w.line(2, "role " + dump_quoted(p->role));
    if (!p->address.empty()) w.line(2, "address " + join(p->address));
}

}  // namespace

std::string dump_document(const Document& doc) {
    Dumper w;
    w.line(0, "document");
    w.blocks(doc.blocks, 1);
    if (!doc.notes.empty()) {
        w.line(0, "notes");
        w.notes(doc.notes, 1);
    }
    // A post's own reference list, once the citation pass has formatted it.
    if (!doc.references.empty()) {
        w.line(0, "references");
        for (const auto& r : doc.references) {
            w.line(1, "reference " + dump_quoted(r.id));
            w.inlines(r.text, 2);
        }
    }
    return std::move(w.out);
}

std::string dump_post(const Post& post) {
    Dumper w;
    const auto& m = post.meta;
    w.line(0, "post " + dump_quoted(post.slug));
    w.line(1, "title " + dump_quoted(m.title));
    w.line(1, "date " + m.date.iso());
    w.line(1, std::string("kind ") + to_string(m.kind));
    if (!m.authors.empty()) w.line(1, "authors " + join(m.authors));
    if (!m.summary.empty()) w.line(1, "summary " + dump_quoted(m.summary));
    if (!m.tags.empty()) w.line(1, "tags " + join(m.tags));
    w.line(1, "lang " + m.lang);
    if (!m.original.empty()) w.line(1, "original " + dump_quoted(m.original));
    party(w, "from", m.from);
    party(w, "to", m.to);
    if (!m.salutation.empty()) w.line(1, "salutation " + dump_quoted(m.salutation));
    if (!m.closing.empty()) w.line(1, "closing " + dump_quoted(m.closing));
    if (!m.signature.empty()) w.line(1, "signature " + dump_quoted(m.signature));
    if (!m.cc.empty()) w.line(1, "cc " + join(m.cc));
    if (m.event) {
        w.line(1, "event");
        if (m.event->when) w.line(2, "when " + m.event->when->iso());
        if (!m.event->venue.empty()) w.line(2, "venue " + dump_quoted(m.event->venue));
        if (!m.event->admission.empty()) w.line(2, "admission " + dump_quoted(m.event->admission));
    }
    return std::move(w.out) + dump_document(post.doc);
}

}  // namespace folio
