#pragma once
// Problems found in the input are data, not exceptions: every stage appends to
// a Diagnostics list and carries on where it can, so one run reports all of
// them. Printed as `file:line:col: error: message` (the format editors and CI
// logs recognise), with an optional hint on the next line.
#include <string>
#include <vector>

#include "model/source_pos.hpp"

namespace folio {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;   // path as the user gave it; empty for run-wide problems
    SourcePos pos;      // line 0: the whole file
    std::string message;
    std::string hint;   // "did you mean ...", "add a `title:` line", ...
};

class Diagnostics {
public:
    void error(std::string file, SourcePos pos, std::string message, std::string hint = {});
    void warning(std::string file, SourcePos pos, std::string message, std::string hint = {});
    void add(Diagnostic d) { m_items.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& items() const { return m_items; }
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool has_errors() const { return error_count() != 0; }
    bool empty() const { return m_items.empty(); }

    // Stable order for output: by file, line, column, then insertion order.
    void sort();

private:
    std::vector<Diagnostic> m_items;
};

// `file:line:col: error: message` plus an indented `hint:` line when there is one.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace folio
