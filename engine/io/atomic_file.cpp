#include "engine/io/atomic_file.h"

#include "engine/core/errors.h"
#include "engine/io/output_path.h"
#include "engine/io/temp_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

namespace {
// "path: cannot write: No space left on device"; `what` is marked with CS_NOOP.
UserText systemError(const std::string& path, const char* what) {
    return CS_TEXT("cs::Files", "%1: %2: %3")
        .arg(path)
        .termArg("cs::Files", what)
        .arg(std::strerror(errno));
}
} // namespace

void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces) {
    const std::string target = resolveSaveTarget(path);
    const std::string dir = folderOf(target);
    removeStaleTempFiles(dir);
    struct stat old {};
    const mode_t mode = ::stat(target.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
    TempFile tmp(target, path); // removed again by its destructor on any error below
    const int fd = tmp.fd();
    for (std::string_view piece : pieces) {
        const char* p = piece.data();
        size_t left = piece.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                throw IoError(systemError(path, CS_NOOP("cs::Files", "cannot write")));
            }
            p += n;
            left -= size_t(n);
        }
    }
    if (::fchmod(fd, mode) != 0)
        throw IoError(systemError(path, CS_NOOP("cs::Files", "cannot set permissions")));
    if (::fsync(fd) != 0)
        throw IoError(systemError(path, CS_NOOP("cs::Files", "cannot flush to disk")));
    tmp.renameOver(target);
    // Make the rename itself durable.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void checkCanWriteAtomically(const std::string& path) {
    checkCanCreateFilesIn(folderOf(resolveSaveTarget(path)), path);
}

std::string readWholeFile(const std::string& path, size_t maxBytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw IoError(systemError(path, CS_NOOP("cs::Files", "cannot open")));
    struct stat st {};
    if (::fstat(::fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        std::fclose(f);
        throw IoError(CS_TEXT("cs::Files", "%1: not a regular file").arg(path));
    }
    if (size_t(st.st_size) > maxBytes) {
        std::fclose(f);
        throw IoError(CS_TEXT("cs::Files", "%1: file is %2 bytes, more than the %3 allowed")
                          .arg(path)
                          .arg(std::to_string(st.st_size))
                          .arg(std::to_string(maxBytes)));
    }
    std::string data(size_t(st.st_size), '\0');
    const size_t got = std::fread(data.data(), 1, data.size(), f);
    std::fclose(f);
    if (got != data.size()) throw IoError(CS_TEXT("cs::Files", "%1: read failed").arg(path));
    return data;
}

} // namespace cs
