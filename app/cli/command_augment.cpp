// `convstudio-cli augment preview DIR --out preview.png [options]`: the
// course's random_transform preview. Each row is one source image followed by
// N random transforms of it, each labelled with the parameters drawn (r =
// rotation, t = shift in pixels, s = shear, z = zoom x,y, b = brightness), so a
// person sees what the augmentation options do before training with them.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/data/augmentation.h"
#include "engine/data/augmentation_preview.h"
#include "engine/data/dataset_summary.h"
#include "engine/data/image_grid.h"

#include <cstdio>

namespace cli {

namespace {

CommandSpec augmentSpec() {
    CommandSpec spec{
        "augment",
        "augment preview DIR --out preview.png [options]",
        "Writes a grid: each row one source image from the data set, then N random\n"
        "transforms of it with the augmentation options (ImageDataGenerator's names),\n"
        "as the course previews `datagen.random_transform`. The same --seed gives the\n"
        "same picture. The course's cats-vs-dogs augmentation:\n"
        "  convstudio-cli augment preview ../shared/datasets/cats_and_dogs_filtered --out aug.png "
        "\\\n"
        "    --rotation-range 20 --width-shift-range 0.2 --height-shift-range 0.2 \\\n"
        "    --shear-range 0.2 --zoom-range 0.2 --horizontal-flip",
        {
            {"--out", "FILE", "the picture to write (.png, .jpg ...)"},
            {"--rows", "N", "source images, one per row (default 3)"},
            {"--count", "N", "random transforms per source image (default 5)"},
            {"--seed", "N", "seed of the transforms (default 42)"},
            {"--split", "NAME",
             "where the source images come from: train (default), validation, test"},
        }};
    addOptions(spec.options, augmentationOptionSpecs());
    addOptions(spec.options, imageFolderOptionSpecs("150x150, the course's size"));
    return spec;
}

} // namespace

int runAugment(const Args& args) {
    const CommandSpec spec = augmentSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested() || args.empty()) {
        std::printf("%s", spec.helpText().c_str());
        return args.empty() ? 2 : 0;
    }
    const auto& pos = a.positional();
    if (pos.empty() || pos[0] != "preview")
        throw UsageError("expected 'augment preview DIR --out FILE'");
    if (pos.size() != 2) throw UsageError("augment preview needs exactly one data set folder");
    if (!a.has("--out")) throw UsageError("augment preview needs --out FILE for the picture");
    checkOutputFile(a, "--out");
    const int rows = a.getInt("--rows", 3, 1, 100);
    const int count = a.getInt("--count", 5, 1, 50);
    const uint64_t seed = uint64_t(a.getInt("--seed", 42, 0, 2147483647));
    const cs::AugmentationOptions options = augmentationOptions(a);
    const cs::DatasetSample sample = cs::sampleDataset(pos[1], imageFolderOptions(a, 150, 150, 3),
                                                       a.get("--split", "train"), rows);
    if (sample.images.count() == 0) throw cs::DataError(pos[1] + ": no readable images to preview");
    const cs::AugmentationPreview preview =
        cs::makeAugmentationPreview(sample.images, options, count, seed);
    const cv::Mat grid = cs::drawAugmentationPreview(preview, sample.summary.classNames);
    cs::writeImageFile(a.get("--out"), grid);
    std::printf("augmentation: %s\n", options.describe().c_str());
    if (!options.enabled())
        std::printf("(no augmentation option given: the transforms are copies)\n");
    std::printf("wrote %s: %d source image(s) from %s, %d random transforms each, %dx%d pixels\n",
                a.get("--out").c_str(), sample.images.count(), sample.summary.name.c_str(), count,
                grid.cols, grid.rows);
    return 0;
}

} // namespace cli
