#include <doctest/doctest.h>

#include "model/digest.hpp"

using namespace folio;

TEST_CASE("SHA-256 and SHA-1 match the FIPS test vectors") {
    CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(to_hex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(to_hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST_CASE("streamed SHA-256 equals the one-shot digest") {
    Sha256Stream s;
    s.update("a");
    s.update("bc");
    CHECK(s.finish() == sha256("abc"));
}
