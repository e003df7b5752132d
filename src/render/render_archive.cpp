#include "render/render_archive.hpp"

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_version.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "layout/image_info.hpp"
#include "model/digest.hpp"
#include "model/overloaded.hpp"
#include "model/utf8.hpp"
#include "render/archive_fonts.hpp"
#include "render/archive_metadata.hpp"
#include "render/archive_structure.hpp"
#include "render/hpdf_doc.hpp"
#include "render/page_labels.hpp"
#include "render/spaced_words.hpp"

namespace folio {
namespace {

namespace fs = std::filesystem;

// A private folder for the subset fonts libharu loads by path (2.3.0 has no
// loader from memory); removed with everything in it when the render ends.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "folio-archive-XXXXXX").string();
        if (mkdtemp(pattern.data())) m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        if (!m_path.empty()) fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Stands in for the document ID until the file exists; then the ID becomes
// a digest of the file itself. Sixteen bytes, as MD5-sized IDs are.
constexpr char id_placeholder[] = "folio-archive-id";

class ArchiveWriter {
public:
    ArchiveWriter(const Layout& layout, const ArchiveOptions& options) : m_layout(layout), m_options(options) {}

    Result<void> write(const std::string& path) {
        HPDF_Doc pdf = m_doc.get();
        if (!pdf) return Error{m_doc.error()};
        if (m_layout.pages.empty()) return Error{"no pages to write to " + path};
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        if (auto r = load_fonts(); !r) return r;
        for (const Page& page : m_layout.pages)
            if (auto r = draw_page(page); !r) return r;
        if (auto r = links_and_outline(); !r) return r;
        page_labels();
        if (auto r = info_and_identification(); !r) return r;
        if (auto r = attachments(); !r) return r;
        if (auto r = to_unicode_maps(); !r) return r;
        if (auto r = m_structure.finish(); !r) return Error{"cannot tag " + path + ": " + r.error()};
        if (auto r = m_doc.check("cannot build the archive edition"); !r) return r;
        // Saved into memory, the ID stamped there, then written once: the
        // file is never written, read back and rewritten.
        if (HPDF_SaveToStream(pdf) != HPDF_OK || m_doc.failed())
            return Error{"cannot write " + path + (m_doc.failed() ? ": " + m_doc.error() : std::string{})};
        std::string bytes(HPDF_GetStreamSize(pdf), '\0');
        HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
        if (HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK &&
            size != bytes.size())
            return Error{"cannot write " + path + ": libharu's stream ended early"};
        bytes.resize(size);
        if (auto r = stamp_id(bytes); !r) return Error{r.error() + " in " + path};
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) return Error{"cannot write " + path + ": " + std::strerror(errno)};
        return {};
    }

private:
    HPDF_MMgr mmgr() const { return m_doc.get()->mmgr; }

    // A PDF text string object: literal for ASCII, UTF-16BE hex otherwise.
    void* text_string(const std::string& s) const {
        if (is_plain_ascii(s)) return HPDF_String_New(mmgr(), s.c_str(), nullptr);
        const std::string bytes = pdf_text_bytes(s);
        return HPDF_Binary_New(mmgr(), reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
                               static_cast<HPDF_UINT>(bytes.size()));
    }

    Result<void> load_fonts() {
        for (const Page& page : m_layout.pages)
            for (const Item& item : page.items)
                if (auto* run = std::get_if<GlyphRun>(&item))
                    if (auto r = m_fonts.note(*run); !r) return r;
        if (auto r = m_fonts.finish(); !r) return r;
        if (m_fonts.size() > 0 && m_temp.path().empty()) return Error{"cannot create a temporary folder for the fonts"};
        for (std::size_t i = 0; i < m_fonts.size(); ++i) {
            const fs::path file = m_temp.path() / ("font" + std::to_string(i) + ".ttf");
            {
                std::ofstream out(file, std::ios::binary);
                out.write(m_fonts.font(i).file.data(), static_cast<std::streamsize>(m_fonts.font(i).file.size()));
                if (!out) return Error{"cannot write " + file.string()};
            }
            const char* name = HPDF_LoadTTFontFromFile(m_doc.get(), file.c_str(), HPDF_TRUE);
            HPDF_Font font = name ? HPDF_GetFont(m_doc.get(), name, "UTF-8") : nullptr;
            if (!font || m_doc.failed())
                return Error{"libharu cannot load font '" + m_fonts.font(i).name + "': " + m_doc.error()};
            m_hpdf_fonts.push_back(font);
        }
        return {};
    }

    Result<HPDF_Image> image(const std::string& path) {
        if (auto it = m_images.find(path); it != m_images.end()) return it->second;
        Result<ImageInfo> info = read_image_info(path);
        if (!info) return Error{info.error()};
        HPDF_Image img = info->format == ImageFormat::png ? HPDF_LoadPngImageFromFile(m_doc.get(), path.c_str())
                                                          : HPDF_LoadJpegImageFromFile(m_doc.get(), path.c_str());
        if (!img || m_doc.failed()) return Error{"libharu cannot load image '" + path + "': " + m_doc.error()};
        m_images.emplace(path, img);
        return img;
    }

    void draw_run(HPDF_Page page, double height, const GlyphRun& run, const ArchiveFonts::RunCodes& codes) {
        const HPDF_Font font = m_hpdf_fonts[codes.font];
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(run.size));
        HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(run.color.r), static_cast<HPDF_REAL>(run.color.g),
                             static_cast<HPDF_REAL>(run.color.b));
        // Letter-spaced words carry their text, so that a text reader does
        // not split them at a wide gap (spaced_words.hpp). The advance is the
        // one a reader computes, from the widths libharu wrote for the font.
        const std::vector<SpacedWord> spaced = letter_spaced_words(run, [&](std::size_t i) {
            const char32_t code = codes.codes[i];
            return code > 0xFFFF ? 0.0
                                 : HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(code)) * run.size / 1000.0;
        });
        auto word = spaced.begin();
        // Each glyph at the position layout gave it: libharu cannot shape,
        // kern or justify, and need not.
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
            const PlacedGlyph& g = run.glyphs[i];
            if (word != spaced.end() && word->first == i) m_structure.begin_actual_text(word->text);
            HPDF_Page_TextOut(page, g.x, static_cast<HPDF_REAL>(height - g.y), utf8_of(codes.codes[i]).c_str());
            if (word != spaced.end() && word->last == i) {
                m_structure.end_marked();
                ++word;
            }
        }
        HPDF_Page_EndText(page);
    }

    Result<void> draw_page(const Page& p) {
        HPDF_Page page = HPDF_AddPage(m_doc.get());
        if (!page) return m_doc.check("cannot add a page");
        HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(p.width));
        HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(p.height));
        const std::size_t index = m_pages.size();
        m_pages.push_back(page);
        m_structure.begin_page(page);
        const double h = p.height;
        auto real = [](double v) { return static_cast<HPDF_REAL>(v); };
        for (const Item& item : p.items) {
            Result<void> r = std::visit(
                Overloaded{
                    [&](const GlyphRun& g) -> Result<void> {
                        if (!g.font || g.glyphs.empty()) return {};
                        Result<ArchiveFonts::RunCodes> codes = m_fonts.codes(g);
                        if (!codes) return Error{codes.error()};
                        m_structure.begin_content();
                        draw_run(page, h, g, *codes);
                        m_structure.end_marked();
                        return {};
                    },
                    [&](const RuleItem& r) -> Result<void> {
                        m_structure.begin_artifact();
                        HPDF_Page_SetLineWidth(page, real(r.width));
                        HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
                        HPDF_Page_SetRGBStroke(page, real(r.color.r), real(r.color.g), real(r.color.b));
                        HPDF_Page_MoveTo(page, real(r.x0), real(h - r.y0));
                        HPDF_Page_LineTo(page, real(r.x1), real(h - r.y1));
                        HPDF_Page_Stroke(page);
                        m_structure.end_marked();
                        return {};
                    },
                    [&](const RectItem& r) -> Result<void> {
                        m_structure.begin_artifact();
                        HPDF_Page_SetRGBFill(page, real(r.fill.r), real(r.fill.g), real(r.fill.b));
                        HPDF_Page_Rectangle(page, real(r.x), real(h - r.y - r.h), real(r.w), real(r.h));
                        HPDF_Page_Fill(page);
                        m_structure.end_marked();
                        return {};
                    },
                    [&](const ImageItem& im) -> Result<void> {
                        Result<HPDF_Image> img = image(im.path);
                        if (!img) return Error{img.error()};
                        m_structure.begin_content();
                        HPDF_Page_DrawImage(page, *img, real(im.x), real(h - im.y - im.h), real(im.w), real(im.h));
                        m_structure.end_marked();
                        return {};
                    },
                    [&](const LinkItem& l) -> Result<void> {
                        m_links.push_back({index, l});
                        return {};
                    },
                    [&](const DestItem& d) -> Result<void> {
                        m_dests.emplace(d.name, Dest{index, d.x, h - d.y});
                        return {};
                    },
                    [&](const TagBegin& t) -> Result<void> {
                        m_structure.begin(t);
                        return {};
                    },
                    [&](const TagEnd& t) -> Result<void> { return m_structure.end(t); },
                },
                item);
            if (!r) return Error{"page " + p.label + ": " + r.error()};
            if (m_doc.failed()) return m_doc.check("page " + p.label);
        }
        return {};
    }

    // [page /XYZ left top 0]: zoom 0 keeps the reader's zoom (libharu's
    // SetXYZ refuses 0, so the array is written here).
    HPDF_Destination destination(std::size_t page, double x, double y) {
        HPDF_Destination dst = HPDF_Page_CreateDestination(m_pages[page]);
        if (!dst) return nullptr;
        HPDF_Array_Clear(dst);
        HPDF_Array_Add(dst, m_pages[page]);
        HPDF_Array_AddName(dst, "XYZ");
        HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(x));
        HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(y));
        HPDF_Array_AddNumber(dst, 0);
        return dst;
    }

    Result<void> links_and_outline() {
        for (const auto& [page_index, l] : m_links) {
            const double h = m_layout.pages[page_index].height;
            HPDF_Rect rect{static_cast<HPDF_REAL>(l.x), static_cast<HPDF_REAL>(h - l.y - l.h),
                           static_cast<HPDF_REAL>(l.x + l.w), static_cast<HPDF_REAL>(h - l.y)};
            HPDF_Annotation annot = nullptr;
            if (!l.uri.empty()) {
                annot = HPDF_Page_CreateURILinkAnnot(m_pages[page_index], rect, l.uri.c_str());
            } else {
                auto it = m_dests.find(l.dest);
                if (it == m_dests.end()) continue;  // as in the Cairo edition: a link to nowhere is not drawn
                HPDF_Destination dst = destination(it->second.page, it->second.x, it->second.y);
                if (dst) annot = HPDF_Page_CreateLinkAnnot(m_pages[page_index], rect, dst);
            }
            if (!annot) return m_doc.check("cannot add a link");
            // No border, and printable (PDF/A wants every annotation's Print flag).
            HPDF_Array border = HPDF_Array_New(mmgr());
            for (int k = 0; k < 3; ++k) HPDF_Array_AddNumber(border, 0);
            HPDF_Dict_Add(annot, "Border", border);
            HPDF_Dict_AddNumber(annot, "F", 4);
        }
        // Parents by level, as the Cairo edition nests them.
        std::map<int, HPDF_Outline> last_at_level;
        for (const OutlineEntry& e : m_layout.outline) {
            HPDF_Outline parent = nullptr;
            for (auto it = last_at_level.begin(); it != last_at_level.end() && it->first < e.level; ++it) parent = it->second;
            HPDF_Outline o = HPDF_CreateOutline(m_doc.get(), parent, "-", nullptr);
            if (!o) return m_doc.check("cannot add a bookmark");
            HPDF_Dict_Add(o, "Title", text_string(e.title));
            if (auto it = m_dests.find(e.dest); it != m_dests.end())
                if (HPDF_Destination dst = destination(it->second.page, it->second.x, it->second.y))
                    HPDF_Outline_SetDestination(o, dst);
            HPDF_Outline_SetOpened(o, e.level == 1 ? HPDF_TRUE : HPDF_FALSE);
            last_at_level.erase(last_at_level.lower_bound(e.level), last_at_level.end());
            last_at_level[e.level] = o;
        }
        return m_doc.check("cannot write the links and bookmarks");
    }

    void page_labels() {
        HPDF_Array nums = HPDF_Array_New(mmgr());
        for (const LabelRange& r : label_ranges(m_layout.pages)) {
            HPDF_Dict label = HPDF_Dict_New(mmgr());
            if (r.style == PageNumbering::decimal) HPDF_Dict_AddName(label, "S", "D");
            if (r.style == PageNumbering::lower_roman) HPDF_Dict_AddName(label, "S", "r");
            if (r.style != PageNumbering::none && r.first_number != 1) HPDF_Dict_AddNumber(label, "St", r.first_number);
            if (!r.prefix.empty()) HPDF_Dict_Add(label, "P", text_string(r.prefix));
            HPDF_Array_AddNumber(nums, r.first_page);
            HPDF_Array_Add(nums, label);
        }
        HPDF_Dict labels_dict = HPDF_Dict_New(mmgr());
        HPDF_Dict_Add(labels_dict, "Nums", nums);
        HPDF_Dict_Add(m_doc.get()->catalog, "PageLabels", labels_dict);
    }

    Result<void> info_and_identification() {
        HPDF_Doc pdf = m_doc.get();
        const DocInfo& info = m_layout.info;
        const std::string producer = std::string("libHaru ") + HPDF_VERSION_TEXT;
        HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, info.creator.empty() ? "folio" : info.creator.c_str());
        if (!info.creator.empty() && !is_plain_ascii(info.creator)) HPDF_Dict_Add(pdf->info, "Creator", text_string(info.creator));
        const std::pair<const char*, const std::string*> texts[] = {
            {"Title", &info.title}, {"Author", &info.author}, {"Subject", &info.subject}, {"Keywords", &info.keywords}};
        for (const auto& [key, value] : texts)
            if (!value->empty()) HPDF_Dict_Add(pdf->info, key, text_string(*value));
        int y = 0, mo = 0, d = 0, hh = 0, mi = 0, ss = 0;
        if (!info.create_date.empty() &&
            std::sscanf(info.create_date.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &hh, &mi, &ss) == 6) {
            // '+' with a zero offset: "+00'00'", the form the XMP date
            // (+00:00) matches; 'Z' trips PDF/A validators.
            HPDF_Date date{y, mo, d, hh, mi, ss, '+', 0, 0};
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
        }
        if (auto r = m_doc.check("cannot set the document information"); !r) return r;

        // libharu writes 1.3 unless told. PDF/A-3 builds on PDF 1.7 (ISO
        // 32000-1) but lets the header give any version up to 1.7; 1.4 is
        // what the file actually uses (no object streams, no 1.5+ features).
        pdf->pdf_version = HPDF_VER_14;

        // XMP metadata, uncompressed as PDF/A requires.
        HPDF_Dict xmp = HPDF_DictStream_New(mmgr(), pdf->xref);
        if (!xmp) return m_doc.check("cannot add the XMP metadata");
        HPDF_Dict_AddName(xmp, "Type", "Metadata");
        HPDF_Dict_AddName(xmp, "Subtype", "XML");
        xmp->filter = HPDF_STREAM_FILTER_NONE;
        const std::string packet = xmp_packet(info, producer);
        HPDF_Stream_Write(xmp->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()), static_cast<HPDF_UINT>(packet.size()));
        HPDF_Dict_Add(pdf->catalog, "Metadata", xmp);

        // The sRGB output intent. Its subtype is GTS_PDFA1 for every part of
        // PDF/A, the third included.
        if (access(m_options.icc_profile.c_str(), R_OK) != 0)
            return Error{"cannot read the sRGB profile " + m_options.icc_profile +
                         " (the archive edition's output intent; Debian package icc-profiles-free)"};
        HPDF_OutputIntent icc = HPDF_LoadIccProfileFromFile(pdf, m_options.icc_profile.c_str(), 3);
        if (!icc) return m_doc.check("cannot load the ICC profile " + m_options.icc_profile);
        HPDF_Dict intent = HPDF_Dict_New(mmgr());
        HPDF_Xref_Add(pdf->xref, intent);
        HPDF_Dict_AddName(intent, "Type", "OutputIntent");
        HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
        HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr(), "sRGB IEC61966-2.1", nullptr));
        HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr(), "sRGB IEC61966-2.1", nullptr));
        HPDF_Dict_Add(intent, "DestOutputProfile", icc);
        HPDF_Array intents = HPDF_Array_New(mmgr());
        HPDF_Array_Add(intents, intent);
        HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);

        // The ID, a placeholder until stamp_id. Set before anything asks
        // libharu to generate one from the clock.
        HPDF_Array id = HPDF_Array_New(mmgr());
        for (int k = 0; k < 2; ++k)
            HPDF_Array_Add(id, HPDF_Binary_New(mmgr(), reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(id_placeholder)), 16));
        HPDF_Dict_Add(pdf->trailer, "ID", id);
        return m_doc.check("cannot add the PDF/A-3b identification");
    }

    // The sources as PDF/A-3 associated files: each file specification says
    // how it relates to the document (/AFRelationship /Source: the document
    // was made from it) and is listed in the catalog's /AF array; each
    // embedded stream names its MIME type (/Subtype) and its /Params give
    // its size and a modification date. The date is the document's own
    // (SOURCE_DATE_EPOCH or the edition's), never a file's mtime or the
    // clock, so rebuilds stay byte-identical.
    Result<void> attachments() {
        if (m_options.attachments.empty()) return {};
        // The name tree lists names in byte order.
        std::vector<const Attachment*> sorted;
        for (const Attachment& a : m_options.attachments) sorted.push_back(&a);
        std::sort(sorted.begin(), sorted.end(), [](const Attachment* a, const Attachment* b) { return a->name < b->name; });
        const std::string mod_date = pdf_date(m_layout.info.create_date);
        HPDF_Array names = HPDF_Array_New(mmgr());
        HPDF_Array associated = HPDF_Array_New(mmgr());
        std::string previous;
        for (const Attachment* a : sorted) {
            if (a->name == previous) return Error{"two attachments named " + a->name};
            previous = a->name;
            HPDF_Dict file = HPDF_DictStream_New(mmgr(), m_doc.get()->xref);
            if (!file) return m_doc.check("cannot attach " + a->name);
            HPDF_Dict_AddName(file, "Type", "EmbeddedFile");
            // libharu escapes the name's '/' as #2F: /text#2Fmarkdown.
            HPDF_Dict_AddName(file, "Subtype", attachment_media_type(a->name).c_str());
            HPDF_Dict params = HPDF_Dict_New(mmgr());
            HPDF_Dict_AddNumber(params, "Size", static_cast<HPDF_INT32>(a->bytes.size()));
            if (!mod_date.empty()) HPDF_Dict_Add(params, "ModDate", HPDF_String_New(mmgr(), mod_date.c_str(), nullptr));
            HPDF_Dict_Add(file, "Params", params);
            file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
            HPDF_Stream_Write(file->stream, reinterpret_cast<const HPDF_BYTE*>(a->bytes.data()),
                              static_cast<HPDF_UINT>(a->bytes.size()));
            HPDF_Dict spec = HPDF_Dict_New(mmgr());
            HPDF_Xref_Add(m_doc.get()->xref, spec);
            HPDF_Dict_AddName(spec, "Type", "Filespec");
            HPDF_Dict_Add(spec, "F", text_string(a->name));
            HPDF_Dict_Add(spec, "UF", text_string(a->name));
            HPDF_Dict_Add(spec, "Desc", text_string(a->description.empty() ? a->name : a->description));
            HPDF_Dict_AddName(spec, "AFRelationship", "Source");
            HPDF_Dict ef = HPDF_Dict_New(mmgr());
            HPDF_Dict_Add(ef, "F", file);
            HPDF_Dict_Add(spec, "EF", ef);
            HPDF_Array_Add(names, text_string(a->name));
            HPDF_Array_Add(names, spec);
            HPDF_Array_Add(associated, spec);
        }
        HPDF_Dict tree = HPDF_Dict_New(mmgr());
        HPDF_Dict_Add(tree, "Names", names);
        HPDF_Dict name_dict = HPDF_Dict_New(mmgr());
        HPDF_Dict_Add(name_dict, "EmbeddedFiles", tree);
        HPDF_Dict_Add(m_doc.get()->catalog, "Names", name_dict);
        HPDF_Dict_Add(m_doc.get()->catalog, "AF", associated);
        return m_doc.check("cannot attach the sources");
    }

    // libharu's ToUnicode map for UTF-8 fonts is one invalid cidrange
    // (poppler warns and guesses); each font gets a real one, from its codes.
    Result<void> to_unicode_maps() {
        for (std::size_t i = 0; i < m_hpdf_fonts.size(); ++i) {
            auto cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(m_hpdf_fonts[i], "ToUnicode", HPDF_OCLASS_DICT));
            if (!cmap || !cmap->stream) return Error{"libharu wrote no ToUnicode map for '" + m_fonts.font(i).name + "'"};
            HPDF_Stream fresh = HPDF_MemStream_New(mmgr(), HPDF_STREAM_BUF_SIZ);
            if (!fresh) return m_doc.check("cannot write a ToUnicode map");
            HPDF_Stream_Free(cmap->stream);
            cmap->stream = fresh;
            const std::string text = m_fonts.to_unicode(i);
            HPDF_Stream_Write(fresh, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
        }
        return m_doc.check("cannot write the ToUnicode maps");
    }

    // The ID is the first 16 bytes of the SHA-256 of the file as written
    // with the placeholder: a function of the content, never of the clock.
    // The document ID: the first 16 bytes of the SHA-256 of the file as
    // written with the placeholder, so it follows the content, never the
    // clock. libharu writes binary strings as upper-case hex.
    static Result<void> stamp_id(std::string& s) {
        const auto upper = [](std::string hex) {
            for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return hex;
        };
        const std::string placeholder_hex =
            upper(to_hex(reinterpret_cast<const std::uint8_t*>(id_placeholder), 16));
        const std::string id_hex = upper(to_hex(sha256(s).data(), 16));
        // The trailer's two copies, searched from the end, where the trailer is.
        int stamped = 0;
        for (auto at = s.rfind(placeholder_hex); at != std::string::npos && stamped < 2;
             at = at == 0 ? std::string::npos : s.rfind(placeholder_hex, at - 1)) {
            s.replace(at, id_hex.size(), id_hex);
            ++stamped;
        }
        if (stamped != 2) return Error{"cannot find the document ID placeholder"};
        return {};
    }

    struct Dest {
        std::size_t page;
        double x, y;  // PDF coordinates
    };
    struct PendingLink {
        std::size_t page;
        LinkItem link;
    };

    const Layout& m_layout;
    const ArchiveOptions& m_options;
    HpdfDoc m_doc;
    ArchiveStructure m_structure{m_doc.get()};
    TempDir m_temp;
    ArchiveFonts m_fonts;
    std::vector<HPDF_Font> m_hpdf_fonts;
    std::vector<HPDF_Page> m_pages;
    std::map<std::string, HPDF_Image> m_images;
    std::map<std::string, Dest> m_dests;
    std::vector<PendingLink> m_links;
};

}  // namespace

Result<void> render_archive(const Layout& layout, const std::string& path, const ArchiveOptions& options) {
    ArchiveWriter writer(layout, options);
    return writer.write(path);
}

}  // namespace folio
