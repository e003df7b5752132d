#pragma once
// The renderer's internals, shared by the files that implement its element
// kinds (csl_render.cpp, csl_names.cpp, csl_dates.cpp, csl_numbers.cpp). Not
// part of the stage's public interface.
#include <array>
#include <set>
#include <string>
#include <vector>

#include "cite/csl_render.hpp"

namespace folio::csl {

class Renderer {
public:
    explicit Renderer(const RenderInput& in) : m_in(in) {}

    Ir layout(const Element& layout);
    Ir macro(const std::string& name);
    Ir elements(const Elements& els, const std::string& delimiter);

private:
    friend std::string item_variable(const RenderInput& in, const std::string& name);

    Ir element(const Element& el);
    Ir text(const Element& el);
    Ir number(const Element& el);
    Ir label(const Element& el);
    Ir group(const Element& el);
    Ir choose(const Element& el);
    Ir date(const Element& el);
    Ir names(const Element& el);

    // csl_names.cpp
    struct NameOpts;
    NameOpts name_options(const Element& el) const;
    Ir name_list(const std::vector<CslName>& names, const NameOpts& o, const Element& el, bool& truncated);
    Ir one_name(const CslName& n, const NameOpts& o, bool inverted, int level);
    Ir names_of(const Element& el, const std::vector<std::string>& vars, const NameOpts& o);

    // csl_dates.cpp
    Ir date_value(const Element& el, const CslDate& d);
    Ir date_part(const DatePart& p, const std::array<int, 3>& ymd, int season, bool range_end);

    // csl_numbers.cpp
    Ir number_text(const std::string& value, const std::string& form, const std::string& variable);
    std::string page_range(const std::string& value) const;

    bool condition(const Branch& b);
    bool test(const std::string& attr, const std::string& value);

    // Applies an element's text-case, strip-periods, quotes, formatting,
    // affixes and display to its rendered content.
    Ir decorate(Ir content, const Element& el) const;
    void apply_case(Ir& ir, const std::string& text_case, bool at_start) const;
    bool english() const;

    std::string variable(const std::string& name);  // counts as a variable call
    std::string raw_variable(const std::string& name) const;
    bool has_variable(const std::string& name) const;
    const std::vector<CslName>* name_variable(const std::string& name) const;
    const CslDate* date_variable(const std::string& name) const;
    std::string term(const std::string& name, const std::string& form = "long", bool plural = false) const;

    const RenderInput& m_in;
    int m_called = 0;    // variables a group asked for
    int m_rendered = 0;  // ... and got a value for
    std::set<std::string> m_suppressed;  // variables used up by a names substitution
    std::vector<std::string> m_used;     // variables read, for substitution bookkeeping
    int m_macro_depth = 0;
    bool m_year_suffix_done = false;
    bool m_author_suppressed = false;
    const Element* m_names_parent = nullptr;  // for <names/> inside <substitute>
    Attrs m_current_family, m_current_given;   // <name-part> options of the <names> being rendered
};

}  // namespace folio::csl
