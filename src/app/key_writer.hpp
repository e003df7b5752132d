#pragma once
// The bytes a cache key or a pack fingerprint is the SHA-256 of: every value
// goes in with a length or a tag in front, so two different descriptions can
// never serialize to the same bytes.
#include <cstdint>
#include <string_view>

#include "layout/style.hpp"
#include "model/byte_codec.hpp"
#include "model/digest.hpp"
#include "model/source_pos.hpp"

namespace folio {

class KeyWriter {
public:
    void str(std::string_view s) { m_w.str(s); }
    void num(std::int64_t v) { m_w.u64(static_cast<std::uint64_t>(v)); }
    void real(double v) { m_w.f64(v); }
    void flag(bool v) { m_w.boolean(v); }
    void tag(char t) { m_w.u8(static_cast<std::uint8_t>(t)); }
    void digest(const Sha256& d) { m_w.raw(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())); }
    void pos(const SourcePos& p) {
        num(p.line);
        num(p.column);
    }
    void color(const Color& c) {
        real(c.r);
        real(c.g);
        real(c.b);
    }
    Sha256 finish() { return sha256(m_w.bytes()); }

private:
    ByteWriter m_w;
};

}  // namespace folio
