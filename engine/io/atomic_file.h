// Atomic file writes: the data goes to a temporary file in the same folder,
// is flushed to disk (fsync), then renamed over the target. A crash or a full
// disk leaves either the old file or the new one, never half of either.
//
// Saving onto a symbolic link replaces the file it points to (the link stays);
// a device, fifo, socket or folder at the path is refused (io/output_path.h).
// The temporary files left by a save that was killed are removed by the next
// save into the same folder (io/temp_file.h explains how they are told from a
// save in progress).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Writes the pieces one after another as the new content of `path`. A file it
// replaces keeps its permission bits; a new file gets 0644.
// Throws IoError naming the file and the system's reason.
void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces);

// Throws the IoError writeFileAtomically(path, ...) would throw for a path that
// cannot be saved now (not a regular file, missing or read-only folder, full
// disk), without touching the file: for commands to check their outputs before
// they compute.
void checkCanWriteAtomically(const std::string& path);

// The whole file, or IoError naming it.
std::string readWholeFile(const std::string& path, size_t maxBytes);

} // namespace cs
