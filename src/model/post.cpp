#include "model/post.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace folio {

namespace {

struct KindName {
    Kind kind;
    const char* name;
    const char* label;
};
constexpr std::array<KindName, 7> kind_names{{
    {Kind::article, "article", "Article"},
    {Kind::opinion, "opinion", "Opinion"},
    {Kind::letter, "letter", "Letter"},
    {Kind::event, "event", "Event"},
    {Kind::statement, "statement", "Statement"},
    {Kind::news, "news", "News"},
    {Kind::page, "page", "Page"},
}};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Exactly `width` ASCII digits at text[at...].
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t width) {
    if (text.size() < at + width) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::optional<Kind> kind_from_string(std::string_view name) {
    for (const auto& k : kind_names)
        if (name == k.name) return k.kind;
    return std::nullopt;
}

const char* to_string(Kind kind) {
    for (const auto& k : kind_names)
        if (k.kind == kind) return k.name;
    return "article";
}

const char* kind_label(Kind kind) {
    for (const auto& k : kind_names)
        if (k.kind == kind) return k.label;
    return "Article";
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (!y || !m || !d) return std::nullopt;
    if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
    return Date{*y, *m, *d};
}

std::string DateTime::iso() const {
    std::string out = date.iso();
    if (hour) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", *hour, minute.value_or(0));
        out += buf;
    }
    return out;
}

SignOff letter_sign_off(const PostMeta& meta) {
    SignOff out;
    out.signer = !meta.signature.empty() ? meta.signature : meta.from ? meta.from->name : "";
    out.closing = meta.closing.empty() && !out.signer.empty() ? "Yours sincerely," : meta.closing;
    if (meta.from && !out.signer.empty())
        out.role = (meta.from->name == out.signer || !meta.from->role.empty()) ? meta.from->role : meta.from->name;
    return out;
}

std::string DateTime::clock() const {
    if (!hour) return {};
    const int h12 = *hour % 12 == 0 ? 12 : *hour % 12;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d.%02d %s", h12, minute.value_or(0), *hour < 12 ? "am" : "pm");
    return buf;
}

std::optional<DateTime> parse_iso_datetime(std::string_view text) {
    auto date = parse_iso_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    DateTime dt{*date, std::nullopt, std::nullopt};
    if (text.size() == 10) return dt;
    if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    auto h = digits(text, 11, 2), mi = digits(text, 14, 2);
    if (!h || !mi || *h > 23 || *mi > 59) return std::nullopt;
    dt.hour = *h;
    dt.minute = *mi;
    return dt;
}

}  // namespace folio
