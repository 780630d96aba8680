#include "engine/io/random_access_file.h"

#include "engine/core/errors.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

RandomAccessFile::RandomAccessFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0)
        throw IoError(CS_TEXT("cs::Files", "cannot open: %1").arg(std::strerror(errno)).about(path));
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int err = errno;
        ::close(fd_);
        throw IoError(CS_TEXT("cs::Files", "cannot read: %1").arg(std::strerror(err)).about(path));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd_);
        throw IoError(CS_TEXT("cs::Files", "not a regular file").about(path));
    }
    size_ = uint64_t(st.st_size);
}

RandomAccessFile::~RandomAccessFile() {
    if (fd_ >= 0) ::close(fd_);
}

size_t RandomAccessFile::readAt(uint64_t offset, void* into, size_t n) const {
    size_t done = 0;
    auto* out = static_cast<char*>(into);
    while (done < n) {
        const ssize_t got = ::pread(fd_, out + done, n - done, off_t(offset + done));
        if (got < 0) {
            if (errno == EINTR) continue;
            throw IoError(
                CS_TEXT("cs::Files", "cannot read: %1").arg(std::strerror(errno)).about(path_));
        }
        if (got == 0) break; // end of file
        done += size_t(got);
    }
    return done;
}

void RandomAccessFile::readExactly(uint64_t offset, void* into, size_t n) const {
    const size_t got = readAt(offset, into, n);
    if (got != n)
        throw FormatError(CS_TEXT("cs::Files", "truncated: %1 bytes wanted at offset %2, the file "
                                               "has %3 bytes")
                              .arg(std::to_string(n))
                              .arg(std::to_string(offset))
                              .arg(std::to_string(size_))
                              .about(path_));
}

} // namespace cs
