#include "layout/front_matter.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "layout/flow.hpp"
#include "layout/image_info.hpp"
#include "layout/rich_text.hpp"
#include "layout/set_paragraph.hpp"
#include "layout/text_lines.hpp"
#include "version.hpp"

namespace folio {
namespace {

// Places lines inside a structure tag, so the front matter is tagged like the body.
double place_tagged(std::vector<Item>& out, std::vector<SetLine> lines, double x, double y, double leading,
                    const std::string& tag) {
    out.push_back(TagBegin{tag, ""});
    y = place(out, std::move(lines), x, y, leading);
    out.push_back(TagEnd{tag});
    return y;
}

const std::array<Kind, 7> kind_order = {Kind::letter,  Kind::statement, Kind::event, Kind::opinion,
                                        Kind::article, Kind::news,      Kind::page};

std::string kind_count(Kind k, int n) {
    const bool one = n == 1;
    switch (k) {
    case Kind::letter: return one ? "letter" : "letters";
    case Kind::statement: return one ? "joint statement" : "joint statements";
    case Kind::event: return one ? "event" : "events";
    case Kind::opinion: return one ? "opinion piece" : "opinion pieces";
    case Kind::article: return one ? "article" : "articles";
    case Kind::news: return one ? "news item" : "news items";
    case Kind::page: return one ? "page" : "pages";
    }
    return "";
}

// ---- pages after the cover ------------------------------------------------

// Fills front-matter pages top to bottom; each page gets its roman folio and,
// unless it is the first of its section, a running head.
class FrontPager {
public:
    FrontPager(TypeContext& tc, const Style& style, const Pack& pack, std::vector<Page>& pages)
        : m_tc(tc), m_style(style), m_pack(pack), m_pages(pages) {}

    void start_section(const std::string& running_head) {
        m_head = running_head;
        new_page(false);
    }
    // Makes room for a block `h` high (starting a new page if it does not fit)
    // and returns the y of its top.
    double reserve(double h) {
        if (m_y + h > m_style.margin_top + m_style.body_height() + 0.001 && m_y > m_style.margin_top + 0.001)
            new_page(true);
        const double top = m_y;
        m_y += h;
        return top;
    }
    void skip(double h) { m_y += h; }
    double x0() const { return m_x0; }
    std::vector<Item>& items() { return m_pages.back().items; }

private:
    void new_page(bool running_head) {
        const int number = static_cast<int>(m_pages.size()) + 1;
        Page page;
        page.width = m_style.page_width;
        page.height = m_style.page_height;
        page.set_number(PageNumbering::lower_roman, number);
        const bool left = number % 2 == 0;
        m_x0 = left ? m_style.margin_outer : m_style.margin_inner;
        const TextAlign outer = left ? TextAlign::left : TextAlign::right;
        TextStyle fs = text_style(m_style.sans, m_style.folio_size, m_style.grey);
        fs.tabular = true;
        place(page.items, set_text(m_tc, m_style, page.label, fs, m_style.measure(), 12, outer), m_x0,
              m_style.page_height - m_style.margin_bottom + 28, 12);
        if (running_head) {
            TextStyle hs = text_style(m_style.sans, m_style.running_head_size, m_style.grey);
            hs.tracking = 0.08;
            const std::string head = upper_ascii(left ? m_pack.title : m_head);
            place(page.items, set_text(m_tc, m_style, head, hs, m_style.measure(), 12, outer), m_x0,
                  m_style.margin_top - 16, 12);
        }
        m_pages.push_back(std::move(page));
        m_y = m_style.margin_top;
    }

    TypeContext& m_tc;
    const Style& m_style;
    const Pack& m_pack;
    std::vector<Page>& m_pages;
    std::string m_head;
    double m_x0 = 0;
    double m_y = 0;
};

// A heading (sans bold navy) at the current position.
void heading(FrontPager& pager, TypeContext& tc, const Style& style, const std::string& text, double size,
             double leading, const std::string& tag, double space_before) {
    TextStyle ts = text_style(style.sans, size, style.accent);
    ts.bold = true;
    auto lines = set_text(tc, style, text, ts, style.measure(), leading, TextAlign::left);
    pager.skip(space_before);
    const double h = static_cast<double>(lines.size()) * leading;
    const double top = pager.reserve(h + leading);  // keep it with a line of what follows
    pager.skip(-leading);
    place_tagged(pager.items(), std::move(lines), pager.x0(), top + size, leading, tag);
}

// A paragraph, split between pages line by line where it must.
void paragraph(FrontPager& pager, TypeContext& tc, const Style& style, const std::string& text, const TextStyle& ts,
               double leading, TextAlign align, double space_before) {
    auto lines = set_text(tc, style, text, ts, style.measure(), leading, align, align == TextAlign::justify);
    pager.skip(space_before);
    const double baseline = (leading - ts.size) / 2 + ts.size * 0.8;
    for (auto& l : lines) {
        const double top = pager.reserve(leading);
        std::vector<SetLine> one;
        one.push_back(std::move(l));
        place_tagged(pager.items(), std::move(one), pager.x0(), top + baseline, leading, "P");
    }
}

// Blank lines separate paragraphs; single newlines inside one are spaces.
std::vector<std::string> split_paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(pos, end - pos);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
        size_t lead = line.find_first_not_of(" \t");
        line = lead == std::string::npos ? "" : line.substr(lead);
        if (line.empty()) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += (current.empty() ? "" : " ") + line;
        }
        pos = end + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

void inside_cover(FrontPager& pager, TypeContext& tc, const Pack& pack, const Style& style,
                  const FrontMatterInput& input) {
    const SiteMeta& site = pack.site;
    pager.start_section("About the group");
    heading(pager, tc, style, "About the group", style.h2_size, style.h2_leading, "H2", 0);
    TextStyle body = text_style(style.serif, style.body_size, style.ink);
    body.oldstyle = true;
    double gap = style.half_line();
    if (!site.description.empty()) {
        paragraph(pager, tc, style, site.description, body, style.body_leading, TextAlign::justify, gap);
    }
    for (const std::string& p : split_paragraphs(site.about))
        paragraph(pager, tc, style, p, body, style.body_leading, TextAlign::justify, gap);
    if (!site.about_attribution.empty()) {
        TextStyle att = text_style(style.sans, style.byline_size, style.grey);
        paragraph(pager, tc, style, "\xE2\x80\x94 " + site.about_attribution, att, 12, TextAlign::left, gap);
    }

    TextStyle small = text_style(style.sans, style.byline_size, style.grey);
    const double small_leading = 12;
    if (!site.disclaimer.empty()) {
        heading(pager, tc, style, "Disclaimer", style.h3_size, style.h3_leading, "H3", style.body_leading * 1.5);
        paragraph(pager, tc, style, site.disclaimer, small, small_leading, TextAlign::left, 2);
    }
    if (!site.contact.empty()) {
        heading(pager, tc, style, "Contact", style.h3_size, style.h3_leading, "H3", style.body_leading);
        paragraph(pager, tc, style, site.contact, small, small_leading, TextAlign::left, 2);
    }
    if (!site.rights.empty()) paragraph(pager, tc, style, site.rights, small, small_leading, TextAlign::left, gap * 2);
    const size_t n = pack.posts.size();
    std::string colophon = std::string("Produced by folio ") + folio::version + " from " + std::to_string(n) +
                           (n == 1 ? " post" : " posts") + " on " + input.build_date + ".";
    paragraph(pager, tc, style, colophon, small, small_leading, TextAlign::left, gap);
}

// Dotted leaders as small squares on a fixed 4 pt pitch from the page edge,
// so the dots of successive entries line up in columns.
void leaders(std::vector<Item>& out, double from, double to, double baseline, Color color) {
    constexpr double pitch = 4.0, dot = 0.7;
    for (double x = std::ceil((from + 2) / pitch) * pitch; x + dot <= to - 3; x += pitch)
        out.push_back(RectItem{x, baseline - dot, dot, dot, color});
}

void contents(FrontPager& pager, TypeContext& tc, const Pack& pack, const Style& style, const FrontMatterInput& input) {
    pager.start_section("Contents");
    const size_t first_item = pager.items().size();
    heading(pager, tc, style, "Contents", style.title_size, style.title_leading, "H1", 0);
    auto& head_items = pager.items();
    head_items.insert(head_items.begin() + static_cast<long>(first_item),
                      DestItem{contents_dest, pager.x0(), style.margin_top});
    pager.skip(style.body_leading);

    const double measure = style.measure();
    const double kind_col = 24 * mm;   // the kind labels' column
    const double number_col = 20;      // right-aligned page numbers
    const double leading = style.body_leading;
    const double title_measure = measure - kind_col - number_col - 12;
    TextStyle ks = text_style(style.sans, 6.5, style.accent2);
    ks.bold = true;
    ks.tracking = style.kind_label_tracking;
    TextStyle ts = text_style(style.serif, style.body_size, style.ink);
    ts.oldstyle = true;
    TextStyle ds = text_style(style.sans, style.byline_size, style.grey);
    TextStyle ns = text_style(style.sans, 9.5, style.ink);
    ns.tabular = true;
    const double baseline = (leading - style.body_size) / 2 + style.body_size * 0.8;

    pager.items().push_back(TagBegin{"TOC", ""});
    for (size_t i = 0; i < pack.posts.size(); ++i) {
        const Post& post = pack.posts[i];
        auto title = set_text(tc, style, post.meta.title, ts, title_measure, leading, TextAlign::left);
        auto date = set_text(tc, style, long_date(post.meta.date), ds, 120, 12, TextAlign::left);
        const double date_w = date.empty() ? 0 : date.front().width;
        const double last_width = title.empty() ? 0 : title.back().width;
        // The date follows the title on its last line, or takes a line of its own.
        const bool date_own_line = last_width + 6 + date_w > title_measure;
        const double h = static_cast<double>(title.size() + (date_own_line ? 1 : 0)) * leading;
        const double top = pager.reserve(h + 4);
        auto& items = pager.items();
        const double x0 = pager.x0();
        const double y = top + baseline;
        const std::string dest = "post-" + (post.slug.empty() ? "p" + std::to_string(i) : post.slug);
        items.push_back(TagBegin{"TOCI", ""});
        place(items, set_text(tc, style, upper_ascii(kind_label(post.meta.kind)), ks, kind_col - 4, 10, TextAlign::left), x0,
              y - 0.5, 10);
        place(items, std::move(title), x0 + kind_col, y, leading);
        const double last_y = y + h - leading;
        const double date_x = x0 + kind_col + (date_own_line ? 0 : last_width + 6);
        place(items, std::move(date), date_x, last_y, 12);
        const int page = i < input.post_pages.size() ? input.post_pages[i] : 0;
        auto number = set_text(tc, style, std::to_string(page), ns, number_col, 12, TextAlign::right);
        const double number_w = number.empty() ? 0 : number.front().width;
        place(items, std::move(number), x0 + measure - number_col, last_y, 12);
        leaders(items, date_x + date_w, x0 + measure - number_w, last_y, style.grey);
        items.push_back(LinkItem{x0, top, measure, h, "", dest});
        items.push_back(TagEnd{"TOCI"});
    }
    pager.items().push_back(TagEnd{"TOC"});
}

}  // namespace

std::string pack_summary(const Pack& pack) {
    // A no-break space ties each count to its noun: the cover read "2 opinion
    // pieces, 1" / "news item".
    const std::string nbsp = "\xC2\xA0";
    const size_t n = pack.posts.size();
    std::string out = std::to_string(n) + nbsp + (n == 1 ? "post" : "posts");
    if (n == 0) return out;
    std::string kinds;
    for (Kind k : kind_order) {
        const auto c = std::count_if(pack.posts.begin(), pack.posts.end(), [&](const Post& p) { return p.meta.kind == k; });
        if (c > 0) kinds += (kinds.empty() ? "" : ", ") + std::to_string(c) + nbsp + kind_count(k, static_cast<int>(c));
    }
    int lo = pack.posts.front().meta.date.year, hi = lo;
    for (const Post& p : pack.posts) lo = std::min(lo, p.meta.date.year), hi = std::max(hi, p.meta.date.year);
    out += ": " + kinds + ", " + std::to_string(lo);
    if (hi != lo) out += "\xE2\x80\x93" + std::to_string(hi);
    return out;
}

Result<std::vector<Page>> layout_front_matter(TypeContext& tc, const Pack& pack, const Style& style,
                                              const FrontMatterInput& input) {
    std::vector<Page> pages;
    auto cover = layout_cover(tc, pack, style);
    if (!cover) return Error{cover.error()};
    pages.push_back(std::move(*cover));
    // The next page must be a right-hand (odd) one: for duplex printing,
    // the contents; always, page 1. The body's margins, running heads and
    // folios are mirrored by the page number's parity, so page 1 set on the
    // back of a leaf (after a cover, inside cover and contents) put the
    // wide margin at the binding on every printed body page.
    auto to_right_hand_page = [&](bool always) {
        if (!(always || pack.start_on_right) || pages.size() % 2 == 0) return;
        Page blank;
        blank.width = style.page_width;
        blank.height = style.page_height;
        blank.set_number(PageNumbering::lower_roman, static_cast<int>(pages.size()) + 1);
        pages.push_back(std::move(blank));
    };
    FrontPager pager(tc, style, pack, pages);
    inside_cover(pager, tc, pack, style, input);
    to_right_hand_page(false);  // the contents
    contents(pager, tc, pack, style, input);
    to_right_hand_page(true);  // the first post, page 1
    return pages;
}

}  // namespace folio
