// Compiles CSL XML into csl_style.hpp's structs. Only this file and the
// locale loader see tinyxml2; the document is owned by a local object, so it is
// freed on every path out.
#include "cite/csl_load.hpp"

#include <tinyxml2.h>

#include <fstream>
#include <sstream>

namespace folio::csl {
namespace {

using tinyxml2::XMLElement;

struct Compiler {
    std::string path;
    std::string error;  // first problem found; compilation stops there

    bool fail(const XMLElement* e, const std::string& message) {
        if (error.empty())
            error = path + ":" + std::to_string(e ? e->GetLineNum() : 0) + ": " + message;
        return false;
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

    bool children(const XMLElement* parent, Elements& out) {
        for (auto* c = parent->FirstChildElement(); c; c = c->NextSiblingElement()) {
            Element el;
            if (!element(c, el)) return false;
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

    bool names(const XMLElement* e, Element& el) {
        std::istringstream in(attr(e, "variable"));
        std::string v;
        while (in >> v) el.variables.push_back(v);
        bool seen_name = false;
        for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            std::string n = c->Name();
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
                if (!element(c, label)) return false;
                el.label_before_name = !seen_name;
                el.label.push_back(std::move(label));
            } else if (n == "substitute") {
                el.has_substitute = true;
                if (!children(c, el.substitute)) return false;
            } else {
                return fail(c, "<" + n + "> is not allowed in <names>");
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

    bool element(const XMLElement* e, Element& el) {
        std::string n = e->Name();
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
            return true;
        }
        if (n == "names") {
            el.kind = Element::Kind::names;
            return names(e, el);
        }
        if (n == "date") {
            el.kind = Element::Kind::date;
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
                if (cn != "if" && cn != "else-if" && cn != "else") return fail(c, "<" + cn + "> is not allowed in <choose>");
                Branch b;
                if (!branch(c, b)) return false;
                el.branches.push_back(std::move(b));
            }
            return true;
        }
        return fail(e, "<" + n + "> is not a CSL rendering element");
    }

    bool section(const XMLElement* e, Section& s) {
        s.present = true;
        s.attrs = all_attrs(e);
        const XMLElement* layout = e->FirstChildElement("layout");
        if (!layout) return fail(e, std::string("<") + e->Name() + "> has no <layout>");
        Element& l = s.layout;
        common(layout, l);
        l.kind = Element::Kind::group;
        if (!children(layout, l.children)) return false;
        if (const XMLElement* sort = e->FirstChildElement("sort")) {
            for (auto* k = sort->FirstChildElement("key"); k; k = k->NextSiblingElement("key")) {
                SortKey key;
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
            }
        }
        return true;
    }

    bool style(const XMLElement* root, CslStyle& st) {
        if (std::string(root->Name()) != "style") return fail(root, "the root element is not <style>");
        st.attrs = all_attrs(root);
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
                return fail(c, "<" + n + "> is not allowed in <style>");
            }
        }
        if (!st.citation.present) return fail(root, "the style has no <citation>");
        return check_macros(root, st);
    }

    // A <text macro="..."> naming no macro is a style error, reported at its line.
    bool check_macro_refs(const XMLElement* root, const Elements& els, const CslStyle& st) {
        for (const Element& el : els) {
            if (!el.macro.empty() && !st.macros.count(el.macro)) {
                error = path + ":" + std::to_string(el.line) + ": no macro named '" + el.macro + "'";
                return false;
            }
            if (!check_macro_refs(root, el.children, st) || !check_macro_refs(root, el.substitute, st)) return false;
            for (const Branch& b : el.branches)
                if (!check_macro_refs(root, b.children, st)) return false;
        }
        return true;
    }

    bool check_macros(const XMLElement* root, const CslStyle& st) {
        for (const auto& [name, m] : st.macros)
            if (!check_macro_refs(root, m.children, st)) return false;
        if (!check_macro_refs(root, st.citation.layout.children, st)) return false;
        if (!check_macro_refs(root, st.bibliography.layout.children, st)) return false;
        for (const Section* s : {&st.citation, &st.bibliography})
            for (const SortKey& k : s->sort)
                if (!k.macro.empty() && !st.macros.count(k.macro)) return fail(root, "no macro named '" + k.macro + "' (sort key)");
        return true;
    }
};

std::string xml_error(const tinyxml2::XMLDocument& doc, const std::string& path) {
    return path + ":" + std::to_string(doc.ErrorLineNum()) + ": not well-formed XML: " + doc.ErrorStr();
}

}  // namespace

Result<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read " + path};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Result<CslStyle> parse_style(std::string_view xml, const std::string& path) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) return Error{xml_error(doc, path)};
    Compiler c{path, {}};
    CslStyle st;
    st.path = path;
    if (!c.style(doc.RootElement(), st)) return Error{c.error};
    return st;
}

Result<CslStyle> load_style(const std::string& path) {
    auto text = read_text_file(path);
    if (!text) return Error{text.error()};
    return parse_style(*text, path);
}

Result<LocaleData> parse_locale(std::string_view xml, const std::string& path) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) return Error{xml_error(doc, path)};
    const XMLElement* root = doc.RootElement();
    Compiler c{path, {}};
    if (std::string(root->Name()) != "locale") {
        c.fail(root, "the root element is not <locale>");
        return Error{c.error};
    }
    LocaleData loc;
    if (!c.locale(root, loc)) return Error{c.error};
    return loc;
}

Result<LocaleData> load_locale(const std::string& path) {
    auto text = read_text_file(path);
    if (!text) return Error{text.error()};
    return parse_locale(*text, path);
}

}  // namespace folio::csl
