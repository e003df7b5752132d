#include "render/front_first.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "render/pdf_objects.hpp"

namespace folio {
namespace {

using pdf::Value;

// A dictionary written again with one entry's value replaced.
std::string with_entry(std::string_view bytes, const Value& dict, const std::string& key, const std::string& value) {
    std::string out = "<<";
    for (const auto& [k, v] : dict.entries) out += " /" + k + " " + (k == key ? value : raw(bytes, v));
    return out + " >>";
}

std::string ref_array(const std::vector<int>& refs) {
    std::string out = "[";
    for (int r : refs) {
        out += ' ';
        out += std::to_string(r);
        out += " 0 R";
    }
    return out + " ]";
}

enum class Part { none, body, front, both };

Part join(Part a, Part b) {
    if (a == Part::none) return b;
    if (b == Part::none || a == b) return a;
    return Part::both;
}

// Which pages a structure element's content lies on: /Pg is inherited down
// the tree, and a marked-content or object reference may name its own.
// Walked with a stack of its own: how deep the tree goes is the input's
// business (hostile nesting), not the thread's stack.
class PageFinder {
public:
    PageFinder(const pdf::File& file, const std::set<int>& front, const std::set<int>& body)
        : m_file(file), m_front(front), m_body(body) {}

    Result<Part> part(const Value& top) {
        std::set<int> seen;
        std::vector<std::pair<Value, int>> todo{{top, 0}};
        Part found = Part::none;
        while (!todo.empty() && found != Part::both) {
            auto [k, page] = std::move(todo.back());
            todo.pop_back();
            if (k.kind == Value::Kind::ref) {
                Result<Value> elem = m_file.tree_node(k.ref, seen);
                if (!elem) return Error{elem.error()};
                k = std::move(*elem);
            }
            switch (k.kind) {
                case Value::Kind::number: {
                    Result<Part> p = of_page(page);
                    if (!p) return p;
                    found = join(found, *p);
                    break;
                }
                case Value::Kind::array:
                    for (Value& item : k.items) todo.emplace_back(std::move(item), page);
                    break;
                case Value::Kind::dict: {
                    if (const Value* pg = k.get("Pg")) {
                        if (pg->kind != Value::Kind::ref) return Error{"a structure element's /Pg is not a reference"};
                        page = pg->ref;
                    }
                    const Value* type = k.get("Type");
                    if (type && (type->is_name("MCR") || type->is_name("OBJR"))) {
                        Result<Part> p = of_page(page);
                        if (!p) return p;
                        found = join(found, *p);
                    } else if (const Value* sub = k.get("K")) {
                        todo.emplace_back(*sub, page);
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return found;
    }

private:
    Result<Part> of_page(int page) const {
        if (m_front.count(page)) return Part::front;
        if (m_body.count(page)) return Part::body;
        return Error{"structure content on object " + std::to_string(page) + ", which is not a page"};
    }

    const pdf::File& m_file;
    const std::set<int>& m_front;
    const std::set<int>& m_body;
};

// The new page-label tree: cairo's entries moved with their pages.
Result<std::string> rotated_labels(std::string_view bytes, const Value& labels, int body, int front) {
    const Value* nums = labels.get("Nums");
    if (!nums || nums->kind != Value::Kind::array || nums->items.size() % 2 != 0 || labels.get("Kids"))
        return Error{"the page-label tree is not one /Nums array"};
    std::vector<std::pair<int, std::string>> entries;
    bool body_start = false, front_start = false;
    for (std::size_t i = 0; i < nums->items.size(); i += 2) {
        const Value& index = nums->items[i];
        if (index.kind != Value::Kind::number || index.number < 0 || index.number >= body + front ||
            index.number != static_cast<int>(index.number))
            return Error{"a page-label index is not a page's"};
        const int at = static_cast<int>(index.number);
        body_start |= at == 0;
        front_start |= at == body;
        entries.emplace_back(at < body ? at + front : at - body, raw(bytes, nums->items[i + 1]));
    }
    // The front matter's first page must start a range of its own (else it
    // would continue the body's numbering, which no longer precedes it).
    if (!front_start) return Error{"the front matter's first page has no page label of its own"};
    // No entry at 0 means decimal from 1 (where cairo leaves it out).
    if (!body_start) entries.emplace_back(front, "<< /S /D /St 1 >>");
    std::sort(entries.begin(), entries.end());
    std::string out = "<< /Nums [";
    for (const auto& [at, dict] : entries) out += "\n" + std::to_string(at) + " " + dict;
    return out + " ] >>";
}

}  // namespace

Result<std::string> front_first_update(std::string_view bytes, FrontMatter front_matter) {
    const int front_pages = front_matter.pages;
    if (front_pages <= 0) return std::string{};
    Result<pdf::File> file = pdf::File::open(bytes);
    if (!file) return Error{file.error()};
    const Value* root_ref = file->trailer().get("Root");
    if (!root_ref || root_ref->kind != Value::Kind::ref) return Error{"the PDF's trailer has no /Root"};
    Result<Value> root = file->object(root_ref->ref);
    if (!root) return Error{root.error()};
    std::vector<std::pair<int, std::string>> updated;

    // The page tree: flat, as cairo 1.16 writes it.
    const Value* pages_ref = root->get("Pages");
    if (!pages_ref || pages_ref->kind != Value::Kind::ref) return Error{"the catalog has no /Pages"};
    Result<Value> pages = file->object(pages_ref->ref);
    if (!pages) return Error{pages.error()};
    const Value* kids = pages->get("Kids");
    const Value* count = pages->get("Count");
    if (!kids || kids->kind != Value::Kind::array || !count || count->number != static_cast<double>(kids->items.size()))
        return Error{"the page tree is not one flat /Pages node"};
    const int total = static_cast<int>(kids->items.size());
    if (front_pages > total) return Error{"the PDF has fewer pages than its front matter"};
    if (front_pages == total) return std::string{};
    const int body_pages = total - front_pages;
    std::vector<int> order;
    std::set<int> front, body;
    for (int i = 0; i < total; ++i) {
        const Value& kid = kids->items[static_cast<std::size_t>(i)];
        if (kid.kind != Value::Kind::ref) return Error{"the page tree is not one flat /Pages node"};
        Result<Value> page = file->object(kid.ref);
        if (!page) return Error{page.error()};
        const Value* type = page->get("Type");
        if (!type || !type->is_name("Page")) return Error{"the page tree is not one flat /Pages node"};
        (i < body_pages ? body : front).insert(kid.ref);
    }
    for (int i = 0; i < total; ++i) order.push_back(kids->items[static_cast<std::size_t>((i + body_pages) % total)].ref);
    updated.emplace_back(pages_ref->ref, with_entry(bytes, *pages, "Kids", ref_array(order)));

    if (const Value* labels_ref = root->get("PageLabels")) {
        if (labels_ref->kind != Value::Kind::ref) return Error{"the catalog's /PageLabels is not a reference"};
        Result<Value> labels = file->object(labels_ref->ref);
        if (!labels) return Error{labels.error()};
        Result<std::string> rotated = rotated_labels(bytes, *labels, body_pages, front_pages);
        if (!rotated) return Error{rotated.error()};
        updated.emplace_back(labels_ref->ref, std::move(*rotated));
    }

    // The structure: the Document element's last children are the front
    // matter's (drawn last); they go first.
    if (const Value* tree_ref = root->get("StructTreeRoot"); tree_ref && front_matter.elements > 0) {
        if (tree_ref->kind != Value::Kind::ref) return Error{"the catalog's /StructTreeRoot is not a reference"};
        std::set<int> seen;
        Result<Value> tree = file->tree_node(tree_ref->ref, seen);
        if (!tree) return Error{tree.error()};
        const Value* top = tree->get("K");
        if (top && top->kind == Value::Kind::array && top->items.size() == 1) top = &top->items[0];
        if (!top || top->kind != Value::Kind::ref) return Error{"the structure tree is not one Document element"};
        const int document = top->ref;
        Result<Value> node = file->tree_node(document, seen);
        if (!node) return Error{node.error()};
        const Value* k = node->get("K");
        if (!k || k->kind != Value::Kind::array || k->items.size() <= front_matter.elements)
            return Error{"the Document element has fewer children than the front matter drew"};
        const std::vector<Value>& children = k->items;
        const std::size_t split = children.size() - front_matter.elements;
        // Checked, not assumed: the last child before the boundary lies in
        // the body alone, the first after it in the front matter alone (the
        // writer's count and cairo's tree agree).
        for (auto [at, want] : {std::pair{split - 1, Part::body}, std::pair{split, Part::front}}) {
            Result<Part> part = PageFinder(*file, front, body).part(children[at]);
            if (!part) return Error{part.error()};
            if (*part != want)
                return Error{"the Document element's child " + std::to_string(at) + " is not where the front matter " +
                             (want == Part::front ? "begins" : "ends")};
        }
        std::vector<int> order;
        for (std::size_t i = 0; i < children.size(); ++i) {
            const Value& child = children[(i + split) % children.size()];
            if (child.kind != Value::Kind::ref) return Error{"a structure element's child is not an element"};
            order.push_back(child.ref);
        }
        updated.emplace_back(document, with_entry(bytes, *node, "K", ref_array(order)));
    }
    return pdf::incremental_update(*file, std::move(updated));
}

pdf::Update move_front_first(FrontMatter front) {
    return {"put the front matter first in", [front](std::string_view pdf) -> Result<std::string> {
                if (front.pages <= 0) return std::string{};
                return front_first_update(pdf, front);
            }};
}

}  // namespace folio
