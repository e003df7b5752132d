#include "model/diagnostic.hpp"

#include <algorithm>

namespace folio {

void Diagnostics::error(std::string file, SourcePos pos, std::string message, std::string hint) {
    m_items.push_back({Severity::error, std::move(file), pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, SourcePos pos, std::string message, std::string hint) {
    m_items.push_back({Severity::warning, std::move(file), pos, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(),
        [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const { return m_items.size() - error_count(); }

void Diagnostics::sort() {
    std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.column < b.pos.column;
    });
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        if (d.pos.line != 0) {
            out += ':' + std::to_string(d.pos.line);
            if (d.pos.column != 0) out += ':' + std::to_string(d.pos.column);
        }
        out += ": ";
    }
    out += d.severity == Severity::error ? "error: " : "warning: ";
    out += d.message;
    if (!d.hint.empty()) out += "\n  hint: " + d.hint;
    return out;
}

}  // namespace folio
