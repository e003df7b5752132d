#pragma once
// A reader for the uncompressed objects of a PDF that folio wrote itself
// (cairo 1.16's output: a classic xref table, no object streams): enough to
// follow the catalog into the structure tree and to find where an object's
// dictionary ends, so that a new version of it can be appended as an
// incremental update. Not a general PDF parser: no streams' data, no
// compressed xref, no encryption; what it cannot read is an error.
#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/result.hpp"

namespace folio::pdf {

struct Value {
    enum class Kind { null, boolean, number, name, string, array, dict, ref };
    Kind kind = Kind::null;
    std::string text;  // a name without its '/'; a string's raw bytes as written (escapes kept)
    double number = 0;
    int ref = 0;       // the object number of a reference (generation in `gen`)
    int gen = 0;
    std::vector<Value> items;                             // an array's
    // A dictionary's entries, in file order. Not std::pair<std::string, Value>:
    // a pair needs a complete Value, and clang's libstdc++ checks refuse it here.
    struct Entry;
    std::vector<Entry> entries;
    std::size_t begin = 0, end = 0;                       // its bytes in the file: [begin, end)

    // A dictionary's entry, or nullptr.
    const Value* get(std::string_view key) const;
    bool is_name(std::string_view name) const { return kind == Kind::name && text == name; }
};

struct Value::Entry {
    std::string key;
    Value value;
};

// A value's bytes exactly as `bytes` (the file it was parsed from) has them.
inline std::string raw(std::string_view bytes, const Value& v) { return std::string(bytes.substr(v.begin, v.end - v.begin)); }

// Parses one value at `at` (leading whitespace and comments skipped);
// `at` moves past it.
Result<Value> parse_value(std::string_view bytes, std::size_t& at);

// A PDF file's cross-reference table (every section, newest first,
// following /Prev) over its bytes in memory. The bytes are the caller's and
// must outlive the File: a briefing pack's PDF is tens of megabytes, read
// once and never copied.
class File {
public:
    static Result<File> open(std::string_view bytes);

    std::string_view bytes() const { return m_bytes; }
    const Value& trailer() const { return m_trailer; }   // the newest trailer
    std::size_t startxref() const { return m_startxref; }
    // Object `number`'s value (generation 0 as folio writes), with its byte span.
    Result<Value> object(int number) const;
    // A structure-tree node reached by reference: object `number`, which must
    // be a dictionary and not one already in `seen` (a tree has no cycles and
    // no shared nodes); it is added to `seen`.
    Result<Value> tree_node(int number, std::set<int>& seen) const;

private:
    std::string_view m_bytes;
    Value m_trailer;
    std::size_t m_startxref = 0;
    // By object number (cairo numbers its objects densely from 1); 0: none.
    std::vector<std::size_t> m_offsets;
};

// The bytes to append to `file` for an incremental update (ISO 32000-1,
// 7.5.6): a new version of each object (its number and its value as PDF
// text), an xref section for them and a trailer that points back (/Prev) at
// the file's newest one. No new object numbers: /Size stays. Empty when
// there is nothing to update.
Result<std::string> incremental_update(const File& file, std::vector<std::pair<int, std::string>> objects);

// One incremental update to make: `make` builds it from the PDF's bytes (an
// empty one is nothing to append); `doing` names it in errors, e.g. "add
// the figures' alt text to".
struct Update {
    std::string doing;
    std::function<Result<std::string>(std::string_view pdf)> make;
};

// Reads the PDF at `path` back once and appends each update in turn, every
// one made from the bytes as the previous ones left them, in one write at
// the end (nothing is appended if any fails). Errors: "cannot <doing>
// <path>: <why>". `appended`, when given, is handed the bytes written (none
// when there was nothing to append), so that a writer digesting the file as
// it wrote it has the whole file without reading it again.
Result<void> append_updates(const std::string& path, const std::vector<Update>& updates,
                            const std::function<void(std::string_view)>& appended = {});

}  // namespace folio::pdf
