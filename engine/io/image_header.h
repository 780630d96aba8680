// The size an image file claims in its header, read without decoding it.
//
// A decoder allocates width x height pixels as soon as it has read the
// header, so a 2 kB JPEG that claims 30000x30000 pixels costs gigabytes
// before a single pixel is checked. The engine reads the header first
// (image_codec.cpp), compares the size with the pixel limit
// (core/resource_limits.h), and only then hands the file to OpenCV.
//
// Covers every format OpenCV 4.6's imread() accepts: PNG, JPEG, BMP, WebP,
// TIFF (and BigTIFF), PBM/PGM/PPM, PAM, PFM, Sun raster, Radiance HDR,
// OpenEXR and JPEG 2000 (JP2 and raw codestream). A DICOM file (which OpenCV
// also reads) is recognised but reported as having no checkable size.
#pragma once

#include "engine/core/user_text.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace cs {

class RandomAccessFile;

struct ImageHeaderInfo {
    enum class Status {
        Sized,         // format and size read from the header
        NotRecognised, // no image signature this reader (or OpenCV) knows
        NoSize,        // an image signature, but no size could be read: see `problem`
    };
    Status status = Status::NotRecognised;
    std::string format; // "PNG", "JPEG", ... (empty when not recognised)
    uint64_t width = 0, height = 0;
    UserText problem; // NoSize: "no frame header before the image data", ...
    // Uncompressed formats (Netpbm, PFM): the fewest bytes a file of that size
    // holds, by its header (0: not known). A decoder allocates the image before
    // it finds the data missing, so a 107-byte PFM claiming 30000x3000 pixels
    // would cost 1 GB: such a file is refused as truncated instead.
    uint64_t minimumFileBytes = 0;

    uint64_t pixels() const { return width * height; } // each side < 2^32: no overflow
};

// Reads only the header bytes, by offset (a JPEG's frame header may follow
// large metadata segments; they are skipped, not read).
ImageHeaderInfo probeImageHeader(const RandomAccessFile& file);
ImageHeaderInfo probeImageHeader(const uint8_t* data, size_t size);

} // namespace cs
