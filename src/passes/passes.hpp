#pragma once
// The passes run between reading and writing. Each is a function of one post
// (posts are independent until pagination, so they can run in parallel) and
// reports problems into Diagnostics against the post's path.
#include <filesystem>

#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"
#include "model/post.hpp"

namespace folio {

// Numbers footnotes 1, 2, ... in order of first reference (per post), sets
// each NoteRef::number, and orders Document::notes by number; notes never
// referenced keep number 0 and go last. A note that refers to itself is
// reported, never followed in a loop.
void number_notes(Post& post, Diagnostics& diags);

// Gives every heading an id unique within the post ("the-bbc-world-service",
// then "...-2"), for links, bookmarks and EPUB anchors.
void assign_heading_ids(Post& post);

// Wraps runs of Hangul in Span{lang="ko"} so both writers mark the language
// (EPUB lang attributes, PDF font fallback and tagging).
void mark_hangul(Post& post);

// The passes above that need nothing but the post, in the order folio runs
// them: number_notes, assign_heading_ids, mark_hangul.
void run_local_passes(Post& post, Diagnostics& diags);

// Every citation key must exist in the bibliography: an unknown key is an
// error at the key, with a "did you mean" hint when one is close.
void check_citations(const Post& post, const Bibliography& bibliography, Diagnostics& diags);

// Every image must be a readable file inside `input_dir` (no absolute paths,
// no `..` out of it, no symlink that leads out of it, no remote URL). Sets
// Image::path for the writers.
void check_images(Post& post, const std::filesystem::path& input_dir, Diagnostics& diags);

// A link to a web address written wrong (`http//...`, `www....` with no
// scheme) is a warning that gives the address meant.
void check_links(const Post& post, Diagnostics& diags);

// A paragraph opening `##Word` (no space after the hashes) was meant as a
// heading: a warning with the line to write.
void check_headings(Post& post, Diagnostics& diags);

}  // namespace folio
