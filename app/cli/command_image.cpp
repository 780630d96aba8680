// `convstudio-cli image IN [--grey] [--crop ...] [--resize ...] [--rotate ...] --out OUT`:
// the course's "Manejo de imágenes con Python" lesson (Pillow's open, convert,
// crop, resize, rotate, save) as one command. Operations run in a fixed order
// (grey, crop, resize, rotate) and each step prints the size it gives.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/output_checks.h"

#include "engine/tools/image_tools.h"

#include <cstdio>

namespace cli {

int runImage(const Args& args) {
    const CommandSpec spec{
        "image",
        "image IN [--grey] [--crop L,T,R,B] [--resize WxH] [--rotate DEG [--expand]] [--out OUT]",
        "Loads an image (any format OpenCV reads), prints its size and channels, applies the\n"
        "operations given, in this order: grey, crop, resize, rotate; then saves it (format by\n"
        "extension). Numbers follow Pillow, as in the lesson:\n"
        "  --crop 50,50,200,200   Image.crop((50, 50, 200, 200)): left, top, right, bottom\n"
        "  --resize 100x100       Image.resize((100, 100)): WIDTH x HEIGHT\n"
        "  --rotate 45            Image.rotate(45): counter-clockwise, same size, black corners",
        {
            {"--grey", "", "convert to grey (Pillow's convert(\"L\"))"},
            {"--crop", "L,T,R,B",
             "keep the box from (left, top) to (right, bottom), right/bottom excluded"},
            {"--resize", "WxH", "resize to WIDTH x HEIGHT pixels"},
            {"--rotate", "DEG", "rotate counter-clockwise about the centre"},
            {"--expand", "", "with --rotate: grow the canvas so no corner is cut"},
            {"--out", "FILE", "save the result (.png, .jpg, .bmp, .tif ...)"},
        }};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("image needs exactly one input file");
    checkOutputFile(a, "--out");
    const std::string path = a.positional()[0];
    cv::Mat image = cs::loadImage(path);
    std::printf("%s: %s\n", path.c_str(), cs::describeImage(image).c_str());
    if (a.has("--grey")) {
        image = cs::toGrey(image);
        std::printf("grey:   %s\n", cs::describeImage(image).c_str());
    }
    if (a.has("--crop")) {
        const std::vector<double> box = parseNumbers(a.get("--crop"), "--crop");
        if (box.size() != 4) throw UsageError("--crop takes four numbers: left,top,right,bottom");
        image = cs::cropImage(image, int(box[0]), int(box[1]), int(box[2]), int(box[3]));
        std::printf("crop:   %s\n", cs::describeImage(image).c_str());
    }
    if (a.has("--resize")) {
        // parseSize reads its first number as the height; Pillow's order is width first.
        const auto [width, height] = parseSize(a.get("--resize"), "--resize");
        image = cs::resizeImage(image, width, height);
        std::printf("resize: %s\n", cs::describeImage(image).c_str());
    }
    if (a.has("--rotate")) {
        image = cs::rotateImage(image, toDouble(a.get("--rotate"), "--rotate"), a.has("--expand"));
        std::printf("rotate: %s\n", cs::describeImage(image).c_str());
    } else if (a.has("--expand")) {
        throw UsageError("--expand goes with --rotate");
    }
    if (a.has("--out")) {
        cs::saveImage(a.get("--out"), image);
        std::printf("wrote %s\n", a.get("--out").c_str());
    }
    return 0;
}

} // namespace cli
