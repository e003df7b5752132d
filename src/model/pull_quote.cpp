#include "model/pull_quote.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "model/overloaded.hpp"

namespace folio {
namespace {

// Words found elsewhere in the post before a quote counts as repeating it.
constexpr int min_repeated_words = 8;

// Runs of white space as one space, none at either end, so a passage wrapped
// differently in the source still matches.
std::string squeeze(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

int count_words(std::string_view s) {
    int n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// The text of every paragraph of `blocks` (headings, list items and quotes
// included), except those inside `skip`, one per line.
void collect_text(const Blocks& blocks, const BlockQuote* skip, std::string& out) {
    for (const Block& b : blocks)
        std::visit(Overloaded{
                       [&](const Paragraph& p) { out += squeeze(plain_text(p.content)) + "\n"; },
                       [&](const Heading& h) { out += squeeze(plain_text(h.content)) + "\n"; },
                       [&](const BlockQuote& q) {
                           if (&q != skip) collect_text(q.children, skip, out);
                       },
                       [&](const List& l) {
                           for (const ListItem& item : l.items) collect_text(item.children, skip, out);
                       },
                       [](const auto&) {},
                   },
                   b.value);
}

// The passage cut at each ellipsis ("…" or "..."), each piece without the
// spaces around it; empty pieces dropped.
std::vector<std::string> pieces(const std::string& text) {
    std::vector<std::string> out;
    size_t from = 0;
    auto add = [&](size_t to) {
        std::string piece = squeeze(std::string_view(text).substr(from, to - from));
        if (!piece.empty()) out.push_back(std::move(piece));
    };
    for (size_t i = 0; i < text.size();) {
        const size_t len = text.compare(i, 3, "\xE2\x80\xA6") == 0 || text.compare(i, 3, "...") == 0 ? 3 : 0;
        if (len == 0) {
            ++i;
            continue;
        }
        add(i);
        i += len;
        from = i;
    }
    add(text.size());
    return out;
}

}  // namespace

bool is_pull_quote(const BlockQuote& quote, const Document& doc) {
    if (quote.children.size() != 1) return false;
    const auto* para = std::get_if<Paragraph>(&quote.children.front().value);
    if (!para) return false;
    std::string elsewhere;
    collect_text(doc.blocks, &quote, elsewhere);
    int found = 0;
    for (const std::string& piece : pieces(plain_text(para->content))) {
        if (elsewhere.find(piece) == std::string::npos) return false;
        found += count_words(piece);
    }
    return found >= min_repeated_words;
}

}  // namespace folio
