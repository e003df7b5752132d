#pragma once
// The image files a build's posts show, each read once: checked whole
// (layout/image_info.hpp) and hashed for the cache keys from the same bytes,
// however many posts show it, on however many threads.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "layout/image_info.hpp"
#include "model/digest.hpp"

namespace folio {

struct ImageFile {
    ImageCheck check;  // problem unreadable when it could not be read
    Sha256 sha256{};   // of the bytes checked
};

class ImageFiles {
public:
    // The image at `path` (Image::path, as the check_images pass resolved
    // it), read and checked on first use. Safe to call from several threads;
    // the reference stays valid as long as this object.
    const ImageFile& get(const std::string& path);

    // The SHA-256 of every image read, by path.
    std::map<std::string, Sha256> digests() const;

private:
    struct Slot {
        std::once_flag once;
        ImageFile file;
    };
    mutable std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<Slot>> m_slots;
};

}  // namespace folio
