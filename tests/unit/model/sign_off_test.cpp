#include <doctest/doctest.h>

#include "model/post.hpp"

using namespace folio;

TEST_CASE("a letter's sign-off: closing, signer and role, one rule for both outputs") {
    PostMeta m;
    m.kind = Kind::letter;
    // The group's letter: the group sends, a member signs for it.
    m.from = Party{"All-Party Parliamentary Group on North Korea", "", {}};
    m.closing = "Yours sincerely.";
    m.signature = "Lord David Alton";
    SignOff s = letter_sign_off(m);
    CHECK(s.closing == "Yours sincerely.");
    CHECK(s.signer == "Lord David Alton");
    CHECK(s.role == "All-Party Parliamentary Group on North Korea");

    // The sender signs: the sender's role under the name.
    m.from = Party{"Lord Alton", "Co-Chair", {}};
    m.signature = "Lord Alton";
    CHECK(letter_sign_off(m).role == "Co-Chair");
    // Someone else signs for a sender with a role: that role.
    m.signature = "David Alton";
    CHECK(letter_sign_off(m).role == "Co-Chair");

    // No signature: the sender signs; no closing: the British default.
    m.signature.clear();
    m.closing.clear();
    s = letter_sign_off(m);
    CHECK(s.signer == "Lord Alton");
    CHECK(s.closing == "Yours sincerely,");
    CHECK(s.role == "Co-Chair");

    // Nobody to sign: no closing is invented.
    m.from.reset();
    s = letter_sign_off(m);
    CHECK(s.signer.empty());
    CHECK(s.closing.empty());
    CHECK(s.role.empty());
}
