#pragma once
// Choosing and ordering the posts of each publication.
#include <vector>

#include "app/project.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"

namespace folio {

// One Pack per [[pack]] of folio.toml, or, without any, the default pack:
// every post, newest first, written as out/briefing-pack.pdf and
// out/collection.epub. A pack that selects no post, or names a file that is
// not a post, is an error at its line in folio.toml.
std::vector<Pack> assemble_packs(const Project& project, Diagnostics& diags);

}  // namespace folio
