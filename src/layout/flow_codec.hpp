#pragma once
// A post's flowed galley (flow_post's result) as bytes and back, for the
// build cache: layout is the costly part of a build, and a post that has not
// changed flows to the same galley. Every number comes back bit for bit, so
// pages paginated from a decoded galley are the pages the original makes.
#include <filesystem>
#include <string>
#include <string_view>

#include "layout/flow.hpp"
#include "layout/type_context.hpp"
#include "model/result.hpp"

namespace folio {

// The galley and outline, with fonts by name (the cairo handles are per
// process). The chunks' post index is left out: it is the post's place in
// the pack, which changes when a post is added before it. So is the post's
// folder (post_folder): an image path inside it is kept relative to it, so
// a galley kept by a build of `--input corpus` is right for one of
// `--input /home/me/corpus`, or of the folder moved elsewhere.
std::string encode_flow(const PostFlow& flow, const std::filesystem::path& post_folder);

// The galley back, its fonts loaded through `tc`, its chunks marked with
// `post_index` and its relative image paths joined to `post_folder`. Fails,
// and never reads out of bounds, on bytes that are not an encode_flow
// result, or whose fonts `tc` cannot load exactly.
Result<PostFlow> decode_flow(std::string_view bytes, TypeContext& tc, int post_index,
                             const std::filesystem::path& post_folder);

}  // namespace folio
