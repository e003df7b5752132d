#include "render/figure_alt.hpp"

#include <algorithm>
#include <set>

#include "render/archive_metadata.hpp"
#include "render/pdf_objects.hpp"

namespace folio {
namespace {

using pdf::Value;

struct Figure {
    int number = 0;
    Value dict;
};

// Collects the Figure elements under a /K value, depth first. A /K holds
// marked-content ids (numbers), marked-content and object references
// (dictionaries of /Type /MCR or /OBJR) and child elements (references).
class FigureFinder {
public:
    explicit FigureFinder(const pdf::File& file) : m_file(file) {}

    Result<void> kids(const Value& k, int depth) {
        if (depth > 256) return Error{"the structure tree is nested deeper than folio writes"};
        switch (k.kind) {
            case Value::Kind::array:
                for (const Value& item : k.items)
                    if (auto r = kids(item, depth); !r) return r;
                return {};
            case Value::Kind::ref: {
                Result<Value> elem = m_file.tree_node(k.ref, m_seen);
                if (!elem) return Error{elem.error()};
                const Value* type = elem->get("Type");
                if (type && (type->is_name("MCR") || type->is_name("OBJR"))) return {};
                const Value* s = elem->get("S");
                if (!s || s->kind != Value::Kind::name)
                    return Error{"structure element " + std::to_string(k.ref) + " has no /S"};
                if (s->is_name("Figure")) figures.push_back({k.ref, *elem});
                if (const Value* sub = elem->get("K")) return kids(*sub, depth + 1);
                return {};
            }
            default:
                return {};  // an MCID or an inline MCR/OBJR: content, not an element
        }
    }

    std::vector<Figure> figures;

private:
    const pdf::File& m_file;
    std::set<int> m_seen;
};

}  // namespace

std::string pdf_text_string(const std::string& utf8) {
    if (!is_plain_ascii(utf8)) {
        static const char digits[] = "0123456789ABCDEF";
        std::string out = "<";
        for (unsigned char b : pdf_text_bytes(utf8)) {
            out.push_back(digits[b >> 4]);
            out.push_back(digits[b & 15]);
        }
        return out + ">";
    }
    std::string out = "(";
    for (char c : utf8) {
        if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + ")";
}

Result<std::string> figure_alt_update(std::string_view bytes, const std::vector<std::string>& alts) {
    Result<pdf::File> file = pdf::File::open(bytes);
    if (!file) return Error{file.error()};
    const Value& trailer = file->trailer();
    const Value* root_ref = trailer.get("Root");
    if (!root_ref || root_ref->kind != Value::Kind::ref) return Error{"the PDF's trailer has no /Root"};
    Result<Value> root = file->object(root_ref->ref);
    if (!root) return Error{root.error()};
    const Value* tree_ref = root->get("StructTreeRoot");
    if (!tree_ref || tree_ref->kind != Value::Kind::ref) return Error{"the PDF has no structure tree (is it tagged?)"};
    Result<Value> tree = file->object(tree_ref->ref);
    if (!tree) return Error{tree.error()};
    FigureFinder finder(*file);
    if (const Value* k = tree->get("K"))
        if (auto r = finder.kids(*k, 0); !r) return Error{r.error()};
    if (finder.figures.size() != alts.size())
        return Error{"the PDF's structure tree has " + std::to_string(finder.figures.size()) + " Figure elements, the layout " +
                     std::to_string(alts.size()) + " figures"};

    std::vector<std::pair<int, std::string>> updated;
    for (std::size_t i = 0; i < alts.size(); ++i) {
        const Figure& f = finder.figures[i];
        if (f.dict.get("Alt")) return Error{"Figure element " + std::to_string(f.number) + " already has /Alt"};
        if (alts[i].empty()) continue;
        const std::string dict = raw(bytes, f.dict);
        updated.emplace_back(f.number, dict.substr(0, dict.size() - 2) + "/Alt " + pdf_text_string(alts[i]) + " >>");
    }
    return pdf::incremental_update(*file, std::move(updated));
}

pdf::Update add_figure_alts(std::vector<std::string> alts) {
    const bool none = std::all_of(alts.begin(), alts.end(), [](const std::string& a) { return a.empty(); });
    return {"add the figures' alt text to", [alts = std::move(alts), none](std::string_view pdf) -> Result<std::string> {
                if (none) return std::string{};
                return figure_alt_update(pdf, alts);
            }};
}

}  // namespace folio
