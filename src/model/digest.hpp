#pragma once
// Content digests (Nettle underneath, nothing hand-rolled): SHA-256 for the
// build report and content-derived identifiers, SHA-1 where a standard asks
// for it (name-based UUIDs). Pure functions over bytes; no library type in
// the interface.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace folio {

using Sha256 = std::array<std::uint8_t, 32>;
using Sha1 = std::array<std::uint8_t, 20>;

Sha256 sha256(std::string_view bytes);
Sha1 sha1(std::string_view bytes);

// Lower-case hexadecimal.
std::string to_hex(const std::uint8_t* data, std::size_t size);
template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& digest) {
    return to_hex(digest.data(), N);
}

// Incremental SHA-256 for data that arrives in pieces (large files).
class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;
    void update(std::string_view bytes);
    Sha256 finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace folio
