#include "app/build_identity.hpp"

#include <elf.h>
#include <link.h>

#include <cstring>

#include "model/digest.hpp"
#include "version.hpp"

namespace folio {

namespace {

// The GNU build-id note of the main program (dl_iterate_phdr lists it first,
// with an empty name), as hex; empty when there is none.
int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
    auto& out = *static_cast<std::string*>(data);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
        const unsigned char* end = p + ph.p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const unsigned char* name = p + sizeof note;
            const unsigned char* desc = name + ((note.n_namesz + 3) & ~3u);
            const unsigned char* next = desc + ((note.n_descsz + 3) & ~3u);
            if (next > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                out = to_hex(desc, note.n_descsz);
                return 1;
            }
            p = next;
        }
    }
    return 1;  // only the main program (the first object) is of interest
}

}  // namespace

std::string build_identity() {
    std::string id;
    dl_iterate_phdr(find_build_id, &id);
    return id.empty() ? std::string(folio::version) : std::string(folio::version) + "+" + id;
}

}  // namespace folio
