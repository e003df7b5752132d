#include "render/hpdf_doc.hpp"

#include <cstdio>

namespace folio {

HpdfDoc::HpdfDoc() {
    m_doc = HPDF_New(&HpdfDoc::on_error, this);
    if (!m_doc) m_error = "libharu could not create a document (out of memory)";
}

HpdfDoc::~HpdfDoc() {
    if (m_doc) HPDF_Free(m_doc);
}

void HpdfDoc::on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    auto* self = static_cast<HpdfDoc*>(user_data);
    if (!self->m_error.empty()) return;  // the first error is the cause; later ones follow from it
    char buf[80];
    // The codes are listed in hpdf_error.h (0x1001...); libharu gives no text.
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_no),
                  static_cast<unsigned>(detail_no));
    self->m_error = buf;
}

Result<void> HpdfDoc::check(const std::string& what) const {
    if (m_error.empty()) return {};
    return Error{what + ": " + m_error};
}

}  // namespace folio
