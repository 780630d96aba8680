#include "engine/io/gzip_reader.h"

#include "engine/core/errors.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>
#include <system_error>

namespace cs {
namespace {

constexpr size_t kInputChunk = size_t(256) * 1024;
constexpr size_t kMinOutput = size_t(64) * 1024;
// Deflate cannot compress better than about 1032:1, so a size claim beyond that
// is a lie (or a bomb) and must not drive the first allocation.
constexpr uint64_t kMaxDeflateRatio = 1032;

std::string osError(int err) {
    return std::generic_category().message(err);
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// A stdio file that reports failures as IoError naming the path.
class InputFile {
public:
    explicit InputFile(const std::string& path)
        : path_(path), file_(std::fopen(path.c_str(), "rb")) {
        if (!file_)
            throw IoError(CS_TEXT("cs::Files", "cannot open: %1").arg(osError(errno)).about(path));
        std::error_code ec;
        auto size = std::filesystem::file_size(path, ec);
        if (!ec) size_ = size;
    }

    const std::string& path() const { return path_; }
    // Unknown for pipes and other unsized files.
    std::optional<uint64_t> size() const { return size_; }

    // Reads up to n bytes; fewer only at the end of the file.
    size_t read(uint8_t* dst, size_t n) {
        errno = 0;
        size_t got = std::fread(dst, 1, n, file_.get());
        if (got < n && std::ferror(file_.get()))
            throw IoError(CS_TEXT("cs::Files", "cannot read: %1")
                              .arg(osError(errno ? errno : EIO))
                              .about(path_));
        return got;
    }

    // The gzip trailer's ISIZE (content size mod 2^32), read without disturbing
    // the position `resumeAt`. Only a hint: it may be wrong or absent.
    std::optional<uint32_t> gzipSizeHint(size_t resumeAt) {
        if (!size_ || *size_ < 18) return std::nullopt;
        uint8_t b[4];
        std::optional<uint32_t> hint;
        if (std::fseek(file_.get(), -4, SEEK_END) == 0 && std::fread(b, 1, 4, file_.get()) == 4)
            hint =
                uint32_t(b[0]) | uint32_t(b[1]) << 8 | uint32_t(b[2]) << 16 | uint32_t(b[3]) << 24;
        if (std::fseek(file_.get(), long(resumeAt), SEEK_SET) != 0)
            throw IoError(CS_TEXT("cs::Files", "cannot read: %1")
                              .arg(osError(errno ? errno : EIO))
                              .about(path_));
        return hint;
    }

private:
    std::string path_;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::optional<uint64_t> size_;
};

struct Content {
    std::vector<uint8_t> bytes;
    bool compressed = false;
    bool exceedsLimit = false; // there was more than `limit` bytes; bytes holds the first `limit`
};

size_t grownSize(size_t current, size_t cap) {
    size_t doubled = current > SIZE_MAX / 2 ? SIZE_MAX : current * 2;
    return std::min(std::max(doubled, kMinOutput), cap);
}

// Copies an uncompressed file whose first `inLen` bytes are already in `in`.
Content readRaw(InputFile& file, const std::vector<uint8_t>& in, size_t inLen, size_t want) {
    Content content;
    auto& out = content.bytes;
    // One byte past the known size, so that the end is seen without a regrowth.
    size_t initial = file.size() ? size_t(std::min<uint64_t>(*file.size() + 1, want)) : kMinOutput;
    size_t filled = std::min(inLen, want);
    out.resize(std::max(std::min(initial, want), filled));
    std::copy_n(in.begin(), filled, out.begin());
    if (inLen < in.size()) { // the first read already hit the end of the file
        out.resize(filled);
        return content;
    }
    while (filled < want) {
        if (filled == out.size()) out.resize(grownSize(out.size(), want));
        size_t got = file.read(out.data() + filled, out.size() - filled);
        if (got == 0) break;
        filled += got;
    }
    out.resize(filled);
    return content;
}

// Inflates a gzip file (one or more members) whose first `inLen` bytes are in `in`,
// stopping once `want` bytes are out.
Content readGzip(InputFile& file, std::vector<uint8_t>& in, size_t inLen, size_t want) {
    const std::string& path = file.path();
    Content content;
    content.compressed = true;

    size_t initial = kMinOutput;
    if (auto hint = file.gzipSizeHint(inLen))
        initial = size_t(std::min<uint64_t>(uint64_t(*hint) + 1, *file.size() * kMaxDeflateRatio));
    else if (file.size())
        initial = size_t(std::min<uint64_t>(*file.size() * 4, SIZE_MAX));
    auto& out = content.bytes;
    out.resize(std::max<size_t>(std::min(initial, want), 1));

    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
    struct InflateEnd {
        z_stream* zs;
        ~InflateEnd() { inflateEnd(zs); }
    } endInflate{&zs};

    bool eof = inLen < in.size();
    zs.next_in = in.data();
    zs.avail_in = uInt(inLen);
    auto refill = [&] {
        size_t got = file.read(in.data(), in.size());
        zs.next_in = in.data();
        zs.avail_in = uInt(got);
        eof = got < in.size();
    };
    // After a member ends: another member may follow (as `cat a.gz b.gz` makes);
    // zero padding is tolerated, as gzip(1) does; anything else is an error.
    auto anotherMemberFollows = [&] {
        for (;;) {
            if (zs.avail_in == 0) {
                if (eof) return false;
                refill();
                continue;
            }
            if (*zs.next_in == 0x1f) return true;
            if (*zs.next_in != 0)
                throw FormatError(
                    CS_TEXT("cs::Datasets", "unexpected data after the end of the gzip stream")
                        .about(path));
            ++zs.next_in;
            --zs.avail_in;
        }
    };

    size_t filled = 0;
    for (;;) {
        if (zs.avail_in == 0 && !eof) refill();
        if (filled == out.size()) {
            if (filled == want) break;
            out.resize(grownSize(out.size(), want));
        }
        size_t space = std::min<size_t>(out.size() - filled, UINT_MAX);
        zs.next_out = out.data() + filled;
        zs.avail_out = uInt(space);
        int rc = inflate(&zs, Z_NO_FLUSH);
        filled += space - zs.avail_out;
        if (rc == Z_OK) continue;
        if (rc == Z_STREAM_END) {
            if (!anotherMemberFollows()) break;
            inflateReset(&zs);
            continue;
        }
        if (rc == Z_MEM_ERROR) throw std::bad_alloc();
        // With output space left and all input given, no progress means the stream
        // stopped before its end.
        if (rc == Z_BUF_ERROR && eof && zs.avail_in == 0)
            throw FormatError(CS_TEXT("cs::Datasets", "truncated gzip data").about(path));
        if (rc == Z_BUF_ERROR) continue;
        throw FormatError(
            CS_TEXT("cs::Datasets", "corrupt gzip data (%1)")
                .arg(zs.msg ? std::string(zs.msg) : "zlib error " + std::to_string(rc))
                .about(path));
    }
    out.resize(filled);
    return content;
}

// Reads at most limit bytes of content; exceedsLimit tells whether there was more.
Content readContent(const std::string& path, size_t limit, bool keepHead) {
    InputFile file(path);
    // One byte past the limit tells "there is more".
    const size_t want = limit == SIZE_MAX ? limit : limit + 1;
    std::vector<uint8_t> in(kInputChunk);
    size_t inLen = file.read(in.data(), in.size());
    const bool gzip = inLen >= 2 && in[0] == 0x1f && in[1] == 0x8b;
    if (!gzip && !keepHead && file.size() && *file.size() > limit) {
        Content tooBig; // no need to read what will be refused
        tooBig.exceedsLimit = true;
        return tooBig;
    }
    Content content = gzip ? readGzip(file, in, inLen, want) : readRaw(file, in, inLen, want);
    if (content.bytes.size() > limit) {
        content.bytes.resize(limit);
        content.exceedsLimit = true;
    }
    return content;
}

} // namespace

std::vector<uint8_t> readFileMaybeGzip(const std::string& path, size_t maxBytes) {
    Content content = readContent(path, maxBytes, false);
    if (content.exceedsLimit)
        throw FormatError((content.compressed
                               ? CS_TEXT("cs::Datasets",
                                         "more than %1 bytes once decompressed, too large to read")
                               : CS_TEXT("cs::Datasets", "more than %1 bytes, too large to read"))
                              .arg(std::to_string(maxBytes))
                              .about(path));
    return std::move(content.bytes);
}

std::vector<uint8_t> readFileHeadMaybeGzip(const std::string& path, size_t count) {
    return std::move(readContent(path, count, true).bytes);
}

} // namespace cs
