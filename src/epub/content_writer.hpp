#pragma once
// Writes a post's Document nodes as XHTML elements: every block and inline
// kind, footnote references, citations, Hangul spans, links between posts,
// and raw HTML rebuilt through the allow-list (html_sanitize.hpp).
#include <map>
#include <string>
#include <vector>

#include <tinyxml2.h>

#include "epub/book_resources.hpp"
#include "model/diagnostic.hpp"
#include "model/post.hpp"
#include "model/pull_quote.hpp"

namespace folio::epub {

// A heading for the navigation document.
struct TocHeading {
    int level = 2;  // the XHTML level written (h2..h6)
    std::string id;
    std::string text;
};

struct NoteNumbering {
    std::map<std::string, int> by_label;  // footnote label -> number shown
    std::vector<const Footnote*> ordered;  // the notes to print, by number
};

// Numbers the notes a post shows: Footnote::number where the passes set
// it, otherwise in order of first reference. Notes nobody refers to are left
// out with a warning.
NoteNumbering number_notes(const Post& post, Diagnostics& diags);

class ContentWriter {
public:
    ContentWriter(const Post& post, const PostLinks& links, ImageStore& images, Diagnostics& diags);

    // Top-level blocks; headings written here are collected for the toc.
    void write_blocks(tinyxml2::XMLElement* parent, const Blocks& blocks);
    void write_block(tinyxml2::XMLElement* parent, const Block& block);
    void write_inlines(tinyxml2::XMLElement* parent, const Inlines& inlines);
    // The notes as <aside epub:type="footnote"> elements with back-links.
    void write_notes(tinyxml2::XMLElement* parent);
    // A formatted reference list as a doc-bibliography section with an
    // <h2> (or <h1> for a page of its own) and one list item per entry.
    void write_references(tinyxml2::XMLElement* parent, const std::vector<FormattedReference>& references,
                          const char* heading_element);

    // Text with Hangul runs wrapped in <span lang="ko"> unless the
    // surrounding language already is Korean.
    void write_text(tinyxml2::XMLElement* parent, std::string_view text);

    const std::vector<TocHeading>& headings() const { return m_headings; }
    int image_count() const { return m_images_written; }
    int images_without_alt() const { return m_images_without_alt; }
    bool has_notes() const { return !m_notes.ordered.empty(); }

private:
    struct Piece;
    void write_inline(tinyxml2::XMLElement* parent, const Inline& in);
    void write_pieces(tinyxml2::XMLElement* parent, const std::vector<Piece>& pieces);
    void write_raw_block(tinyxml2::XMLElement* parent, const RawBlock& raw, SourcePos pos);
    void write_link(tinyxml2::XMLElement* parent, const Link& link, SourcePos pos);
    void write_image(tinyxml2::XMLElement* parent, const Image& image, SourcePos pos);
    void write_noteref(tinyxml2::XMLElement* parent, int number);
    void write_list(tinyxml2::XMLElement* parent, const List& list);
    void write_table(tinyxml2::XMLElement* parent, const Table& table);
    std::string heading_id(const Heading& h);

    const Post& m_post;
    const PostLinks& m_links;
    ImageStore& m_images;
    Diagnostics& m_diags;
    NoteNumbering m_notes;
    PullQuotes m_pull_quotes;             // repeated passages, set apart as in print
    std::vector<std::string> m_lang;      // language stack; back() is current
    int m_heading_shift = 1;              // added to Markdown levels so the top one is h2
    int m_depth = 0;                      // block nesting: 0 = top level
    std::map<int, int> m_noteref_count;   // number -> references written so far
    std::map<std::string, int> m_ids;     // ids used in the page
    std::vector<TocHeading> m_headings;
    int m_images_written = 0;
    int m_images_without_alt = 0;
};

}  // namespace folio::epub
