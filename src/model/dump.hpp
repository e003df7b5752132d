#pragma once
// A readable, stable text form of a Post (front matter and tree), for
// `folio dump` and the spec-example tests. One node per line, indented by
// depth, with `@line:col` where the node came from.
#include <string>

#include "model/document.hpp"
#include "model/post.hpp"

namespace folio {

std::string dump_post(const Post& post);
std::string dump_document(const Document& doc);

}  // namespace folio
