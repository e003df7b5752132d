#pragma once
// A web address written wrong: `http//example.org` (the colon lost),
// `https:/example.org` (a slash lost), `http;//`, `www.example.org` with no
// scheme. Each is read as a file inside the book, which it never is, so the
// link leads nowhere: the passes warn with the address as it was meant, and
// the EPUB writer, which would warn that the link points at nothing, leaves
// it to them.
#include <optional>
#include <string>
#include <string_view>

namespace folio {

// The address meant, when `url` is one of those slips; nullopt otherwise.
std::optional<std::string> meant_web_address(std::string_view url);

}  // namespace folio
