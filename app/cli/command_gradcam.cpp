// `convstudio-cli gradcam MODEL IMAGE`: where the model looked — the
// Grad-CAM heat map for a class (the predicted one unless --class says),
// written over the image (the Classify page's heat map, same engine calls).
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/model_source.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/data/image_grid.h"
#include "engine/inspect/class_scores.h"
#include "engine/inspect/grad_cam.h"
#include "engine/inspect/model_input.h"
#include "engine/tools/image_tools.h"

#include <algorithm>
#include <cstdio>

namespace cli {

namespace {
int classFromText(const std::string& text, const std::vector<std::string>& names, int classes) {
    const auto it = std::find(names.begin(), names.end(), text);
    if (it != names.end()) return int(it - names.begin());
    try {
        size_t used = 0;
        const int index = std::stoi(text, &used);
        if (used == text.size() && index >= 0 && index < classes) return index;
    } catch (const std::exception&) {
    }
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw UsageError("--class '" + text + "' is neither a class name (" + known + ") nor a number 0.." +
                     std::to_string(classes - 1));
}
} // namespace

int runGradCam(const Args& args) {
    const CommandSpec spec{
        "gradcam",
        "gradcam MODEL IMAGE [--class NAME|N] [--layer NAME] [--out FILE.png] [--alpha A]",
        "Grad-CAM: which parts of the image made the model score a class. The class's score\n"
        "is differentiated back to a convolutional layer's maps (the last Conv2D unless\n"
        "--layer); each map is weighted by its mean gradient, and the positive sum is the heat\n"
        "map, 0 (cold) to 1 (hot). Prints the top classes and the heat map's grid; --out draws\n"
        "it over the original image in jet colours.",
        {
            {"--class", "C", "the class to explain, by name or number (default: the predicted one)"},
            {"--layer", "NAME", "the layer whose maps are weighted (default: the last Conv2D)"},
            {"--out", "FILE", "write the image with the heat map over it"},
            {"--alpha", "A", "heat map opacity 0..1 (default 0.45)"},
        }};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 2) throw UsageError("gradcam needs a MODEL and one IMAGE");
    checkOutputFile(a, "--out");
    cs::LoadedModel m = openTrainedModel(a.positional()[0]);
    const std::string imagePath = a.positional()[1];
    const cs::Tensor x = cs::modelInputFromFile(imagePath, m.model, m.metadata.preprocessing);
    const auto& names = m.metadata.classNames;
    const int node = a.has("--layer") ? layerNode(m.model, a.get("--layer")) : -1; // -1: the last Conv2D
    // -1: the predicted class; the Grad-CAM pass gives every class's probability too.
    const int requested = a.has("--class") ? classFromText(a.get("--class"), names, int(names.size())) : -1;
    const cs::GradCam cam = cs::gradCam(m.model, x, requested, node);
    const int cls = cam.classIndex;
    const std::vector<cs::ClassScore> top = cs::topClasses(cam.probabilities, names, 3);

    std::printf("%s\n", imagePath.c_str());
    for (const cs::ClassScore& s : top) std::printf("  %-20s %6.2f%%\n", s.name.c_str(), 100.0 * s.probability);
    std::printf("Grad-CAM of '%s' (%.2f%%) on %s, %dx%d maps:\n", cs::className(names, cls).c_str(), 100.0 * cam.probability,
                cam.layer.c_str(), cam.height, cam.width);
    if (cam.peak <= 0) std::printf("  nothing in this image speaks for the class at this layer (all weights negative)\n");
    // The grid as digits 0-9 (heat x 9.99): readable in a terminal for small maps.
    if (cam.width <= 40)
        for (int y = 0; y < cam.height; ++y) {
            std::string row = "  ";
            for (int xx = 0; xx < cam.width; ++xx)
                row += char('0' + std::min(9, int(cam.heat[size_t(y) * size_t(cam.width) + size_t(xx)] * 10.0f)));
            std::printf("%s\n", row.c_str());
        }
    if (a.has("--out")) {
        const double alpha = toDouble(a.get("--alpha", "0.45"), "--alpha");
        if (!(alpha >= 0.0 && alpha <= 1.0)) throw UsageError("--alpha is an opacity from 0 to 1");
        cv::Mat image = cs::loadImage(imagePath);
        // A 28x28 digit would give a stamp-sized picture: enlarge small images by a whole factor.
        const int factor = std::max(1, 224 / std::max(image.rows, image.cols));
        if (factor > 1) image = cs::resizeImage(image, image.cols * factor, image.rows * factor);
        cs::writeImageFile(a.get("--out"), cs::overlayHeatMap(image, cam, alpha));
        std::printf("wrote %s\n", a.get("--out").c_str());
    }
    return 0;
}

} // namespace cli
