#pragma once
// Pull quotes (LOOK.md "Kinds"): a passage a post repeats for emphasis, as
// the group's website does. Markdown has no mark for one; the posts write it
// as a block quote, which set as a quotation (indented, a bar) reads as a
// second source saying the same words. It is recognised by what it is: a
// top-level block quote of one paragraph whose words all stand elsewhere in
// the post. Both writers ask here, so the PDF and the EPUB agree.
#include <vector>

#include "model/document.hpp"
#include "model/post.hpp"

namespace folio {

// The pull quotes of one document, found once when it is made (it keeps
// pointers into `doc`, which must outlive it). A candidate is a top-level
// block quote of a single paragraph; it is a pull quote when its text, cut at
// each ellipsis (where the post abridged the passage), is found piece by
// piece in the post's paragraphs outside such quotes, with at least eight
// words found. A quotation of someone else is not found there; a short
// phrase ("as we said") could be by chance, so is not enough.
class PullQuotes {
public:
    explicit PullQuotes(const Document& doc);
    // The post's, in the kinds LOOK.md gives pull quotes (article, opinion,
    // news); none in a letter, statement, event or page, whose block quotes
    // stay quotations (a letter quoting back the words it answers).
    explicit PullQuotes(const Post& post);
    // Whether `quote` (a block of the document) is one of them.
    bool contains(const BlockQuote& quote) const;

private:
    std::vector<const BlockQuote*> m_found;
};

}  // namespace folio
