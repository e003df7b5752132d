#include "app/report.hpp"

#include <cstdint>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace folio {

void print_diagnostics(Diagnostics& diags, std::ostream& out) {
    diags.sort();
    for (const auto& d : diags.items()) out << format_diagnostic(d) << '\n';
    const auto errors = diags.error_count(), warnings = diags.warning_count();
    if (errors == 0 && warnings == 0) return;
    out << "folio: " << counted(errors, "error", "errors") << ", " << counted(warnings, "warning", "warnings")
        << '\n';
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

void append_new(Diagnostics& into, const Diagnostics& from) {
    // A set, not a scan: a hostile post can carry a hundred thousand warnings.
    using Key = std::tuple<bool, std::string_view, std::uint32_t, std::uint32_t, std::string_view, std::string_view>;
    auto key = [](const Diagnostic& d) {
        return Key{d.severity == Severity::error, d.file, d.pos.line, d.pos.column, d.message, d.hint};
    };
    std::set<Key> held;
    for (const Diagnostic& d : into.items()) held.insert(key(d));
    std::vector<Diagnostic> fresh;
    for (const Diagnostic& d : from.items())
        if (held.insert(key(d)).second) fresh.push_back(d);
    for (Diagnostic& d : fresh) into.add(std::move(d));
}

}  // namespace folio
