#include "render/pdf_objects.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace folio::pdf {
namespace {

// Nesting deeper than this is not something folio writes; refusing it keeps
// the recursion bounded whatever the bytes.
constexpr int max_depth = 64;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) { return std::strchr("()<>[]{}/%", c) != nullptr && c != '\0'; }
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

void skip_space(std::string_view s, std::size_t& at) {
    while (at < s.size()) {
        if (is_space(s[at])) {
            ++at;
        } else if (s[at] == '%') {
            while (at < s.size() && s[at] != '\n' && s[at] != '\r') ++at;
        } else {
            break;
        }
    }
}

Error error_at(std::size_t at, const std::string& what) { return Error{"PDF byte " + std::to_string(at) + ": " + what}; }

// An unsigned integer token at `at`, or -1 (used to recognise "N G R").
long long integer_token(std::string_view s, std::size_t at, std::size_t& end) {
    std::size_t k = at;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    if (k == at || k - at > 10 || (k < s.size() && is_regular(s[k]))) return -1;
    long long v = 0;
    std::from_chars(s.data() + at, s.data() + k, v);
    end = k;
    return v;
}

class Parser {
public:
    explicit Parser(std::string_view s) : m_s(s) {}

    Result<Value> value(std::size_t& at, int depth) {
        if (depth > max_depth) return error_at(at, "nested too deeply");
        skip_space(m_s, at);
        if (at >= m_s.size()) return error_at(at, "unexpected end of file");
        Value v;
        v.begin = at;
        const char c = m_s[at];
        if (c == '<' && at + 1 < m_s.size() && m_s[at + 1] == '<') {
            v.kind = Value::Kind::dict;
            at += 2;
            for (;;) {
                skip_space(m_s, at);
                if (at + 1 < m_s.size() && m_s[at] == '>' && m_s[at + 1] == '>') {
                    at += 2;
                    break;
                }
                if (at >= m_s.size() || m_s[at] != '/') return error_at(at, "expected a name as dictionary key");
                Result<Value> key = value(at, depth + 1);
                if (!key) return key;
                Result<Value> item = value(at, depth + 1);
                if (!item) return item;
                v.entries.push_back({std::move(key->text), std::move(*item)});
            }
        } else if (c == '[') {
            v.kind = Value::Kind::array;
            ++at;
            for (;;) {
                skip_space(m_s, at);
                if (at < m_s.size() && m_s[at] == ']') {
                    ++at;
                    break;
                }
                Result<Value> item = value(at, depth + 1);
                if (!item) return item;
                v.items.push_back(std::move(*item));
            }
        } else if (c == '/') {
            v.kind = Value::Kind::name;
            std::size_t k = at + 1;
            while (k < m_s.size() && is_regular(m_s[k])) ++k;
            v.text = std::string(m_s.substr(at + 1, k - at - 1));
            at = k;
        } else if (c == '(') {
            v.kind = Value::Kind::string;
            int open = 0;
            std::size_t k = at;
            for (; k < m_s.size(); ++k) {
                if (m_s[k] == '\\') ++k;
                else if (m_s[k] == '(') ++open;
                else if (m_s[k] == ')' && --open == 0) break;
            }
            if (k >= m_s.size()) return error_at(at, "unterminated string");
            v.text = std::string(m_s.substr(at + 1, k - at - 1));
            at = k + 1;
        } else if (c == '<') {
            v.kind = Value::Kind::string;
            const std::size_t k = m_s.find('>', at);
            if (k == std::string_view::npos) return error_at(at, "unterminated hex string");
            v.text = std::string(m_s.substr(at, k + 1 - at));
            at = k + 1;
        } else if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            v.kind = Value::Kind::number;
            std::size_t k = at;
            while (k < m_s.size() && is_regular(m_s[k])) ++k;
            const std::string token(m_s.substr(at, k - at));
            char* stop = nullptr;
            v.number = std::strtod(token.c_str(), &stop);
            if (stop != token.c_str() + token.size()) return error_at(at, "bad number '" + token + "'");
            at = k;
            // "N G R": a reference.
            std::size_t end = 0, probe = at;
            long long number = integer_token(m_s, v.begin, end);
            skip_space(m_s, probe);
            long long gen = number >= 0 && end == at ? integer_token(m_s, probe, end) : -1;
            if (gen >= 0) {
                probe = end;
                skip_space(m_s, probe);
                if (probe < m_s.size() && m_s[probe] == 'R' && (probe + 1 == m_s.size() || !is_regular(m_s[probe + 1]))) {
                    v.kind = Value::Kind::ref;
                    v.ref = static_cast<int>(number);
                    v.gen = static_cast<int>(gen);
                    at = probe + 1;
                }
            }
        } else if (is_regular(c)) {
            std::size_t k = at;
            while (k < m_s.size() && is_regular(m_s[k])) ++k;
            const std::string_view word = m_s.substr(at, k - at);
            if (word == "true" || word == "false") {
                v.kind = Value::Kind::boolean;
                v.number = word == "true";
            } else if (word != "null") {
                return error_at(at, "unexpected '" + std::string(word) + "'");
            }
            at = k;
        } else {
            return error_at(at, std::string("unexpected '") + c + "'");
        }
        v.end = at;
        return v;
    }

private:
    std::string_view m_s;
};

// Expects `word` at `at` (after whitespace); moves past it.
bool expect(std::string_view s, std::size_t& at, std::string_view word) {
    skip_space(s, at);
    if (s.substr(at, word.size()) != word) return false;
    at += word.size();
    return true;
}

}  // namespace

const Value* Value::get(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k == key) return &v;
    return nullptr;
}

Result<Value> parse_value(std::string_view bytes, std::size_t& at) { return Parser(bytes).value(at, 0); }

Result<File> File::open(std::string_view bytes) {
    File f;
    f.m_bytes = bytes;
    const std::string_view s = f.m_bytes;
    // "startxref N %%EOF" in the last kilobyte.
    const std::size_t tail = s.size() > 1024 ? s.size() - 1024 : 0;
    const std::size_t sx = s.rfind("startxref");
    if (sx == std::string_view::npos || sx < tail) return Error{"no startxref at the end of the PDF"};
    std::size_t at = sx + 9;
    skip_space(s, at);
    std::size_t end = 0;
    const long long xref = integer_token(s, at, end);
    if (xref < 0 || static_cast<std::size_t>(xref) >= s.size()) return Error{"bad startxref offset in the PDF"};
    f.m_startxref = static_cast<std::size_t>(xref);

    std::size_t section = f.m_startxref;
    for (int sections = 0; sections < 64; ++sections) {
        at = section;
        if (!expect(s, at, "xref"))
            return error_at(section, "expected a classic xref table (cairo 1.16 writes no xref streams)");
        for (;;) {
            skip_space(s, at);
            if (s.substr(at, 7) == "trailer") break;
            const long long first = integer_token(s, at, end);
            if (first < 0) return error_at(at, "bad xref subsection");
            at = end;
            skip_space(s, at);
            const long long count = integer_token(s, at, end);
            if (count < 0) return error_at(at, "bad xref subsection");
            at = end;
            skip_space(s, at);
            for (long long i = 0; i < count; ++i, at += 20) {
                if (at + 20 > s.size()) return error_at(at, "xref table cut short");
                std::size_t e = 0;
                const long long offset = integer_token(s, at, e);
                const char type = s[at + 17];
                if (offset < 0 || (type != 'n' && type != 'f')) return error_at(at, "bad xref entry");
                // Newer sections come first and win.
                if (type != 'n' || first + i < 1) continue;
                const auto number = static_cast<std::size_t>(first + i);
                if (number > s.size()) return error_at(at, "bad xref entry");  // more objects than bytes
                if (number >= f.m_offsets.size()) f.m_offsets.resize(number + 1, 0);
                if (f.m_offsets[number] == 0) f.m_offsets[number] = static_cast<std::size_t>(offset);
            }
        }
        at += 7;
        Result<Value> trailer = parse_value(s, at);
        if (!trailer || trailer->kind != Value::Kind::dict) return error_at(at, "bad trailer");
        if (sections == 0) f.m_trailer = *trailer;
        const Value* prev = trailer->get("Prev");
        if (!prev) return f;
        if (prev->kind != Value::Kind::number || prev->number < 0 || prev->number >= static_cast<double>(s.size()))
            return error_at(at, "bad /Prev");
        section = static_cast<std::size_t>(prev->number);
    }
    return Error{"too many xref sections in the PDF"};
}

Result<Value> File::object(int number) const {
    if (number < 1 || static_cast<std::size_t>(number) >= m_offsets.size() || m_offsets[static_cast<std::size_t>(number)] == 0)
        return Error{"object " + std::to_string(number) + " is not in the PDF's xref table"};
    const std::size_t offset = m_offsets[static_cast<std::size_t>(number)];
    const std::string_view s = m_bytes;
    std::size_t at = offset, end = 0;
    const long long n = integer_token(s, at, end);
    at = end;
    skip_space(s, at);
    const long long gen = integer_token(s, at, end);
    if (n != number || gen != 0) return error_at(offset, "expected object " + std::to_string(number) + " 0 obj");
    at = end;
    if (!expect(s, at, "obj")) return error_at(at, "expected 'obj'");
    return parse_value(s, at);
}

Result<Value> File::tree_node(int number, std::set<int>& seen) const {
    if (!seen.insert(number).second) return Error{"structure element " + std::to_string(number) + " is reached twice"};
    Result<Value> node = object(number);
    if (!node) return node;
    if (node->kind != Value::Kind::dict)
        return Error{"object " + std::to_string(number) + " in the structure tree is not a dictionary"};
    return node;
}

Result<std::string> incremental_update(const File& file, std::vector<std::pair<int, std::string>> objects) {
    if (objects.empty()) return std::string{};
    const std::string_view bytes = file.bytes();
    const Value& trailer = file.trailer();
    const Value* root = trailer.get("Root");
    const Value* size = trailer.get("Size");
    if (!root || root->kind != Value::Kind::ref || !size) return Error{"the PDF's trailer has no /Root or /Size"};
    // In object-number order, so the xref's subsections are ascending runs.
    std::sort(objects.begin(), objects.end());
    std::string out;
    if (!bytes.empty() && bytes.back() != '\n') out += '\n';
    std::vector<std::size_t> offsets;
    for (const auto& [number, value] : objects) {
        offsets.push_back(bytes.size() + out.size());
        out += std::to_string(number) + " 0 obj\n" + value + "\nendobj\n";
    }
    const std::size_t xref_at = bytes.size() + out.size();
    out += "xref\n";
    char entry[32];
    for (std::size_t i = 0; i < objects.size();) {
        std::size_t j = i + 1;
        while (j < objects.size() && objects[j].first == objects[j - 1].first + 1) ++j;
        out += std::to_string(objects[i].first) + " " + std::to_string(j - i) + "\n";
        for (std::size_t k = i; k < j; ++k) {
            std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[k]);
            out += entry;
        }
        i = j;
    }
    out += "trailer\n<< /Size " + raw(bytes, *size) + " /Root " + raw(bytes, *root);
    if (const Value* info = trailer.get("Info")) out += " /Info " + raw(bytes, *info);
    if (const Value* id = trailer.get("ID")) out += " /ID " + raw(bytes, *id);
    out += " /Prev " + std::to_string(file.startxref()) + " >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    return out;
}

namespace {

// A file mapped read-only: the PDF's tens of megabytes are read in place
// from the page cache, neither copied into the heap nor faulted in as fresh
// memory (both cost more than the updates themselves). Only an update that
// follows one which added bytes (the figures' alt text, in a pack with
// figures) gets a copy: the file as it will be, put together in memory.
class MappedFile {
public:
    static Result<MappedFile> open(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return Error{std::strerror(errno)};
        struct stat st {};
        if (::fstat(fd, &st) != 0 || st.st_size < 0) {
            const int why = errno;
            ::close(fd);
            return Error{std::strerror(why)};
        }
        MappedFile m;
        m.m_size = static_cast<std::size_t>(st.st_size);
        if (m.m_size > 0) {
            void* at = ::mmap(nullptr, m.m_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            const int why = errno;
            ::close(fd);
            if (at == MAP_FAILED) return Error{std::strerror(why)};
            m.m_data = static_cast<const char*>(at);
        } else {
            ::close(fd);
        }
        return m;
    }
    MappedFile(MappedFile&& o) noexcept : m_data(std::exchange(o.m_data, nullptr)), m_size(std::exchange(o.m_size, 0)) {}
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    ~MappedFile() {
        if (m_data) ::munmap(const_cast<char*>(m_data), m_size);
    }
    std::string_view bytes() const { return {m_data ? m_data : "", m_size}; }

private:
    MappedFile() = default;
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace

Result<void> append_updates(const std::string& path, const std::vector<Update>& updates,
                            const std::function<void(std::string_view)>& appended) {
    Result<MappedFile> mapped = MappedFile::open(path);
    if (!mapped) return Error{"cannot read " + path + " back: " + mapped.error()};
    const std::string_view original = mapped->bytes();
    // What the updates add; an update after one that added something needs
    // the file as it will be, so only then are the bytes put together.
    std::string added;
    std::string whole;
    for (const Update& u : updates) {
        std::string_view pdf = original;
        if (!added.empty()) {
            whole.assign(original);
            whole += added;
            pdf = whole;
        }
        Result<std::string> update = u.make(pdf);
        if (!update) return Error{"cannot " + u.doing + " " + path + ": " + update.error()};
        added += *update;
    }
    if (added.empty()) return {};
    std::FILE* f = std::fopen(path.c_str(), "ab");
    if (!f) return Error{"cannot write " + path + ": " + std::strerror(errno)};
    const bool wrote = std::fwrite(added.data(), 1, added.size(), f) == added.size();
    const int write_errno = errno;
    if (std::fclose(f) != 0 || !wrote) return Error{"cannot write " + path + ": " + std::strerror(wrote ? errno : write_errno)};
    if (appended) appended(added);
    return {};
}

}  // namespace folio::pdf
