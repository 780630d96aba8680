// `convstudio-cli kernels MODEL`: what each Conv2D layer learned — weight
// statistics and a text histogram per layer, and with --out a picture of
// every filter (the Inspect page's kernel view, same engine calls).
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/model_source.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/data/image_grid.h"
#include "engine/inspect/kernel_view.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace cli {

namespace {
void printHistogram(const cs::Histogram& h) {
    const int most = *std::max_element(h.counts.begin(), h.counts.end());
    for (size_t b = 0; b < h.counts.size(); ++b) {
        const double lo = h.lo + double(b) * h.binWidth();
        const int bar = most ? int(40.0 * h.counts[b] / most + 0.5) : 0;
        std::printf("    %+9.4f .. %+9.4f %7d %s\n", lo, lo + h.binWidth(), h.counts[b], std::string(size_t(bar), '#').c_str());
    }
}

// Which input channels the picture shows: "rgb", "all" or one number.
std::vector<int> channelsToDraw(const cs::ConvKernels& k, const std::string& choice, bool& rgb) {
    rgb = false;
    if (choice == "rgb" || (choice.empty() && k.channels == 3)) {
        if (k.channels != 3) throw UsageError("--channel rgb needs a layer with 3 input channels");
        rgb = true;
        return {};
    }
    std::vector<int> channels;
    if (choice == "all" || (choice.empty() && k.channels <= 8)) {
        for (int c = 0; c < k.channels; ++c) channels.push_back(c);
        return channels;
    }
    const int c = choice.empty() ? 0 : int(toDouble(choice, "--channel"));
    if (c < 0 || c >= k.channels)
        throw UsageError("--channel: the layer has input channels 0.." + std::to_string(k.channels - 1));
    return {c};
}
} // namespace

int runKernels(const Args& args) {
    const CommandSpec spec{
        "kernels",
        "kernels MODEL [--layer NAME] [--out FILE.png] [--channel rgb|all|N] [--per-filter] [--bins N]",
        "Shows the kernels of the model's Conv2D layers: for each layer its filters' size,\n"
        "weight range, mean and standard deviation, and a histogram of its weights. With --out,\n"
        "draws every filter of one layer (the first Conv2D, or --layer): one row per filter,\n"
        "one cell per input channel, blue negative, white zero, red positive; a layer that reads\n"
        "an RGB image shows each filter as one colour image (grey = zero).",
        {
            {"--layer", "NAME", "only this Conv2D layer"},
            {"--out", "FILE", "write the picture of the layer's filters (.png, .jpg ...)"},
            {"--channel", "C", "rgb, all, or one input channel (default: rgb for 3, all up to 8, else 0)"},
            {"--per-filter", "", "scale each filter's colours by its own largest weight (default: the layer's)"},
            {"--bins", "N", "histogram bins (default 12)"},
        }};
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("kernels needs exactly one MODEL");
    checkOutputFile(a, "--out");
    cs::LoadedModel m = openModel(a.positional()[0]);
    if (!m.model.isBuilt()) m.model.build(0); // an architecture: its initial (random) kernels
    const int bins = a.getInt("--bins", 12, 1, 1000);
    std::vector<int> nodes = cs::convolutionNodes(m.model);
    // convKernels() says so when --layer names a layer that is not a Conv2D.
    if (a.has("--layer")) nodes = {layerNode(m.model, a.get("--layer"))};
    if (nodes.empty()) throw cs::ConfigError("the model has no Conv2D layer");
    for (int node : nodes) {
        const cs::ConvKernels k = cs::convKernels(m.model, node);
        const cs::Histogram h = cs::histogramOf(k.values, bins);
        std::printf("%s: %d filters of %dx%dx%d, %zu weights, range %+.4f .. %+.4f, mean %+.4f, std %.4f\n",
                    k.layer.c_str(), k.filters, k.height, k.width, k.channels, k.values.size(), k.minValue,
                    k.maxValue, h.mean, h.stddev);
        printHistogram(h);
    }
    if (!a.has("--out")) return 0;

    const cs::ConvKernels k = cs::convKernels(m.model, nodes.front()); // --layer's, or the first Conv2D
    bool rgb = false;
    const std::vector<int> channels = channelsToDraw(k, a.get("--channel"), rgb);
    std::vector<std::vector<uint8_t>> pixels; // kept alive for the grid cells
    std::vector<cs::GridCell> cells;
    for (int f = 0; f < k.filters; ++f) {
        const float scale = a.has("--per-filter") ? k.filterMaxAbs(f) : k.maxAbs;
        if (rgb) pixels.push_back(cs::kernelRgbPixels(k, f, scale));
        for (int c : channels) pixels.push_back(cs::kernelChannelPixels(k, f, c, scale));
    }
    size_t i = 0;
    for (int f = 0; f < k.filters; ++f) {
        const size_t perFilter = rgb ? 1 : channels.size();
        for (size_t j = 0; j < perFilter; ++j, ++i) {
            cs::GridCell cell{pixels[i].data(), k.height, k.width, 3, "filter " + std::to_string(f), ""};
            if (!rgb) cell.caption = "channel " + std::to_string(channels[j]);
            cells.push_back(cell);
        }
    }
    cs::GridStyle style;
    style.columns = rgb || channels.size() == 1 ? 8 : int(channels.size()); // a row per filter
    style.minCellSide = 48;
    cs::writeImageFile(a.get("--out"), cs::drawImageGrid(cells, style));
    std::printf("wrote %s: %zu filter images of %s, colour scale %s\n", a.get("--out").c_str(), cells.size(),
                k.layer.c_str(), a.has("--per-filter") ? "per filter" : "of the whole layer");
    return 0;
}

} // namespace cli
