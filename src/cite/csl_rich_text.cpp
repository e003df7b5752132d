// The small HTML-like markup CSL-JSON allows inside field values.
#include <cctype>

#include "cite/csl_ir.hpp"

namespace folio::csl {

Ir parse_rich_text(const std::string& s) {
    if (s.find_first_of("<\"'") == std::string::npos && s.find("\xE2\x80\x9C") == std::string::npos &&
        s.find("\xE2\x80\x98") == std::string::npos)
        return ir_text(s);
    struct Open {
        std::string tag;
        Ir node;
    };
    std::vector<Open> stack;
    stack.push_back({"", Ir{}});
    stack.back().node.is_group = true;
    auto add_text = [&](const std::string& t) {
        if (t.empty()) return;
        Ir leaf = ir_text(t);
        for (const Open& o : stack)
            if (o.node.nocase) leaf.nocase = true;
        stack.back().node.children.push_back(std::move(leaf));
    };
    static const std::pair<const char*, const char*> tags[] = {
        {"<i>", "i"}, {"<b>", "b"}, {"<sc>", "sc"}, {"<sup>", "sup"}, {"<sub>", "sub"},
        {"<span class=\"nocase\">", "nocase"}, {"<span class=\"nodecor\">", "nodecor"}, {"<span style=\"font-variant:small-caps;\">", "sc-span"},
        {"<span style=\"font-variant: small-caps;\">", "sc-span"}};
    std::string text;
    std::size_t i = 0;
    while (i < s.size()) {
        bool matched = false;
        if (s[i] == '<') {
            for (auto [open, tag] : tags)
                if (s.compare(i, std::char_traits<char>::length(open), open) == 0) {
                    add_text(text);
                    text.clear();
                    Ir node;
                    node.is_group = true;
                    std::string t = tag;
                    if (t == "i") node.fmt.font_style = "italic";
                    if (t == "b") node.fmt.font_weight = "bold";
                    if (t == "sc" || t == "sc-span") node.fmt.font_variant = "small-caps";
                    if (t == "sup") node.fmt.vertical_align = "sup";
                    if (t == "nodecor") node.fmt = {"normal", "normal", "normal", "", ""};
                    if (t == "sub") node.fmt.vertical_align = "sub";
                    // Small caps, superscripts and subscripts in data are
                    // left alone by text-case, like an explicit nocase.
                    if (t == "nocase" || t == "sc" || t == "sc-span" || t == "sup" || t == "sub") node.nocase = true;
                    stack.push_back({t, std::move(node)});
                    i += std::char_traits<char>::length(open);
                    matched = true;
                    break;
                }
            if (!matched && s[i + 1] == '/' && stack.size() > 1) {
                std::size_t close = s.find('>', i);
                std::string name = close == std::string::npos ? "" : s.substr(i + 2, close - i - 2);
                const std::string& top = stack.back().tag;
                bool fits = name == top || (name == "span" && (top == "nocase" || top == "nodecor" || top == "sc-span"));
                if (fits) {
                    add_text(text);
                    text.clear();
                    Ir done = std::move(stack.back().node);
                    stack.pop_back();
                    stack.back().node.children.push_back(std::move(done));
                    i = close + 1;
                    matched = true;
                }
            }
        }
        if (!matched && s.compare(i, 3, "\xE2\x80\x9C") == 0 && s.find("\xE2\x80\x9D", i + 3) != std::string::npos) {
            // Typographic quotes in data are quoted groups too, so nesting
            // alternates outer and inner marks whatever the data used.
            add_text(text);
            text.clear();
            Ir node;
            node.is_group = true;
            node.quotes = true;
            stack.push_back({"cdq", std::move(node)});
            i += 3;
            continue;
        }
        if (!matched && s.compare(i, 3, "\xE2\x80\x98") == 0 && s.find("\xE2\x80\x99", i + 3) != std::string::npos) {
            add_text(text);
            text.clear();
            Ir node;
            node.is_group = true;
            node.quotes = true;
            node.data_single_quotes = true;
            stack.push_back({"csq", std::move(node)});
            i += 3;
            continue;
        }
        // A right single quote closes an open left one unless a letter
        // follows (then it is an apostrophe: "People’s").
        bool closes_csq = stack.back().tag == "csq" && s.compare(i, 3, "\xE2\x80\x99") == 0 &&
                          !(i + 3 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 3])));
        if (!matched && (closes_csq || (s.compare(i, 3, "\xE2\x80\x9D") == 0 && stack.back().tag == "cdq"))) {
            add_text(text);
            text.clear();
            Ir done = std::move(stack.back().node);
            stack.pop_back();
            stack.back().node.children.push_back(std::move(done));
            i += 3;
            continue;
        }
        if (!matched && (s[i] == '"' || s[i] == '\'')) {
            // Straight quotes in data become the locale's quotation marks
            // (a quoted group, so nesting alternates double and single);
            // an apostrophe inside a word becomes a typographic one.
            char q = s[i];
            char before = text.empty() ? (i > 0 ? s[i - 1] : ' ') : text.back();
            char after = i + 1 < s.size() ? s[i + 1] : ' ';
            bool word_before = std::isalnum(static_cast<unsigned char>(before)) || (before & 0x80) || before == '.' ||
                               before == ',' || before == '?' || before == '!';
            std::string tag = q == '"' ? "dq" : "sq";
            if (stack.back().tag == tag && (q == '"' || !std::isalnum(static_cast<unsigned char>(after)))) {
                add_text(text);
                text.clear();
                Ir done = std::move(stack.back().node);
                stack.pop_back();
                stack.back().node.children.push_back(std::move(done));
                ++i;
                continue;
            }
            if (q == '\'' && word_before) {
                text += "\xE2\x80\x99";
                ++i;
                continue;
            }
            if (!word_before && after != ' ' && s.find(q, i + 1) != std::string::npos) {
                add_text(text);
                text.clear();
                Ir node;
                node.is_group = true;
                node.quotes = true;
                stack.push_back({tag, std::move(node)});
                ++i;
                continue;
            }
            text += q == '\'' ? std::string("\xE2\x80\x99") : std::string(1, q);
            ++i;
            continue;
        }
        if (!matched) text += s[i++];
    }
    add_text(text);
    while (stack.size() > 1) {
        Ir done = std::move(stack.back().node);
        stack.pop_back();
        stack.back().node.children.push_back(std::move(done));
    }
    return std::move(stack.back().node);
}

}  // namespace folio::csl
