#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "app/output_lock.hpp"

using namespace folio;
namespace fs = std::filesystem;

TEST_CASE("temporary output names are recognised, outputs are not") {
    CHECK(is_temporary_output_name(".collection.epub.tmp-1234"));
    CHECK(is_temporary_output_name(".collection.epub.tmp-1234.z86shv"));  // libzip's scratch file
    CHECK(is_temporary_output_name(".build.json.tmp-7"));
    CHECK_FALSE(is_temporary_output_name("collection.epub"));
    CHECK_FALSE(is_temporary_output_name(".folio.lock"));
    CHECK_FALSE(is_temporary_output_name(".notes.tmp-"));
    CHECK_FALSE(is_temporary_output_name(".x.tmp-12ab"));
    CHECK_FALSE(is_temporary_output_name("a.tmp-12"));
}

TEST_CASE("taking the lock removes stale temporaries and keeps outputs") {
    const fs::path dir = fs::temp_directory_path() / ("folio-lock-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "collection.epub") << "good";
    std::ofstream(dir / ".collection.epub.tmp-99999") << "half";
    std::ofstream(dir / ".collection.epub.tmp-99999.abc123") << "half";
    std::ostringstream err;
    {
        auto lock = OutputLock::acquire(dir, std::chrono::seconds(1), err);
        REQUIRE(lock.ok());
        CHECK(lock->stale_removed() == 2);
        // A second taker in the same process gets its own open file
        // description, so flock makes it wait, then give up.
        auto second = OutputLock::acquire(dir, std::chrono::seconds(0), err);
        CHECK_FALSE(second.ok());
        CHECK(second.error().find("another folio build is still writing") != std::string::npos);
    }
    CHECK(fs::exists(dir / "collection.epub"));
    CHECK_FALSE(fs::exists(dir / ".collection.epub.tmp-99999"));
    auto again = OutputLock::acquire(dir, std::chrono::seconds(0), err);
    CHECK(again.ok());
    fs::remove_all(dir);
}
