#include "app/build_identity.hpp"

#include <elf.h>
#include <link.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "app/files.hpp"
#include "model/digest.hpp"
#include "version.hpp"

namespace folio {

namespace {

// The GNU build-id note of one loaded object, as hex; empty when there is none.
std::string build_id_of(const dl_phdr_info& info) {
    for (int i = 0; i < info.dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info.dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const auto* p = reinterpret_cast<const unsigned char*>(info.dlpi_addr + ph.p_vaddr);
        const unsigned char* end = p + ph.p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const unsigned char* name = p + sizeof note;
            const unsigned char* desc = name + ((note.n_namesz + 3) & ~3u);
            const unsigned char* next = desc + ((note.n_descsz + 3) & ~3u);
            if (next > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0)
                return to_hex(desc, note.n_descsz);
            p = next;
        }
    }
    return {};
}

// The main program: dl_iterate_phdr lists it first, with an empty name.
int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
    *static_cast<std::string*>(data) = build_id_of(*info);
    return 1;  // only the main program (the first object) is of interest
}

// Every shared object after the main program, except the kernel's vDSO
// (its build-id changes with the kernel, which never changes an output).
int list_libraries(dl_phdr_info* info, std::size_t, void* data) {
    const std::string_view path = info->dlpi_name ? info->dlpi_name : "";
    if (path.empty()) return 0;
    const std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
    if (name.starts_with("linux-vdso") || name.starts_with("linux-gate")) return 0;
    std::string id = build_id_of(*info);
    // A library linked without a build-id is known by its bytes instead
    // (hashed only then: Debian's libraries all carry one).
    if (id.empty())
        if (auto digest = digest_file(std::string(path))) id = "sha256:" + to_hex(digest->sha256);
    auto& out = *static_cast<std::string*>(data);
    out.append(name).append(" ").append(id).append("\n");
    return 0;
}

}  // namespace

std::string build_identity_of(std::string_view build_id, const std::filesystem::path& program) {
    const std::string version(folio::version);
    if (!build_id.empty()) return version + "+" + std::string(build_id);
    // No note: the program's bytes. The version alone would let a rebuilt
    // folio with changed layout code keep galleys and whole packs drawn by
    // its older self (the version changes only at a release).
    if (auto digest = digest_file(program)) return version + "+sha256:" + to_hex(digest->sha256);
    // Not even that: an identity no later run shares, so nothing is reused.
    const auto now = std::chrono::system_clock::now().time_since_epoch().count();
    return version + "+unidentified:" + std::to_string(getpid()) + "." + std::to_string(now);
}

std::string build_identity() {
    std::string id;
    dl_iterate_phdr(find_build_id, &id);
    return build_identity_of(id, "/proc/self/exe");
}

std::string loaded_libraries_identity() {
    std::string out;
    dl_iterate_phdr(list_libraries, &out);
    // The settings those libraries take from the environment that can move
    // a glyph: HB_SHAPER_LIST=fallback shapes without kerning or ligatures
    // (every PDF and EPUB of input/ comes out different).
    for (const char* name : library_environment) {
        const char* value = std::getenv(name);
        out.append("$").append(name).append(value ? std::string("=") + value : std::string(" unset")).append("\n");
    }
    return out;
}

}  // namespace folio
