// The cover (LOOK.md "Cover"): a navy panel over the top 60 % with the group
// name, the pack's title, subtitle and edition; below it what the pack holds,
// the logo if any, and the disclaimer at the foot. One drawing serves the PDF
// and, rendered to PNG, the EPUB.
#include <algorithm>
#include <cmath>

#include "layout/flow.hpp"
#include "layout/front_matter.hpp"
#include "layout/image_info.hpp"
#include "layout/text_lines.hpp"

namespace folio {

Result<Page> layout_cover(TypeContext& tc, const Pack& pack, const Style& style) {
    Page page;
    page.width = style.page_width;
    page.height = style.page_height;
    page.set_number(PageNumbering::lower_roman, 1);
    auto& items = page.items;
    const double W = style.page_width, H = style.page_height;
    const double panel = std::round(H * 0.6);
    const double x = 22 * mm;
    const double measure = W - x - 30 * mm;
    // On the panel: white, and light navy for what is secondary (legible on
    // navy, still quieter). Without it the same composition in ink on paper,
    // the panel's lower edge kept as a thin accent rule.
    const Color strong = style.cover_panel ? rgb(0xffffff) : style.accent;
    const Color quiet = style.cover_panel ? rgb(0xc9d5e3) : style.grey;

    items.push_back(DestItem{cover_dest, 0, 0});
    if (style.cover_panel)
        items.push_back(RectItem{0, 0, W, panel, style.accent});
    else
        items.push_back(RectItem{x, panel, W - 2 * x, 0.75, style.accent});

    // Group name at the head of the panel, in small capitals.
    TextStyle gs = text_style(style.sans, 11, quiet);
    gs.small_caps = true;
    gs.tracking = 0.06;
    items.push_back(TagBegin{"P", ""});
    place(items, set_text(tc, style, pack.site.name, gs, measure, 14, TextAlign::left), x, 24 * mm, 14);
    items.push_back(TagEnd{"P"});

    // Title, subtitle, edition and the red rule sit at the foot of the panel:
    // set them first, then place them bottom-up.
    TextStyle ts = text_style(style.sans, 34, strong);
    ts.bold = true;
    const double title_leading = 39;
    auto title = set_text(tc, style, pack.title.empty() ? pack.site.name : pack.title, ts, measure * 0.92,
                          title_leading, TextAlign::left);
    TextStyle ss = text_style(style.sans, 14, strong);
    const double sub_leading = 18;
    auto subtitle = pack.subtitle.empty() ? std::vector<SetLine>{}
                                          : set_text(tc, style, pack.subtitle, ss, measure, sub_leading,
                                                     TextAlign::left);
    TextStyle es = text_style(style.sans, 10, quiet);
    es.tracking = 0.04;
    const std::string edition = pack.edition.year > 0 ? long_date(pack.edition) : "";

    const double rule_y = panel - 22 * mm;
    double y = rule_y - 14;                                  // baseline of the edition line
    const double edition_y = y;
    if (!edition.empty()) y -= 22;
    const double sub_y = y - static_cast<double>(subtitle.size() > 0 ? subtitle.size() - 1 : 0) * sub_leading;
    if (!subtitle.empty()) y = sub_y - 26;
    const double title_y = y - static_cast<double>(title.size() > 0 ? title.size() - 1 : 0) * title_leading;

    items.push_back(TagBegin{"H1", ""});
    place(items, std::move(title), x, title_y, title_leading);
    items.push_back(TagEnd{"H1"});
    if (!subtitle.empty()) {
        items.push_back(TagBegin{"P", ""});
        place(items, std::move(subtitle), x, sub_y, sub_leading);
        items.push_back(TagEnd{"P"});
    }
    if (!edition.empty()) {
        items.push_back(TagBegin{"P", ""});
        place(items, set_text(tc, style, edition, es, measure, 12, TextAlign::left), x, edition_y, 12);
        items.push_back(TagEnd{"P"});
    }
    items.push_back(RectItem{x, rule_y, 18 * mm, 3, style.accent2});

    // Lower part: what this publication is and holds.
    double ly = panel + 20 * mm;
    TextStyle bs = text_style(style.sans, 16, style.accent);
    bs.bold = true;
    items.push_back(TagBegin{"P", ""});
    ly = place(items, set_text(tc, style, "Briefing pack", bs, measure, 20, TextAlign::left), x, ly, 20);
    items.push_back(TagEnd{"P"});
    TextStyle cs = text_style(style.serif, 11, style.ink);
    cs.oldstyle = true;
    items.push_back(TagBegin{"P", ""});
    ly = place(items, set_text(tc, style, pack_summary(pack), cs, measure * 0.8, 15, TextAlign::left), x, ly + 2, 15);
    items.push_back(TagEnd{"P"});

    // Disclaimer at the foot, bottom-aligned.
    TextStyle ds = text_style(style.sans, 7.5, style.grey);
    const double disclaimer_leading = 10;
    auto disclaimer = set_text(tc, style, pack.site.disclaimer, ds, W - 2 * x, disclaimer_leading, TextAlign::left);
    const double foot = H - 15 * mm;
    const double d_y = foot - static_cast<double>(disclaimer.size() > 0 ? disclaimer.size() - 1 : 0) * disclaimer_leading;

    if (!pack.site.logo.empty()) {
        auto info = read_image_info(pack.site.logo);
        if (!info) return Error{"site logo: " + info.error()};
        // At most 30 mm high and 60 mm wide, right-aligned above the disclaimer.
        const double max_h = 30 * mm, max_w = 60 * mm;
        const double scale = std::min(max_h / info->height, max_w / info->width);
        const double w = info->width * scale, h = info->height * scale;
        const double top = std::max(ly, d_y - disclaimer_leading - 8 * mm - h);
        items.push_back(TagBegin{"Figure", pack.site.name + " logo"});
        items.push_back(ImageItem{pack.site.logo, W - x - w, top, w, h, pack.site.name + " logo"});
        items.push_back(TagEnd{"Figure"});
    }
    if (!disclaimer.empty()) {
        items.push_back(TagBegin{"P", ""});
        place(items, std::move(disclaimer), x, d_y, disclaimer_leading);
        items.push_back(TagEnd{"P"});
    }
    return page;
}

Result<Page> layout_cover(const Pack& pack, const Style& style, const Resources& resources) {
    auto tc = TypeContext::create(resources);
    if (!tc) return Error{tc.error()};
    return layout_cover(*tc.value(), pack, style);
}

}  // namespace folio
