// The runner every unit binary shares (tests/unit/main.cpp), run here as a
// child process of this binary: a --test-case filter that selects nothing
// must fail however doctest lets the option be spelled, or a case whose
// name ctest cannot pass through would again run nowhere and pass.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

// This binary run again with `args`: its exit status (-1 when it did not
// exit normally).
int test_runner_exit(const std::string& args) {
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const int status = std::system(("'" + self + "' " + args + " >/dev/null 2>&1").c_str());
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("the unit runner fails a --test-case filter that selects no test case, in each of doctest's spellings") {
    for (const std::string option : {"--test-case=", "-tc=", "--dt-test-case=", "-dt-tc="}) {
        CAPTURE(option);
        CHECK(test_runner_exit(option + "no-such-test-case") == 1);
    }
    // A filter that selects a case still passes.
    CHECK(test_runner_exit("'--test-case=the unit runner: the case the filter test selects'") == 0);
}

TEST_CASE("the unit runner: the case the filter test selects") {
    CHECK(std::string("selected").size() == 8);
}
