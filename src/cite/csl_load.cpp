// Compiles CSL XML into csl_style.hpp's structs. Only this file and the
// locale loader see tinyxml2; the document is owned by a local object, so it is
// freed on every path out.
#include "cite/csl_load.hpp"

#include <tinyxml2.h>

#include "cite/csl_schema.hpp"
#include "cite/csl_walk.hpp"
#include "model/suggest.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>

namespace folio::csl {
namespace {

using tinyxml2::XMLElement;

const std::vector<std::string> rendering_elements{"text", "number", "label", "names", "date", "group", "choose"};

struct Compiler {
    std::string path;
    CslProblem problem;  // the first problem found; compilation stops there

    bool fail_at(int line, const std::string& message, const std::string& hint = {}) {
        if (problem.message.empty()) problem = {path, line, message, hint};
        return false;
    }
    bool fail(const XMLElement* e, const std::string& message, const std::string& hint = {}) {
        return fail_at(e ? e->GetLineNum() : 0, message, hint);
    }

    // Every attribute of `e` whose value CSL restricts (csl_schema.cpp).
    bool check_attributes(const XMLElement* e) {
        const char* part = e->Attribute("name");
        for (auto* a = e->FirstAttribute(); a; a = a->Next())
            if (auto p = check_attribute(e->Name(), a->Name(), a->Value(), part ? part : ""))
                return fail(e, p->message, p->hint);
        return true;
    }
    bool require(const XMLElement* e, const char* attribute, const std::string& why = {}) {
        if (e->Attribute(attribute)) return true;
        return fail(e, std::string("<") + e->Name() + "> needs a " + attribute + " attribute" + why);
    }

    static std::string attr(const XMLElement* e, const char* name) {
        const char* v = e->Attribute(name);
        return v ? v : "";
    }

    static Formatting formatting(const XMLElement* e) {
        return {attr(e, "font-style"), attr(e, "font-variant"), attr(e, "font-weight"), attr(e, "text-decoration"),
                attr(e, "vertical-align")};
    }

    static Attrs all_attrs(const XMLElement* e) {
        Attrs out;
        for (auto* a = e->FirstAttribute(); a; a = a->Next()) out[a->Name()] = a->Value();
        return out;
    }

    static void common(const XMLElement* e, Element& el) {
        el.line = e->GetLineNum();
        el.fmt = formatting(e);
        el.prefix = attr(e, "prefix");
        el.suffix = attr(e, "suffix");
        el.delimiter = attr(e, "delimiter");
        el.display = attr(e, "display");
        el.text_case = attr(e, "text-case");
        el.quotes = attr(e, "quotes") == "true";
        el.strip_periods = attr(e, "strip-periods") == "true";
    }

    bool children(const XMLElement* parent, Elements& out, bool in_substitute = false) {
        for (auto* c = parent->FirstChildElement(); c; c = c->NextSiblingElement()) {
            Element el;
            if (!element(c, el, in_substitute)) return false;
            out.push_back(std::move(el));
        }
        return true;
    }

    static void split_into(const std::string& s, const std::string& test, std::vector<std::pair<std::string, std::string>>& out) {
        std::istringstream in(s);
        std::string word;
        while (in >> word) out.emplace_back(test, word);
    }

    bool branch(const XMLElement* e, Branch& b) {
        std::string name = e->Name();
        b.is_else = name == "else";
        if (!b.is_else) {
            b.match = attr(e, "match").empty() ? "all" : attr(e, "match");
            if (b.match != "all" && b.match != "any" && b.match != "none")
                return fail(e, "match=\"" + b.match + "\" is not one of all, any, none");
            static const char* tests[] = {"type", "variable", "is-numeric", "is-uncertain-date", "locator",
                                          "position", "disambiguate"};
            for (const char* t : tests)
                if (e->Attribute(t)) split_into(attr(e, t), t, b.tests);
            if (b.tests.empty()) return fail(e, std::string("<") + e->Name() + "> has no condition");
        }
        return children(e, b.children);
    }

    bool names(const XMLElement* e, Element& el, bool in_substitute) {
        // Inside <substitute> a bare <names/> repeats the enclosing one's
        // options for its own variables, but it still names them.
        if (!in_substitute && !require(e, "variable")) return false;
        std::istringstream in(attr(e, "variable"));
        std::string v;
        while (in >> v) el.variables.push_back(v);
        bool seen_name = false;
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            std::string n = c->Name();
            if (!check_attributes(c)) return false;
            if (n == "name") {
                seen_name = true;
                el.has_name = true;
                el.name_attrs = all_attrs(c);
                for (const char* k : {"font-style", "font-variant", "font-weight", "text-decoration",
                                      "vertical-align", "prefix", "suffix"})
                    el.name_attrs.erase(k);
                el.name_fmt = formatting(c);
                el.name_prefix = attr(c, "prefix");
                el.name_suffix = attr(c, "suffix");
                for (auto* p = c->FirstChildElement("name-part"); p; p = p->NextSiblingElement("name-part")) {
                    if (!check_attributes(p)) return false;
                    std::string which = attr(p, "name");
                    if (which == "family") el.family_part = all_attrs(p);
                    else if (which == "given") el.given_part = all_attrs(p);
                    else return fail(p, "<name-part> needs name=\"family\" or name=\"given\"");
                }
            } else if (n == "et-al") {
                el.has_et_al = true;
                if (c->Attribute("term")) el.et_al_term = attr(c, "term");
                el.et_al_fmt = formatting(c);
                el.et_al_prefix = attr(c, "prefix");
                el.et_al_suffix = attr(c, "suffix");
            } else if (n == "label") {
                Element label;
                if (!element(c, label, false, true)) return false;
                el.label_before_name = !seen_name;
                el.label.push_back(std::move(label));
            } else if (n == "substitute") {
                el.has_substitute = true;
                if (!children(c, el.substitute, true)) return false;
            } else {
                return fail(c, "<" + n + "> is not allowed in <names>",
                            did_you_mean(n, std::vector<std::string>{"name", "et-al", "label", "substitute"}));
            }
        }
        return true;
    }

    bool date(const XMLElement* e, Element& el) {
        el.variable = attr(e, "variable");
        el.form = attr(e, "form");
        el.localized = !el.form.empty();
        if (e->Attribute("date-parts")) el.date_parts = attr(e, "date-parts");
        for (auto* p = e->FirstChildElement(); p; p = p->NextSiblingElement()) {
            if (std::string(p->Name()) != "date-part") return fail(p, "only <date-part> is allowed in <date>");
            if (!check_attributes(p)) return false;
            DatePart dp;
            dp.name = attr(p, "name");
            if (dp.name != "day" && dp.name != "month" && dp.name != "year")
                return fail(p, "<date-part> needs name=\"day\", \"month\" or \"year\"");
            dp.form = attr(p, "form");
            if (p->Attribute("range-delimiter")) dp.range_delimiter = attr(p, "range-delimiter");
            dp.prefix = attr(p, "prefix");
            dp.suffix = attr(p, "suffix");
            dp.text_case = attr(p, "text-case");
            dp.strip_periods = attr(p, "strip-periods") == "true";
            dp.fmt = formatting(p);
            el.parts.push_back(std::move(dp));
        }
        return true;
    }

    // `in_substitute`: directly inside <substitute>; `in_names`: a <label>
    // inside <names>, which labels the names and so has no variable.
    bool element(const XMLElement* e, Element& el, bool in_substitute = false, bool in_names = false) {
        std::string n = e->Name();
        if (!check_attributes(e)) return false;
        common(e, el);
        el.variable = attr(e, "variable");
        el.form = attr(e, "form");
        if (n == "text") {
            el.kind = Element::Kind::text;
            el.macro = attr(e, "macro");
            el.term = attr(e, "term");
            el.value = attr(e, "value");
            el.plural = attr(e, "plural");
            if (!e->Attribute("value") && el.macro.empty() && el.term.empty() && el.variable.empty())
                return fail(e, "<text> needs one of variable, macro, term or value");
            return true;
        }
        if (n == "number") {
            el.kind = Element::Kind::number;
            if (el.variable.empty()) return fail(e, "<number> needs a variable");
            return true;
        }
        if (n == "label") {
            el.kind = Element::Kind::label;
            el.plural = attr(e, "plural");
            if (!in_names && !require(e, "variable", " (outside <names>, the variable whose term it prints)"))
                return false;
            return true;
        }
        if (n == "names") {
            el.kind = Element::Kind::names;
            return names(e, el, in_substitute);
        }
        if (n == "date") {
            el.kind = Element::Kind::date;
            if (!require(e, "variable")) return false;
            return date(e, el);
        }
        if (n == "group") {
            el.kind = Element::Kind::group;
            return children(e, el.children);
        }
        if (n == "choose") {
            el.kind = Element::Kind::choose;
            for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
                std::string cn = c->Name();
                if (cn != "if" && cn != "else-if" && cn != "else")
                    return fail(c, "<" + cn + "> is not allowed in <choose>",
                                did_you_mean(cn, std::vector<std::string>{"if", "else-if", "else"}));
                if (!check_attributes(c)) return false;
                Branch b;
                if (!branch(c, b)) return false;
                el.branches.push_back(std::move(b));
            }
            return true;
        }
        return fail(e, "<" + n + "> is not a CSL rendering element", did_you_mean(n, rendering_elements));
    }

    bool section(const XMLElement* e, Section& s) {
        if (s.present) return fail(e, std::string("a second <") + e->Name() + ">");
        s.present = true;
        s.attrs = all_attrs(e);
        if (!check_attributes(e)) return false;
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            std::string n = c->Name();
            if (n != "layout" && n != "sort")
                return fail(c, "<" + n + "> is not allowed in <" + e->Name() + ">",
                            did_you_mean(n, std::vector<std::string>{"layout", "sort"}));
        }
        const XMLElement* layout = e->FirstChildElement("layout");
        if (!layout) return fail(e, std::string("<") + e->Name() + "> has no <layout>");
        Element& l = s.layout;
        if (!check_attributes(layout)) return false;
        common(layout, l);
        l.kind = Element::Kind::group;
        if (!children(layout, l.children)) return false;
        if (const XMLElement* sort = e->FirstChildElement("sort")) {
            for (auto* k = sort->FirstChildElement(); k; k = k->NextSiblingElement()) {
                if (std::string(k->Name()) != "key") return fail(k, std::string("<") + k->Name() + "> is not allowed in <sort>");
                if (!check_attributes(k)) return false;
                SortKey key;
                key.line = k->GetLineNum();
                key.variable = attr(k, "variable");
                key.macro = attr(k, "macro");
                key.descending = attr(k, "sort") == "descending";
                for (const char* o : {"names-min", "names-use-first", "names-use-last"})
                    if (k->Attribute(o)) key.name_overrides[o] = attr(k, o);
                if (key.variable.empty() && key.macro.empty()) return fail(k, "<key> needs a variable or a macro");
                s.sort.push_back(std::move(key));
            }
        }
        return true;
    }

    bool locale(const XMLElement* e, LocaleData& loc) {
        loc.lang = attr(e, "xml:lang");
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            std::string n = c->Name();
            if (!check_attributes(c)) return false;
            if (n == "info") continue;  // translators and dates: nothing to render
            if (n == "style-options") {
                loc.punctuation_in_quote = attr(c, "punctuation-in-quote");
                loc.limit_day_ordinals_to_day_1 = attr(c, "limit-day-ordinals-to-day-1");
            } else if (n == "date") {
                Element d;
                common(c, d);
                d.kind = Element::Kind::date;
                if (!date(c, d)) return false;
                loc.date_formats[attr(c, "form")] = std::move(d);
            } else if (n == "terms") {
                for (auto* t = c->FirstChildElement("term"); t; t = t->NextSiblingElement("term")) {
                    if (!require(t, "name")) return false;
                    TermForms tf;
                    std::string form = attr(t, "form").empty() ? "long" : attr(t, "form");
                    if (auto* s = t->FirstChildElement("single")) {
                        tf.single = s->GetText() ? s->GetText() : "";
                        if (auto* m = t->FirstChildElement("multiple")) {
                            tf.multiple = m->GetText() ? m->GetText() : "";
                            tf.has_multiple = true;
                        }
                    } else {
                        tf.single = t->GetText() ? t->GetText() : "";
                    }
                    tf.gender = attr(t, "gender");
                    tf.gender_form = attr(t, "gender-form");
                    tf.match = attr(t, "match");
                    loc.terms.emplace(attr(t, "name") + '\x1f' + form, std::move(tf));
                }
            } else {
                return fail(c, "<" + n + "> is not allowed in <locale>",
                            did_you_mean(n, std::vector<std::string>{"style-options", "date", "terms"}));
            }
        }
        return true;
    }

    bool style(const XMLElement* root, CslStyle& st) {
        if (std::string(root->Name()) != "style") return fail(root, "the root element is not <style>");
        st.attrs = all_attrs(root);
        if (!check_attributes(root)) return false;
        st.cls = attr(root, "class");
        if (st.cls != "in-text" && st.cls != "note") return fail(root, "<style> needs class=\"in-text\" or class=\"note\"");
        st.default_locale = attr(root, "default-locale");
        st.version = attr(root, "version");
        for (auto* c = root->FirstChildElement(); c; c = c->NextSiblingElement()) {
            std::string n = c->Name();
            if (n == "info") {
                if (auto* t = c->FirstChildElement("title"); t && t->GetText()) st.title = t->GetText();
            } else if (n == "macro") {
                std::string name = attr(c, "name");
                if (name.empty()) return fail(c, "<macro> needs a name");
                if (auto seen = st.macros.find(name); seen != st.macros.end())
                    return fail(c, "macro '" + name + "' is defined twice (first at line " +
                                       std::to_string(seen->second.line) + ")");
                Element m;
                m.kind = Element::Kind::group;
                m.line = c->GetLineNum();
                if (!children(c, m.children)) return false;
                st.macros[name] = std::move(m);
            } else if (n == "citation") {
                if (!section(c, st.citation)) return false;
            } else if (n == "bibliography") {
                if (!section(c, st.bibliography)) return false;
            } else if (n == "locale") {
                LocaleData loc;
                if (!locale(c, loc)) return false;
                st.locales.push_back(std::move(loc));
            } else {
                return fail(c, "<" + n + "> is not allowed in <style>",
                            did_you_mean(n, std::vector<std::string>{"info", "macro", "citation", "bibliography", "locale"}));
            }
        }
        if (!st.citation.present) return fail(root, "the style has no <citation>");
        if (!check_macros(st)) return false;
        if (auto cycle = find_macro_cycle(st)) return fail_at(cycle->line, cycle->message, cycle->hint);
        return true;
    }

    bool undefined_macro(int line, const std::string& name, const CslStyle& st) {
        std::vector<std::string> names;
        for (const auto& [n, m] : st.macros) names.push_back(n);
        return fail_at(line, "no macro named '" + name + "'", did_you_mean(name, names));
    }

    // A <text macro="..."> naming no macro is a style error, reported at its line.
    bool check_macro_refs(const Elements& els, const CslStyle& st) {
        const Element* undefined = nullptr;
        walk_elements(els, [&](const Element& el) {
            if (!el.macro.empty() && !st.macros.count(el.macro)) undefined = &el;
            return !undefined;
        });
        return !undefined || undefined_macro(undefined->line, undefined->macro, st);
    }

    bool check_macros(const CslStyle& st) {
        for (const auto& [name, m] : st.macros)
            if (!check_macro_refs(m.children, st)) return false;
        if (!check_macro_refs(st.citation.layout.children, st)) return false;
        if (!check_macro_refs(st.bibliography.layout.children, st)) return false;
        for (const Section* s : {&st.citation, &st.bibliography})
            for (const SortKey& k : s->sort)
                if (!k.macro.empty() && !st.macros.count(k.macro)) return undefined_macro(k.line, k.macro, st);
        return true;
    }
};

// Hands the problem to the caller that asked for it and makes the Error.
Error report(const CslProblem& p, CslProblem* out) {
    if (out) *out = p;
    return Error{p.file + (p.line ? ":" + std::to_string(p.line) : "") + ": " + p.message};
}

Error xml_error(const tinyxml2::XMLDocument& doc, const std::string& path, CslProblem* out) {
    return report({path, doc.ErrorLineNum(), std::string("not well-formed XML: ") + doc.ErrorStr(), ""}, out);
}

// tinyxml2 accepts a document with no element at all (only a declaration, a
// comment, or a stray end tag: found by fuzzing), so the root can be null.
Error no_root(const std::string& path, const char* root, CslProblem* out) {
    return report({path, 1, std::string("no root element: expected <") + root + ">", ""}, out);
}

// A file that cannot be read: the problem keeps read_text_file's reason.
Error unreadable(const std::string& path, const std::string& error, CslProblem* out) {
    const std::string prefix = "cannot read " + path + ": ";
    const std::string reason = error.rfind(prefix, 0) == 0 ? error.substr(prefix.size()) : error;
    if (out)
        *out = {path, 0, "cannot read the file: " + reason, "check that the file is there and that folio may read it"};
    return Error{error};
}

}  // namespace

Result<std::string> read_text_file(const std::string& path) {
    // stdio rather than a stream: it keeps errno, so the message can say why
    // ("No such file or directory", "Permission denied", "Is a directory").
    struct Closer {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    auto failed = [&] { return Error{"cannot read " + path + ": " + std::strerror(errno)}; };
    errno = 0;
    std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
    if (!file) return failed();
    std::string text;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
    if (std::ferror(file.get())) return failed();
    return text;
}

Result<CslStyle> parse_style(std::string_view xml, const std::string& path, CslProblem* problem) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) return xml_error(doc, path, problem);
    Compiler c{path, {}};
    CslStyle st;
    st.path = path;
    if (!doc.RootElement()) return no_root(path, "style", problem);
    if (!c.style(doc.RootElement(), st)) return report(c.problem, problem);
    return st;
}

Result<CslStyle> load_style(const std::string& path, CslProblem* problem) {
    auto text = read_text_file(path);
    if (!text) return unreadable(path, text.error(), problem);
    return parse_style(*text, path, problem);
}

Result<LocaleData> parse_locale(std::string_view xml, const std::string& path, CslProblem* problem) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) return xml_error(doc, path, problem);
    const XMLElement* root = doc.RootElement();
    if (!root) return no_root(path, "locale", problem);
    Compiler c{path, {}};
    LocaleData loc;
    if (std::string(root->Name()) != "locale") c.fail(root, "the root element is not <locale>");
    else c.locale(root, loc);
    if (!c.problem.message.empty()) return report(c.problem, problem);
    return loc;
}

Result<LocaleData> load_locale(const std::string& path, CslProblem* problem) {
    auto text = read_text_file(path);
    if (!text) return unreadable(path, text.error(), problem);
    return parse_locale(*text, path, problem);
}

}  // namespace folio::csl
