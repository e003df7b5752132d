#pragma once
// An owned libharu document whose errors become Result errors. libharu
// reports failures through a callback and then leaves the document in an
// error state; this wrapper records the first error so every call site can
// ask `error()` instead of aborting or longjmp-ing.
#include <memory>
#include <string>

#include <hpdf.h>

#include "model/result.hpp"

namespace folio {

class HpdfDoc {
public:
    HpdfDoc();
    ~HpdfDoc();
    HpdfDoc(const HpdfDoc&) = delete;
    HpdfDoc& operator=(const HpdfDoc&) = delete;

    HPDF_Doc get() const { return m_doc; }
    // The first error libharu reported, with what was being done.
    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }
    // Ok, or an Error naming `what` and libharu's code.
    Result<void> check(const std::string& what) const;

private:
    static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);
    HPDF_Doc m_doc = nullptr;
    std::string m_error;
};

}  // namespace folio
