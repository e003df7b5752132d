#include "layout/dump.hpp"

#include <cstdio>

#include "model/overloaded.hpp"

namespace folio {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v + 0.0);
    std::string s = buf;
    if (s == "-0.00") s = "0.00";
    return s;
}

std::string color(const Color& c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", int(c.r * 255 + 0.5), int(c.g * 255 + 0.5), int(c.b * 255 + 0.5));
    return buf;
}

}  // namespace

std::string dump_page(const Page& page, int index) {
    std::string out = "page " + std::to_string(index + 1) + " label=" + page.label + " " + num(page.width) + "x" +
                      num(page.height) + "\n";
    for (const Item& item : page.items) {
        std::visit(Overloaded{
                       [&](const GlyphRun& g) {
                           out += "  text x=" + num(g.x) + " y=" + num(g.y) + " w=" + num(g.width) + " font=\"" +
                                  g.font_name + "\" " + color(g.color) + " \"" + g.text + "\"\n";
                       },
                       [&](const RuleItem& r) {
                           out += "  rule " + num(r.x0) + "," + num(r.y0) + " " + num(r.x1) + "," + num(r.y1) +
                                  " w=" + num(r.width) + " " + color(r.color) + "\n";
                       },
                       [&](const RectItem& r) {
                           out += "  rect x=" + num(r.x) + " y=" + num(r.y) + " w=" + num(r.w) + " h=" + num(r.h) +
                                  " " + color(r.fill) + "\n";
                       },
                       [&](const ImageItem& r) {
                           out += "  image x=" + num(r.x) + " y=" + num(r.y) + " w=" + num(r.w) + " h=" + num(r.h) +
                                  " " + r.path + " alt=\"" + r.alt + "\"\n";
                       },
                       [&](const LinkItem& r) {
                           out += "  link x=" + num(r.x) + " y=" + num(r.y) + " w=" + num(r.w) + " h=" + num(r.h) +
                                  (r.uri.empty() ? " dest=" + r.dest : " uri=" + r.uri) + "\n";
                       },
                       [&](const DestItem& r) {
                           out += "  dest " + r.name + " x=" + num(r.x) + " y=" + num(r.y) + "\n";
                       },
                       [&](const TagBegin& t) { out += "  <" + t.tag + (t.alt.empty() ? "" : " alt=\"" + t.alt + "\"") + ">\n"; },
                       [&](const TagEnd& t) { out += "  </" + t.tag + ">\n"; },
                   },
                   item);
    }
    return out;
}

std::string dump_layout(const Layout& layout) {
    std::string out;
    for (size_t i = 0; i < layout.pages.size(); ++i) out += dump_page(layout.pages[i], static_cast<int>(i));
    for (const auto& o : layout.outline)
        out += "outline " + std::to_string(o.level) + " \"" + o.title + "\" -> " + o.dest + "\n";
    return out;
}

}  // namespace folio
