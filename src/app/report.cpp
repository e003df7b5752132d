#include "app/report.hpp"

namespace folio {

void print_diagnostics(Diagnostics& diags, std::ostream& out) {
    diags.sort();
    for (const auto& d : diags.items()) out << format_diagnostic(d) << '\n';
    const auto errors = diags.error_count(), warnings = diags.warning_count();
    if (errors == 0 && warnings == 0) return;
    out << "folio: " << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings") << '\n';
}

}  // namespace folio
