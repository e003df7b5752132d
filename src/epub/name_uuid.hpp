#pragma once
// Name-based (version 5, SHA-1) UUIDs, RFC 4122 section 4.3: the same name
// always gives the same UUID, so a book's dc:identifier is stable across
// builds without any randomness.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace folio::epub {

// The RFC 4122 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
extern const std::array<std::uint8_t, 16> url_namespace;
// The DNS namespace, 6ba7b810-9dad-11d1-80b4-00c04fd430c8.
extern const std::array<std::uint8_t, 16> dns_namespace;

// Lower-case "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
std::string uuid_v5(const std::array<std::uint8_t, 16>& name_space, std::string_view name);

}  // namespace folio::epub
