// The doctest runner shared by every unit test binary.
//
// ctest runs each TEST_CASE as `unit_<stage> --test-case=<name>`. A name
// that filter cannot select (a ';' splits it when CMake registers it) ran
// no test case and passed: twenty cases once ran nowhere that way. So a run
// whose --test-case filter selects nothing fails.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <initializer_list>
#include <iostream>
#include <string_view>

namespace {

// Filled in by the listener below at the end of the run. doctest constructs
// its listeners itself, so the count can only come back through a variable
// of this file; nothing but main reads it.
unsigned selected_cases = 0;

struct SelectedCases : doctest::IReporter {
    explicit SelectedCases(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override {
        selected_cases = stats.numTestCasesPassingFilters;
    }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("selected_cases", 1, SelectedCases);

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (context.shouldExit()) return result;  // --help, --list-test-cases, ...
    bool filtered = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        // doctest also takes every option with a "dt-" prefix.
        for (const std::string_view option : {"--test-case=", "-tc=", "--dt-test-case=", "-dt-tc="})
            filtered = filtered || arg.starts_with(option);
    }
    if (filtered && selected_cases == 0) {
        std::cerr << "error: the --test-case filter selected no test case (a ';' in a TEST_CASE name "
                     "splits it in ctest's list: use another mark)\n";
        return 1;
    }
    return result;
}
