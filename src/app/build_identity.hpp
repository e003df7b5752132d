#pragma once
// Which build of folio is running, for cache keys: the version alone would
// let a rebuilt folio with changed layout code reuse galleys its older self
// set, since the version string changes only at a release.
#include <filesystem>
#include <string>
#include <string_view>

namespace folio {

// "0.1.0+<GNU build-id in hex>": the linker's digest of the executable's
// contents, read from the running program's own ELF note (no file read, no
// hashing at start-up). A source-identical, deterministic rebuild keeps it,
// so CI restoring its cache between fresh builds still hits. Without a
// build-id note (linked with --build-id=none, or by a toolchain that does
// not ask for one): the SHA-256 of the executable's file.
std::string build_identity();

// build_identity's rule: "<version>+<build_id>"; with no build-id,
// "<version>+sha256:<digest of `program`'s file>"; with neither, an
// identity no other run shares (nothing cached is trusted).
std::string build_identity_of(std::string_view build_id, const std::filesystem::path& program);

// Which shared libraries the running folio uses: each loaded object's file
// name and GNU build-id (or, without one, the SHA-256 of its file), one a
// line, in load order (the kernel's vDSO left out). A Cairo, Pango or libharu upgraded by apt can change an output's
// bytes while folio's own build-id stays the same; outputs kept from an
// earlier build (app/pack_reuse.hpp) must not survive that. Then the value
// of each of `library_environment` ("$HB_SHAPER_LIST=fallback", or
// "$HB_SHAPER_LIST unset"), one a line.
std::string loaded_libraries_identity();

// The environment variables through which HarfBuzz and FreeType can be told
// to shape or measure text otherwise (the fonts are folio's own and
// fontconfig reads no configuration, so nothing else outside folio can).
inline constexpr const char* library_environment[] = {"HB_SHAPER_LIST", "HB_OPTIONS", "FREETYPE_PROPERTIES"};

}  // namespace folio
