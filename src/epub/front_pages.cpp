#include "epub/front_pages.hpp"

#include <array>
#include <map>

#include "epub/xhtml_page.hpp"
#include "version.hpp"

namespace folio::epub {

namespace {

std::string lang_of(const Pack& pack) { return pack.site.language.empty() ? "en-GB" : pack.site.language; }

std::string title_of(const Pack& pack) { return pack.title.empty() ? pack.site.name : pack.title; }

void paragraph(tinyxml2::XMLElement* parent, const char* cls, const std::string& text) {
    if (text.empty()) return;
    auto* p = add_text_element(parent, "p", text);
    if (cls) p->SetAttribute("class", cls);
    add_newline(parent);
}

}  // namespace

std::string contents_summary(const Pack& pack) {
    struct Noun {
        Kind kind;
        const char* one;
        const char* many;
    };
    static constexpr std::array<Noun, 7> nouns{{{Kind::letter, "letter", "letters"},
                                                {Kind::statement, "joint statement", "joint statements"},
                                                {Kind::event, "event", "events"},
                                                {Kind::article, "article", "articles"},
                                                {Kind::opinion, "opinion piece", "opinion pieces"},
                                                {Kind::news, "news item", "news items"},
                                                {Kind::page, "page", "pages"}}};
    std::map<Kind, int> counts;
    int first_year = 0, last_year = 0;
    for (const auto& post : pack.posts) {
        ++counts[post.meta.kind];
        int y = post.meta.date.year;
        if (y > 0) {
            first_year = first_year == 0 ? y : std::min(first_year, y);
            last_year = std::max(last_year, y);
        }
    }
    std::size_t n = pack.posts.size();
    std::string out = std::to_string(n) + (n == 1 ? " post" : " posts");
    std::string parts;
    for (const auto& noun : nouns) {
        auto found = counts.find(noun.kind);
        if (found == counts.end()) continue;
        parts += (parts.empty() ? "" : ", ") + std::to_string(found->second) + " " +
                 (found->second == 1 ? noun.one : noun.many);
    }
    if (!parts.empty()) out += ": " + parts;
    if (first_year > 0)
        out += first_year == last_year ? ", " + std::to_string(first_year)
                                       : ", " + std::to_string(first_year) + "\u2013" + std::to_string(last_year);
    return out;
}

std::string cover_page(const Pack& pack, const std::string& cover_href) {
    XhtmlPage page("Cover", lang_of(pack), {"../css/folio.css"});
    auto* body = page.body();
    body->SetAttribute("class", "cover-page");
    auto* section = add_element(body, "section");
    section->SetAttribute("epub:type", "cover");
    add_newline(section);
    add_newline(body);
    if (!cover_href.empty()) {
        auto* img = add_element(section, "img");
        img->SetAttribute("src", cover_href.c_str());
        img->SetAttribute("role", "doc-cover");  // DPUB-ARIA puts it on the image
        std::string alt = "Cover: " + title_of(pack);
        if (!pack.subtitle.empty()) alt += ", " + pack.subtitle;
        alt += ". " + pack.site.name + ".";
        img->SetAttribute("alt", alt.c_str());
        add_newline(section);
        return page.str();
    }
    // No picture: the cover's words, styled as the cover panel.
    auto* panel = add_element(section, "div");
    panel->SetAttribute("class", "cover-panel");
    add_newline(panel);
    paragraph(panel, "cover-group", pack.site.name);
    add_text_element(panel, "h1", title_of(pack))->SetAttribute("class", "cover-title");
    add_newline(panel);
    paragraph(panel, "cover-subtitle", pack.subtitle);
    if (pack.edition.year > 0)
        paragraph(panel, "cover-date", human_date(pack.edition.year, pack.edition.month, pack.edition.day));
    add_newline(section);
    paragraph(section, "cover-what", contents_summary(pack));
    return page.str();
}

std::string title_page(const Pack& pack, const std::string& built_on) {
    XhtmlPage page(title_of(pack), lang_of(pack), {"../css/folio.css"});
    auto* body = page.body();
    body->SetAttribute("epub:type", "frontmatter");
    auto* section = add_element(body, "section");
    section->SetAttribute("epub:type", "titlepage");
    section->SetAttribute("class", "title-page");
    section->SetAttribute("aria-labelledby", "book-title");
    add_newline(section);
    add_newline(body);
    paragraph(section, "title-group", pack.site.name);
    auto* h1 = add_text_element(section, "h1", title_of(pack));
    h1->SetAttribute("id", "book-title");
    add_newline(section);
    paragraph(section, "title-subtitle", pack.subtitle);
    if (pack.edition.year > 0)
        paragraph(section, "title-date", human_date(pack.edition.year, pack.edition.month, pack.edition.day));
    paragraph(section, "title-contents", contents_summary(pack));
    if (!pack.site.description.empty()) {
        add_text_element(section, "h2", "About the group");
        add_newline(section);
        paragraph(section, "about", pack.site.description);
        // `about` is a few paragraphs of text separated by blank lines; it is
        // shown as written (inline Markdown in it is not interpreted).
        std::string_view about = pack.site.about;
        while (!about.empty()) {
            std::size_t end = about.find("\n\n");
            std::string_view para = about.substr(0, end);
            std::string text(para);
            for (char& c : text)
                if (c == '\n') c = ' ';
            if (text.find_first_not_of(' ') != std::string::npos)
                paragraph(section, "about", text.substr(text.find_first_not_of(' ')));
            if (end == std::string_view::npos) break;
            about.remove_prefix(end + 2);
        }
        paragraph(section, "about-attribution", pack.site.about_attribution);
    }
    paragraph(section, "disclaimer", pack.site.disclaimer);
    paragraph(section, "contact", pack.site.contact);
    paragraph(section, "rights", pack.site.rights);
    std::size_t n = pack.posts.size();
    paragraph(section, "colophon",
              std::string("Produced by folio ") + folio::version + " from " + std::to_string(n) +
                  (n == 1 ? " post" : " posts") + " on " + built_on + ".");
    return page.str();
}

}  // namespace folio::epub
