// Tables (booktabs: rules above and below the header and at the end, no
// vertical rules, header repeated on a continued page) and figures.
#include <algorithm>
#include <filesystem>
#include <numeric>

#include "layout/flow_builder.hpp"
#include "layout/image_info.hpp"

namespace folio {
namespace {

// The narrowest a column may become; a 200-column table breaks its cells
// character by character rather than overflow the measure.
constexpr double min_column = 6;

TextAlign cell_align(Align a) {
    switch (a) {
        case Align::center: return TextAlign::center;
        case Align::right: return TextAlign::right;
        default: return TextAlign::left;
    }
}

}  // namespace

void FlowBuilder::table(const Table& t) {
    size_t columns = t.header.cells.size();
    for (const auto& r : t.rows) columns = std::max(columns, r.cells.size());
    if (columns == 0) return;
    const double pad = m_style.table_cell_pad;
    TextStyle cs = sans_style(m_style.table_size);
    TextStyle hs = cs;
    hs.bold = true;

    // Column widths from content: each column's natural width (its widest
    // cell on one line) and a minimum (its longest word); shrink
    // towards the minimum in proportion when the natural widths do not fit.
    std::vector<double> natural(columns, min_column), minimum(columns, min_column);
    auto measure_row = [&](const TableRow& row, const TextStyle& s) {
        for (size_t c = 0; c < row.cells.size(); ++c) {
            auto lines = set_paragraph(m_tc, rich(row.cells[c].content, s, false), {1e6, m_style.table_leading, TextAlign::left, 2});
            double w = 0;
            for (auto& l : lines) w = std::max(w, l.natural);
            natural[c] = std::max(natural[c], w + 2 * pad);
            minimum[c] = std::max(minimum[c], std::min(natural[c], widest_word(m_tc, rich(row.cells[c].content, s, false)) + 2 * pad + 0.01));
        }
    };
    measure_row(t.header, hs);
    for (const auto& r : t.rows) measure_row(r, cs);
    std::vector<double> width = natural;
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (total > m_measure) {
        const double min_total = std::accumulate(minimum.begin(), minimum.end(), 0.0);
        if (min_total >= m_measure) {
            for (size_t c = 0; c < columns; ++c) width[c] = m_measure * minimum[c] / min_total;
        } else {
            const double spare = m_measure - min_total, wanted = total - min_total;
            for (size_t c = 0; c < columns; ++c) width[c] = minimum[c] + spare * (natural[c] - minimum[c]) / wanted;
        }
    }
    const double table_width = std::min(m_measure, std::accumulate(width.begin(), width.end(), 0.0));

    // A row is one chunk, or, when taller than a page, slices of lines that
    // paginate like lines (each slice tagged as its own row). As in booktabs,
    // the full padding is kept next to the rules (header, first and last
    // rows); between data rows a quarter of it on each side, so rows follow
    // at little more than the leading (with the full padding all round a
    // table of one-line rows read as double spaced).
    const double row_pad = pad / 4;
    const int max_lines = std::max(1, static_cast<int>((m_style.body_height() * 0.8 - 2 * pad) / m_style.table_leading));
    auto make_row = [&](const TableRow& row, const TextStyle& s, const char* cell_tag, double top_pad, double bottom_pad) {
        std::vector<std::vector<SetLine>> cells;
        size_t most = 1;
        for (size_t c = 0; c < columns; ++c) {
            std::vector<SetLine> lines;
            if (c < row.cells.size()) {
                const double inner = std::max(1.0, width[c] - 2 * pad);
                Align a = c < t.aligns.size() ? t.aligns[c] : Align::none;
                lines = set_paragraph(m_tc, rich(row.cells[c].content, s, false), {inner, m_style.table_leading, cell_align(a), 2});
            }
            most = std::max(most, lines.size());
            cells.push_back(std::move(lines));
        }
        std::vector<Chunk> slices;
        for (size_t first = 0; first < most; first += static_cast<size_t>(max_lines)) {
            const size_t last = std::min(most, first + static_cast<size_t>(max_lines));
            const double above = first == 0 ? top_pad : row_pad, below = last == most ? bottom_pad : row_pad;
            const double baseline = above + (m_style.table_leading - m_style.table_size) / 2 + m_style.table_size * 0.8;
            Chunk ch;
            ch.items.push_back(TagBegin{"TR", ""});
            double x = m_indent;
            for (size_t c = 0; c < columns; ++c) {
                ch.items.push_back(TagBegin{cell_tag, ""});
                for (size_t i = first; i < std::min(last, cells[c].size()); ++i) {
                    const double y = baseline + static_cast<double>(i - first) * m_style.table_leading;
                    for (Item& it : cells[c][i].items) {
                        translate(it, x + pad, y);
                        ch.items.push_back(std::move(it));
                    }
                    for (LinkItem& l : cells[c][i].links) {
                        l.x += x + pad;
                        l.y += y;
                        ch.items.push_back(l);
                    }
                }
                ch.items.push_back(TagEnd{cell_tag});
                x += width[c];
            }
            ch.items.push_back(TagEnd{"TR"});
            ch.height = static_cast<double>(last - first) * m_style.table_leading + above + below;
            ch.baseline = baseline;
            slices.push_back(std::move(ch));
        }
        return slices;
    };

    std::vector<Chunk> header_slices = make_row(t.header, hs, "TH", pad, pad);
    Chunk header = std::move(header_slices.front());
    header.items.push_back(RuleItem{m_indent, 0, m_indent + table_width, 0, 0.8, m_style.ink});
    header.items.push_back(RuleItem{m_indent, header.height, m_indent + table_width, header.height, 0.5, m_style.ink});
    const int table_id = static_cast<int>(m_out.galley.table_headers.size());
    Chunk repeat = header;
    m_out.galley.table_headers.push_back(std::move(repeat));

    header.space_before = ruled_block_space();
    header.items.insert(header.items.begin(), TagBegin{"Table", ""});
    push(std::move(header));
    for (size_t k = 1; k < header_slices.size(); ++k) push(std::move(header_slices[k]));  // a header taller than a page
    for (size_t r = 0; r < t.rows.size(); ++r) {
        std::vector<Chunk> slices = make_row(t.rows[r], cs, "TD", r == 0 ? pad : row_pad,
                                             r + 1 == t.rows.size() ? pad : row_pad);
        for (size_t k = 0; k < slices.size(); ++k) {
            Chunk& row = slices[k];
            row.table = table_id;
            if (r == 0 && k == 0) row.break_before = false;  // never a header alone at a page foot
            if (r + 1 == t.rows.size() && k + 1 == slices.size()) {
                row.items.push_back(RuleItem{m_indent, row.height, m_indent + table_width, row.height, 0.8, m_style.ink});
                row.items.push_back(TagEnd{"Table"});
            }
            push(std::move(row));
        }
    }
    if (t.rows.empty()) {
        auto& last = m_out.galley.chunks.back();
        last.items.push_back(TagEnd{"Table"});
    }
    m_after_heading = false;
}

Result<void> FlowBuilder::figure(const Image& image) {
    std::filesystem::path path = image.url;
    if (path.is_relative()) path = post_folder(m_post) / path;
    Result<ImageInfo> info = read_image_info(path.string());
    if (!info) return Error{info.error()};
    // Pixels at 150 dpi, never wider than the measure nor taller than half a page.
    double w = info->width * 72.0 / 150.0;
    double h = info->height * 72.0 / 150.0;
    const double scale = std::min({1.0, m_measure / w, m_style.body_height() * 0.5 / h});
    w *= scale;
    h *= scale;
    const std::string alt = plain_text(image.alt);
    Chunk c;
    c.space_before = block_space();
    c.height = h;
    c.items.push_back(TagBegin{"Figure", alt.empty() ? image.title : alt});
    c.items.push_back(ImageItem{path.string(), m_indent, 0, w, h, alt});
    c.items.push_back(TagEnd{"Figure"});
    push(std::move(c));
    const std::string caption = image.title.empty() ? alt : image.title;
    if (!caption.empty()) {
        TextStyle s = sans_style(m_style.caption_size);
        s.color = m_style.grey;
        RichTextBuilder b(m_env);
        b.append(caption, s, false);
        size_t first = emit_lines(set_paragraph(m_tc, b.take(), {m_measure, 11, TextAlign::left, 2}), 11,
                                  m_style.caption_size, 4, "Caption");
        m_out.galley.chunks[first].break_before = false;
    }
    return {};
}

}  // namespace folio
