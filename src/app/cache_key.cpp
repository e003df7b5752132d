#include "app/cache_key.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "app/files.hpp"
#include "model/byte_codec.hpp"
#include "model/overloaded.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

// Every field goes in with a length or a tag in front, so two different
// values can never serialize to the same bytes.
class KeyWriter {
public:
    void str(std::string_view s) { m_w.str(s); }
    void num(std::int64_t v) { m_w.u64(static_cast<std::uint64_t>(v)); }
    void real(double v) { m_w.f64(v); }
    void flag(bool v) { m_w.boolean(v); }
    void tag(char t) { m_w.u8(static_cast<std::uint8_t>(t)); }
    void digest(const Sha256& d) { m_w.raw(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())); }
    void pos(const SourcePos& p) {
        num(p.line);
        num(p.column);
    }
    void color(const Color& c) {
        real(c.r);
        real(c.g);
        real(c.b);
    }
    Sha256 finish() { return sha256(m_w.bytes()); }

private:
    ByteWriter m_w;
};

void put_style(KeyWriter& k, const Style& s) {
    // Every value of Style: a value left out here would let a changed style
    // reuse galleys set in the old one.
    for (double v : {s.page_width, s.page_height, s.margin_inner, s.margin_outer, s.margin_top, s.margin_bottom,
                     s.body_size, s.body_leading, s.paragraph_indent, s.title_size, s.title_leading, s.h2_size,
                     s.h2_leading, s.h3_size, s.h3_leading, s.kind_label_size, s.kind_label_tracking,
                     s.standfirst_size, s.standfirst_leading, s.byline_size, s.running_head_size, s.folio_size,
                     s.note_size, s.note_leading, s.note_rule_length, s.note_rule_width, s.note_mark_scale,
                     s.note_mark_rise, s.code_size, s.code_leading, s.table_size, s.table_leading, s.table_cell_pad,
                     s.quote_indent, s.quote_bar_width, s.list_indent, s.caption_size})
        k.real(v);
    for (const std::string* f : {&s.serif, &s.sans, &s.mono}) k.str(*f);
    k.flag(s.justify);
    k.flag(s.hyphenate);
    k.flag(s.cover_panel);
    for (int v : {s.max_consecutive_hyphens, s.widows, s.orphans, s.heading_keep_lines}) k.num(v);
    for (const Color* c : {&s.ink, &s.accent, &s.accent2, &s.grey, &s.tint}) k.color(*c);
}

// The post as layout sees it, and what it points at outside itself.
class PostWriter {
public:
    explicit PostWriter(KeyWriter& k) : m_k(k) {}

    void meta(const PostMeta& m) {
        m_k.str(m.title);
        m_k.str(m.date.iso());
        m_k.num(static_cast<int>(m.kind));
        strings(m.authors);
        m_k.str(m.summary);
        strings(m.tags);
        m_k.str(m.lang);
        m_k.str(m.original);
        party(m.from);
        party(m.to);
        m_k.str(m.salutation);
        m_k.str(m.closing);
        m_k.str(m.signature);
        strings(m.cc);
        m_k.flag(m.event.has_value());
        if (m.event) {
            m_k.flag(m.event->when.has_value());
            if (m.event->when) m_k.str(m.event->when->iso());
            m_k.str(m.event->venue);
            m_k.str(m.event->admission);
        }
        m_k.pos(m.title_pos);
    }

    void document(const Document& d) {
        blocks(d.blocks);
        m_k.num(static_cast<std::int64_t>(d.notes.size()));
        for (const Footnote& n : d.notes) {
            m_k.str(n.label);
            m_k.num(n.number);
            blocks(n.content);
            m_k.flag(n.from_citation);
            m_k.pos(n.pos);
        }
        references(d.references);
    }

    void references(const std::vector<FormattedReference>& refs) {
        m_k.num(static_cast<std::int64_t>(refs.size()));
        for (const FormattedReference& r : refs) {
            m_k.str(r.id);
            inlines(r.text);
        }
    }

    const std::set<std::string>& images() const { return m_images; }
    const std::set<std::string>& cited() const { return m_cited; }

private:
    void strings(const std::vector<std::string>& v) {
        m_k.num(static_cast<std::int64_t>(v.size()));
        for (const auto& s : v) m_k.str(s);
    }
    void party(const std::optional<Party>& p) {
        m_k.flag(p.has_value());
        if (!p) return;
        m_k.str(p->name);
        m_k.str(p->role);
        strings(p->address);
    }

    void inlines(const Inlines& v) {
        m_k.num(static_cast<std::int64_t>(v.size()));
        for (const Inline& i : v) inline_node(i);
    }

    void inline_node(const Inline& in) {
        m_k.tag('i');
        m_k.num(static_cast<std::int64_t>(in.value.index()));
        m_k.pos(in.pos);
        std::visit(Overloaded{
                       [&](const Text& t) { m_k.str(t.text); },
                       [&](const SoftBreak&) {},
                       [&](const LineBreak&) {},
                       [&](const Emph& e) { inlines(e.children); },
                       [&](const Strong& e) { inlines(e.children); },
                       [&](const Strikethrough& e) { inlines(e.children); },
                       [&](const Superscript& e) { inlines(e.children); },
                       [&](const Subscript& e) { inlines(e.children); },
                       [&](const SmallCaps& e) { inlines(e.children); },
                       [&](const Code& c) { m_k.str(c.text); },
                       [&](const Link& l) {
                           m_k.str(l.url);
                           m_k.str(l.title);
                           inlines(l.children);
                       },
                       [&](const Image& i) {
                           m_k.str(i.url);
                           m_k.str(i.title);
                           inlines(i.alt);
                           m_k.str(i.path);
                           if (!i.path.empty()) m_images.insert(i.path);
                       },
                       [&](const RawInline& r) {
                           m_k.str(r.format);
                           m_k.str(r.text);
                       },
                       [&](const Span& s) {
                           m_k.str(s.lang);
                           m_k.str(s.cls);
                           inlines(s.children);
                       },
                       [&](const NoteRef& n) {
                           m_k.str(n.label);
                           m_k.num(n.number);
                       },
                       [&](const Cite& c) {
                           m_k.num(static_cast<int>(c.mode));
                           m_k.num(static_cast<std::int64_t>(c.items.size()));
                           for (const CiteItem& item : c.items) {
                               m_k.str(item.key);
                               m_k.str(item.prefix);
                               m_k.str(item.locator_label);
                               m_k.str(item.locator);
                               m_k.str(item.suffix);
                               m_k.flag(item.suppress_author);
                               m_k.pos(item.pos);
                               m_cited.insert(item.key);
                           }
                           m_k.str(c.source);
                           inlines(c.rendered);
                           m_k.num(c.note);
                       },
                   },
                   in.value);
    }

    void blocks(const Blocks& v) {
        m_k.num(static_cast<std::int64_t>(v.size()));
        for (const Block& b : v) block(b);
    }

    void row(const TableRow& r) {
        m_k.num(static_cast<std::int64_t>(r.cells.size()));
        for (const TableCell& c : r.cells) {
            inlines(c.content);
            m_k.pos(c.pos);
        }
    }

    void block(const Block& b) {
        m_k.tag('b');
        m_k.num(static_cast<std::int64_t>(b.value.index()));
        m_k.pos(b.pos);
        std::visit(Overloaded{
                       [&](const Paragraph& p) { inlines(p.content); },
                       [&](const Heading& h) {
                           m_k.num(h.level);
                           inlines(h.content);
                           m_k.str(h.id);
                       },
                       [&](const BlockQuote& q) { blocks(q.children); },
                       [&](const List& l) {
                           m_k.flag(l.ordered);
                           m_k.num(l.start);
                           m_k.num(l.delimiter);
                           m_k.flag(l.tight);
                           m_k.num(static_cast<std::int64_t>(l.items.size()));
                           for (const ListItem& item : l.items) {
                               blocks(item.children);
                               m_k.num(item.checked ? (*item.checked ? 1 : 0) : -1);
                               m_k.pos(item.pos);
                           }
                       },
                       [&](const CodeBlock& c) {
                           m_k.str(c.info);
                           m_k.str(c.text);
                       },
                       [&](const ThematicBreak&) {},
                       [&](const Table& t) {
                           m_k.num(static_cast<std::int64_t>(t.aligns.size()));
                           for (Align a : t.aligns) m_k.num(static_cast<int>(a));
                           row(t.header);
                           m_k.num(static_cast<std::int64_t>(t.rows.size()));
                           for (const TableRow& r : t.rows) row(r);
                       },
                       [&](const RawBlock& r) {
                           m_k.str(r.format);
                           m_k.str(r.text);
                       },
                   },
                   b.value);
    }

    KeyWriter& m_k;
    std::set<std::string> m_images;
    std::set<std::string> m_cited;
};

void put_csl_item(KeyWriter& k, const CslItem& item) {
    k.str(item.id);
    k.str(item.type);
    k.num(static_cast<std::int64_t>(item.fields.size()));
    for (const auto& [name, value] : item.fields) {
        k.str(name);
        k.str(value);
    }
    k.num(static_cast<std::int64_t>(item.names.size()));
    for (const auto& [role, names] : item.names) {
        k.str(role);
        k.num(static_cast<std::int64_t>(names.size()));
        for (const CslName& n : names) {
            for (const std::string* s : {&n.family, &n.given, &n.dropping_particle, &n.non_dropping_particle,
                                         &n.suffix, &n.literal})
                k.str(*s);
            k.flag(n.comma_suffix);
            k.flag(n.static_ordering);
        }
    }
    k.num(static_cast<std::int64_t>(item.dates.size()));
    for (const auto& [name, date] : item.dates) {
        k.str(name);
        k.num(static_cast<std::int64_t>(date.parts.size()));
        for (const auto& part : date.parts)
            for (int v : part) k.num(v);
        k.num(date.season);
        k.flag(date.circa);
        k.str(date.literal);
        k.str(date.raw);
    }
}

}  // namespace

Sha256 file_digest(const fs::path& path) {
    if (auto bytes = read_file(path)) return sha256(*bytes);
    return sha256("unreadable:" + path.string());
}

Sha256 folder_digest(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    KeyWriter k;
    for (const fs::path& f : files) {
        k.str(f.filename().string());
        k.digest(file_digest(f));
    }
    return k.finish();
}

Sha256 environment_digest(const LayoutEnvironment& env) {
    KeyWriter k;
    k.str("folio layout cache");
    k.str(env.folio_version);
    k.num(env.format);
    put_style(k, env.style);
    k.num(static_cast<int>(env.page_size));
    k.digest(env.fonts);
    k.digest(env.hyphenation);
    k.digest(env.citation_style);
    k.digest(env.citation_locales);
    k.str(env.language);
    k.flag(env.references_per_pack);
    return k.finish();
}

Sha256 post_layout_key(const Sha256& environment, const Post& post, std::string_view source_sha256,
                       const Bibliography& bibliography) {
    KeyWriter k;
    k.digest(environment);
    k.str(source_sha256);
    k.str(post.path);
    k.str(post.slug);
    PostWriter w(k);
    w.meta(post.meta);
    w.document(post.doc);
    // What the post points at: the images' bytes (layout reads them) and
    // the cited entries (already in the formatted citations, but an entry's
    // fields feed the reference list and may change a tie-break).
    for (const std::string& image : w.images()) {
        k.str(image);
        k.digest(file_digest(image));
    }
    for (const std::string& key : w.cited()) {
        k.str(key);
        if (const CslItem* item = bibliography.find(key)) put_csl_item(k, *item);
        else k.tag('-');
    }
    return k.finish();
}

}  // namespace folio
