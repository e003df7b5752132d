#pragma once
// File-system helpers for the app: reading inputs whole, finding posts, and
// writing outputs so that a failed run never leaves a half-written file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/digest.hpp"
#include "model/result.hpp"

namespace folio {

// The whole file as bytes. Errors name the path and the OS reason.
Result<std::string> read_file(const std::filesystem::path& path);
// The same, but a file that does not exist is nullopt rather than an error:
// one open instead of an exists() check and then an open.
Result<std::optional<std::string>> read_file_if_present(const std::filesystem::path& path);

// A file's size and SHA-256, read in pieces: an output of tens of megabytes
// is never held whole just to be hashed.
struct FileDigest {
    std::uint64_t bytes = 0;
    Sha256 sha256{};
};
Result<FileDigest> digest_file(const std::filesystem::path& path);

// A folder as the user typed it, spelt one way: "./out", "out/" and
// "out//." are all "out". Output paths, build.json and messages are made from
// it, so a build with --out ./out/ recognises what --out out wrote.
std::filesystem::path folder_spelling(const std::filesystem::path& folder);

// The posts of an input folder: every regular `*.md` file directly inside
// it, sorted by name so the order never depends on the file system.
Result<std::vector<std::filesystem::path>> list_post_files(const std::filesystem::path& input_dir);

// An output being written: writers fill temp_path(); commit() renames it onto
// the target in one step. Destroyed uncommitted (an error, an exception), it
// removes the temporary file, so the previous output stays as it was.
class InterruptGuard;

class AtomicOutput {
public:
    // With a guard, the temporary file is also removed if the build is
    // interrupted by a signal while it exists.
    explicit AtomicOutput(std::filesystem::path target, InterruptGuard* guard = nullptr);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& target() const { return m_target; }
    // In the target's folder, so the rename never crosses file systems.
    const std::filesystem::path& temp_path() const { return m_temp; }
    // Flushes the temporary file to disk and renames it onto the target.
    // Flush::no skips the flush, for files whose loss in a power cut costs
    // only time: build cache entries, verified whole when read, where a flush
    // per entry would cost more than the entry saves.
    enum class Flush { yes, no };
    Result<void> commit(Flush flush = Flush::yes);

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    InterruptGuard* m_guard = nullptr;
    bool m_committed = false;
};

// Writes `bytes` into `output`'s temporary file (commit() stays the caller's).
Result<void> write_file_atomic_temp(const AtomicOutput& output, std::string_view bytes);

// Writes `bytes` to `target` through an AtomicOutput.
Result<void> write_file_atomic(const std::filesystem::path& target, std::string_view bytes);

}  // namespace folio
