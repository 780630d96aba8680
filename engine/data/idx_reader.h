// Reader for IDX files, the format of MNIST and Fashion-MNIST.
//
// readIdxFile() reads one file (raw or .gz) into a byte array with its dims;
// loadIdxDataset() turns a folder with the four usual files (train/t10k images
// and labels) into a Dataset with class names. Every size in a header is
// checked against the file before anything is allocated, and each error names
// the file and the problem.
#pragma once

#include "engine/data/image_set.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct IdxArray {
    std::vector<int> dims;     // e.g. {60000, 28, 28} for images, {60000} for labels
    std::vector<uint8_t> data; // product(dims) bytes, row-major
};

// What an IDX file's header says (magic, type, rank, dimensions); reads (and
// decompresses) the header bytes only.
struct IdxHeader {
    std::vector<int> dims;
    uint64_t headerBytes = 0, dataBytes = 0; // data = product(dims)
    uint64_t fileBytes = 0;                  // as stored (compressed or not)
    bool compressed = false;
};
IdxHeader readIdxHeader(const std::string& path, int expectedRank);
// FormatError unless the header's promise fits the file as stored: the data
// a raw file promises must be exactly there, and a .gz cannot promise more
// than deflate's best ratio (about 1032:1) allows.
void checkIdxFits(const std::string& path, const IdxHeader& header);

// Reads an IDX file of unsigned bytes (type 0x08) whose rank must be expectedRank
// (3 for images, 1 for labels). Throws IoError if it cannot be read,
// FormatError for a bad header, a wrong type or rank, or a size mismatch, and
// ResourceError when the data is larger than the memory limit — all before
// the body is decompressed.
IdxArray readIdxFile(const std::string& path, int expectedRank);

// True when the folder holds the four IDX files of a data set (see loadIdxDataset).
bool isIdxFolder(const std::string& folder);

// Loads train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
// and t10k-labels-idx1-ubyte from the folder, each optionally .gz and also
// accepted with a dot (train-images.idx3-ubyte). Class names come from
// classes.txt (one a line) if present, else from the folder name (Fashion-MNIST
// names, or digits). Both files' headers are read and compared (counts,
// sizes against the files and the memory limit) before either body is
// decompressed. Throws DataError for a missing folder or file and for
// inconsistent counts, plus the errors of readIdxFile().
Dataset loadIdxDataset(const std::string& folder);

} // namespace cs
