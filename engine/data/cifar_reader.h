// Reader for the binary version of CIFAR-10 (Krizhevsky 2009).
//
// A folder holds data_batch_*.bin (any number: the official set has five, a
// partial copy fewer), test_batch.bin and batches.meta.txt (class names, one a
// line). Each record is 1 label byte followed by 3072 pixel bytes: the red
// plane, then green, then blue, each 32x32 row-major. The reader turns records
// into HWC RGB images (the engine's layout) while reading, a few hundred
// records at a time, so peak memory is the data set plus a small buffer.
#pragma once

#include "engine/data/image_set.h"

#include <string>
#include <vector>

namespace cs {

inline constexpr int kCifarSide = 32;
inline constexpr int kCifarRecordBytes = 1 + 3 * kCifarSide * kCifarSide; // 3073

// True when the folder holds test_batch.bin or a data_batch_*.bin.
bool isCifarFolder(const std::string& folder);

// The data_batch_*.bin files of the folder, in numeric order (1, 2, ..., 10).
std::vector<std::string> cifarTrainingBatches(const std::string& folder);

// Appends every record of one batch file to `out` (32x32x3). Throws IoError if
// it cannot be read, FormatError when its size is not a multiple of 3073 bytes
// (or it is empty) and when a label is not below classCount; each error names
// the file (and the record).
void readCifarBatch(const std::string& path, int classCount, ImageSet& out);

// The whole folder: train = every data batch in order, test = test_batch.bin.
// Class names come from batches.meta.txt when present (else CIFAR-10's own).
// Throws DataError naming the folder when a batch file is missing.
Dataset loadCifarDataset(const std::string& folder);

} // namespace cs
