// The passes that need nothing but the post, in one place so that the build,
// `folio dump` and the fuzz targets run the same sequence.
#include "passes/passes.hpp"

namespace folio {

void run_local_passes(Post& post, Diagnostics& diags) {
    number_notes(post, diags);
    assign_heading_ids(post);
    mark_hangul(post);
}

}  // namespace folio
