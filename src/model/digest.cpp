#include "model/digest.hpp"

#include <nettle/sha1.h>
#include <nettle/sha2.h>

namespace folio {

struct Sha256Stream::State {
    sha256_ctx ctx;
};

Sha256Stream::Sha256Stream() : m_state(std::make_unique<State>()) { sha256_init(&m_state->ctx); }
Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::string_view bytes) {
    sha256_update(&m_state->ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
}

Sha256 Sha256Stream::finish() {
    Sha256 out{};
    sha256_digest(&m_state->ctx, out.size(), out.data());
    return out;
}

Sha256 sha256(std::string_view bytes) {
    Sha256Stream s;
    s.update(bytes);
    return s.finish();
}

Sha1 sha1(std::string_view bytes) {
    sha1_ctx ctx;
    sha1_init(&ctx);
    sha1_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    Sha1 out{};
    sha1_digest(&ctx, out.size(), out.data());
    return out;
}

std::string to_hex(const std::uint8_t* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

}  // namespace folio
