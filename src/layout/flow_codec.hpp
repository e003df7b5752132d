#pragma once
// A post's flowed galley (flow_post's result) as bytes and back, for the
// build cache: layout is the costly part of a build, and a post that has not
// changed flows to the same galley. Every number comes back bit for bit, so
// pages paginated from a decoded galley are the pages the original makes.
#include <string>
#include <string_view>

#include "layout/flow.hpp"
#include "layout/type_context.hpp"
#include "model/result.hpp"

namespace folio {

// The galley and outline, with fonts by name (the cairo handles are per
// process). The chunks' post index is left out: it is the post's place in
// the pack, which changes when a post is added before it.
std::string encode_flow(const PostFlow& flow);

// The galley back, its fonts loaded through `tc` and its chunks marked with
// `post_index`. Fails, and never reads out of bounds, on bytes that are not
// an encode_flow result, or whose fonts `tc` cannot load exactly.
Result<PostFlow> decode_flow(std::string_view bytes, TypeContext& tc, int post_index);

}  // namespace folio
