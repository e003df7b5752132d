#pragma once
// A minimal binary encoding for folio's own cache files: little-endian
// fixed-width integers, doubles and floats by their bit patterns (so a value
// comes back bit for bit), strings with a length prefix. The reader never
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
    void str(std::string_view s) {
        u64(s.size());
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
