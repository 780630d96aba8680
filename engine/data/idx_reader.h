// Reader for IDX files, the format of MNIST and Fashion-MNIST.
//
// readIdxFile() reads one file (raw or .gz) into a byte array with its dims;
// loadIdxDataset() turns a folder with the four usual files (train/t10k images
// and labels) into a Dataset with class names. Every size in a header is
// checked against the file before anything is allocated, and each error names
// the file and the problem.
#pragma once

#include "data/image_set.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct IdxArray {
    std::vector<int> dims;     // e.g. {60000, 28, 28} for images, {60000} for labels
    std::vector<uint8_t> data; // product(dims) bytes, row-major
};

// Reads an IDX file of unsigned bytes (type 0x08) whose rank must be expectedRank
// (3 for images, 1 for labels). Throws IoError if it cannot be read and
// FormatError for a bad header, a wrong type or rank, or a size mismatch.
IdxArray readIdxFile(const std::string& path, int expectedRank);

// True when the folder holds the four IDX files of a data set (see loadIdxDataset).
bool isIdxFolder(const std::string& folder);

// Loads train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
// and t10k-labels-idx1-ubyte from the folder, each optionally .gz and also
// accepted with a dot (train-images.idx3-ubyte). Class names come from
// classes.txt (one a line) if present, else from the folder name (Fashion-MNIST
// names, or digits). Throws DataError for a missing folder or file and for
// inconsistent counts, plus the errors of readIdxFile().
Dataset loadIdxDataset(const std::string& folder);

} // namespace cs
