// The temporary files of atomic saves (io/atomic_file.h) and of writability
// probes. Each is named ".<name>.convstudio-tmp-XXXXXX" (XXXXXX: six random
// letters or digits), lives in the folder of the file it will replace, and is
// locked (flock) by its writer from creation until it is renamed or removed.
//
// A file of that pattern that nobody holds a lock on was left by a writer that
// died mid-save (crash, kill -9, power loss): the kernel drops a dead process's
// locks, so "unlocked" means "stale" without guessing from ages or process ids.
// removeStaleTempFiles() deletes those; a save calls it on its folder first.
// Concurrent writers are safe: each holds its own file's lock until its rename,
// and a cleaner deletes only a file it holds the lock of itself.
#pragma once

#include <string>
#include <string_view>

namespace cs {

class TempFile {
public:
    // Creates and locks a new temporary file next to `target` (in its folder).
    // IoError naming `label` (the path the user gave) and the system's reason.
    TempFile(const std::string& target, const std::string& label);
    ~TempFile(); // removes the file unless it was renamed
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    // Renames the file over `target`; the lock is held until the rename is done.
    // IoError naming `label_` when the system refuses.
    void renameOver(const std::string& target);

private:
    int fd_ = -1;
    std::string path_, label_;
    bool renamed_ = false;
};

// Whether a file name follows the temporary-file pattern above.
bool isTempFileName(std::string_view name);

// Removes the folder's temporary files that no writer holds (see above).
// Returns how many; a file it cannot open or lock is left alone.
int removeStaleTempFiles(const std::string& folder);

} // namespace cs
