#pragma once
// What the libFuzzer targets share: the group's bibliography and house
// citation style (read once per process), a private temporary folder for the
// APIs that want files, and a post read and passed exactly as `folio build`
// reads and passes one.
//
// A target fails (traps) only on a crash, a sanitizer report, or a broken
// promise of the code under test; input errors are the expected outcome of
// most fuzz inputs and are just dropped.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cite/cite_processor.hpp"
#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"
#include "model/post.hpp"

namespace folio::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A breach of a documented promise: abort so libFuzzer saves the input.
[[noreturn]] void broken_promise(const char* what);

// A folder of its own under $TMPDIR, removed at exit: the input folder the
// posts' images are checked against. It holds images/figure.png (a 4 x 3
// PNG) so that `![...](images/figure.png)` reaches layout and the EPUB;
// every other image name is reported missing, as the app would.
const std::filesystem::path& scratch_dir();

// input/references.json of the source tree, read once.
const Bibliography& group_bibliography();

// styles/folio-uk-notes.csl in en-GB, its locale found as the app finds it
// (csl_locales_dirs: folio's styles/locales first), loaded once.
const CitationStyle& house_style();

// locales-<lang>.xml from the first of the app's locale folders
// (csl_locales_dirs) that holds it, as make_locale looks for it.
std::string locale_file(const std::string& lang);

// Every diagnostic must name a line inside the file (or 0, the whole file)
// and come with a message: what the editor integration relies on.
void check_positions(const Diagnostics& diags, std::size_t line_count);

// read_post, then every pass folio build runs on a post (run_post_passes:
// notes, heading ids, Hangul, citation keys, images) with the default
// limits. nullopt when the post could not be read.
std::optional<Post> read_and_pass(std::string_view bytes, Diagnostics& diags);

// A one-post pack as the writers get it (citations formatted by the house
// style), or nullopt when the post has errors: the app never hands a post
// with errors to a writer.
std::optional<Pack> one_post_pack(std::string_view bytes);

}  // namespace folio::fuzz
