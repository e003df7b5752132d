#pragma once
// A PNG's image data checked the way a decoder meets it: every chunk can
// have a right CRC and the compressed pixels still be broken, which Cairo
// (libpng) finds only while the PDF is being written. Decompressing the data
// once here, without keeping a single row, lets `folio check` report it at
// the post's line instead.
#include <span>
#include <string>

namespace folio {

// What is wrong with the image data of a PNG whose chunks are whole (their
// lengths and CRCs already checked, up to IEND), in words for an error
// message; empty when a decoder would accept it: a valid IHDR (size, bit
// depth for its colour type, methods), a palette before the data of a
// palette image, IDAT chunks in one run forming one zlib stream (checksum
// included) that decompresses to exactly the rows the header promises, each
// row starting with a known filter type. Memory stays small whatever the
// image's size: the output is decompressed into a fixed buffer and dropped.
std::string png_pixel_data_problem(std::span<const unsigned char> png);

}  // namespace folio
