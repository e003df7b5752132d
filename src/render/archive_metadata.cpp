#include "render/archive_metadata.hpp"

#include <cstdio>

#include "model/utf8.hpp"

namespace folio {

std::string xmp_date(const std::string& iso) {
    if (iso.empty()) return {};
    if (iso.back() == 'Z') return iso.substr(0, iso.size() - 1) + "+00:00";
    return iso;
}

std::string pdf_date(const std::string& iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char zone = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &zone) != 7 || zone != 'Z') return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02d+00'00'", y, mo, d, h, mi, s);
    return buf;
}

std::string attachment_media_type(const std::string& file_name) {
    const auto dot = file_name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string{} : file_name.substr(dot + 1);
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext == "md" || ext == "markdown") return "text/markdown";
    if (ext == "json") return "application/json";
    if (ext == "toml") return "application/toml";
    if (ext == "csl") return "application/vnd.citationstyles.style+xml";
    return "application/octet-stream";
}

namespace {

std::string xml_escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

}  // namespace

std::string xmp_packet(const DocInfo& info, const std::string& producer) {
    // The byte-order mark in begin="..." is required by XMP; the id is XMP's fixed packet id.
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    if (!info.title.empty())
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(info.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(info.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    x += "</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    if (!info.creator.empty()) x += "<xmp:CreatorTool>" + xml_escaped(info.creator) + "</xmp:CreatorTool>\n";
    if (!info.create_date.empty()) {
        const std::string d = xmp_date(info.create_date);
        x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d + "</xmp:ModifyDate>\n";
        x += "<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
    }
    x += "</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    if (!info.keywords.empty()) x += "<pdf:Keywords>" + xml_escaped(info.keywords) + "</pdf:Keywords>\n";
    x += "<pdf:Producer>" + xml_escaped(producer) + "</pdf:Producer>\n";
    x += "</rdf:Description>\n";
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n";
    x += "</rdf:RDF>\n</x:xmpmeta>\n";
    // Padding lets a later editor update the packet in place, as XMP advises.
    x += std::string(20, ' ') + "\n<?xpacket end=\"w\"?>";
    return x;
}

bool is_plain_ascii(const std::string& s) {
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b >= 0x7F) return false;
    }
    return true;
}

std::string pdf_text_bytes(const std::string& utf8) {
    if (is_plain_ascii(utf8)) return utf8;
    std::string out = "\xFE\xFF";
    auto put = [&](unsigned v) {
        out.push_back(static_cast<char>(v >> 8));
        out.push_back(static_cast<char>(v & 0xFF));
    };
    for (char32_t c : utf8_decode(utf8)) {
        if (c >= 0x10000) {
            c -= 0x10000;
            put(0xD800 + (c >> 10));
            put(0xDC00 + (c & 0x3FF));
        } else {
            put(c);
        }
    }
    return out;
}

}  // namespace folio
