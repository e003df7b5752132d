// From the renderer's tree to model Inlines. The tree is flattened into runs
// of text, each with the stack of wrappers (formatting, display, link) it sits
// in; CSL's punctuation rules then work on neighbouring runs whatever their
// depth; finally runs sharing wrappers are regrouped into nested Inlines.
#include <algorithm>

#include "cite/csl_ir.hpp"

namespace folio::csl {

bool Ir::empty() const {
    if (!is_group) return text.empty();
    for (const Ir& c : children)
        if (!c.empty()) return false;
    return true;
}

Ir ir_text(std::string text) {
    Ir ir;
    ir.text = std::move(text);
    return ir;
}

Ir ir_join(std::vector<Ir> parts, const std::string& delimiter) {
    Ir out;
    out.is_group = true;
    // Room for every part and delimiter at once (an upper bound): an Ir is
    // ten strings, and growing the vector moves every one.
    out.children.reserve(delimiter.empty() ? parts.size() : 2 * parts.size());
    for (Ir& part : parts) {
        if (part.empty()) continue;
        if (!out.children.empty() && !delimiter.empty()) out.children.push_back(ir_text(delimiter));
        out.children.push_back(std::move(part));
    }
    return out;
}

std::string ir_plain(const Ir& ir) {
    if (ir.empty()) return "";
    std::string s = ir.prefix;
    if (ir.quotes) s += '"';
    if (ir.is_group)
        for (const Ir& c : ir.children) s += ir_plain(c);
    else
        s += ir.text;
    if (ir.quotes) s += '"';
    return s + ir.suffix;
}

namespace {

struct Wrapper {
    std::string kind;  // emph, strong, smallcaps, sup, sub, or a Span class
    std::string url;   // for kind "link"
};

struct Run {
    std::string text;
    std::vector<int> wrappers;  // indices into Flattener::wrappers, outermost first
    bool close_quote = false;
};

struct State {
    bool italic = false, bold = false, small_caps = false;
    int quote_depth = 0;
};

struct Flattener {
    const OutputOptions& opt;
    std::vector<Wrapper> wrappers;
    std::vector<Run> runs;
    std::vector<int> stack;

    void emit(std::string text, bool close_quote = false) {
        if (text.empty()) return;
        runs.push_back({std::move(text), stack, close_quote});
    }
    void push(std::string kind, std::string url = {}) {
        wrappers.push_back({std::move(kind), std::move(url)});
        stack.push_back(static_cast<int>(wrappers.size()) - 1);
    }

    // Pushes the wrappers for `f` and returns how many; nested italics flip
    // to upright (and bold, small caps likewise), as CSL processors do.
    int push_formatting(const Formatting& f, State& st) {
        int n = 0;
        auto flip = [&](const std::string& v, const char* on_value, bool& state, const char* on, const char* off) {
            if (v == on_value) {
                push(state ? off : on);
                state = !state;
                ++n;
            } else if (v == "normal" && state) {
                push(off);
                state = false;
                ++n;
            }
        };
        if (f.font_style == "oblique") {
            push("csl-oblique");
            ++n;
        } else {
            flip(f.font_style, "italic", st.italic, "emph", "csl-normal-style");
        }
        flip(f.font_variant, "small-caps", st.small_caps, "smallcaps", "csl-normal-variant");
        flip(f.font_weight, "bold", st.bold, "strong", "csl-normal-weight");
        if (f.font_weight == "light") { push("csl-light"); ++n; }
        if (f.text_decoration == "underline") { push("csl-underline"); ++n; }
        if (f.text_decoration == "none") { push("csl-no-decoration"); ++n; }
        if (f.vertical_align == "sup") { push("sup"); ++n; }
        if (f.vertical_align == "sub") { push("sub"); ++n; }
        if (f.vertical_align == "baseline") { push("csl-baseline"); ++n; }
        return n;
    }

    void flatten(const Ir& ir, State st) {
        if (ir.empty()) return;
        std::size_t depth = stack.size();
        if (!ir.display.empty()) push("csl-" + ir.display);
        emit(ir.prefix);
        std::size_t inner = stack.size();
        push_formatting(ir.fmt, st);
        if (!ir.url.empty()) push("link", ir.url);
        bool inner_quote = st.quote_depth % 2 == 1;
        std::string open = inner_quote ? opt.open_inner_quote : opt.open_quote;
        std::string close = inner_quote ? opt.close_inner_quote : opt.close_quote;
        if (ir.data_single_quotes && !inner_quote) {
            open = "\xE2\x80\x98";
            close = "\xE2\x80\x99";
        }
        if (ir.quotes) {
            emit(open);
            ++st.quote_depth;
        }
        if (ir.is_group)
            for (const Ir& c : ir.children) flatten(c, st);
        else
            emit(ir.text);
        // Punctuation moves inside the locale's quotes, not inside marks
        // kept as the data wrote them.
        if (ir.quotes) emit(close, !(ir.data_single_quotes && !inner_quote));
        stack.resize(inner);
        emit(ir.suffix);
        stack.resize(depth);
    }
};

bool is_closing_quote_text(const std::string& s, const OutputOptions& opt) {
    return s == opt.close_quote || s == opt.close_inner_quote || s == "\"" || s == "'";
}

// The last character of `s` that is not a closing quotation mark.
char last_significant(const std::string& s) {
    static const std::string closers[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\"", "'"};
    std::string t = s;
    bool changed = true;
    while (changed && !t.empty()) {
        changed = false;
        for (const auto& c : closers)
            if (t.size() >= c.size() && t.compare(t.size() - c.size(), c.size(), c) == 0) {
                t.resize(t.size() - c.size());
                changed = true;
            }
    }
    return t.empty() ? '\0' : t.back();
}

void fix_punctuation(std::vector<Run>& runs, const OutputOptions& opt) {
    // Punctuation after a closing quote moves inside it where the locale says so.
    if (opt.punctuation_in_quote) {
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (!runs[i].close_quote) continue;
            std::size_t j = i + 1;
            while (j < runs.size() && runs[j].text.empty()) ++j;
            if (j == runs.size()) continue;
            char c = runs[j].text[0];
            if (c != '.' && c != ',') continue;
            runs[j].text.erase(0, 1);
            // Step back over the closing quotes that end here together, so
            // the mark goes inside all of them; if the text before them
            // already ends in it (or a stronger mark), it is dropped.
            std::size_t first = i;
            for (std::size_t k = i; k > 0;) {
                --k;
                if (runs[k].text.empty()) continue;
                if (!runs[k].close_quote) break;
                first = k;
            }
            std::size_t k = first;
            while (k > 0 && runs[k - 1].text.empty()) --k;
            char before = k > 0 ? last_significant(runs[k - 1].text) : '\0';
            if (before == c || before == '!' || before == '?' || (c == '.' && before == '.')) continue;
            runs[first].text.insert(0, 1, c);
        }
    }
    std::size_t prev = runs.size();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].text.empty()) continue;
        if (prev != runs.size()) {
            std::string& a = runs[prev].text;
            std::string& b = runs[i].text;
            if (!a.empty() && a.back() == ' ' && b[0] == ' ') b.erase(0, b.find_first_not_of(' '));
            if (!b.empty()) {
                // Where two marks meet, keep what citeproc-js keeps: one of
                // a doubled mark; a period, or a colon, after a stronger
                // mark goes; "!" or "?" replaces a colon or semicolon.
                char p = last_significant(a);
                char q = b[0];
                bool drop = false;
                if (std::string(".,;:!?").find(q) != std::string::npos && p == q) drop = true;
                if (q == '.' && std::string(":;!?").find(p) != std::string::npos) drop = true;
                if (q == ':' && std::string(";!?").find(p) != std::string::npos) drop = true;
                if (drop && !is_closing_quote_text(b, opt)) b.erase(0, 1);
                else if ((q == '!' || q == '?') && !a.empty() && (a.back() == ':' || a.back() == ';')) a.pop_back();
            }
            if (b.empty()) continue;
        }
        prev = i;
    }
}

InlineValue wrap(const Wrapper& w, Inlines children) {
    if (w.kind == "emph") return Emph{std::move(children)};
    if (w.kind == "strong") return Strong{std::move(children)};
    if (w.kind == "smallcaps") return SmallCaps{std::move(children)};
    if (w.kind == "sup") return Superscript{std::move(children)};
    if (w.kind == "sub") return Subscript{std::move(children)};
    if (w.kind == "link") return Link{w.url, "", std::move(children)};
    return Span{"", w.kind, std::move(children)};
}

void append_text(Inlines& out, const std::string& text) {
    if (!out.empty())
        if (auto* t = std::get_if<Text>(&out.back().value)) {
            t->text += text;
            return;
        }
    out.push_back(make_inline(Text{text}));
}

Inlines rebuild(const std::vector<Run>& runs, std::size_t lo, std::size_t hi, std::size_t depth,
                const std::vector<Wrapper>& wrappers) {
    Inlines out;
    std::size_t i = lo;
    while (i < hi) {
        if (runs[i].wrappers.size() <= depth) {
            append_text(out, runs[i].text);
            ++i;
            continue;
        }
        int w = runs[i].wrappers[depth];
        std::size_t j = i;
        while (j < hi && runs[j].wrappers.size() > depth && runs[j].wrappers[depth] == w) ++j;
        out.push_back(make_inline(wrap(wrappers[w], rebuild(runs, i, j, depth + 1, wrappers))));
        i = j;
    }
    return out;
}

}  // namespace

Inlines to_inlines(const Ir& ir, const OutputOptions& options) {
    Flattener f{options, {}, {}, {}};
    f.flatten(ir, State{});
    fix_punctuation(f.runs, options);
    std::vector<Run> runs;
    for (Run& r : f.runs)
        if (!r.text.empty()) runs.push_back(std::move(r));
    return rebuild(runs, 0, runs.size(), 0, f.wrappers);
}

}  // namespace folio::csl
