#pragma once
// Choosing and ordering the posts of each publication.
#include <vector>

#include "app/pack_styles.hpp"
#include "app/project.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"

namespace folio {

// One Pack per [[pack]] of folio.toml, or, without any, the default pack:
// every post, newest first, written as out/briefing-pack.pdf and
// out/collection.epub. A pack that selects no post, or names a file that is
// not a post, is an error at its line in folio.toml.
std::vector<Pack> assemble_packs(const Project& project, Diagnostics& diags);

// The same packs, each post moved into the last pack that selects it (the
// others get copies) instead of copied into every one: copying 1,000 posts'
// trees took a tenth of a second of one thread before any page could be
// drawn. `project.posts` keeps its length, but the posts a pack took are
// left empty: read them from the packs afterwards.
std::vector<Pack> take_packs(Project& project, Diagnostics& diags);

// The packs as the writers get them: assembled, then their citations
// formatted by each pack's style (app/citations.hpp). Formatting is skipped
// when `diags` already holds errors: a broken project is not worth it, and
// its unknown keys would be reported twice. Each pack's typographic style is
// read too (app/pack_styles.hpp), so its errors are reported with the rest;
// `styles`, when given, receives them. Citations are formatted on `jobs`
// threads (0: one per core), with the same result whatever the number. What
// build, check and the benchmark driver all call. The packs take the
// project's posts (take_packs).
std::vector<Pack> prepare_packs(Project& project, Diagnostics& diags, PackStyles* styles = nullptr, unsigned jobs = 1);

}  // namespace folio
