// Fuzz harness: IDX data sets (MNIST, Fashion-MNIST). The input is a folder of
// up to five files separated by kSectionMarker, in this order:
//   train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
//   t10k-labels-idx1-ubyte, classes.txt
// (a missing section is a missing file; any file may be gzip-compressed, the
// reader tells by content). loadIdxDataset() reads the folder as `train --data`
// and `dataset show` do.
#include "fuzz/fuzz_support.h"

#include "engine/data/idx_reader.h"

#include <array>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::array<const char*, 5> kFiles = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte", "classes.txt"};
    // "fashion" in the path selects the Fashion-MNIST class names when there is no classes.txt.
    const std::string folder = fuzz::freshFolder("fashion-mnist");
    const std::vector<fuzz::Bytes> sections = fuzz::splitSections(fuzz::asBytes(data, size));
    for (size_t i = 0; i < sections.size() && i < kFiles.size(); ++i)
        fuzz::writeFile(folder + "/" + kFiles[i], sections[i]);
    fuzz::expectTypedErrors([&] { cs::loadIdxDataset(folder); });
    return 0;
}
