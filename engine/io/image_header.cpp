#include "engine/io/image_header.h"

#include "engine/io/random_access_file.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <vector>

namespace cs {

namespace {

using Status = ImageHeaderInfo::Status;

// Byte access by offset over a file or a memory buffer, through a small
// window so that byte-by-byte scans (JPEG markers, text headers) stay cheap.
class Bytes {
public:
    using ReadAt = std::function<size_t(uint64_t, uint8_t*, size_t)>;
    Bytes(uint64_t size, ReadAt readAt) : size_(size), readAt_(std::move(readAt)) {}

    uint64_t size() const { return size_; }
    // The byte at `offset`, or -1 past the end.
    int at(uint64_t offset) {
        if (offset >= size_) return -1;
        if (offset < start_ || offset >= start_ + window_.size()) {
            window_.resize(size_t(std::min<uint64_t>(kWindow, size_ - offset)));
            window_.resize(readAt_(offset, window_.data(), window_.size()));
            start_ = offset;
            if (window_.empty()) return -1;
        }
        return window_[size_t(offset - start_)];
    }
    // n bytes at offset as an unsigned number; false when the data ends first.
    bool bigEndian(uint64_t offset, int n, uint64_t& out) { return number(offset, n, false, out); }
    bool littleEndian(uint64_t offset, int n, uint64_t& out) {
        return number(offset, n, true, out);
    }
    bool matches(uint64_t offset, const char* text, size_t n) {
        for (size_t i = 0; i < n; ++i)
            if (at(offset + i) != static_cast<unsigned char>(text[i])) return false;
        return true;
    }

private:
    bool number(uint64_t offset, int n, bool little, uint64_t& out) {
        out = 0;
        for (int i = 0; i < n; ++i) {
            const int b = at(offset + uint64_t(i));
            if (b < 0) return false;
            out |= uint64_t(b) << (8 * (little ? i : n - 1 - i));
        }
        return true;
    }

    static constexpr size_t kWindow = 4096;
    uint64_t size_;
    ReadAt readAt_;
    uint64_t start_ = 0;
    std::vector<uint8_t> window_;
};

ImageHeaderInfo sized(const char* format, uint64_t width, uint64_t height) {
    ImageHeaderInfo info;
    info.format = format;
    // Sides beyond 2^32 - 1 count as 2^32 - 1: still far over any limit, and
    // their product cannot overflow.
    info.width = std::min<uint64_t>(width, 0xFFFFFFFFu);
    info.height = std::min<uint64_t>(height, 0xFFFFFFFFu);
    info.status = Status::Sized;
    if (info.width == 0 || info.height == 0) {
        info.status = Status::NoSize;
        info.problem = CS_TEXT("cs::Datasets", "its header gives a size of %1x%2")
                           .arg(std::to_string(width))
                           .arg(std::to_string(height));
    }
    return info;
}

ImageHeaderInfo noSize(const char* format, UserText problem) {
    ImageHeaderInfo info;
    info.status = Status::NoSize;
    info.format = format;
    info.problem = std::move(problem);
    return info;
}

UserText truncatedHeader() {
    return CS_TEXT("cs::Datasets", "the header is truncated");
}

ImageHeaderInfo png(Bytes& b) {
    uint64_t w, h;
    if (!b.matches(12, "IHDR", 4))
        return noSize("PNG", CS_TEXT("cs::Datasets", "no IHDR chunk first (corrupt PNG)"));
    if (!b.bigEndian(16, 4, w) || !b.bigEndian(20, 4, h)) return noSize("PNG", truncatedHeader());
    return sized("PNG", w, h);
}

// Markers in order from the start, skipping segments by their length, until a
// start-of-frame (SOFn) marker gives the size — as libjpeg reads them.
ImageHeaderInfo jpeg(Bytes& b) {
    constexpr int kMaxMarkers = 1 << 16;
    constexpr uint64_t kMaxSkipped = 1 << 20;
    uint64_t pos = 2, skipped = 0;
    for (int markers = 0; markers < kMaxMarkers; ++markers) {
        // libjpeg skips stray bytes before a marker (with a warning), and fill bytes 0xFF.
        while (b.at(pos) >= 0 && b.at(pos) != 0xFF && skipped < kMaxSkipped)
            ++pos, ++skipped;
        while (b.at(pos) == 0xFF && b.at(pos + 1) == 0xFF && skipped < kMaxSkipped)
            ++pos, ++skipped;
        const int marker = b.at(pos + 1);
        if (b.at(pos) != 0xFF || marker < 0)
            return noSize("JPEG", CS_TEXT("cs::Datasets",
                                          "no frame header (SOF) before the end of the file"));
        if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) ||
            marker == 0x00) {
            pos += 2; // markers without a length
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)
            return noSize("JPEG",
                          CS_TEXT("cs::Datasets", "no frame header (SOF) before the image data"));
        uint64_t length;
        if (!b.bigEndian(pos + 2, 2, length)) return noSize("JPEG", truncatedHeader());
        if (length < 2)
            return noSize("JPEG", CS_TEXT("cs::Datasets", "a marker segment of length %1")
                                      .arg(std::to_string(length)));
        const bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            uint64_t h, w;
            if (!b.bigEndian(pos + 5, 2, h) || !b.bigEndian(pos + 7, 2, w))
                return noSize("JPEG", truncatedHeader());
            return sized("JPEG", w, h);
        }
        pos += 2 + length;
    }
    return noSize(
        "JPEG", CS_TEXT("cs::Datasets", "more than 65536 marker segments before the frame header"));
}

ImageHeaderInfo bmp(Bytes& b) {
    uint64_t headerSize;
    if (!b.littleEndian(14, 4, headerSize)) return noSize("BMP", truncatedHeader());
    uint64_t w, h;
    if (headerSize == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sides
        if (!b.littleEndian(18, 2, w) || !b.littleEndian(20, 2, h))
            return noSize("BMP", truncatedHeader());
        return sized("BMP", w, h);
    }
    if (headerSize < 16)
        return noSize(
            "BMP",
            CS_TEXT("cs::Datasets", "an info header of %1 bytes").arg(std::to_string(headerSize)));
    if (!b.littleEndian(18, 4, w) || !b.littleEndian(22, 4, h))
        return noSize("BMP", truncatedHeader());
    const int32_t sw = int32_t(uint32_t(w)), sh = int32_t(uint32_t(h));
    if (sw <= 0)
        return noSize(
            "BMP",
            CS_TEXT("cs::Datasets", "its header gives a width of %1").arg(std::to_string(sw)));
    // A negative height stores the rows top-down; the size is its magnitude.
    return sized("BMP", uint64_t(sw), sh < 0 ? uint64_t(-int64_t(sh)) : uint64_t(sh));
}

ImageHeaderInfo webp(Bytes& b) {
    uint64_t w, h;
    if (b.matches(12, "VP8 ", 4)) { // lossy: a key frame's 14-bit sides
        if (!b.matches(23, "\x9d\x01\x2a", 3))
            return noSize("WebP", CS_TEXT("cs::Datasets", "no VP8 key frame start code"));
        if (!b.littleEndian(26, 2, w) || !b.littleEndian(28, 2, h))
            return noSize("WebP", truncatedHeader());
        return sized("WebP", w & 0x3FFF, h & 0x3FFF);
    }
    if (b.matches(12, "VP8L", 4)) { // lossless: sides minus one, 14 bits each
        uint64_t bits;
        if (b.at(20) != 0x2F)
            return noSize("WebP", CS_TEXT("cs::Datasets", "no VP8L signature byte"));
        if (!b.littleEndian(21, 4, bits)) return noSize("WebP", truncatedHeader());
        return sized("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (b.matches(12, "VP8X", 4)) { // extended: canvas sides minus one, 24 bits each
        if (!b.littleEndian(24, 3, w) || !b.littleEndian(27, 3, h))
            return noSize("WebP", truncatedHeader());
        return sized("WebP", w + 1, h + 1);
    }
    return noSize("WebP", CS_TEXT("cs::Datasets", "no VP8, VP8L or VP8X chunk first"));
}

// The first image file directory's ImageWidth (256) and ImageLength (257).
ImageHeaderInfo tiff(Bytes& b, bool little, bool big) {
    auto num = [&](uint64_t offset, int n, uint64_t& out) {
        return little ? b.littleEndian(offset, n, out) : b.bigEndian(offset, n, out);
    };
    uint64_t ifd, count;
    if (!num(big ? 8 : 4, big ? 8 : 4, ifd) || !num(ifd, big ? 8 : 2, count))
        return noSize("TIFF", truncatedHeader());
    const uint64_t entrySize = big ? 20 : 12, valueAt = big ? 12 : 8;
    uint64_t w = 0, h = 0;
    const uint64_t first = ifd + (big ? 8 : 2);
    for (uint64_t i = 0; i < count && i < 4096 && (w == 0 || h == 0); ++i) {
        const uint64_t entry = first + i * entrySize;
        uint64_t tag, type, value;
        if (!num(entry, 2, tag) || !num(entry + 2, 2, type))
            return noSize("TIFF", truncatedHeader());
        if (tag != 256 && tag != 257) continue;
        const int width = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : 0; // SHORT, LONG, LONG8
        if (width == 0)
            return noSize("TIFF", CS_TEXT("cs::Datasets", "image size tag %1 of type %2")
                                      .arg(std::to_string(tag))
                                      .arg(std::to_string(type)));
        if (!num(entry + valueAt, width, value)) return noSize("TIFF", truncatedHeader());
        (tag == 256 ? w : h) = value;
    }
    if (w == 0 || h == 0)
        return noSize("TIFF", CS_TEXT("cs::Datasets",
                                      "no ImageWidth and ImageLength in its first directory"));
    return sized("TIFF", w, h);
}

// Netpbm-style text headers: whitespace-separated decimal numbers, '#' comments.
class TextTokens {
public:
    TextTokens(Bytes& b, uint64_t pos) : b_(b), pos_(pos) {}
    // The next number; false at the end, on a non-digit or past the header budget.
    bool number(uint64_t& out) {
        skipSpaceAndComments();
        out = 0;
        int digits = 0;
        while (isDigit(b_.at(pos_)) && pos_ < kMaxHeader) {
            if (digits++ < 19) out = out * 10 + uint64_t(b_.at(pos_) - '0');
            ++pos_;
        }
        return digits > 0;
    }
    // The next word (letters, digits, '_'), or "" at the end.
    std::string word() {
        skipSpaceAndComments();
        std::string w;
        for (int c = b_.at(pos_); c > ' ' && c < 127 && pos_ < kMaxHeader && w.size() < 64;
             c = b_.at(++pos_))
            w += char(c);
        return w;
    }

private:
    static bool isDigit(int c) { return c >= '0' && c <= '9'; }
    void skipSpaceAndComments() {
        for (;;) {
            const int c = b_.at(pos_);
            if (c < 0 || pos_ >= kMaxHeader) return;
            if (c == '#') {
                while (b_.at(pos_) >= 0 && b_.at(pos_) != '\n' && pos_ < kMaxHeader)
                    ++pos_;
            } else if (std::isspace(c)) {
                ++pos_;
            } else {
                return;
            }
        }
    }
    static constexpr uint64_t kMaxHeader = 1 << 16;
    Bytes& b_;
    uint64_t pos_;
};

// a * b * c, or UINT64_MAX when it does not fit.
uint64_t saturatedProduct(uint64_t a, uint64_t b, uint64_t c) {
    const unsigned __int128 p = (unsigned __int128)a * b * c;
    return p > UINT64_MAX ? UINT64_MAX : uint64_t(p);
}

ImageHeaderInfo netpbm(Bytes& b, const char* format) {
    TextTokens tokens(b, 2);
    uint64_t w, h;
    if (!tokens.number(w) || !tokens.number(h))
        return noSize(format,
                      CS_TEXT("cs::Datasets", "no width and height after the magic number"));
    ImageHeaderInfo info = sized(format, w, h);
    // The pixel data that must follow the header: PFM 4-byte floats (3 per
    // pixel for "PF", 1 for "Pf"); P4 bits; P5/P6 one or two bytes per sample
    // (maxval over 255); the text forms P1-P3 at least a character per sample.
    const int kind = b.at(1);
    uint64_t maxval = 255;
    if (kind == '2' || kind == '3' || kind == '5' || kind == '6') tokens.number(maxval);
    const uint64_t sampleBytes = maxval > 255 ? 2 : 1;
    switch (kind) {
    case 'F': info.minimumFileBytes = saturatedProduct(info.width, info.height, 12); break;
    case 'f': info.minimumFileBytes = saturatedProduct(info.width, info.height, 4); break;
    case '4': info.minimumFileBytes = saturatedProduct((info.width + 7) / 8, info.height, 1); break;
    case '5': info.minimumFileBytes = saturatedProduct(info.width, info.height, sampleBytes); break;
    case '6': info.minimumFileBytes = saturatedProduct(info.width, info.height, 3 * sampleBytes); break;
    case '1': case '2': info.minimumFileBytes = saturatedProduct(info.width, info.height, 1); break;
    case '3': info.minimumFileBytes = saturatedProduct(info.width, info.height, 3); break;
    default: break;
    }
    return info;
}

ImageHeaderInfo pam(Bytes& b) {
    TextTokens tokens(b, 2);
    uint64_t w = 0, h = 0;
    for (int i = 0; i < 64; ++i) {
        const std::string key = tokens.word();
        if (key.empty() || key == "ENDHDR") break;
        if (key == "WIDTH" && !tokens.number(w)) break;
        if (key == "HEIGHT" && !tokens.number(h)) break;
        if (w && h) return sized("PAM", w, h);
    }
    return noSize("PAM", CS_TEXT("cs::Datasets", "no WIDTH and HEIGHT before ENDHDR"));
}

// Radiance HDR: text lines up to an empty one, then "-Y 512 +X 768" (or another orientation).
ImageHeaderInfo radiance(Bytes& b) {
    uint64_t pos = 0;
    bool blank = false;
    while (!blank) {
        if (pos >= (1 << 16))
            return noSize("HDR", CS_TEXT("cs::Datasets", "no resolution line in the first 64 kB"));
        const uint64_t start = pos;
        while (b.at(pos) >= 0 && b.at(pos) != '\n')
            ++pos;
        if (b.at(pos) < 0) return noSize("HDR", truncatedHeader());
        blank = pos == start;
        ++pos;
    }
    uint64_t w = 0, h = 0;
    for (int axis = 0; axis < 2; ++axis) {
        while (b.at(pos) == ' ')
            ++pos;
        const int sign = b.at(pos), letter = b.at(pos + 1);
        if ((sign != '-' && sign != '+') || (letter != 'X' && letter != 'Y'))
            return noSize("HDR", CS_TEXT("cs::Datasets",
                                         "a resolution line that is not like '-Y 512 +X 768'"));
        TextTokens tokens(b, pos + 2);
        uint64_t n;
        if (!tokens.number(n))
            return noSize("HDR", CS_TEXT("cs::Datasets", "a resolution line without sizes"));
        (letter == 'X' ? w : h) = n;
        pos += 2;
        while (b.at(pos) == ' ')
            ++pos;
        while (b.at(pos) >= '0' && b.at(pos) <= '9')
            ++pos;
    }
    return sized("HDR", w, h);
}

// OpenEXR: attributes (name, type, size, value) until an empty name; the
// dataWindow box2i gives the pixel rectangle.
ImageHeaderInfo openExr(Bytes& b) {
    uint64_t pos = 8;
    auto readText = [&](std::string& out) {
        out.clear();
        for (int c = b.at(pos); c > 0 && out.size() < 256; c = b.at(++pos))
            out += char(c);
        if (b.at(pos) != 0) return false;
        ++pos;
        return true;
    };
    for (int i = 0; i < 4096; ++i) {
        std::string name, type;
        if (!readText(name)) return noSize("OpenEXR", truncatedHeader());
        if (name.empty()) break;
        uint64_t size;
        if (!readText(type) || !b.littleEndian(pos, 4, size))
            return noSize("OpenEXR", truncatedHeader());
        pos += 4;
        if (name == "dataWindow" && type == "box2i" && size == 16) {
            uint64_t v[4];
            for (int k = 0; k < 4; ++k)
                if (!b.littleEndian(pos + 4 * uint64_t(k), 4, v[k]))
                    return noSize("OpenEXR", truncatedHeader());
            const int64_t xMin = int32_t(uint32_t(v[0])), yMin = int32_t(uint32_t(v[1]));
            const int64_t xMax = int32_t(uint32_t(v[2])), yMax = int32_t(uint32_t(v[3]));
            if (xMax < xMin || yMax < yMin)
                return noSize("OpenEXR", CS_TEXT("cs::Datasets", "an empty dataWindow"));
            return sized("OpenEXR", uint64_t(xMax - xMin + 1), uint64_t(yMax - yMin + 1));
        }
        pos += size;
    }
    return noSize("OpenEXR", CS_TEXT("cs::Datasets", "no dataWindow attribute"));
}

// A JPEG 2000 codestream's SIZ segment: the image area is (Xsiz - XOsiz) x (Ysiz - YOsiz).
ImageHeaderInfo codestream(Bytes& b, uint64_t at, const char* format) {
    uint64_t xs, ys, xo, yo;
    if (!b.matches(at, "\xFF\x4F\xFF\x51", 4))
        return noSize(format, CS_TEXT("cs::Datasets", "no SIZ segment at the codestream's start"));
    if (!b.bigEndian(at + 8, 4, xs) || !b.bigEndian(at + 12, 4, ys) ||
        !b.bigEndian(at + 16, 4, xo) || !b.bigEndian(at + 20, 4, yo))
        return noSize(format, truncatedHeader());
    if (xs <= xo || ys <= yo)
        return noSize(format, CS_TEXT("cs::Datasets", "an empty image area in its SIZ segment"));
    return sized(format, xs - xo, ys - yo);
}

// JP2 boxes: the header box's ihdr and the codestream's SIZ; the larger area
// counts (the decoder allocates for the codestream even if ihdr says less).
ImageHeaderInfo jp2(Bytes& b) {
    ImageHeaderInfo best = noSize("JPEG 2000", CS_TEXT("cs::Datasets", "no image header box"));
    auto consider = [&](const ImageHeaderInfo& info) {
        if (info.status == Status::Sized &&
            (best.status != Status::Sized || info.pixels() > best.pixels()))
            best = info;
    };
    auto walk = [&](uint64_t pos, uint64_t end, int depth, auto& self) -> void {
        for (int boxes = 0; pos + 8 <= end && boxes < 1024; ++boxes) {
            uint64_t length, header = 8;
            if (!b.bigEndian(pos, 4, length)) return;
            if (length == 1) {
                if (!b.bigEndian(pos + 8, 8, length)) return;
                header = 16;
            } else if (length == 0) {
                length = end - pos; // to the end of the file
            }
            if (length < header || length > end - pos) return;
            if (b.matches(pos + 4, "jp2h", 4) && depth == 0)
                self(pos + header, pos + length, 1, self);
            if (b.matches(pos + 4, "ihdr", 4)) {
                uint64_t h, w;
                if (b.bigEndian(pos + header, 4, h) && b.bigEndian(pos + header + 4, 4, w))
                    consider(sized("JPEG 2000", w, h));
            }
            if (b.matches(pos + 4, "jp2c", 4)) consider(codestream(b, pos + header, "JPEG 2000"));
            pos += length;
        }
    };
    walk(12, b.size(), 0, walk);
    return best;
}

ImageHeaderInfo probe(Bytes& b) {
    ImageHeaderInfo none;
    if (b.matches(0, "\x89PNG\r\n\x1a\n", 8)) return png(b);
    if (b.matches(0, "\xFF\xD8\xFF", 3)) return jpeg(b);
    if (b.matches(0, "BM", 2)) return bmp(b);
    if (b.matches(0, "RIFF", 4) && b.matches(8, "WEBP", 4)) return webp(b);
    if (b.matches(0, "II*\0", 4)) return tiff(b, true, false);
    if (b.matches(0, "MM\0*", 4)) return tiff(b, false, false);
    if (b.matches(0, "II+\0", 4)) return tiff(b, true, true);
    if (b.matches(0, "MM\0+", 4)) return tiff(b, false, true);
    const int p1 = b.at(1), p2 = b.at(2);
    if (b.at(0) == 'P' && p2 >= 0 && std::isspace(p2)) {
        if (p1 >= '1' && p1 <= '6') return netpbm(b, "PNM");
        if (p1 == '7') return pam(b);
        if (p1 == 'F' || p1 == 'f') return netpbm(b, "PFM");
    }
    if (b.matches(0, "\x59\xA6\x6A\x95", 4)) {
        uint64_t w, h;
        if (!b.bigEndian(4, 4, w) || !b.bigEndian(8, 4, h))
            return noSize("Sun raster", truncatedHeader());
        return sized("Sun raster", w, h);
    }
    if (b.matches(0, "#?RGBE", 6) || b.matches(0, "#?RADIANCE", 10)) return radiance(b);
    if (b.matches(0, "\x76\x2f\x31\x01", 4)) return openExr(b);
    if (b.matches(0, "\x00\x00\x00\x0cjP  \r\n\x87\n", 12)) return jp2(b);
    if (b.matches(0, "\xFF\x4F\xFF\x51", 4)) return codestream(b, 0, "JPEG 2000");
    if (b.matches(128, "DICM", 4))
        return noSize(
            "DICOM",
            CS_TEXT("cs::Datasets",
                    "DICOM images are not read: their size cannot be checked before decoding"));
    return none;
}

} // namespace

ImageHeaderInfo probeImageHeader(const RandomAccessFile& file) {
    Bytes b(file.size(),
            [&](uint64_t offset, uint8_t* into, size_t n) { return file.readAt(offset, into, n); });
    return probe(b);
}

ImageHeaderInfo probeImageHeader(const uint8_t* data, size_t size) {
    Bytes b(size, [&](uint64_t offset, uint8_t* into, size_t n) {
        const size_t count = size_t(std::min<uint64_t>(n, size - offset));
        std::memcpy(into, data + offset, count);
        return count;
    });
    return probe(b);
}

} // namespace cs
