#pragma once
// The document tree every reader produces and every writer consumes: plain
// structs in std::variants, no library types, no I/O (in the spirit of
// pandoc's AST). Each node carries its SourcePos so later stages can report
// problems at file:line:col.
//
// Recursive types: a struct holding std::vector<Inline> is declared before
// Inline is complete; std::vector allows that since C++17.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/source_pos.hpp"

namespace folio {

struct Inline;
struct Block;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

// ---- inlines --------------------------------------------------------------

struct Text {
    std::string text;  // UTF-8, never empty
};
struct SoftBreak {};  // a line end inside a paragraph: a space when reflowed
struct LineBreak {};  // a hard break
struct Emph { Inlines children; };
struct Strong { Inlines children; };
struct Strikethrough { Inlines children; };
struct Superscript { Inlines children; };
struct Subscript { Inlines children; };
struct SmallCaps { Inlines children; };  // produced by citation formatting
struct Code { std::string text; };
struct Link {
    std::string url;
    std::string title;
    Inlines children;
};
struct Image {
    std::string url;    // as written
    std::string title;
    Inlines alt;
    std::string path;   // the file it names, checked to lie inside input/ (set by check_images)
};
// Raw HTML as written. Never trusted: writers sanitise or drop it.
struct RawInline {
    std::string format;  // "html"
    std::string text;
};
// A span with a language (Hangul runs get lang="ko") or a class.
struct Span {
    std::string lang;
    std::string cls;
    Inlines children;
};
// [^label]: points at a Footnote in Document::notes.
struct NoteRef {
    std::string label;
    int number = 0;  // 1-based within the post, set by the note-numbering pass
};

// One item of a citation: `[see @coi2014, para 12]`.
struct CiteItem {
    std::string key;
    std::string prefix;          // "see"
    std::string locator_label;   // CSL locator term: "page", "paragraph", "article", ...
    std::string locator;         // "12"
    std::string suffix;          // text after the locator
    bool suppress_author = false;  // `-@key`
    SourcePos pos;               // of the '@'
};
enum class CiteMode {
    normal,     // [@key]: parenthetical or a note, as the style says
    narrative,  // @key in running text: "Smith (2014)"
    // With a note style, what a narrative citation leaves in the running text
    // when its citation moves into a footnote: the author's name ("As Baek¹
    // argues"). It renders the names alone and takes no position (the note's
    // citation is still the first one, not "ibid").
    author_in_text,
};
struct Cite {
    CiteMode mode = CiteMode::normal;
    std::vector<CiteItem> items;
    std::string source;   // the text as written, kept for fallbacks and dumps
    Inlines rendered;     // filled by the citation pass; empty until then
    // The number of the footnote this citation stands in (0 in running text),
    // for the style's position tests (ibid, near-note). With a note style the
    // citation pass moves each citation of the running text into a footnote
    // of its own and leaves a NoteRef: writers never draw a mark for a Cite.
    int note = 0;
};

using InlineValue = std::variant<Text, SoftBreak, LineBreak, Emph, Strong, Strikethrough, Superscript,
                                 Subscript, SmallCaps, Code, Link, Image, RawInline, Span, NoteRef, Cite>;

struct Inline {
    InlineValue value;
    SourcePos pos;
};

// ---- blocks ---------------------------------------------------------------

struct Paragraph { Inlines content; };
struct Heading {
    int level = 1;   // 1..6 as written; the post title is not a Heading
    Inlines content;
    std::string id;  // unique within the post, set by the heading-id pass
};
struct BlockQuote { Blocks children; };
struct ListItem {
    Blocks children;
    std::optional<bool> checked;  // task list items; unset for ordinary items
    SourcePos pos;
};
struct List {
    bool ordered = false;
    int start = 1;           // ordered lists only
    char delimiter = '.';    // '.' or ')'
    bool tight = true;
    std::vector<ListItem> items;
};
struct CodeBlock {
    std::string info;  // the fence's info string ("cpp")
    std::string text;  // with its final newline
};
struct ThematicBreak {};
enum class Align { none, left, center, right };
struct TableCell {
    Inlines content;
    SourcePos pos;
};
struct TableRow {
    std::vector<TableCell> cells;
};
struct Table {
    std::vector<Align> aligns;     // one per column
    TableRow header;
    std::vector<TableRow> rows;
};
struct RawBlock {
    std::string format;  // "html"
    std::string text;
};

using BlockValue = std::variant<Paragraph, Heading, BlockQuote, List, CodeBlock, ThematicBreak, Table, RawBlock>;

struct Block {
    BlockValue value;
    SourcePos pos;
};

// A footnote's body. NoteRef::label points here; numbers are per post.
struct Footnote {
    std::string label;
    int number = 0;     // 1-based order of first reference; 0 if never referenced
    Blocks content;
    bool from_citation = false;  // made by a note citation style, not written
    SourcePos pos;
};

// One entry of a formatted reference list, made by the citation pass from
// the bibliography so both writers print the same text.
struct FormattedReference {
    std::string id;  // the CSL item id ("coi2014"), for anchors
    Inlines text;    // the entry as the style formats it
};

struct Document {
    Blocks blocks;
    std::vector<Footnote> notes;  // in the order the passes number them
    // The post's own reference list (author-date and numeric styles with
    // per-post lists); empty when there is none or the pack has one list.
    std::vector<FormattedReference> references;
};

// ---- helpers ----------------------------------------------------------------

// The plain text of inlines (for titles, sort keys, PDF outlines, alt text):
// soft breaks become spaces, notes and raw HTML are skipped, citations give
// their rendered text or, before formatting, their source.
std::string plain_text(const Inlines& inlines);

// Whether a link shows an address rather than words ("https://undocs.org/A/71/439",
// "www.example.org", "undocs.org/A/71/439" linking to itself, a bare e-mail
// address). Both editions never hyphenate one: a reader copying "un-docs.org"
// or "sys-tem" from the page gets an address that does not exist.
bool shows_address(const Link& link);

template <typename T>
Inline make_inline(T value, SourcePos pos = {}) {
    return Inline{InlineValue{std::move(value)}, pos};
}
template <typename T>
Block make_block(T value, SourcePos pos = {}) {
    return Block{BlockValue{std::move(value)}, pos};
}

}  // namespace folio
