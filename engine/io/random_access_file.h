// Reading parts of a file by offset, without reading the rest: a reader can
// check what a header claims against the file's real size before it reads
// (or allocates for) the body. Used by the safetensors loader and the image
// header probe.
//
//   RandomAccessFile file(path);          // IoError naming the path
//   uint8_t head[8];
//   file.readExactly(0, head, 8);         // FormatError when the file is shorter
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cs {

class RandomAccessFile {
public:
    // Opens a regular file for reading; IoError naming it when that fails
    // (missing, a folder, no permission).
    explicit RandomAccessFile(const std::string& path);
    ~RandomAccessFile();
    RandomAccessFile(const RandomAccessFile&) = delete;
    RandomAccessFile& operator=(const RandomAccessFile&) = delete;

    const std::string& path() const { return path_; }
    uint64_t size() const { return size_; }
    // Reads up to n bytes at offset; fewer only at the end of the file.
    // IoError naming the file when the system refuses.
    size_t readAt(uint64_t offset, void* into, size_t n) const;
    // Exactly n bytes at offset, or FormatError("<path>: truncated: ...").
    void readExactly(uint64_t offset, void* into, size_t n) const;

private:
    std::string path_;
    int fd_ = -1;
    uint64_t size_ = 0;
};

} // namespace cs
