// Whole-file reading that looks through gzip compression.
//
// Data set files (MNIST, Fashion-MNIST ...) are usually shipped as .gz; the
// readers call readFileMaybeGzip() and get the same bytes whether or not the
// file is compressed. Output is capped so that a tiny hostile file cannot
// expand into gigabytes (a "gzip bomb") before the caller gets to validate it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cs {

// The file's bytes, decompressed if it starts with the gzip magic (1f 8b),
// else as stored. Throws IoError when the file cannot be opened or read, and
// FormatError on corrupt or truncated gzip data or when the (decompressed)
// content is larger than maxBytes.
std::vector<uint8_t> readFileMaybeGzip(const std::string& path, size_t maxBytes);

// The first `count` bytes of the (decompressed) content, fewer if the content is
// shorter. Decompresses only what it needs, so a reader can check a header before
// committing to the whole file; errors as for readFileMaybeGzip().
std::vector<uint8_t> readFileHeadMaybeGzip(const std::string& path, size_t count);

} // namespace cs
