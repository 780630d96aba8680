// `convstudio-cli features MODEL IMAGE`: the feature maps every layer makes
// of one image (the Inspect page's view, same engine calls): each layer's
// output shape and value range, and with --out-dir a picture per layer.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/model_source.h"
#include "app/cli/output_checks.h"

#include "engine/data/image_grid.h"
#include "engine/inspect/feature_maps.h"
#include "engine/inspect/model_input.h"

#include <cstdio>
#include <filesystem>

namespace cli {

int runFeatures(const Args& args) {
    const CommandSpec spec{
        "features",
        "features MODEL IMAGE [--layer NAME] [--out-dir DIR]",
        "Runs one image through the model (inference: dropout off, batch-norm moving\n"
        "statistics) and shows what each layer outputs: its shape, how many maps, the value\n"
        "range. With --out-dir, writes DIR/NN_layer.png for each layer with maps: every map as\n"
        "a grey image scaled from its own minimum (black) to maximum (white), labelled with\n"
        "its range.",
        {
            {"--layer", "NAME", "only this layer"},
            {"--out-dir", "DIR", "write one picture per layer into DIR (created if needed)"},
        }};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 2) throw UsageError("features needs a MODEL and one IMAGE");
    const std::string dir = a.get("--out-dir");
    if (!dir.empty()) checkOutputFolder(dir); // created here if needed
    cs::LoadedModel m = openModel(a.positional()[0]);
    if (!m.model.isBuilt()) m.model.build(0);
    const cs::Tensor x = cs::modelInputFromFile(a.positional()[1], m.model, m.metadata.preprocessing);
    const std::vector<cs::LayerActivation> layers = cs::featureMaps(m.model, x);
    if (a.has("--layer")) layerNode(m.model, a.get("--layer")); // a clear error for a wrong name
    for (const cs::LayerActivation& l : layers) {
        if (a.has("--layer") && l.name != a.get("--layer")) continue;
        const std::string count = l.spatial() ? std::to_string(l.maps()) + (l.maps() == 1 ? " map" : " maps")
                                              : std::to_string(l.values.size()) + " values";
        std::printf("%-24s %-22s %-14s %12s  range %+.4f .. %+.4f\n", l.name.c_str(), l.className.c_str(),
                    l.shape.toString().c_str(), count.c_str(), l.min, l.max);
        if (dir.empty() || !l.spatial()) continue;
        std::vector<std::vector<uint8_t>> pixels;
        for (int c = 0; c < l.maps(); ++c)
            pixels.push_back(cs::featureMapPixels(l, c, l.channelMin[size_t(c)], l.channelMax[size_t(c)]));
        std::vector<cs::GridCell> cells;
        char range[64];
        for (int c = 0; c < l.maps(); ++c) {
            std::snprintf(range, sizeof range, "%.3g..%.3g", l.channelMin[size_t(c)], l.channelMax[size_t(c)]);
            cells.push_back({pixels[size_t(c)].data(), l.mapHeight(), l.mapWidth(), 1, "map " + std::to_string(c), range});
        }
        cs::GridStyle style;
        style.columns = 8;
        style.minCellSide = 64;
        char name[16];
        std::snprintf(name, sizeof name, "%02d_", l.node);
        const std::string path = (std::filesystem::path(dir) / (name + l.name + ".png")).string();
        cs::writeImageFile(path, cs::drawImageGrid(cells, style));
        std::printf("%24s wrote %s\n", "", path.c_str());
    }
    return 0;
}

} // namespace cli
