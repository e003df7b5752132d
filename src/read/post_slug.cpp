#include "read/post_slug.hpp"

namespace folio::read {

namespace {

std::string_view file_name(std::string_view path) {
    if (const auto slash = path.find_last_of("/\\"); slash != std::string_view::npos) path.remove_prefix(slash + 1);
    return path;
}

// "2023-10-21": the digits and dashes of a date, whether or not it exists.
bool date_shape(std::string_view s) {
    auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    return s.size() == 10 && digit(0) && digit(1) && digit(2) && digit(3) && s[4] == '-' && digit(5) && digit(6) &&
           s[7] == '-' && digit(8) && digit(9);
}

// "2023-10-21-" at the start of a name, with something after it.
bool has_prefix_shape(std::string_view name) {
    return name.size() > 11 && date_shape(name.substr(0, 10)) && name[10] == '-';
}

// A slug for the suggested name: a date-like start that is not a prefix
// ("2023-1-21-letter", "21-10-2023-letter") is the date written otherwise,
// not part of the slug; "10-things" keeps its number.
std::string_view slug_for_rename(std::string_view slug) {
    std::size_t end = 0, dashes = 0;
    while (end < slug.size() && ((slug[end] >= '0' && slug[end] <= '9') || slug[end] == '-' || slug[end] == '_')) {
        if (slug[end] == '-' || slug[end] == '_') ++dashes;
        ++end;
    }
    return dashes >= 2 && end < slug.size() ? slug.substr(end) : slug;
}

}  // namespace

std::string post_slug(std::string_view path) {
    std::string_view name = file_name(path);
    if (name.size() > 3 && name.substr(name.size() - 3) == ".md") name.remove_suffix(3);
    if (has_prefix_shape(name)) name.remove_prefix(11);
    return std::string(name);
}

void check_post_file_name(const std::string& path, const Date& date, SourcePos date_pos, Diagnostics& diags) {
    const std::string_view name = file_name(path);
    const std::string why = "posts are named YYYY-MM-DD-slug.md, which keeps the input folder in date order";
    // "2023-10-21.md": the date and nothing after it, so the post's slug
    // (its EPUB page's name) is the date; the name does begin with a date.
    std::string_view stem = name;
    if (stem.ends_with(".md")) stem.remove_suffix(3);
    if (stem.size() == 11 && stem.back() == '-') stem.remove_suffix(1);
    if (date_shape(stem)) {
        const std::string day = parse_iso_date(stem) ? std::string(stem) : date.year > 0 ? date.iso() : "YYYY-MM-DD";
        diags.warning(path, {}, "file name '" + std::string(name) + "' has no slug after its date",
                      "rename it " + day + "-SLUG.md, SLUG a few words of its title (it names the post's page in the "
                      "EPUB): " + why);
        return;
    }
    if (has_prefix_shape(name)) {
        if (const auto named = parse_iso_date(name.substr(0, 10))) {
            // A post whose `date` was refused has its own error.
            if (date.year == 0 || named->iso() == date.iso()) return;
            const std::string renamed = date.iso() + "-" + post_slug(path) + ".md";
            diags.warning(path, date_pos,
                          "the post's date " + date.iso() + " is not the date its file name begins with (" +
                              std::string(name) + ")",
                          "correct whichever is a slip: if " + date.iso() + " is right, rename the file " + renamed +
                              "; if " + named->iso() + " is, change 'date' (the post is printed and sorted by 'date', "
                              "and the name keeps the input folder in date order)");
            return;
        }
    }
    const std::string slug = post_slug(path);
    // A post whose `date` was refused has its own error; the hint then shows the form.
    const std::string rename =
        (date.year > 0 ? date.iso() : std::string("YYYY-MM-DD")) + "-" + std::string(slug_for_rename(slug)) + ".md";
    if (has_prefix_shape(name))
        diags.warning(path, {}, "file name '" + std::string(name) + "' begins with a date that does not exist",
                      "rename it " + rename + " (the post's date): " + why);
    else
        diags.warning(path, {}, "file name '" + std::string(name) + "' does not begin with the post's date",
                      "rename it " + rename + ": " + why);
}

}  // namespace folio::read
