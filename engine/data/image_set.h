// ImageSet and Dataset: labelled images kept as uint8 in memory.
//
// Pixels stay uint8 (HWC per image, images back to back) until a batch is
// formed, so that a 60,000-image set costs 47 MB, not 188 MB of floats.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct ImageSet {
    int height = 0;
    int width = 0;
    int channels = 0;
    std::vector<uint8_t> pixels; // count() * height * width * channels, HWC per image
    std::vector<int32_t> labels; // one class index per image

    int count() const { return int(labels.size()); }
    int64_t imageSize() const { return int64_t(height) * width * channels; }
    const uint8_t* image(int i) const { return pixels.data() + int64_t(i) * imageSize(); }
    uint8_t* image(int i) { return pixels.data() + int64_t(i) * imageSize(); }
    // Images [begin, end) as a new set (copies).
    ImageSet slice(int begin, int end) const;
};

struct Dataset {
    std::string name;                    // "Fashion-MNIST", "MNIST", "CIFAR-10", folder name ...
    std::string source;                  // the folder it was read from
    std::vector<std::string> classNames; // index = label
    ImageSet train;
    ImageSet test;

    int classCount() const { return int(classNames.size()); }
};

} // namespace cs
