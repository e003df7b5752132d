#pragma once
// Which build of folio is running, for cache keys: the version alone would
// let a rebuilt folio with changed layout code reuse galleys its older self
// set, since the version string changes only at a release.
#include <string>

namespace folio {

// "0.1.0+<GNU build-id in hex>": the linker's digest of the executable's
// contents, read from the running program's own ELF note (no file read, no
// hashing at start-up). A source-identical, deterministic rebuild keeps it,
// so CI restoring its cache between fresh builds still hits. Without a
// build-id note (linked with --build-id=none): the version alone.
std::string build_identity();

}  // namespace folio
