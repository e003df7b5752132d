#include "layout/flow_builder.hpp"

#include <algorithm>
#include <functional>

#include "model/overloaded.hpp"

namespace folio {
namespace {

const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

// Lists deeper than this stop indenting: fifty levels would leave no measure.
constexpr int max_indent_depth = 8;

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// The column of a post's side notes in the outer margin: a few mm from the
// text block, at most 40 mm wide, and clear of the paper's edge by as much
// again. A margin too narrow for 20 mm gives none (0).
constexpr double side_note_gap = 5 * mm;

double side_note_width(const Style& style) {
    const double width = std::min(40 * mm, style.margin_outer - 2 * side_note_gap);
    return width >= 20 * mm ? width : 0;
}

// "3." or "3)": as the list was written.
std::string ordinal_label(int n, char delimiter) { return std::to_string(n) + delimiter; }

}  // namespace

std::string long_date(const Date& d) {
    if (d.month < 1 || d.month > 12) return d.iso();
    return std::to_string(d.day) + " " + month_names[d.month - 1] + " " + std::to_string(d.year);
}

void append_galley(Galley& into, Galley&& other) {
    const int note_base = static_cast<int>(into.notes.size());
    const int table_base = static_cast<int>(into.table_headers.size());
    for (auto& c : other.chunks) {
        for (int& n : c.notes) n += note_base;
        if (c.table >= 0) c.table += table_base;
        into.chunks.push_back(std::move(c));
    }
    for (auto& n : other.notes) into.notes.push_back(std::move(n));
    for (auto& t : other.table_headers) into.table_headers.push_back(std::move(t));
}

FlowBuilder::FlowBuilder(TypeContext& tc, const Style& style, const Post& post, int post_index)
    : m_tc(tc), m_style(style), m_post(post), m_post_index(post_index), m_pull_quotes(post) {
    m_env.style = &style;
    m_env.hyphenator = style.hyphenate ? tc.hyphenator() : nullptr;
    m_env.post_id = post.slug.empty() ? "p" + std::to_string(post_index) : post.slug;
    m_measure = style.measure();
}

TextStyle FlowBuilder::body_style() const {
    TextStyle s;
    s.families = m_style.serif;
    s.size = m_style.body_size;
    s.color = m_style.ink;
    s.oldstyle = true;
    return s;
}

TextStyle FlowBuilder::sans_style(double size) const {
    TextStyle s;
    s.families = m_style.sans;
    s.size = size;
    s.color = m_style.ink;
    return s;
}

RichText FlowBuilder::rich(const Inlines& inlines, const TextStyle& base, bool hyphenate) const {
    return build_rich_text(inlines, base, m_env, hyphenate);
}

Chunk& FlowBuilder::push(Chunk c) {
    c.post = m_post_index;
    c.block = m_top_block;
    if (m_new_page) {
        c.new_page = true;
        m_new_page = false;
    }
    if (m_keep_next) {
        c.break_before = false;
        m_keep_next = false;
    }
    // Quote bars run down the left of every chunk inside the quote, through
    // the space above it unless it opens the quote.
    for (double x : m_bars)
        c.items.push_back(RuleItem{x, -c.space_before, x, c.height, m_style.quote_bar_width, m_style.accent});
    m_out.galley.chunks.push_back(std::move(c));
    return m_out.galley.chunks.back();
}

double FlowBuilder::block_space() {
    if (m_after_heading) {
        m_after_heading = false;
        return 0;
    }
    return m_style.half_line();
}

// A block that opens with a rule or a tint (a table, code, a pull quote)
// keeps half a line even under a heading, whose descenders otherwise sat on
// its top rule.
double FlowBuilder::ruled_block_space() {
    block_space();
    return m_style.half_line();
}

size_t FlowBuilder::emit_lines(std::vector<SetLine> lines, double leading, double size, double space_before,
                               const std::string& tag, const std::string& alt) {
    const size_t first = m_out.galley.chunks.size();
    const double baseline = (leading - size) / 2 + size * 0.8;
    const int n = static_cast<int>(lines.size());
    for (int i = 0; i < n; ++i) {
        SetLine& line = lines[static_cast<size_t>(i)];
        Chunk c;
        c.height = leading;
        c.baseline = baseline;
        c.space_before = i == 0 ? space_before : 0;
        c.items.reserve(line.items.size() + line.links.size() + line.notes.size() + m_bars.size() + 2);
        if (i == 0 && !tag.empty()) c.items.push_back(TagBegin{tag, alt});
        for (Item& it : line.items) {
            translate(it, m_indent, baseline);
            c.items.push_back(std::move(it));
        }
        for (LinkItem& l : line.links) {
            l.x += m_indent;
            l.y += baseline;
            c.items.push_back(l);
        }
        for (const auto& note : line.notes) {
            c.items.push_back(DestItem{note_ref_dest(m_env.post_id, note.number), m_indent + note.x, 0});
            auto it = m_note_index.find(note.number);
            if (it != m_note_index.end()) c.notes.push_back(it->second);
        }
        if (i == n - 1 && !tag.empty()) c.items.push_back(TagEnd{tag});
        // Orphans and widows: no break after fewer than `orphans` lines or
        // before the last `widows`; never end a page on a hyphen.
        if (i > 0) {
            c.break_before = i >= m_style.orphans && n - i >= m_style.widows && !lines[static_cast<size_t>(i - 1)].hyphenated;
        }
        push(std::move(c));
    }
    return first;
}

void FlowBuilder::paragraph(const Inlines& inlines, const std::string& tag) {
    // A letter is set ragged right and unhyphenated, as letters are (and as
    // the EPUB sets them): a ragged line has no spaces to even out.
    const bool letter = m_post.meta.kind == Kind::letter;
    const bool justify = m_style.justify && !letter;
    ParaSpec spec{m_measure, m_style.body_leading, justify ? TextAlign::justify : TextAlign::left,
                  m_style.max_consecutive_hyphens};
    auto lines = set_paragraph(m_tc, rich(inlines, body_style(), m_style.hyphenate && !letter), spec);
    if (lines.empty()) return;
    emit_lines(std::move(lines), m_style.body_leading, m_style.body_size, block_space(), tag);
}

void FlowBuilder::heading(const Heading& h) {
    // Three visible levels: the post title (H1), then 13 pt and 11 pt.
    const bool big = h.level <= 2;
    const double size = big ? m_style.h2_size : m_style.h3_size;
    const double leading = big ? m_style.h2_leading : m_style.h3_leading;
    TextStyle s = sans_style(size);
    s.bold = true;
    s.color = m_style.accent;
    ParaSpec spec{m_measure, leading, TextAlign::left, m_style.max_consecutive_hyphens};
    auto lines = set_paragraph(m_tc, rich(h.content, s, false), spec);
    if (lines.empty()) return;
    const std::string dest = m_env.post_id + "/" + (h.id.empty() ? std::to_string(m_out.outline.size()) : h.id);
    const std::string tag = "H" + std::to_string(std::min(h.level + 1, 6));
    const double space = m_after_heading ? m_style.half_line() : m_style.body_leading;
    m_after_heading = false;
    size_t first = emit_lines(std::move(lines), leading, size, space, tag);
    auto& chunks = m_out.galley.chunks;
    chunks[first].items.insert(chunks[first].items.begin(), DestItem{dest, 0, 0});
    for (size_t i = first + 1; i < chunks.size(); ++i) chunks[i].break_before = false;
    m_out.outline.push_back({plain_text(h.content), big ? 2 : 3, dest});
    // Keep the heading with the first lines of what follows (the orphan rule
    // of the next paragraph keeps its second line).
    m_keep_next = true;
    m_after_heading = true;
}

// A passage the post repeats for emphasis: larger, navy italic, between
// rules across the measure, kept whole on one page. Only at the top level:
// inside a list or a quotation it stays what it is there.
void FlowBuilder::pull_quote(const Paragraph& p) {
    TextStyle s;
    s.families = m_style.serif;
    s.size = m_style.standfirst_size;
    s.italic = true;
    s.color = m_style.accent;
    const double leading = m_style.standfirst_leading;
    auto lines = set_paragraph(m_tc, rich(p.content, s, false),
                               {m_measure, leading, TextAlign::left, m_style.max_consecutive_hyphens});
    if (lines.empty()) return;
    // Half a line outside each rule and inside it.
    const double half = m_style.half_line();
    Chunk top;
    top.space_before = ruled_block_space();
    top.height = half;
    top.items.push_back(TagBegin{"BlockQuote", ""});
    top.items.push_back(RuleItem{m_indent, 0, m_indent + m_measure, 0, 0.75, m_style.accent});
    push(std::move(top));
    const size_t first = emit_lines(std::move(lines), leading, s.size, 0, "P");
    Chunk bottom;
    bottom.height = half;
    bottom.items.push_back(RuleItem{m_indent, half, m_indent + m_measure, half, 0.75, m_style.accent});
    bottom.items.push_back(TagEnd{"BlockQuote"});
    push(std::move(bottom));
    auto& chunks = m_out.galley.chunks;
    for (size_t i = first; i < chunks.size(); ++i) chunks[i].break_before = false;
    m_after_heading = false;
}

Result<void> FlowBuilder::quote(const BlockQuote& q) {
    if (m_bars.empty() && m_list_depth == 0 && m_pull_quotes.contains(q)) {
        pull_quote(std::get<Paragraph>(q.children.front().value));
        return {};
    }
    const double saved_indent = m_indent, saved_measure = m_measure;
    const double space = block_space();
    // The quote's own space sits above its bar.
    Chunk spacer;
    spacer.height = 0;
    spacer.space_before = space;
    spacer.items.push_back(TagBegin{"BlockQuote", ""});
    push(std::move(spacer));
    m_after_heading = true;  // no extra space inside, above the first block
    m_bars.push_back(m_indent + m_style.quote_bar_width / 2);
    // Indent only while an inch of measure is left: a deeper quote shares its
    // parent's edge. (Indenting regardless pushed text deep in nested quotes
    // and lists off the right edge of the page, silently.)
    if (m_measure - m_style.quote_indent >= 72.0) {
        m_indent += m_style.quote_indent;
        m_measure -= m_style.quote_indent;
    }
    Result<void> r = blocks(q.children);
    m_bars.pop_back();
    m_indent = saved_indent;
    m_measure = saved_measure;
    Chunk end;
    end.items.push_back(TagEnd{"BlockQuote"});
    end.break_before = false;
    push(std::move(end));
    return r;
}

Result<void> FlowBuilder::list(const List& l) {
    const double saved_indent = m_indent, saved_measure = m_measure;
    // A statement's numbered clauses keep the full measure, their numbers
    // hanging in the margin, with half a line between clauses.
    const bool clauses = is_statement_clauses(l);
    const bool indent = !clauses && m_list_depth < max_indent_depth && m_measure - m_style.list_indent >= 72.0;
    ++m_list_depth;
    Chunk open;
    open.space_before = block_space();
    open.items.push_back(TagBegin{"L", ""});
    push(std::move(open));
    int number = l.start;
    for (const ListItem& item : l.items) {
        if (indent) {
            m_indent = saved_indent + m_style.list_indent;
            m_measure = saved_measure - m_style.list_indent;
        }
        const size_t first = m_out.galley.chunks.size();
        // Items of a tight list follow each other without space; a loose
        // list puts half a line between items.
        m_after_heading = (l.tight && !clauses) || &item == &l.items.front();
        Result<void> r = blocks(item.children);
        if (!r) {
            --m_list_depth;
            return r;
        }
        auto& chunks = m_out.galley.chunks;
        if (chunks.size() == first) {  // an empty item still shows its label
            Chunk empty;
            empty.height = m_style.body_leading;
            empty.baseline = (m_style.body_leading - m_style.body_size) / 2 + m_style.body_size * 0.8;
            push(std::move(empty));
        }
        // The label hangs in the indent, right-aligned, on the first baseline.
        std::string label;
        if (item.checked) label = *item.checked ? "\xE2\x98\x91" : "\xE2\x98\x90";
        else if (l.ordered) label = ordinal_label(number, l.delimiter);
        else label = (m_list_depth % 2 == 1) ? "\xE2\x80\xA2" : "\xE2\x80\x93";
        ++number;
        TextStyle ls = body_style();
        ls.oldstyle = false;
        if (clauses) {
            ls = sans_style(m_style.body_size - 0.5);
            ls.bold = true;
            ls.color = m_style.accent;
        }
        RichTextBuilder b(m_env);
        b.append(label, ls, false);
        auto label_lines = set_paragraph(m_tc, b.take(), {m_style.list_indent, m_style.body_leading, TextAlign::right, 2});
        Chunk& head = chunks[first];
        std::vector<Item> prefix;
        prefix.push_back(TagBegin{"LI", ""});
        prefix.push_back(TagBegin{"Lbl", ""});
        const double label_x = clauses ? m_indent - m_style.list_indent - 6
                                       : (indent ? m_indent - m_style.list_indent : m_indent) - 3;
        for (auto& ll : label_lines)
            for (Item& it : ll.items) {
                translate(it, label_x, head.baseline);
                prefix.push_back(std::move(it));
            }
        prefix.push_back(TagEnd{"Lbl"});
        prefix.push_back(TagBegin{"LBody", ""});
        head.items.insert(head.items.begin(), std::make_move_iterator(prefix.begin()), std::make_move_iterator(prefix.end()));
        chunks.back().items.push_back(TagEnd{"LBody"});
        chunks.back().items.push_back(TagEnd{"LI"});
    }
    m_indent = saved_indent;
    m_measure = saved_measure;
    --m_list_depth;
    Chunk close;
    close.items.push_back(TagEnd{"L"});
    close.break_before = false;
    push(std::move(close));
    m_after_heading = false;
    return {};
}

void FlowBuilder::code(const CodeBlock& c) {
    TextStyle s;
    s.families = m_style.mono;
    s.size = m_style.code_size;
    s.color = m_style.ink;
    const double pad = 4;
    const double inner = std::max(36.0, m_measure - 2 * pad);
    std::string_view text = c.text;
    if (text.ends_with('\n')) text.remove_suffix(1);
    double space = ruled_block_space();
    bool first_chunk = true;
    size_t start = 0;
    const size_t first_index = m_out.galley.chunks.size();
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view src = text.substr(start, nl - start);
        RichTextBuilder b(m_env);
        b.append(src.empty() ? std::string_view(" ") : src, s, false);
        auto lines = set_paragraph(m_tc, b.take(), {inner, m_style.code_leading, TextAlign::left, 2});
        for (size_t i = 0; i < lines.size(); ++i) {
            Chunk ch;
            ch.height = m_style.code_leading;
            ch.baseline = (m_style.code_leading - m_style.code_size) / 2 + m_style.code_size * 0.8;
            ch.space_before = first_chunk ? space : 0;
            first_chunk = false;
            ch.items.push_back(RectItem{m_indent, 0, m_measure, m_style.code_leading, m_style.tint});
            for (Item& it : lines[i].items) {
                translate(it, m_indent + pad, ch.baseline);
                ch.items.push_back(std::move(it));
            }
            // A wrapped line says so with a marker at the right edge.
            if (i + 1 < lines.size()) {
                RichTextBuilder mb(m_env);
                TextStyle ms = s;
                ms.color = m_style.grey;
                mb.append("\xE2\x86\xA9", ms, false);
                for (auto& ml : set_paragraph(m_tc, mb.take(), {pad * 3, m_style.code_leading, TextAlign::left, 2}))
                    for (Item& it : ml.items) {
                        translate(it, m_indent + m_measure + 1, ch.baseline);
                        ch.items.push_back(std::move(it));
                    }
            }
            push(std::move(ch));
        }
        start = nl + 1;
        if (nl == text.size()) break;
    }
    auto& chunks = m_out.galley.chunks;
    if (chunks.size() > first_index) {
        auto& items = chunks[first_index].items;
        items.insert(items.begin(), TagBegin{"Code", ""});
        chunks.back().items.push_back(TagEnd{"Code"});
    }
}

void FlowBuilder::thematic_break() {
    Chunk c;
    c.space_before = block_space();
    c.height = m_style.body_leading;
    const double mid = m_indent + m_measure / 2;
    c.items.push_back(RuleItem{mid - 15 * mm, c.height / 2, mid + 15 * mm, c.height / 2, 0.5, m_style.accent});
    push(std::move(c));
}

Result<void> FlowBuilder::block(const Block& b) {
    return std::visit(
        Overloaded{
            [&](const Paragraph& p) -> Result<void> {
                // A paragraph of one image is a figure.
                if (p.content.size() == 1)
                    if (auto* im = std::get_if<Image>(&p.content[0].value)) return figure(*im);
                paragraph(p.content, "P");
                return {};
            },
            [&](const Heading& h) -> Result<void> {
                heading(h);
                return {};
            },
            [&](const BlockQuote& q) -> Result<void> { return quote(q); },
            [&](const List& l) -> Result<void> { return list(l); },
            [&](const CodeBlock& c) -> Result<void> {
                code(c);
                return {};
            },
            [&](const ThematicBreak&) -> Result<void> {
                thematic_break();
                return {};
            },
            [&](const Table& t) -> Result<void> {
                table(t);
                return {};
            },
            [&](const RawBlock&) -> Result<void> { return {}; },
        },
        b.value);
}

Result<void> FlowBuilder::blocks(const Blocks& bs) {
    for (const Block& b : bs) {
        Result<void> r = block(b);
        if (!r) return r;
    }
    return {};
}

// The side note's lines: `label`, then `below` (may be empty), flush left
// in a column `width` wide whose left edge is `x`, the first baseline at
// `baseline` (the title's). Lines of both follow at an 8 pt size's leading.
// A letterspaced label's runs end at its last letter, without the tracking
// after it: paginate sets a left-hand page's note flush right by the runs'
// widths, and that space put the label 1 pt short of the date's edge.
std::vector<Item> FlowBuilder::side_note(RichText label, double label_tracking, RichText below, double width, double x,
                                         double baseline) {
    constexpr double leading = 11;
    std::vector<Item> out;
    double y = baseline;
    for (RichText* text : {&label, &below}) {
        if (text->text.empty()) continue;
        const double trailing = text == &label ? label_tracking : 0;
        for (SetLine& line : set_paragraph(m_tc, std::move(*text), {width, leading, TextAlign::left, 2})) {
            for (Item& it : line.items) {
                if (auto* g = std::get_if<GlyphRun>(&it)) g->width = std::max(0.0, g->width - trailing);
                translate(it, x, y);
                out.push_back(std::move(it));
            }
            y += leading;
        }
    }
    return out;
}

void FlowBuilder::post_header() {
    const PostMeta& meta = m_post.meta;
    const std::string dest = "post-" + m_env.post_id;
    m_out.outline.push_back({meta.title, 1, dest});

    // Kind label: small, uppercase, letterspaced, red. It is a side note in
    // the wide outer margin, beside the title, when the margin has room for
    // one; else it heads the column above the title.
    TextStyle ks = sans_style(m_style.kind_label_size);
    ks.bold = true;
    ks.color = m_style.accent2;
    ks.tracking = m_style.kind_label_tracking;
    RichTextBuilder kb(m_env);
    kb.append(upper(kind_label(meta.kind)), ks, false);
    const double note_width = side_note_width(m_style);
    const bool in_margin = note_width > 0;
    size_t first = m_out.galley.chunks.size();
    if (!in_margin)
        emit_lines(set_paragraph(m_tc, kb.take(), {m_measure, 12, TextAlign::left, 2}), 12, m_style.kind_label_size, 0,
                   "");

    TextStyle ts = sans_style(m_style.title_size);
    ts.bold = true;
    ts.color = m_style.accent;
    RichTextBuilder tb(m_env);
    tb.append(meta.title, ts, false);
    size_t t0 = emit_lines(set_paragraph(m_tc, tb.take(), {m_measure, m_style.title_leading, TextAlign::left, 2}),
                           m_style.title_leading, m_style.title_size, in_margin ? 0 : 4, "H1");
    auto& chunks = m_out.galley.chunks;
    for (size_t i = t0; i < chunks.size(); ++i) chunks[i].break_before = false;
    // The date goes under the label in the margin, where a reader scanning
    // the pack finds both; a letter's date is in its head already (as a
    // letter has it), so its margin holds the label alone. Either way the
    // byline no longer repeats it.
    const bool date_in_margin = in_margin && meta.kind != Kind::letter;
    if (in_margin) {
        TextStyle ds = sans_style(m_style.byline_size);
        ds.color = m_style.grey;
        RichTextBuilder db(m_env);
        if (date_in_margin) db.append(long_date(meta.date), ds, false);
        chunks[t0].margin = side_note(kb.take(), ks.tracking * ks.size, db.take(), note_width, m_indent + m_measure + side_note_gap,
                                      chunks[t0].baseline);
    }
    chunks[first].items.insert(chunks[first].items.begin(), DestItem{dest, 0, 0});

    if (!meta.summary.empty()) {
        TextStyle ss;
        ss.families = m_style.serif;
        ss.size = m_style.standfirst_size;
        ss.italic = true;
        ss.color = m_style.ink;
        RichTextBuilder sb(m_env);
        sb.append(meta.summary, ss, false);
        size_t s0 = emit_lines(set_paragraph(m_tc, sb.take(), {m_measure, m_style.standfirst_leading, TextAlign::left, 2}),
                               m_style.standfirst_leading, m_style.standfirst_size, 8, "P");
        for (size_t i = s0; i < chunks.size(); ++i) chunks[i].break_before = false;
    }

    std::string byline;
    for (size_t i = 0; i < meta.authors.size(); ++i) byline += (i ? (i + 1 == meta.authors.size() ? " and " : ", ") : "") + meta.authors[i];
    const std::string separator = "  \xC2\xB7  ";
    if (!in_margin) byline += (byline.empty() ? "" : separator) + long_date(meta.date);
    if (!meta.original.empty()) byline += (byline.empty() ? "" : separator) + "First published in " + meta.original;
    TextStyle bs = sans_style(m_style.byline_size);
    bs.color = m_style.grey;
    RichTextBuilder bb(m_env);
    bb.append(byline, bs, false);
    if (!byline.empty()) {
        size_t b0 = emit_lines(set_paragraph(m_tc, bb.take(), {m_measure, 12, TextAlign::left, 2}), 12,
                               m_style.byline_size, 8, "P");
        for (size_t i = b0; i < chunks.size(); ++i) chunks[i].break_before = false;
    }

    Chunk rule;
    rule.space_before = 6;
    rule.height = m_style.body_leading;
    rule.items.push_back(RuleItem{0, 0.5, m_measure, 0.5, 0.75, m_style.accent});
    rule.break_before = false;
    push(std::move(rule));
    m_keep_next = true;
    m_after_heading = true;
}

void FlowBuilder::notes() {
    // Notes are set first so body lines can point at them; numbered by the
    // passes (per post), in number order.
    std::vector<const Footnote*> sorted;
    for (const Footnote& f : m_post.doc.notes)
        if (f.number > 0) sorted.push_back(&f);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->number < b->number; });
    for (const Footnote* f : sorted) {
        if (m_note_index.count(f->number)) continue;
        NoteBody body = note_body(*f);
        body.lines.front().items.insert(body.lines.front().items.begin(), TagBegin{"Note", ""});
        body.lines.back().items.push_back(TagEnd{"Note"});
        m_note_index[f->number] = static_cast<int>(m_out.galley.notes.size());
        m_out.galley.notes.push_back(std::move(body));
    }
}

// A note's blocks as lines of the note area: paragraphs (the first one led
// by the note's number), headings as paragraphs, code, block quotes and
// lists indented, with their labels hanging as in the text, and tables as
// one line per row. A note that does not open with a paragraph gets its
// number on a line of its own, so it never collides with a list label.
NoteBody FlowBuilder::note_body(const Footnote& f) {
    NoteBody body;
    TextStyle ns;
    ns.families = m_style.serif;
    ns.size = m_style.note_size;
    ns.color = m_style.ink;
    const double leading = m_style.note_leading;
    const double baseline = (leading - m_style.note_size) / 2 + m_style.note_size * 0.8;
    // Indents scale with the note size, so a note's list looks like the text's.
    const double list_indent = m_style.list_indent * m_style.note_size / m_style.body_size;
    const double quote_indent = m_style.quote_indent * m_style.note_size / m_style.body_size;
    // A letter's notes are set as its body is, ragged right and unhyphenated:
    // justified, a note whose next word is a long address spread its last
    // words across the measure.
    const bool letter = m_post.meta.kind == Kind::letter;
    const TextAlign para_align = m_style.justify && !letter ? TextAlign::justify : TextAlign::left;
    const bool hyphenate = m_style.hyphenate && !letter;
    bool first_para = true;
    // The label of the list item whose first paragraph comes next, with the
    // tags that open the item; the paragraph hangs them on its first line.
    std::vector<Item> pending_label;

    auto add_rich = [&](RichText rt, double indent, TextAlign align) {
        const double measure = std::max(72.0, m_measure - indent);
        auto lines = set_paragraph(m_tc, std::move(rt), {measure, leading, align, 2});
        if (lines.empty()) lines.emplace_back();
        for (size_t i = 0; i < lines.size(); ++i) {
            Chunk c;
            c.height = leading;
            c.baseline = baseline;
            c.space_before = (i == 0 && !first_para) ? 2 : 0;
            if (i == 0 && first_para) c.items.push_back(DestItem{note_dest(m_env.post_id, f.number), 0, 0});
            if (i == 0) {
                for (Item& it : pending_label) translate(it, 0, baseline), c.items.push_back(std::move(it));
                pending_label.clear();
            }
            for (Item& it : lines[i].items) translate(it, indent, baseline), c.items.push_back(std::move(it));
            for (LinkItem& l : lines[i].links) l.x += indent, l.y += baseline, c.items.push_back(l);
            body.lines.push_back(std::move(c));
        }
        first_para = false;
    };
    // The number leads the first paragraph and links back to its mark.
    auto start = [&](RichTextBuilder& b) {
        if (!first_para) return 0;
        const std::string number = std::to_string(f.number);
        b.append(number + ". ", ns, false);
        return static_cast<int>(number.size());
    };
    auto add_para = [&](const std::vector<const Inlines*>& parts, const std::string& plain, double indent,
                        const TextStyle& style, TextAlign align) {
        RichTextBuilder b(m_env);
        const int number_bytes = start(b);
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) b.append(" \xC2\xB7 ", style, false);  // table cells: a middle dot between them
            b.append_inlines(*parts[i], style, hyphenate);
        }
        if (parts.empty()) b.append(plain, style, false);
        RichText rt = b.take();
        if (number_bytes > 0) rt.links.push_back({0, number_bytes, "", note_ref_dest(m_env.post_id, f.number)});
        add_rich(std::move(rt), indent, align);
    };
    auto number_line = [&] {
        if (first_para) add_para({}, "", 0, ns, TextAlign::left);
    };

    std::function<void(const Blocks&, double, int)> add_blocks = [&](const Blocks& blocks, double indent, int depth) {
        for (const Block& block : blocks)
            std::visit(Overloaded{
                           [&](const Paragraph& p) { add_para({&p.content}, "", indent, ns, para_align); },
                           [&](const Heading& h) {
                               TextStyle hs = ns;
                               hs.bold = true;
                               add_para({&h.content}, "", indent, hs, TextAlign::left);
                           },
                           [&](const CodeBlock& c) {
                               std::string text = c.text;
                               while (!text.empty() && text.back() == '\n') text.pop_back();
                               TextStyle cs = ns;
                               cs.families = m_style.mono;
                               cs.size = m_style.note_size * 0.95;
                               add_para({}, text, indent, cs, TextAlign::left);
                           },
                           [&](const BlockQuote& q) {
                               number_line();
                               // As in the text: indent while an inch of measure is left.
                               const bool room = m_measure - indent - quote_indent >= 72.0;
                               add_blocks(q.children, room ? indent + quote_indent : indent, depth + 1);
                           },
                           [&](const List& l) {
                               number_line();
                               const bool deeper = depth < max_indent_depth && m_measure - indent - list_indent >= 72.0;
                               const double item_indent = deeper ? indent + list_indent : indent;
                               int number = l.start;
                               for (const ListItem& item : l.items) {
                                   std::string label;
                                   if (item.checked) label = *item.checked ? "\xE2\x98\x91" : "\xE2\x98\x90";
                                   else if (l.ordered) label = ordinal_label(number, l.delimiter);
                                   else label = depth % 2 == 0 ? "\xE2\x80\xA2" : "\xE2\x80\x93";
                                   ++number;
                                   if (&item == &l.items.front()) pending_label.push_back(TagBegin{"L", ""});
                                   pending_label.push_back(TagBegin{"LI", ""});
                                   pending_label.push_back(TagBegin{"Lbl", ""});
                                   RichTextBuilder b(m_env);
                                   b.append(label, ns, false);
                                   for (auto& line : set_paragraph(m_tc, b.take(),
                                                                   {list_indent, leading, TextAlign::right, 2}))
                                       for (Item& it : line.items) {
                                           translate(it, item_indent - list_indent - 2, 0);
                                           pending_label.push_back(std::move(it));
                                       }
                                   pending_label.push_back(TagEnd{"Lbl"});
                                   pending_label.push_back(TagBegin{"LBody", ""});
                                   add_blocks(item.children, item_indent, depth + 1);
                                   if (!pending_label.empty()) add_para({}, "", item_indent, ns, TextAlign::left);
                                   body.lines.back().items.push_back(TagEnd{"LBody"});
                                   body.lines.back().items.push_back(TagEnd{"LI"});
                               }
                               if (!l.items.empty()) body.lines.back().items.push_back(TagEnd{"L"});
                           },
                           [&](const Table& t) {
                               auto row = [&](const TableRow& r, bool header) {
                                   std::vector<const Inlines*> cells;
                                   for (const TableCell& c : r.cells) cells.push_back(&c.content);
                                   TextStyle rs = ns;
                                   rs.bold = header;
                                   add_para(cells, "", indent, rs, TextAlign::left);
                               };
                               row(t.header, true);
                               for (const TableRow& r : t.rows) row(r, false);
                           },
                           [&](const ThematicBreak&) {},
                           [&](const RawBlock&) {},
                       },
                       block.value);
    };
    add_blocks(f.content, 0, 0);
    if (body.lines.empty()) add_para({}, "", 0, ns, TextAlign::left);
    return body;
}

Result<PostFlow> FlowBuilder::run() {
    notes();
    post_header();
    if (m_post.meta.kind == Kind::letter) letter_head();
    if (m_post.meta.kind == Kind::event) event_panel();
    const Blocks& top = m_post.doc.blocks;
    for (size_t i = 0; i < top.size(); ++i) {
        m_top_block = static_cast<int>(i);
        Result<void> r = block(top[i]);
        if (!r) return Error{m_post.path + ": " + r.error()};
    }
    if (m_post.meta.kind == Kind::letter) letter_foot();
    if (!m_post.doc.references.empty()) reference_list(m_post.doc.references);
    return std::move(m_out);
}

Result<PostFlow> flow_post(TypeContext& tc, const Style& style, const Post& post, int post_index) {
    FlowBuilder builder(tc, style, post, post_index);
    return builder.run();
}

std::filesystem::path post_folder(const Post& post) { return std::filesystem::path(post.path).parent_path(); }

}  // namespace folio
