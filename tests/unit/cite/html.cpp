#include "html.hpp"

#include "model/overloaded.hpp"

namespace folio::test {
namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '&') out += "&#38;";
        else if (c == '<') out += "&#60;";
        else if (c == '>') out += "&#62;";
        else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
            out += "&#160;";
            ++i;
        } else out += c;
    }
    return out;
}

std::string span_open(const std::string& cls) {
    if (cls == "csl-block" || cls == "csl-left-margin" || cls == "csl-right-inline" || cls == "csl-indent")
        return "<div class=\"" + cls + "\">";
    if (cls == "csl-normal-style") return "<span style=\"font-style:normal;\">";
    if (cls == "csl-oblique") return "<span style=\"font-style:oblique;\">";
    if (cls == "csl-normal-weight") return "<span style=\"font-weight:normal;\">";
    if (cls == "csl-light") return "<span style=\"font-weight:light;\">";
    if (cls == "csl-normal-variant") return "<span style=\"font-variant:normal;\">";
    if (cls == "csl-underline") return "<span style=\"text-decoration:underline;\">";
    if (cls == "csl-no-decoration") return "<span style=\"text-decoration:none;\">";
    if (cls == "csl-baseline") return "<span style=\"baseline\">";
    return "<span class=\"" + cls + "\">";
}

bool is_div(const std::string& cls) {
    return cls == "csl-block" || cls == "csl-left-margin" || cls == "csl-right-inline" || cls == "csl-indent";
}

}  // namespace

std::string to_csl_html(const Inlines& inlines) {
    std::string out;
    for (const Inline& in : inlines) {
        std::visit(Overloaded{
                       [&](const Text& t) { out += escape(t.text); },
                       [&](const Emph& e) { out += "<i>" + to_csl_html(e.children) + "</i>"; },
                       [&](const Strong& e) { out += "<b>" + to_csl_html(e.children) + "</b>"; },
                       [&](const SmallCaps& e) {
                           out += "<span style=\"font-variant:small-caps;\">" + to_csl_html(e.children) + "</span>";
                       },
                       [&](const Superscript& e) { out += "<sup>" + to_csl_html(e.children) + "</sup>"; },
                       [&](const Subscript& e) { out += "<sub>" + to_csl_html(e.children) + "</sub>"; },
                       [&](const Link& e) { out += to_csl_html(e.children); },
                       [&](const Span& e) {
                           out += span_open(e.cls) + to_csl_html(e.children) + (is_div(e.cls) ? "</div>" : "</span>");
                       },
                       [&](const auto&) {},
                   },
                   in.value);
    }
    return out;
}

std::string normalise_html(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') continue;
        if (s[i] == '\n') {
            while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
            std::size_t j = i + 1;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
            // Line breaks between tags are layout; inside text they are a
            // separator between citations and are kept.
            bool between_tags = (!out.empty() && out.back() == '>') || (j < s.size() && s[j] == '<');
            if (!between_tags) out += '\n';
            i = j - 1;
            continue;
        }
        out += s[i];
    }
    // "&#160;" and a raw no-break space are the same HTML; fixtures use both.
    for (std::size_t p; (p = out.find("&#160;")) != std::string::npos;) out.replace(p, 6, "\xC2\xA0");
    std::size_t b = out.find_first_not_of(" \t\n");
    std::size_t e = out.find_last_not_of(" \t\n");
    return b == std::string::npos ? "" : out.substr(b, e - b + 1);
}

}  // namespace folio::test
