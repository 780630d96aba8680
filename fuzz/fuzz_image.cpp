// Fuzz harness: image files (PNG, JPEG, BMP, TIFF, WebP, PNM ... whatever
// OpenCV's imgcodecs decodes). The bytes are one file, read the two ways the
// engine reads images:
//  - an image folder (training, `dataset`): canDecodeImageFile() while listing,
//    then decodeImageFile() into a 24x24 RGB target, which reports failures
//    as false plus a reason and must never throw;
//  - new images for a model (`predict`, `gradcam`, the Classify page):
//    appendImageFile() into a 20x20 grey image, which throws DataError.
// OpenCV and its codec libraries are not instrumented: coverage guides the
// fuzzer through our code only, and a memory error inside a codec shows up as
// a crash, not as an ASan report.
#include "fuzz/fuzz_support.h"

#include "engine/data/image_folder_dataset.h"
#include "engine/data/image_input.h"
#include "engine/io/image_codec.h"

#include <opencv2/core/utility.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // One thread in OpenCV's resize and colour conversion: runs stay reproducible.
    static const bool singleThreaded = (cv::setNumThreads(1), true);
    static const std::string path = fuzz::freshFolder("image") + "/image";
    (void)singleThreaded;
    fuzz::writeFile(path, fuzz::asBytes(data, size));

    cs::ImageFolderOptions options;
    options.height = options.width = 24;
    std::vector<uint8_t> pixels(size_t(options.height * options.width * options.channels()));
    cs::UserText why;
    // Not inside expectTypedErrors: these throw only when the codec module is
    // missing, and then the harness must stop rather than test nothing.
    if (cs::canDecodeImageFile(path)) cs::decodeImageFile(path, options, pixels.data(), &why);
    fuzz::expectTypedErrors([&] {
        cs::ImageSet set;
        cs::appendImageFile(path, 20, 20, 1, set);
    });
    return 0;
}
