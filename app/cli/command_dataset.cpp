// `convstudio-cli dataset show DIR`: the data set summary (images per class
// and split, size, channels, balance, skipped files) and, with --out, the
// course's "first 9 images" figure as a labelled grid.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/output_checks.h"

#include "engine/data/dataset_summary.h"
#include "engine/data/image_grid.h"

#include <cstdio>

namespace cli {

namespace {

CommandSpec datasetSpec() {
    CommandSpec spec{
        "dataset",
        "dataset show DIR [--out grid.png] [--count N] [options]",
        "Shows what a data set folder holds: its kind (IDX, CIFAR-10 binary, image folders),\n"
        "images per class and split, image size and channels, class balance, and files that\n"
        "are not readable images. With --out, writes the first N images of a split as a\n"
        "labelled grid (the course's \"first 9 images\" figure). Image folders are only\n"
        "listed; just the shown images are decoded (classes taken in turn).\n"
        "  convstudio-cli dataset show ../shared/datasets/cifar-10-batches-bin --out first9.png",
        {
            {"--out", "FILE", "write the grid picture (.png, .jpg ...)"},
            {"--count", "N", "images in the grid (default 9)"},
            {"--columns", "N", "grid columns (default: 3 for 9 images, else up to 8)"},
            {"--split", "NAME", "train (default), validation or test"},
        }};
    addOptions(spec.options, imageFolderOptionSpecs("150x150, the course's size"));
    return spec;
}

} // namespace

int runDataset(const Args& args) {
    const CommandSpec spec = datasetSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested() || args.empty()) {
        std::printf("%s", spec.helpText().c_str());
        return args.empty() ? 2 : 0;
    }
    const auto& pos = a.positional();
    if (pos.empty() || pos[0] != "show") throw UsageError("expected 'dataset show DIR'");
    if (pos.size() != 2) throw UsageError("dataset show needs exactly one data set folder");
    checkOutputFile(a, "--out");
    const int count = a.getInt("--count", 9, 1, 1000);
    const cs::ImageFolderOptions folder = imageFolderOptions(a, 150, 150, 3);
    const cs::DatasetSample sample =
        cs::sampleDataset(pos[1], folder, a.get("--split", "train"), a.has("--out") ? count : 0);
    std::printf("%s", sample.summary.text().c_str());
    if (a.has("--out")) {
        cs::GridStyle style;
        const int n = sample.images.count();
        style.columns = a.getInt("--columns", n == 9 ? 3 : std::min(n, 8), 1, 100);
        const std::string out = a.get("--out");
        const cv::Mat grid =
            cs::drawImageGrid(cs::gridCells(sample.images, n, sample.summary.classNames), style);
        cs::writeImageFile(out, grid);
        std::printf("\nwrote %s: the first %d %s images, %dx%d pixels\n", out.c_str(), n,
                    a.get("--split", "train").c_str(), grid.cols, grid.rows);
    }
    return 0;
}

} // namespace cli
