#include "app/image_files.hpp"

#include "app/files.hpp"

namespace folio {

const ImageFile& ImageFiles::get(const std::string& path) {
    Slot* slot = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto& owned = m_slots[path];
        if (!owned) owned = std::make_unique<Slot>();
        slot = owned.get();
    }
    // Read outside the map's lock: threads wait only for the image they ask for.
    std::call_once(slot->once, [&] {
        auto bytes = read_file(path);
        if (!bytes) {
            slot->file.check.problem = ImageProblem::unreadable;
            slot->file.check.detail = "it cannot be opened";
            return;
        }
        slot->file.check = inspect_image_bytes(*bytes, true);
        slot->file.sha256 = sha256(*bytes);
    });
    return slot->file;
}

std::map<std::string, Sha256> ImageFiles::digests() const {
    std::lock_guard lock(m_mutex);
    std::map<std::string, Sha256> out;
    for (const auto& [path, slot] : m_slots)
        if (slot->file.check.problem != ImageProblem::unreadable) out.emplace(path, slot->file.sha256);
    return out;
}

}  // namespace folio
