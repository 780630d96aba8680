// Output paths: where a save really lands, and whether it can land there,
// checked before a long computation so that an unwritable path fails at once
// instead of after a training run.
//
// A save follows symbolic links to the file they name (the link stays a link)
// and writes only regular files: a device, fifo, socket or folder at the path
// is refused, so `--out /dev/null` never replaces /dev/null and a fifo never
// blocks a save. A stream (the CSV log) may go to a device or a fifo.
#pragma once

#include <string>

namespace cs {

// The file a save to `path` replaces: `path` with its symbolic links followed
// (a link to a missing file gives that file). IoError naming `path` when it
// names no file (empty, or ending in '/'), when a device, fifo, socket or folder
// is there, or when its links loop.
std::string resolveSaveTarget(const std::string& path);

// IoError naming `label` unless `folder` exists and a file can be created and
// written in it now: a temporary file is created, written and removed, which
// catches a missing or read-only folder and a read-only or full file system.
void checkCanCreateFilesIn(const std::string& folder, const std::string& label);

// IoError naming `path` unless a stream (a log written row by row) can be
// written there: an existing regular file that opens for writing (it is not
// truncated here), a device or fifo (taken as it is: opening a fifo would wait
// for a reader), or a new file in a folder that passes checkCanCreateFilesIn.
void checkCanWriteStream(const std::string& path);

// Whether two output paths name the same file: equal once links, "." and ".."
// are resolved, or the same existing file (a hard link).
bool sameFile(const std::string& a, const std::string& b);

// The folder a path's file is in ("." for a bare file name).
std::string folderOf(const std::string& path);

} // namespace cs
