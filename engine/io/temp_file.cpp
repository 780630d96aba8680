#include "engine/io/temp_file.h"

#include "engine/core/errors.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace cs {

namespace {

constexpr std::string_view kMarker = ".convstudio-tmp-";
constexpr size_t kRandomChars = 6; // mkstemp's XXXXXX

using FileId = std::pair<dev_t, ino_t>;

// The temporary files this process is writing. On file systems where flock is
// emulated with POSIX record locks (NFS), a process's own lock does not keep
// its own cleaner out, and closing any descriptor of the file drops the lock:
// so a cleaner skips these without opening them.
std::mutex gLiveMutex;
std::set<FileId> gLive;

void setLive(FileId id, bool live) {
    std::lock_guard<std::mutex> lock(gLiveMutex);
    if (live)
        gLive.insert(id);
    else
        gLive.erase(id);
}

bool isLive(FileId id) {
    std::lock_guard<std::mutex> lock(gLiveMutex);
    return gLive.count(id) > 0;
}

FileId idOf(const struct stat& st) {
    return {st.st_dev, st.st_ino};
}

bool stillNamed(const std::string& path, const struct stat& opened) {
    struct stat now {};
    return ::lstat(path.c_str(), &now) == 0 && idOf(now) == idOf(opened);
}

int lockFile(int fd, int how) {
    int rc;
    do
        rc = ::flock(fd, how);
    while (rc != 0 && errno == EINTR);
    return rc;
}

} // namespace

bool isTempFileName(std::string_view name) {
    // "." + at least one character of the target's name + marker + random part.
    if (name.size() < 2 + kMarker.size() + kRandomChars || name[0] != '.') return false;
    const std::string_view random = name.substr(name.size() - kRandomChars);
    for (char c : random)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    return name.substr(name.size() - kRandomChars - kMarker.size(), kMarker.size()) == kMarker;
}

TempFile::TempFile(const std::string& target, const std::string& label) : label_(label) {
    namespace fs = std::filesystem;
    const fs::path t(target);
    const fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "." + string.
    std::string hidden(1, '.');
    hidden.append(t.filename().string()).append(kMarker).append(kRandomChars, 'X');
    // A cleaner in another process may take the file for a stale one between its
    // creation and our lock; then the name is gone (or another file's) and we retry.
    for (int attempt = 0; attempt < 5; ++attempt) {
        std::string name = (dir / hidden).string();
        const int fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd < 0)
            throw IoError(CS_TEXT("cs::Files", "%1: cannot create a file in %2: %3")
                              .arg(label_)
                              .arg(dir.string())
                              .arg(std::strerror(errno)));
        struct stat st {};
        ::fstat(fd, &st);
        setLive(idOf(st), true);
        // No lock (a file system without flock) cannot be told apart from a dead
        // writer by anyone, and a cleaner that cannot lock leaves the file alone.
        lockFile(fd, LOCK_EX);
        if (stillNamed(name, st)) {
            fd_ = fd;
            path_ = std::move(name);
            return;
        }
        setLive(idOf(st), false);
        ::close(fd);
    }
    throw IoError(
        CS_TEXT("cs::Files",
                "%1: cannot keep a temporary file in %2: another program keeps removing it")
            .arg(label_)
            .arg(dir.string()));
}

TempFile::~TempFile() {
    if (fd_ < 0) return;
    struct stat st {};
    const bool known = ::fstat(fd_, &st) == 0;
    if (!renamed_) ::unlink(path_.c_str()); // while still locked: no cleaner races us
    if (known) setLive(idOf(st), false);
    ::close(fd_);
}

void TempFile::renameOver(const std::string& target) {
    if (::rename(path_.c_str(), target.c_str()) != 0)
        throw IoError(
            CS_TEXT("cs::Files", "%1: cannot replace: %2").arg(label_).arg(std::strerror(errno)));
    renamed_ = true;
}

int removeStaleTempFiles(const std::string& folder) {
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return 0;
    int removed = 0;
    while (const dirent* entry = ::readdir(dir)) {
        if (!isTempFileName(entry->d_name)) continue;
        const std::string path = folder + "/" + entry->d_name;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || isLive(idOf(st))) continue;
        const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat opened {};
        // Removed only while we hold its lock: its writer is gone, and a new
        // writer that created it a moment ago sees it vanish and makes another.
        if (::fstat(fd, &opened) == 0 && lockFile(fd, LOCK_EX | LOCK_NB) == 0 &&
            stillNamed(path, opened) && ::unlink(path.c_str()) == 0)
            ++removed;
        ::close(fd);
    }
    ::closedir(dir);
    return removed;
}

} // namespace cs
