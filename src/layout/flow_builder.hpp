#pragma once
// The state of flowing one post: where the text block is (indent, measure),
// which keep rules are pending, which quote bars are open. Internal to flow.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout/flow.hpp"
#include "layout/rich_text.hpp"
#include "layout/set_paragraph.hpp"
#include "model/pull_quote.hpp"

namespace folio {

class FlowBuilder {
public:
    FlowBuilder(TypeContext& tc, const Style& style, const Post& post, int post_index);

    Result<PostFlow> run();
    // The pack's own reference list as a section of its own (the post is a placeholder).
    PostFlow run_reference_section(const std::vector<FormattedReference>& refs);

private:
    // blocks (flow.cpp)
    void post_header();
    std::vector<Item> side_note(RichText label, double label_tracking, RichText below, double width, double x,
                                double baseline);
    void notes();
    NoteBody note_body(const Footnote& f);
    Result<void> blocks(const Blocks& blocks);
    Result<void> block(const Block& block);
    void paragraph(const Inlines& inlines, const std::string& tag);
    void heading(const Heading& h);
    Result<void> quote(const BlockQuote& q);
    void pull_quote(const Paragraph& p);
    Result<void> list(const List& l);
    void code(const CodeBlock& c);
    void thematic_break();
    // what each kind adds (flow_kinds.cpp)
    void letter_head();
    void letter_foot();
    void event_panel();
    void reference_list(const std::vector<FormattedReference>& refs, bool heading = true);
    bool is_statement_clauses(const List& l) const;
    // lines of sans or serif text at the current indent, as chunks
    size_t text_block(const std::string& text, const TextStyle& style, double leading, TextAlign align,
                      double space_before, const std::string& tag);
    // tables and figures (flow_table.cpp)
    void table(const Table& t);
    Result<void> figure(const Image& image);

    // helpers
    TextStyle body_style() const;
    TextStyle sans_style(double size) const;
    RichText rich(const Inlines& inlines, const TextStyle& base, bool hyphenate) const;
    // Emits set lines as chunks; the first takes `space_before`, the tag
    // wraps them all. Returns the index of the first chunk emitted.
    size_t emit_lines(std::vector<SetLine> lines, double leading, double size, double space_before,
                      const std::string& tag, const std::string& alt = "");
    Chunk& push(Chunk c);
    double block_space();  // space before the next block, consuming "after heading"
    double ruled_block_space();  // the same for a block with a rule or tint at its top: never none

    TypeContext& m_tc;
    const Style& m_style;
    const Post& m_post;
    int m_post_index;
    InlineEnv m_env;
    PostFlow m_out;
    std::map<int, int> m_note_index;  // note number -> Galley::notes index
    PullQuotes m_pull_quotes;         // the post's repeated passages

    double m_indent = 0;     // left edge of the current block, from the text block's edge
    double m_measure = 0;
    int m_list_depth = 0;
    std::vector<double> m_bars;    // x of open quote bars
    bool m_keep_next = false;      // the next chunk may not start a page
    bool m_after_heading = true;   // no space before the first block after a heading
    bool m_new_page = true;        // the next chunk starts a page (the post's first)
    int m_top_block = -1;          // the top-level block being flowed
};

}  // namespace folio
