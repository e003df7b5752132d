#include "epub/name_uuid.hpp"

#include <cstdio>

#include "model/digest.hpp"

namespace folio::epub {

const std::array<std::uint8_t, 16> url_namespace{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
const std::array<std::uint8_t, 16> dns_namespace{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                                 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

std::string uuid_v5(const std::array<std::uint8_t, 16>& name_space, std::string_view name) {
    std::string input(name_space.begin(), name_space.end());
    input.append(name);
    // SHA-1 because RFC 4122 prescribes it for version 5: an identifier,
    // not a security measure.
    Sha1 d = sha1(input);
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0F) | 0x50);  // version 5
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3F) | 0x80);  // RFC 4122 variant
    std::string out;
    char buf[3];
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        std::snprintf(buf, sizeof buf, "%02x", d[static_cast<std::size_t>(i)]);
        out += buf;
    }
    return out;
}

}  // namespace folio::epub
