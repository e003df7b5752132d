// What each kind of post adds to the common flow (LOOK.md "Kinds"): a
// letter's address blocks, salutation and sign-off; an event's panel of
// practical details. A statement's clauses are set by list() in flow.cpp.
#include <algorithm>

#include "layout/flow_builder.hpp"

namespace folio {

bool FlowBuilder::is_statement_clauses(const List& l) const {
    return m_post.meta.kind == Kind::statement && l.ordered && m_list_depth == 0 && m_bars.empty();
}

size_t FlowBuilder::text_block(const std::string& text, const TextStyle& style, double leading, TextAlign align,
                               double space_before, const std::string& tag) {
    RichTextBuilder b(m_env);
    b.append(text, style, false);
    auto lines = set_paragraph(m_tc, b.take(), {m_measure, leading, align, m_style.max_consecutive_hyphens});
    const size_t first = emit_lines(std::move(lines), leading, style.size, space_before, tag);
    // The blocks of a letter's head stay together: no page break inside them.
    auto& chunks = m_out.galley.chunks;
    for (size_t i = first + 1; i < chunks.size(); ++i) chunks[i].break_before = false;
    return first;
}

// Sender (name bold, role, address) and the date on the right; the
// recipient on the left; then the salutation.
void FlowBuilder::letter_head() {
    const PostMeta& meta = m_post.meta;
    const TextStyle plain = sans_style(m_style.byline_size + 0.5);
    TextStyle bold = plain;
    bold.bold = true;
    const double leading = 12.5;
    const size_t first = m_out.galley.chunks.size();
    double space = 0;
    if (meta.from) {
        if (!meta.from->name.empty()) text_block(meta.from->name, bold, leading, TextAlign::right, space, "P"), space = 0;
        if (!meta.from->role.empty()) text_block(meta.from->role, plain, leading, TextAlign::right, 0, "P");
        for (const auto& line : meta.from->address) text_block(line, plain, leading, TextAlign::right, 0, "P");
        space = leading * 0.5;
    }
    text_block(long_date(meta.date), plain, leading, TextAlign::right, space, "P");
    if (meta.to) {
        space = m_style.body_leading;
        if (!meta.to->name.empty()) text_block(meta.to->name, bold, leading, TextAlign::left, space, "P"), space = 0;
        if (!meta.to->role.empty()) text_block(meta.to->role, plain, leading, TextAlign::left, space, "P"), space = 0;
        for (const auto& line : meta.to->address) text_block(line, plain, leading, TextAlign::left, space, "P"), space = 0;
    }
    auto& chunks = m_out.galley.chunks;
    for (size_t i = first + 1; i < chunks.size(); ++i) chunks[i].break_before = false;
    if (!meta.salutation.empty()) {
        size_t s = text_block(meta.salutation, body_style(), m_style.body_leading, TextAlign::left,
                              m_style.body_leading, "P");
        chunks[s].break_before = true;
        m_keep_next = true;  // the salutation stays with the letter's first line
    }
    m_after_heading = false;
}

// "Yours sincerely," then the signature (bold) with the sender's role, then copies.
void FlowBuilder::letter_foot() {
    const PostMeta& meta = m_post.meta;
    const SignOff sign_off = letter_sign_off(meta);  // the EPUB's too
    auto& chunks = m_out.galley.chunks;
    const size_t first = chunks.size();
    if (!sign_off.closing.empty())
        text_block(sign_off.closing, body_style(), m_style.body_leading, TextAlign::left, m_style.body_leading, "P");
    TextStyle name = body_style();
    name.bold = true;
    if (!sign_off.signer.empty()) {
        // Room for a signature above the typed name.
        text_block(sign_off.signer, name, m_style.body_leading, TextAlign::left,
                   sign_off.closing.empty() ? m_style.body_leading : m_style.body_leading * 2, "P");
        if (!sign_off.role.empty()) text_block(sign_off.role, body_style(), m_style.body_leading, TextAlign::left, 0, "P");
    }
    // The sign-off is kept together (and with the last line above it).
    for (size_t i = first; i < chunks.size(); ++i) chunks[i].break_before = i == first ? chunks[i].break_before : false;
    if (!meta.cc.empty()) {
        TextStyle cc = sans_style(m_style.byline_size);
        cc.color = m_style.grey;
        std::string text = "cc ";
        for (size_t i = 0; i < meta.cc.size(); ++i) text += (i ? "; " : "") + meta.cc[i];
        text_block(text, cc, 12, TextAlign::left, m_style.body_leading, "P");
    }
}

// A tinted panel with a navy bar on the left: Date, Time, Venue, Admission
// as label and value columns, kept whole on one page.
void FlowBuilder::event_panel() {
    if (!m_post.meta.event) return;
    const EventInfo& ev = *m_post.meta.event;
    std::vector<std::pair<std::string, std::string>> rows;
    if (ev.when) {
        rows.push_back({"Date", long_date(ev.when->date)});
        if (ev.when->hour) rows.push_back({"Time", ev.when->clock()});
    }
    if (!ev.venue.empty()) rows.push_back({"Venue", ev.venue});
    if (!ev.admission.empty()) rows.push_back({"Admission", ev.admission});
    if (rows.empty()) return;

    const double pad = 9, bar = 3, label_col = 22 * mm, leading = 12.5;
    TextStyle ls = sans_style(m_style.byline_size - 0.5);
    ls.bold = true;
    ls.color = m_style.accent;
    ls.tracking = m_style.kind_label_tracking;
    TextStyle vs = sans_style(m_style.byline_size + 0.5);
    const double value_x = bar + pad + label_col;
    const double value_measure = m_measure - value_x - pad;
    const double baseline = (leading - vs.size) / 2 + vs.size * 0.8;

    Chunk panel;
    panel.space_before = m_style.half_line();
    double y = pad;
    std::vector<Item> text;
    text.push_back(TagBegin{"Table", ""});
    for (size_t r = 0; r < rows.size(); ++r) {
        if (r > 0) y += 4;
        text.push_back(TagBegin{"TR", ""});
        text.push_back(TagBegin{"TH", ""});
        RichTextBuilder lb(m_env);
        std::string label = rows[r].first;
        for (char& c : label)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        lb.append(label, ls, false);
        for (auto& line : set_paragraph(m_tc, lb.take(), {label_col - 6, leading, TextAlign::left, 2}))
            for (Item& it : line.items) translate(it, m_indent + bar + pad, y + baseline), text.push_back(std::move(it));
        text.push_back(TagEnd{"TH"});
        text.push_back(TagBegin{"TD", ""});
        RichTextBuilder vb(m_env);
        vb.append(rows[r].second, vs, false);
        auto lines = set_paragraph(m_tc, vb.take(), {value_measure, leading, TextAlign::left, 2});
        for (auto& line : lines) {
            for (Item& it : line.items) translate(it, m_indent + value_x, y + baseline), text.push_back(std::move(it));
            y += leading;
        }
        text.push_back(TagEnd{"TD"});
        text.push_back(TagEnd{"TR"});
    }
    text.push_back(TagEnd{"Table"});
    const double height = y + pad;
    panel.height = height;
    panel.baseline = pad + baseline;
    panel.items.push_back(RectItem{m_indent, 0, m_measure, height, m_style.tint});
    panel.items.push_back(RectItem{m_indent, 0, bar, height, m_style.accent});
    for (Item& it : text) panel.items.push_back(std::move(it));
    push(std::move(panel));
    m_after_heading = false;
}

// The post's reference list: a "References" heading (in the outline under
// the post), then each entry at 9.5 pt with a hanging indent.
void FlowBuilder::reference_list(const std::vector<FormattedReference>& refs, bool with_heading) {
    if (with_heading) {
        Heading h;
        h.level = 2;
        h.content.push_back(make_inline(Text{"References"}));
        h.id = "references";
        m_top_block = static_cast<int>(m_post.doc.blocks.size()) - 1;
        heading(h);
    }
    const double size = 9.5, leading = 12.5, hang = 5 * mm;
    TextStyle rs = body_style();
    rs.size = size;
    const double saved_indent = m_indent, saved_measure = m_measure;
    for (const FormattedReference& ref : refs) {
        auto lines = set_paragraph(m_tc, rich(ref.text, rs, m_style.hyphenate),
                                   {m_measure - hang, leading, TextAlign::left, m_style.max_consecutive_hyphens});
        // The first line at the margin, the rest indented: set at the
        // narrower measure, the first line moved back out.
        m_indent = saved_indent + hang;
        if (!lines.empty())
            for (Item& it : lines.front().items) translate(it, -hang, 0);
        if (!lines.empty())
            for (LinkItem& l : lines.front().links) l.x -= hang;
        const size_t first = emit_lines(std::move(lines), leading, size, 3, "P");
        // A reader looks an entry up by its first words: one cut by a page
        // turn leaves a tail (often just a URL) hanging at the top of the
        // next page, under no name. Entries of up to six lines are kept
        // whole; a longer one may break as a paragraph does.
        constexpr size_t keep_whole = 6;
        if (m_out.galley.chunks.size() - first <= keep_whole)
            for (size_t k = first + 1; k < m_out.galley.chunks.size(); ++k) m_out.galley.chunks[k].break_before = false;
        if (first < m_out.galley.chunks.size() && !ref.id.empty())
            m_out.galley.chunks[first].items.insert(m_out.galley.chunks[first].items.begin(),
                                                    DestItem{m_env.post_id + "/ref-" + ref.id, -hang, 0});
    }
    m_indent = saved_indent;
    m_measure = saved_measure;
}

PostFlow FlowBuilder::run_reference_section(const std::vector<FormattedReference>& refs) {
    const std::string dest = "references";
    m_out.outline.push_back({"References", 1, dest});
    TextStyle ts = sans_style(m_style.title_size);
    ts.bold = true;
    ts.color = m_style.accent;
    RichTextBuilder tb(m_env);
    tb.append("References", ts, false);
    const size_t first = emit_lines(set_paragraph(m_tc, tb.take(), {m_measure, m_style.title_leading, TextAlign::left, 2}),
                                    m_style.title_leading, m_style.title_size, 0, "H1");
    m_out.galley.chunks[first].items.insert(m_out.galley.chunks[first].items.begin(), DestItem{dest, 0, 0});
    m_keep_next = true;
    reference_list(refs, false);
    return std::move(m_out);
}

PostFlow flow_reference_section(TypeContext& tc, const Style& style, const std::vector<FormattedReference>& refs,
                                int post_index) {
    Post placeholder;
    placeholder.slug = "pack";
    placeholder.meta.title = "References";
    FlowBuilder builder(tc, style, placeholder, post_index);
    return builder.run_reference_section(refs);
}

}  // namespace folio
