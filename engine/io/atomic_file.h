// Atomic file writes: the data goes to a temporary file in the same folder,
// is flushed to disk (fsync), then renamed over the target. A crash or a full
// disk leaves either the old file or the new one, never half of either.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Writes the pieces one after another as the new content of `path`.
// Throws IoError naming the file and the system's reason.
void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces);

// The whole file, or IoError naming it.
std::string readWholeFile(const std::string& path, size_t maxBytes);

} // namespace cs
