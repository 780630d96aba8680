#include "io/atomic_file.h"

#include "core/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

namespace {
std::string systemError(const std::string& path, const char* what) {
    return path + ": " + what + ": " + std::strerror(errno);
}
} // namespace

void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "." + string.
    std::string hidden(1, '.');
    hidden.append(target.filename().string()).append(".tmp-XXXXXX");
    std::string tmpl = (dir / hidden).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw IoError(systemError(path, "cannot create a temporary file next to it"));
    auto fail = [&](const char* what) {
        std::string msg = systemError(path, what);
        ::close(fd);
        ::unlink(tmpl.c_str());
        throw IoError(msg);
    };
    for (std::string_view piece : pieces) {
        const char* p = piece.data();
        size_t left = piece.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                fail("cannot write");
            }
            p += n;
            left -= size_t(n);
        }
    }
    if (::fchmod(fd, 0644) != 0) fail("cannot set permissions");
    if (::fsync(fd) != 0) fail("cannot flush to disk");
    if (::close(fd) != 0) {
        std::string msg = systemError(path, "cannot close");
        ::unlink(tmpl.c_str());
        throw IoError(msg);
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string msg = systemError(path, "cannot replace");
        ::unlink(tmpl.c_str());
        throw IoError(msg);
    }
    // Make the rename itself durable.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

std::string readWholeFile(const std::string& path, size_t maxBytes) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw IoError(systemError(path, "cannot open"));
    struct stat st {};
    if (::fstat(::fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        std::fclose(f);
        throw IoError(path + ": not a regular file");
    }
    if (size_t(st.st_size) > maxBytes) {
        std::fclose(f);
        throw IoError(path + ": file is " + std::to_string(st.st_size) + " bytes, more than the " +
                      std::to_string(maxBytes) + " allowed");
    }
    std::string data(size_t(st.st_size), '\0');
    const size_t got = std::fread(data.data(), 1, data.size(), f);
    std::fclose(f);
    if (got != data.size()) throw IoError(path + ": read failed");
    return data;
}

} // namespace cs
