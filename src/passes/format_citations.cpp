#include "passes/format_citations.hpp"

#include <map>
#include <optional>

#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace {

// Punctuation that a note mark follows rather than precedes ("Refugees.¹",
// not "Refugees¹."), as pandoc places a note citation by default.
bool is_mark_punctuation(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

// A citation becomes a note mark glued to the words it follows: the space
// written before `[@key]` goes (else the mark could start a line, and reads
// "Convention ¹"), and the sentence punctuation written after it comes
// before it. `at` is the NoteRef's index in `list`; returns its new index.
std::size_t place_note_mark(Inlines& list, std::size_t at) {
    while (at > 0) {
        Inline& before = list[at - 1];
        if (std::holds_alternative<SoftBreak>(before.value)) {
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(--at));
            continue;
        }
        if (auto* t = std::get_if<Text>(&before.value)) {
            const auto end = t->text.find_last_not_of(" \t");
            if (end == std::string::npos) {
                list.erase(list.begin() + static_cast<std::ptrdiff_t>(--at));
                continue;
            }
            t->text.erase(end + 1);
        }
        break;
    }
    if (at + 1 >= list.size()) return at;
    auto* after = std::get_if<Text>(&list[at + 1].value);
    if (!after) return at;
    std::size_t n = 0;
    while (n < after->text.size() && is_mark_punctuation(after->text[n])) ++n;
    if (n == 0) return at;
    std::string punct = after->text.substr(0, n);
    after->text.erase(0, n);
    if (after->text.empty()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(at + 1));
    auto* prev = at > 0 ? std::get_if<Text>(&list[at - 1].value) : nullptr;
    // "etc. [@key]." keeps one full stop.
    if (prev && punct[0] == '.' && prev->text.ends_with('.')) punct.erase(0, 1);
    if (punct.empty()) return at;
    if (prev) {
        prev->text += punct;
        return at;
    }
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), make_inline(Text{std::move(punct)}, list[at].pos));
    return at + 1;
}

// Moves each citation of the running text into a new footnote and leaves a
// NoteRef in its place. Labels cannot clash with written ones: those never
// contain a space.
void citations_to_notes(Post& post) {
    int made = 0;
    std::vector<Footnote> added;
    // Only the main text: a citation inside a footnote stays there.
    walk_inline_lists(post.doc.blocks, [&](Inlines& list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            Inline& in = list[i];
            auto* cite = std::get_if<Cite>(&in.value);
            if (!cite) continue;
            // A narrative citation ("As @key argues") stands for words: its
            // author's name stays in the text and the mark follows the name
            // ("As Baek¹ argues"), as pandoc writes it; the note holds the
            // whole citation.
            std::optional<Cite> author;
            if (cite->mode == CiteMode::narrative) {
                author = *cite;
                author->mode = CiteMode::author_in_text;
                cite->mode = CiteMode::normal;
            }
            Footnote note;
            note.label = "cite " + std::to_string(++made);
            note.from_citation = true;
            note.pos = in.pos;
            Inlines content;
            content.push_back(make_inline(std::move(*cite), in.pos));
            note.content.push_back(make_block(Paragraph{std::move(content)}, in.pos));
            in.value = NoteRef{note.label, 0};
            added.push_back(std::move(note));
            if (author) {
                const SourcePos pos = in.pos;  // `in` dangles after the insert
                list.insert(list.begin() + static_cast<std::ptrdiff_t>(i), make_inline(std::move(*author), pos));
                ++i;
            }
            i = place_note_mark(list, i);
        }
    });
    for (auto& n : added) post.doc.notes.push_back(std::move(n));
}

// A citation that is a note of its own is that note's sentence, so its
// first letter is a capital: `[see @un2014, p. 3]` gives the note "See
// United Nations ...", as pandoc writes it. A citation inside a note someone
// wrote is part of their sentence and keeps its case ("...; see ...").
void capitalise_citation_notes(Post& post) {
    for (Footnote& note : post.doc.notes) {
        if (!note.from_citation || note.content.empty()) continue;
        auto* para = std::get_if<Paragraph>(&note.content.front().value);
        if (!para || para->content.empty()) continue;
        if (auto* cite = std::get_if<Cite>(&para->content.front().value)) capitalise_first_letter(cite->rendered);
    }
}

bool ends_with_space(const Inline& in) {
    if (std::holds_alternative<SoftBreak>(in.value) || std::holds_alternative<LineBreak>(in.value)) return true;
    const auto* t = std::get_if<Text>(&in.value);
    return t && (t->text.ends_with(' ') || t->text.ends_with('\t'));
}

// A citation inside a note someone wrote is part of their sentence, so it
// cannot be a note: pandoc sets it in parentheses there, its closing full
// stop dropped ("As argued elsewhere (Jieun Baek, ... 4)."), except one
// that opens a note of one paragraph, which pandoc leaves as formatted
// ("Ibid para 12 is it."; in a note of two paragraphs it has parentheses
// too). A narrative one is already "Baek, Ibid 4" (format_citations).
void parenthesise_citations_in_written_notes(Post& post) {
    for (Footnote& note : post.doc.notes) {
        if (note.from_citation) continue;
        const Inline* opening = nullptr;
        if (note.content.size() == 1)
            if (auto* para = std::get_if<Paragraph>(&note.content.front().value); para && !para->content.empty())
                opening = &para->content.front();
        walk_inline_lists(note.content, [&](Inlines& list) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto* cite = std::get_if<Cite>(&list[i].value);
                if (!cite || cite->mode != CiteMode::normal || &list[i] == opening) continue;
                drop_final_period(cite->rendered);
                Inlines wrapped;
                // Apart from the word before it ("a word[@key]" gives "a word (...)").
                if (i > 0 && !ends_with_space(list[i - 1])) wrapped.push_back(make_inline(Text{" "}, list[i].pos));
                wrapped.push_back(make_inline(Text{"("}, list[i].pos));
                for (Inline& in : cite->rendered) wrapped.push_back(std::move(in));
                wrapped.push_back(make_inline(Text{")"}, list[i].pos));
                cite->rendered = std::move(wrapped);
            }
        });
    }
}

// The citations of a post in reading order: the running text first, then
// the notes in their numbered order, each cite knowing its note number.
// An author a note style left in the running text (CiteMode::author_in_text)
// goes with its note's citation instead, just before it and with its note's
// number: pandoc makes the two one citation, so the name has the note's
// moment and a second mention of a person is their short name ("Baek"), not
// the name a first citation gives ("Jieun Baek").
// `document` tells the posts of one run apart (CiteRequest::document).
void collect(Post& post, int document, std::vector<CiteRequest>& out) {
    std::map<int, std::vector<Cite*>> authors;  // note number -> the names that go with its citation
    walk_inline_lists(post.doc.blocks, [&](Inlines& list) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto* c = std::get_if<Cite>(&list[i].value);
            if (!c) continue;
            c->note = 0;
            if (c->mode == CiteMode::author_in_text) {
                // Its mark is the next one in the list: the name, then the
                // sentence's punctuation, then the mark (place_note_mark).
                for (std::size_t j = i + 1; j < list.size(); ++j)
                    if (const auto* mark = std::get_if<NoteRef>(&list[j].value)) {
                        c->note = mark->number;
                        break;
                    }
                if (c->note != 0) {
                    authors[c->note].push_back(c);
                    continue;
                }
            }
            out.push_back({c, post.path, document});
        }
    });
    for (auto& note : post.doc.notes) {
        if (auto it = authors.find(note.number); it != authors.end())
            for (Cite* c : it->second) out.push_back({c, post.path, document});
        walk_inlines(note.content, [&](Inline& in) {
            if (auto* c = std::get_if<Cite>(&in.value)) {
                c->note = note.number;
                out.push_back({c, post.path, document});
            }
        });
    }
}

}  // namespace

void one_after_another(std::size_t n, const std::function<void(std::size_t)>& task) {
    for (std::size_t i = 0; i < n; ++i) task(i);
}

void format_pack_citations(Pack& pack, const CitationStyle& style, Diagnostics& diags, const ForEachIndex& for_each) {
    // A reference list comes from the run that formatted the citations it
    // goes with, never from a second one over the cited items: only that run
    // knows the numbers given in order of first citation (IEEE), and the
    // year-suffixes and names its disambiguation chose.
    const bool one_run = pack.references_per_pack && style.has_bibliography();
    const std::size_t n = pack.posts.size();
    // Per post, so no task shares anything it writes: diagnostics merged in
    // post order after, and char rather than vector<bool>, whose elements
    // share bytes.
    std::vector<Diagnostics> post_diags(n);
    std::vector<char> cites(n, 0);
    for_each(n, [&](std::size_t i) {
        Post& post = pack.posts[i];
        bool any = false;
        walk_inlines(post.doc, [&](Inline& in) { any = any || std::holds_alternative<Cite>(in.value); });
        if (!any) return;
        cites[i] = 1;
        if (style.is_note_style()) {
            citations_to_notes(post);
            number_notes(post, post_diags[i]);
        }
        if (one_run) return;
        // Each post its own run: its numbering and year-suffixes go with its
        // own list (or with none, when the pack's style makes no list).
        std::vector<CiteRequest> requests;
        collect(post, 0, requests);
        std::vector<FormattedReference> list = format_citations(style, pack.bibliography, requests, post_diags[i]);
        if (!pack.references_per_pack) post.doc.references = std::move(list);
        if (style.is_note_style()) {
            capitalise_citation_notes(post);
            parenthesise_citations_in_written_notes(post);
        }
    });
    for (const Diagnostics& d : post_diags) diags.append(d);
    if (!one_run) return;
    // One run for the pack, so every post's [n] and 2014a point into the
    // pack's list; each post is its own document for positions (its first
    // citation of a source is a full one, never "Ibid").
    std::vector<CiteRequest> requests;
    int document = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (cites[i]) collect(pack.posts[i], document++, requests);
    if (!requests.empty()) pack.references = format_citations(style, pack.bibliography, requests, diags);
    if (style.is_note_style())
        for (std::size_t i = 0; i < n; ++i)
            if (cites[i]) {
                capitalise_citation_notes(pack.posts[i]);
                parenthesise_citations_in_written_notes(pack.posts[i]);
            }
}

}  // namespace folio
