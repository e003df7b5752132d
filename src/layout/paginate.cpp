#include "layout/paginate.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "layout/set_paragraph.hpp"

namespace folio {
namespace {

// Space between the text and the note rule, and between the rule and notes.
constexpr double note_gap_above = 8;
constexpr double note_gap_below = 5;
constexpr double note_separator = note_gap_above + note_gap_below;

// Tracks open structure tags so each page closes what it opened and the next
// page reopens it, keeping every page balanced; notes and furniture never
// nest inside body text. Where the element can run on as one (see
// TagBegin::continued) the page's notes and furniture are placed at a point
// where no body element is open, and the close and reopen are marked.
struct TagStack {
    std::vector<TagBegin> open;
    void reopen(std::vector<Item>& out) const {
        for (const auto& t : open) out.push_back(t);
    }
    void close(std::vector<Item>& out) const {
        for (auto it = open.rbegin(); it != open.rend(); ++it) out.push_back(TagEnd{it->tag});
    }
    void track(const Item& item) {
        if (auto* b = std::get_if<TagBegin>(&item)) open.push_back(*b);
        else if (std::get_if<TagEnd>(&item) && !open.empty()) open.pop_back();
    }
};

// Text cut short for an ellipsis, without the punctuation, dash or space it
// was cut after; unchanged if nothing else is left.
std::string without_trailing_punctuation(std::string s) {
    std::string out = s;
    for (;;) {
        if (!out.empty() && std::string_view(" ,;:(-/").find(out.back()) != std::string_view::npos) {
            out.pop_back();
        } else if (out.ends_with("\xE2\x80\x93") || out.ends_with("\xE2\x80\x94")) {  // en and em dashes
            out.resize(out.size() - 3);
        } else {
            break;
        }
    }
    return out.empty() ? s : out;
}

// A side note set for a right-hand page (Chunk::margin) as a left-hand
// page has it: each item reflected about the text block, `measure` wide, so
// a line flush left beside the text's right edge is flush right beside its
// left edge. Glyphs keep their order and spacing: the run moves whole.
void mirror_side_note(Item& item, double measure) {
    if (auto* g = std::get_if<GlyphRun>(&item)) {
        translate(item, measure - 2 * g->x - g->width, 0);
    } else if (auto* r = std::get_if<RuleItem>(&item)) {
        r->x0 = measure - r->x0;
        r->x1 = measure - r->x1;
    } else if (auto* b = std::get_if<RectItem>(&item)) {
        b->x = measure - b->x - b->w;
    }
}

class Paginator {
public:
    Paginator(TypeContext& tc, const Style& style, Galley galley, const PaginateInput& input)
        : m_tc(tc), m_style(style), m_galley(std::move(galley)), m_input(input), m_placed(m_galley.notes.size(), false) {}

    std::vector<Page> run() {
        const auto& chunks = m_galley.chunks;
        size_t s = 0;
        while (s < chunks.size() || !m_carry.empty()) {
            size_t e = s < chunks.size() ? page_end(s) : s;
            assemble(s, e);
            s = e;
        }
        return std::move(m_pages);
    }

private:
    double header_height(size_t s) const {
        const Chunk& c = m_galley.chunks[s];
        return c.table >= 0 ? m_galley.table_headers[static_cast<size_t>(c.table)].height : 0;
    }
    double carry_height() const {
        double h = 0;
        for (const auto& l : m_carry) h += l.space_before + l.height;
        return h;
    }

    // The end (exclusive) of the page that starts at chunk s.
    size_t page_end(size_t s) const {
        const auto& chunks = m_galley.chunks;
        const double H = m_style.body_height();
        double y = header_height(s);
        double notes = m_carry.empty() ? 0 : carry_height() + note_separator;
        std::vector<int> seen;
        size_t i = s;
        for (; i < chunks.size(); ++i) {
            const Chunk& c = chunks[i];
            if (i > s && c.new_page) return i;
            const double gap = i == s ? 0 : c.space_before;
            double add = 0;
            for (int n : c.notes)
                if (!m_placed[static_cast<size_t>(n)] && std::find(seen.begin(), seen.end(), n) == seen.end())
                    add += m_galley.notes[static_cast<size_t>(n)].height();
            if (add > 0 && notes == 0) add += note_separator;
            if (i == s || y + gap + c.height + notes + add <= H + 0.001) {
                y += gap + c.height;
                notes += add;
                for (int n : c.notes) seen.push_back(n);
                continue;
            }
            // A long note may start here and continue on the next page, if
            // its first lines fit below the line that marks it.
            const bool may_end_after = i + 1 >= chunks.size() || chunks[i + 1].break_before || chunks[i + 1].new_page;
            if (add > 0 && m_carry.empty() && may_end_after) {
                double first_lines = notes == 0 ? note_separator : 0;
                for (int n : c.notes) {
                    const auto& lines = m_galley.notes[static_cast<size_t>(n)].lines;
                    for (size_t k = 0; k < lines.size() && k < 2; ++k) first_lines += lines[k].space_before + lines[k].height;
                }
                if (y + gap + c.height + notes + first_lines <= H + 0.001) {
                    for (int n : c.notes) seen.push_back(n);
                    return i + 1;  // the page is full: its notes run on
                }
            }
            // Overflow: break at the last allowed place on this page.
            for (size_t k = i; k > s; --k)
                if (chunks[k].break_before) return k;
            return i;
        }
        return i;
    }

    void assemble(size_t s, size_t e) {
        const auto& chunks = m_galley.chunks;
        const int number = static_cast<int>(m_pages.size()) + m_input.first_page_number;
        Page page;
        page.width = m_style.page_width;
        page.height = m_style.page_height;
        page.set_number(PageNumbering::decimal, number);
        const bool left = number % 2 == 0;  // verso: mirrored margins
        const double x0 = left ? m_style.margin_outer : m_style.margin_inner;
        const double top = m_style.margin_top;
        auto& items = page.items;

        // Room for everything the page will hold, so its items (large
        // variants) are not moved again and again as the vector grows: the
        // open tags twice, a table header, the chunks, their notes, the
        // notes carried over, and the furniture.
        size_t expected = 2 * m_body_tags.open.size() + 16;
        if (s < e && chunks[s].table >= 0)
            expected += m_galley.table_headers[static_cast<size_t>(chunks[s].table)].items.size();
        for (const Chunk& l : m_carry) expected += l.items.size();
        for (size_t k = s; k < e; ++k) {
            expected += chunks[k].items.size() + chunks[k].margin.size();
            for (int n : chunks[k].notes)
                if (!m_placed[static_cast<size_t>(n)])
                    for (const Chunk& l : m_galley.notes[static_cast<size_t>(n)].lines) expected += l.items.size();
        }
        items.reserve(expected);

        const size_t reopened = m_body_tags.open.size();
        m_body_tags.reopen(items);
        double y = top;
        if (s < e && chunks[s].table >= 0) {
            for (Item it : m_galley.table_headers[static_cast<size_t>(chunks[s].table)].items) {
                translate(it, x0, y);
                items.push_back(std::move(it));
            }
            y += header_height(s);
        }
        // Where no body element is open: the first such point when the page
        // continues elements of the previous page (they must have closed),
        // else the last one (what is open after it runs on to the next page).
        std::optional<size_t> first_level, last_level;
        if (reopened == 0) first_level = last_level = items.size();
        std::vector<int> notes;
        for (size_t k = s; k < e; ++k) {
            Chunk& c = m_galley.chunks[k];  // each chunk is placed once: move its items
            if (k > s) y += c.space_before;
            for (Item& it : c.margin) {
                if (left) mirror_side_note(it, m_style.measure());
                translate(it, x0, y);
                items.push_back(std::move(it));
            }
            for (Item& it : c.items) {
                m_body_tags.track(it);
                translate(it, x0, y);
                items.push_back(std::move(it));
                if (m_body_tags.open.empty()) {
                    if (!first_level) first_level = items.size();
                    last_level = items.size();
                }
            }
            y += c.height;
            // A note referred to twice is set once, with its first mark.
            for (int n : c.notes)
                if (!m_placed[static_cast<size_t>(n)]) {
                    m_placed[static_cast<size_t>(n)] = true;
                    notes.push_back(n);
                }
        }
        const size_t closing = m_body_tags.open.size();
        m_body_tags.close(items);
        const size_t body_end = items.size();

        // Footnotes: what was carried over first, then this page's notes;
        // lines that do not fit go on to the next page.
        std::vector<Chunk> lines = std::move(m_carry);
        m_carry.clear();
        for (int n : notes)
            for (Chunk& l : m_galley.notes[static_cast<size_t>(n)].lines) lines.push_back(std::move(l));
        if (!lines.empty()) {
            const double available = top + m_style.body_height() - y - note_separator;
            double h = 0;
            size_t fit = 0;
            for (; fit < lines.size(); ++fit) {
                const double lh = (fit ? lines[fit].space_before : 0) + lines[fit].height;
                if (h + lh > available + 0.001 && fit > 0) break;
                h += lh;
            }
            const double notes_top = top + m_style.body_height() - h;
            items.push_back(RuleItem{x0, notes_top - note_gap_below, x0 + m_style.note_rule_length,
                                     notes_top - note_gap_below, m_style.note_rule_width, m_style.ink});
            m_note_tags.reopen(items);
            double ny = notes_top;
            for (size_t k = 0; k < fit; ++k) {
                if (k > 0) ny += lines[k].space_before;
                for (Item& it : lines[k].items) {
                    m_note_tags.track(it);
                    translate(it, x0, ny);
                    items.push_back(std::move(it));
                }
                ny += lines[k].height;
            }
            m_note_tags.close(items);
            m_carry.assign(std::make_move_iterator(lines.begin() + static_cast<long>(fit)),
                           std::make_move_iterator(lines.end()));
            if (!m_carry.empty()) m_carry.front().space_before = 0;
        }

        if (s < e) {
            page.post = chunks[s].post;
            page.block = chunks[s].block;
        } else if (!m_pages.empty()) {  // a page of continued notes only
            page.post = m_pages.back().post;
            page.block = m_pages.back().block;
        }
        furniture(page, s < e ? chunks[s] : Chunk{}, left, x0, number);

        // Notes and furniture go where no body element is open, so the
        // elements left open at either end of the page can run on.
        const std::optional<size_t> level = reopened > 0 ? first_level : last_level;
        if (level && *level < body_end - closing)
            std::rotate(items.begin() + static_cast<long>(*level), items.begin() + static_cast<long>(body_end),
                        items.end());
        // The previous page left elements open and had a level point; this
        // page closes them: they are the same elements, run on.
        if (reopened > 0 && first_level && m_prev_closing == reopened) {
            auto& prev = m_pages.back().items;
            for (size_t k = prev.size() - reopened; k < prev.size(); ++k) std::get<TagEnd>(prev[k]).continues = true;
            for (size_t k = 0; k < reopened; ++k) std::get<TagBegin>(items[k]).continued = true;
        }
        m_prev_closing = level && *level < body_end - closing ? closing : 0;
        m_pages.push_back(std::move(page));
    }

    // One line of sans text in a style, as items at (x, baseline y).
    void line_of(std::vector<Item>& out, const std::string& text, double size, double tracking, bool tabular,
                 double x, double y, TextAlign align) {
        TextStyle s;
        s.families = m_style.sans;
        s.size = size;
        s.color = m_style.grey;
        s.tracking = tracking;
        s.tabular = tabular;
        InlineEnv env{&m_style, nullptr, ""};
        std::string shown = text;
        for (;;) {
            RichTextBuilder b(env);
            b.append(shown, s, false);
            auto lines = set_paragraph(m_tc, b.take(), {m_style.measure(), size * 1.2, align, 2});
            if (lines.size() <= 1 || shown.size() < 4) {
                for (auto& l : lines)
                    for (Item& it : l.items) {
                        translate(it, x, y);
                        out.push_back(std::move(it));
                    }
                return;
            }
            // Too long for one line: drop the last word and end with an
            // ellipsis, after no punctuation ("MP,…" reads as a typo).
            std::string base = shown.ends_with("\xE2\x80\xA6") ? shown.substr(0, shown.size() - 3) : shown;
            size_t cut = base.find_last_of(' ');
            if (cut == std::string::npos || cut == 0) cut = base.size() - 1;
            shown = without_trailing_punctuation(base.substr(0, cut)) + "\xE2\x80\xA6";
        }
    }

    void furniture(Page& page, const Chunk& first, bool left, double x0, int number) {
        const TextAlign outer = left ? TextAlign::left : TextAlign::right;
        // No running head on a post's first page.
        if (!first.new_page) {
            std::string head;
            if (left) head = m_input.pack_title;
            else if (first.post >= 0 && static_cast<size_t>(first.post) < m_input.post_titles.size())
                head = m_input.post_titles[static_cast<size_t>(first.post)];
            for (char& c : head)
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (!head.empty())
                line_of(page.items, head, m_style.running_head_size, 0.08, false, x0, m_style.margin_top - 16, outer);
        }
        line_of(page.items, std::to_string(number), m_style.folio_size, 0, true, x0,
                m_style.page_height - m_style.margin_bottom + 28, outer);
    }

    TypeContext& m_tc;
    const Style& m_style;
    Galley m_galley;
    const PaginateInput& m_input;
    std::vector<Page> m_pages;
    std::vector<bool> m_placed;  // notes already set on a page
    std::vector<Chunk> m_carry;  // note lines continued from the previous page
    TagStack m_body_tags, m_note_tags;
    // How many body elements the page before left open, closed as its last
    // items after a point where none was open (0: they cannot run on).
    size_t m_prev_closing = 0;
};

}  // namespace

std::vector<Page> paginate(TypeContext& tc, const Style& style, Galley galley, const PaginateInput& input) {
    return Paginator(tc, style, std::move(galley), input).run();
}

}  // namespace folio
