#include "render/write_pdf.hpp"

#include <cstdio>

#include "render/render_pdf.hpp"

namespace folio {
namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), so no
// time-zone database or gmtime state is involved.
void civil_from_days(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace

std::string iso_datetime_from_epoch(long long seconds) {
    long long days = seconds / 86400, rest = seconds % 86400;
    if (rest < 0) rest += 86400, --days;
    int y = 0, m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, int(rest / 3600), int(rest / 60 % 60),
                  int(rest % 60));
    return buf;
}

Result<void> write_pdf(const Pack& pack, const Style& style, const std::string& path, const PdfOptions& options,
                       int* pages) {
    LayoutOptions lo;
    lo.resources = options.resources;
    lo.threads = options.threads;
    if (options.source_date_epoch) lo.create_date = iso_datetime_from_epoch(*options.source_date_epoch);
    else if (pack.edition.year > 0) lo.create_date = pack.edition.iso() + "T00:00:00Z";
    Result<Layout> layout = layout_pack(pack, style, lo);
    if (!layout) return Error{layout.error()};
    if (pages) *pages = static_cast<int>(layout->pages.size());
    return render_pdf(*layout, path);
}

}  // namespace folio
