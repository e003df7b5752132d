#include "model/pull_quote.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
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

// The post's text is searched once per candidate, and a search is as slow as
// the text's length times the passage's in the worst case: only the first
// candidates are looked at, and only short ones. A post repeats a passage for
// emphasis a few times, a sentence or two each time (the group's run to
// about 250 bytes).
constexpr size_t max_candidates = 16;
constexpr size_t max_quote_bytes = 1000;

// A top-level block quote of one paragraph: that paragraph, else null.
const Paragraph* one_paragraph_quote(const Block& b) {
    const auto* q = std::get_if<BlockQuote>(&b.value);
    if (!q || q->children.size() != 1) return nullptr;
    return std::get_if<Paragraph>(&q->children.front().value);
}

// The text of every paragraph of `blocks` (headings, list items and quotes
// included), except candidates at the top level, one per line.
void collect_text(const Blocks& blocks, bool top, std::string& out) {
    for (const Block& b : blocks) {
        if (top && one_paragraph_quote(b)) continue;
        std::visit(Overloaded{
                       [&](const Paragraph& p) { out += squeeze(plain_text(p.content)) + "\n"; },
                       [&](const Heading& h) { out += squeeze(plain_text(h.content)) + "\n"; },
                       [&](const BlockQuote& q) { collect_text(q.children, false, out); },
                       [&](const List& l) {
                           for (const ListItem& item : l.items) collect_text(item.children, false, out);
                       },
                       [](const auto&) {},
                   },
                   b.value);
    }
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

PullQuotes::PullQuotes(const Document& doc) {
    std::vector<std::pair<const BlockQuote*, const Paragraph*>> candidates;
    for (const Block& b : doc.blocks)
        if (const Paragraph* p = one_paragraph_quote(b); p && candidates.size() < max_candidates)
            candidates.emplace_back(&std::get<BlockQuote>(b.value), p);
    if (candidates.empty()) return;
    std::string elsewhere;
    collect_text(doc.blocks, true, elsewhere);
    for (const auto& [quote, para] : candidates) {
        const std::string text = plain_text(para->content);
        if (text.size() > max_quote_bytes) continue;
        int found = 0;
        bool all = true;
        for (const std::string& piece : pieces(text)) {
            if (elsewhere.find(piece) == std::string::npos) {
                all = false;
                break;
            }
            found += count_words(piece);
        }
        if (all && found >= min_repeated_words) m_found.push_back(quote);
    }
}

PullQuotes::PullQuotes(const Post& post) {
    const Kind kind = post.meta.kind;
    if (kind == Kind::article || kind == Kind::opinion || kind == Kind::news) *this = PullQuotes(post.doc);
}

bool PullQuotes::contains(const BlockQuote& quote) const {
    return std::find(m_found.begin(), m_found.end(), &quote) != m_found.end();
}

}  // namespace folio
