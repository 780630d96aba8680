#include "engine/io/output_path.h"

#include "engine/core/errors.h"
#include "engine/io/temp_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxLinks = 40; // as the kernel's own limit (ELOOP)

// `path` with its symbolic links followed, also when the last one dangles.
std::string followLinks(const std::string& path) {
    std::string p = path;
    for (int hops = 0;; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        if (hops == kMaxLinks)
            throw IoError(CS_TEXT("cs::Files", "%1: too many levels of symbolic links").arg(path));
        std::error_code ec;
        fs::path next = fs::read_symlink(p, ec);
        if (ec)
            throw IoError(CS_TEXT("cs::Files", "%1: cannot read the link %2: %3")
                              .arg(path)
                              .arg(p)
                              .arg(ec.message()));
        if (next.is_relative()) next = fs::path(p).parent_path() / next;
        p = next.string();
    }
}

// A word of the message "... it is a folder, not a regular file" (translated).
const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return CS_NOOP("cs::Files", "a folder");
    if (S_ISFIFO(mode)) return CS_NOOP("cs::Files", "a fifo");
    if (S_ISCHR(mode)) return CS_NOOP("cs::Files", "a character device");
    if (S_ISBLK(mode)) return CS_NOOP("cs::Files", "a block device");
    if (S_ISSOCK(mode)) return CS_NOOP("cs::Files", "a socket");
    return CS_NOOP("cs::Files", "something other than a file");
}

void checkNamesAFile(const std::string& path) {
    if (path.empty())
        throw IoError(CS_TEXT("cs::Files", "an empty file name was given for an output"));
    if (path.back() == '/')
        throw IoError(CS_TEXT("cs::Files", "%1: names a folder, not a file").arg(path));
}

} // namespace

std::string folderOf(const std::string& path) {
    const fs::path p(path);
    return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

std::string resolveSaveTarget(const std::string& path) {
    checkNamesAFile(path);
    const std::string target = followLinks(path);
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw IoError(
            (target == path
                 ? CS_TEXT("cs::Files", "%1: cannot save here: it is %2, not a regular file")
                       .arg(path)
                 : CS_TEXT("cs::Files",
                           "%1: cannot save here: it links to %3, %2, not a regular file")
                       .arg(path))
                .termArg("cs::Files", kindOf(st.st_mode))
                .arg(target));
    return target;
}

void checkCanCreateFilesIn(const std::string& folder, const std::string& label) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) {
        if (errno == ENOENT)
            throw IoError(
                CS_TEXT("cs::Files", "%1: cannot write there: the folder %2 does not exist")
                    .arg(label)
                    .arg(folder));
        throw IoError(CS_TEXT("cs::Files", "%1: cannot write there: the folder %2: %3")
                          .arg(label)
                          .arg(folder)
                          .arg(std::strerror(errno)));
    }
    if (!S_ISDIR(st.st_mode))
        throw IoError(CS_TEXT("cs::Files", "%1: cannot write there: %2 is not a folder")
                          .arg(label)
                          .arg(folder));
    TempFile probe((fs::path(folder) / "write-check").string(), label);
    ssize_t n;
    do
        n = ::write(probe.fd(), "\n", 1);
    while (n < 0 && errno == EINTR);
    if (n != 1)
        throw IoError(CS_TEXT("cs::Files", "%1: cannot write in %2: %3")
                          .arg(label)
                          .arg(folder)
                          .arg(std::strerror(errno)));
}

void checkCanWriteStream(const std::string& path) {
    checkNamesAFile(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            throw IoError(CS_TEXT("cs::Files", "%1: is a folder, not a file").arg(path));
        if (!S_ISREG(st.st_mode)) return;
        const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            throw IoError(
                CS_TEXT("cs::Files", "%1: cannot write: %2").arg(path).arg(std::strerror(errno)));
        ::close(fd);
        return;
    }
    checkCanCreateFilesIn(folderOf(followLinks(path)), path);
}

bool sameFile(const std::string& a, const std::string& b) {
    auto normal = [](const std::string& path) {
        std::string p = path;
        try {
            p = followLinks(path);
        } catch (const IoError&) {
        }
        std::error_code ec;
        const fs::path absolute = fs::absolute(p, ec);
        const fs::path canonical = fs::weakly_canonical(absolute, ec);
        return ec ? absolute.lexically_normal() : canonical;
    };
    if (normal(a) == normal(b)) return true;
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

} // namespace cs
