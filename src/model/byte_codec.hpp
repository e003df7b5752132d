#pragma once
// A minimal binary encoding for folio's own cache files: little-endian
// fixed-width integers, variable-length (LEB128, zigzag for signed) ones,
// doubles and floats by their bit patterns (so a value comes back bit for
// bit), strings with a length prefix. The reader never
// reads past its input: every get reports whether it could, and a bad length
// fails instead of allocating.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace folio {

class ByteWriter {
public:
    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { fixed(v); }
    void u64(std::uint64_t v) { fixed(v); }
    void i32(std::int32_t v) { fixed(static_cast<std::uint32_t>(v)); }
    void f64(double v) { fixed(std::bit_cast<std::uint64_t>(v)); }
    void f32(float v) { fixed(std::bit_cast<std::uint32_t>(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    // LEB128: 7 bits a byte, low bits first; small numbers take one byte.
    void uvar(std::uint64_t v) {
        while (v >= 0x80) {
            m_out.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        m_out.push_back(static_cast<char>(v));
    }
    // Zigzag, so small negative numbers are small too.
    void svar(std::int64_t v) { uvar((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void str(std::string_view s) {
        u64(s.size());
        m_out.append(s);
    }
    // A string with a uvar length.
    void vstr(std::string_view s) {
        uvar(s.size());
        m_out.append(s);
    }
    void raw(std::string_view s) { m_out.append(s); }
    std::string& bytes() { return m_out; }

private:
    template <typename U>
    void fixed(U v) {
        for (std::size_t i = 0; i < sizeof(U); ++i) m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    std::string m_out;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view in) : m_in(in) {}
    bool u8(std::uint8_t& v) {
        if (m_in.empty()) return false;
        v = static_cast<std::uint8_t>(m_in[0]);
        m_in.remove_prefix(1);
        return true;
    }
    bool u32(std::uint32_t& v) { return fixed(v); }
    bool u64(std::uint64_t& v) { return fixed(v); }
    bool i32(std::int32_t& v) {
        std::uint32_t u = 0;
        if (!fixed(u)) return false;
        v = static_cast<std::int32_t>(u);
        return true;
    }
    bool f64(double& v) {
        std::uint64_t u = 0;
        if (!fixed(u)) return false;
        v = std::bit_cast<double>(u);
        return true;
    }
    bool f32(float& v) {
        std::uint32_t u = 0;
        if (!fixed(u)) return false;
        v = std::bit_cast<float>(u);
        return true;
    }
    bool boolean(bool& v) {
        std::uint8_t u = 0;
        if (!u8(u) || u > 1) return false;
        v = u == 1;
        return true;
    }
    // At most 10 bytes; a longer run of continuation bits, or bits beyond
    // 64, is not a number this writer made.
    bool uvar(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_in.empty()) return false;
            const auto byte = static_cast<std::uint8_t>(m_in[0]);
            m_in.remove_prefix(1);
            if (shift == 63 && byte > 1) return false;
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (byte < 0x80) return true;
        }
        return false;
    }
    bool svar(std::int64_t& v) {
        std::uint64_t u = 0;
        if (!uvar(u)) return false;
        v = static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
        return true;
    }
    bool vstr(std::string& s) {
        std::uint64_t n = 0;
        if (!uvar(n) || n > m_in.size()) return false;
        s.assign(m_in.substr(0, static_cast<std::size_t>(n)));
        m_in.remove_prefix(static_cast<std::size_t>(n));
        return true;
    }
    // A uvar count of elements each at least `min_bytes` long (see count).
    bool vcount(std::uint64_t& n, std::size_t min_bytes) {
        if (!uvar(n)) return false;
        return n <= m_in.size() / (min_bytes ? min_bytes : 1);
    }
    bool str(std::string& s) {
        std::uint64_t n = 0;
        if (!u64(n) || n > m_in.size()) return false;
        s.assign(m_in.substr(0, static_cast<std::size_t>(n)));
        m_in.remove_prefix(static_cast<std::size_t>(n));
        return true;
    }
    bool raw(std::size_t n, std::string_view& out) {
        if (n > m_in.size()) return false;
        out = m_in.substr(0, n);
        m_in.remove_prefix(n);
        return true;
    }
    // A count of elements each at least `min_bytes` long: refused when the
    // rest of the input could not hold them, so a flipped byte cannot ask
    // for a huge allocation.
    bool count(std::uint64_t& n, std::size_t min_bytes) {
        if (!u64(n)) return false;
        return n <= m_in.size() / (min_bytes ? min_bytes : 1);
    }
    std::size_t remaining() const { return m_in.size(); }

private:
    template <typename U>
    bool fixed(U& v) {
        if (m_in.size() < sizeof(U)) return false;
        v = 0;
        for (std::size_t i = 0; i < sizeof(U); ++i)
            v |= static_cast<U>(static_cast<std::uint8_t>(m_in[i])) << (8 * i);
        m_in.remove_prefix(sizeof(U));
        return true;
    }
    std::string_view m_in;
};

}  // namespace folio
