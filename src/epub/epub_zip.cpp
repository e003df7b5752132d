#include "epub/epub_zip.hpp"

#include <ctime>
#include <memory>

#include <zip.h>

namespace folio::epub {

namespace {

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

std::string zip_message(zip_t* z) { return zip_error_strerror(zip_get_error(z)); }

// libzip turns a time_t into the zip's DOS date with localtime(); give it the
// time whose local calendar fields equal the UTC fields of `modified`, so
// the archive does not depend on the machine's time zone.
std::time_t zip_time(std::int64_t modified) {
    constexpr std::int64_t zip_epoch = 315532800;  // 1980-01-01T00:00:00Z
    std::time_t t = static_cast<std::time_t>(modified < zip_epoch ? zip_epoch : modified);
    std::tm utc{};
    gmtime_r(&t, &utc);
    utc.tm_isdst = -1;
    return std::mktime(&utc);
}

}  // namespace

Result<void> write_epub_zip(const std::string& path, const std::vector<ZipEntry>& entries, std::int64_t modified) {
    int err = 0;
    ZipPtr zip(zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!zip) {
        zip_error_t error;
        zip_error_init_with_code(&error, err);
        std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        return Error{"cannot create " + path + ": " + message};
    }
    const std::time_t mtime = zip_time(modified);
    static const std::string mimetype = "application/epub+zip";
    auto add = [&](const std::string& name, const std::string& bytes, bool store) -> Result<void> {
        // The buffers outlive zip_close: they belong to the caller.
        zip_source_t* source = zip_source_buffer(zip.get(), bytes.data(), bytes.size(), 0);
        if (!source) return Error{"zip: " + zip_message(zip.get())};
        zip_int64_t index = zip_file_add(zip.get(), name.c_str(), source, 0);
        if (index < 0) {
            zip_source_free(source);
            return Error{"zip: cannot add " + name + ": " + zip_message(zip.get())};
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(zip.get(), i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) < 0 ||
            zip_file_set_mtime(zip.get(), i, mtime, 0) < 0)
            return Error{"zip: " + name + ": " + zip_message(zip.get())};
        return {};
    };
    if (auto r = add("mimetype", mimetype, true); !r) return r;
    for (const auto& e : entries)
        if (auto r = add(e.name, e.bytes, false); !r) return r;
    if (zip_close(zip.get()) < 0) return Error{"cannot write " + path + ": " + zip_message(zip.get())};
    (void)zip.release();  // zip_close freed it
    return {};
}

}  // namespace folio::epub
