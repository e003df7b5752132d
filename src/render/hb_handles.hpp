#pragma once
// Owning handles for the HarfBuzz objects folio's font code makes (faces,
// fonts, blobs, sets, subset inputs and plans): the archive edition's and
// the EPUB's.
#include <memory>

#include <hb-subset.h>
#include <hb.h>

namespace folio::hb {

struct BlobFree { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct FaceFree { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct FontFree { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
struct SetFree { void operator()(hb_set_t* s) const { hb_set_destroy(s); } };
struct InputFree { void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); } };
struct PlanFree { void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); } };
using Blob = std::unique_ptr<hb_blob_t, BlobFree>;
using Face = std::unique_ptr<hb_face_t, FaceFree>;
using Font = std::unique_ptr<hb_font_t, FontFree>;
using Set = std::unique_ptr<hb_set_t, SetFree>;
using Input = std::unique_ptr<hb_subset_input_t, InputFree>;
using Plan = std::unique_ptr<hb_subset_plan_t, PlanFree>;

}  // namespace folio::hb
