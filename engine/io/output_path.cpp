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
        if (hops == kMaxLinks) throw IoError(path + ": too many levels of symbolic links");
        std::error_code ec;
        fs::path next = fs::read_symlink(p, ec);
        if (ec) throw IoError(path + ": cannot read the link " + p + ": " + ec.message());
        if (next.is_relative()) next = fs::path(p).parent_path() / next;
        p = next.string();
    }
}

const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a fifo";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "something other than a file";
}

void checkNamesAFile(const std::string& path) {
    if (path.empty()) throw IoError("an empty file name was given for an output");
    if (path.back() == '/') throw IoError(path + ": names a folder, not a file");
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
        throw IoError(path + ": cannot save here: " +
                      (target == path ? "it is " : "it links to " + target + ", ") +
                      kindOf(st.st_mode) + ", not a regular file");
    return target;
}

void checkCanCreateFilesIn(const std::string& folder, const std::string& label) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0) {
        if (errno == ENOENT)
            throw IoError(label + ": cannot write there: the folder " + folder + " does not exist");
        throw IoError(label + ": cannot write there: the folder " + folder + ": " +
                      std::strerror(errno));
    }
    if (!S_ISDIR(st.st_mode))
        throw IoError(label + ": cannot write there: " + folder + " is not a folder");
    TempFile probe((fs::path(folder) / "write-check").string(), label);
    ssize_t n;
    do
        n = ::write(probe.fd(), "\n", 1);
    while (n < 0 && errno == EINTR);
    if (n != 1) throw IoError(label + ": cannot write in " + folder + ": " + std::strerror(errno));
}

void checkCanWriteStream(const std::string& path) {
    checkNamesAFile(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) throw IoError(path + ": is a folder, not a file");
        if (!S_ISREG(st.st_mode)) return;
        const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) throw IoError(path + ": cannot write: " + std::strerror(errno));
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
