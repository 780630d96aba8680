// Fuzz harness: CIFAR-10 binary folders. The input is a folder of files
// separated by kSectionMarker, in this order:
//   batches.meta.txt (left out when the section is empty), test_batch.bin,
//   data_batch_1.bin ... data_batch_4.bin
// loadCifarDataset() reads the folder as `train --data` and `dataset show` do.
#include "fuzz/fuzz_support.h"

#include "engine/data/cifar_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string folder = fuzz::freshFolder("cifar");
    const std::vector<fuzz::Bytes> sections = fuzz::splitSections(fuzz::asBytes(data, size));
    if (!sections[0].empty()) fuzz::writeFile(folder + "/batches.meta.txt", sections[0]);
    if (sections.size() > 1) fuzz::writeFile(folder + "/test_batch.bin", sections[1]);
    for (size_t i = 2; i < sections.size() && i < 6; ++i)
        fuzz::writeFile(folder + "/data_batch_" + std::to_string(i - 1) + ".bin", sections[i]);
    fuzz::expectTypedErrors([&] { cs::loadCifarDataset(folder); });
    return 0;
}
