// The bibliography: each registered item through the bibliography layout, in
// the order number_items() sorted them, with subsequent-author-substitute and
// second-field-align applied.
#include "cite/csl_engine.hpp"

namespace folio::csl {
namespace {

Ir* first_names(Ir& ir) {
    if (ir.names_root) return &ir;
    for (Ir& c : ir.children)
        if (Ir* r = first_names(c)) return r;
    return nullptr;
}

// Splits off the first rendered child for second-field-align.
void align_fields(Ir& entry, const std::string& mode) {
    (void)mode;
    Ir* level = &entry;
    // Descend through single-child groups without decoration to find the
    // layout's own children.
    while (level->is_group && level->children.size() == 1 && level->children[0].is_group &&
           level->prefix.empty() && level->suffix.empty())
        level = &level->children[0];
    std::size_t first = 0;
    while (first < level->children.size() && level->children[first].empty()) ++first;
    if (first >= level->children.size()) return;
    Ir left;
    left.is_group = true;
    left.display = "left-margin";
    left.children.push_back(std::move(level->children[first]));
    Ir right;
    right.is_group = true;
    right.display = "right-inline";
    for (std::size_t i = first + 1; i < level->children.size(); ++i) right.children.push_back(std::move(level->children[i]));
    level->children.clear();
    level->children.push_back(std::move(left));
    level->children.push_back(std::move(right));
}

Ir* find_display(Ir& ir, const std::string& display) {
    if (ir.display == display) return &ir;
    for (Ir& c : ir.children)
        if (Ir* r = find_display(c, display)) return r;
    return nullptr;
}

}  // namespace

void Engine::build_bibliography() {
    m_bib_ir.clear();
    m_bib_ids.clear();
    const Section& bib = m_style.bibliography;
    if (!bib.present) return;
    std::string sas = bib.attrs.count("subsequent-author-substitute") ? bib.attrs.at("subsequent-author-substitute") : "";
    bool has_sas = bib.attrs.count("subsequent-author-substitute") > 0;
    std::string previous_names;
    for (const Entry& e : m_entries) {
        Ir ir = render_item(input(e, Mode::bibliography, nullptr));
        if (ir.empty()) continue;
        if (has_sas) {
            if (Ir* names = first_names(ir)) {
                std::string text = ir_plain(*names);
                if (text == previous_names) {
                    Ir sub = ir_text(sas);
                    sub.names_root = true;
                    *names = sub;
                } else {
                    previous_names = text;
                }
            } else {
                previous_names.clear();
            }
        }
        Ir entry;
        entry.is_group = true;
        entry.children.push_back(std::move(ir));
        if (bib.attrs.count("second-field-align")) {
            // The layout's affixes go inside the columns, so the entry's
            // final punctuation stays with its text.
            align_fields(entry.children[0], bib.attrs.at("second-field-align"));
            Ir* right = find_display(entry, "right-inline");
            Ir* left = find_display(entry, "left-margin");
            if (right) right->children.push_back(ir_text(bib.layout.suffix));
            if (left) left->children.insert(left->children.begin(), ir_text(bib.layout.prefix));
        } else {
            entry.prefix = bib.layout.prefix;
            entry.suffix = bib.layout.suffix;
        }
        Ir formatted;
        formatted.is_group = true;
        formatted.fmt = bib.layout.fmt;
        formatted.children.push_back(std::move(entry));
        m_bib_ir.push_back(std::move(formatted));
        m_bib_ids.push_back(e.item->id);
    }
}

std::vector<Inlines> Engine::bibliography() {
    std::vector<Inlines> out;
    OutputOptions opt = output_options();
    for (const Ir& ir : m_bib_ir) out.push_back(to_inlines(ir, opt));
    return out;
}

}  // namespace folio::csl
