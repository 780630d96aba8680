// `convstudio-cli convolve` and `convstudio-cli pool`: the convolution and
// pooling playgrounds of the course ("El kernel en acción", "Padding y
// Strides", "Capa de pooling"). Input is an image file or a matrix typed as
// text; with neither, the lesson's own example. They print the result, the
// output-size arithmetic, and can write the output as an image.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/output_checks.h"

#include "engine/tools/convolution_playground.h"
#include "engine/tools/image_tools.h"
#include "engine/tools/pooling_playground.h"

#include <algorithm>
#include <cstdio>

namespace cli {

namespace {

const char* kLessonImage = "1 2 3 0 1; 4 5 6 2 1; 7 8 9 1 2; 1 3 2 1 3; 2 4 1 3 0";
const char* kLessonPooling = "1 3 2 4; 5 6 1 2; 8 9 4 1; 3 7 5 6";
constexpr int kPrintableSide = 16; // image results up to this size are printed as matrices too

std::vector<OptionSpec> inputOptions() {
    return {
        {"--matrix", "TEXT",
         "a matrix instead of an image: \"1 2 3; 4 5 6\" or \"[[1, 2, 3], [4, 5, 6]]\""},
        {"--grey", "", "convert a colour image to grey first (one channel, as the lesson)"},
        {"--out", "FILE", "write the output as an image (.png ...)"},
        {"--display", "SCALE",
         "how values become pixels in --out: clip, abs or normalize "
         "(default: normalize for a matrix or values outside 0-255, else clip)"},
    };
}

std::pair<int, int> strides(const ParsedArgs& a, const char* option, int fallback) {
    if (!a.has(option)) return {fallback, fallback};
    return parseSize(a.get(option), option);
}

void printArithmetic(const cs::WindowArithmetic& rows, const cs::WindowArithmetic& cols) {
    std::printf("rows:    %s\ncolumns: %s\n", rows.formula.english().c_str(),
                cols.formula.english().c_str());
}

// Input as matrices (one per channel) and whether it came from an image.
struct Input {
    std::vector<cs::PlaygroundMatrix> channels;
    bool image = false;
};

Input readInput(const ParsedArgs& a, const char* lessonExample, const char* what) {
    Input in;
    if (a.positional().size() > 1)
        throw UsageError("give one IMAGE or --matrix, not several inputs");
    if (!a.positional().empty() && a.has("--matrix"))
        throw UsageError("give an IMAGE or --matrix, not both");
    if (!a.positional().empty()) {
        cv::Mat image = cs::loadImage(a.positional()[0]);
        if (a.has("--grey")) image = cs::toGrey(image);
        std::printf("input %s: %s\n", a.positional()[0].c_str(), cs::describeImage(image).c_str());
        in.channels = cs::imageChannels(image);
        in.image = true;
        return in;
    }
    const std::string text = a.get("--matrix", lessonExample);
    in.channels.push_back(cs::parseMatrix(text));
    std::printf("input (%dx%d)%s:\n%s", in.channels[0].rows, in.channels[0].cols,
                a.has("--matrix") ? "" : what, cs::formatMatrix(in.channels[0]).c_str());
    return in;
}

void printAndWrite(const ParsedArgs& a, const Input& in,
                   const std::vector<cs::PlaygroundMatrix>& out, const std::string& title) {
    const cs::PlaygroundMatrix& first = out[0];
    if (!in.image || (first.rows <= kPrintableSide && first.cols <= kPrintableSide)) {
        for (size_t c = 0; c < out.size(); ++c)
            std::printf("%s%s:\n%s", title.c_str(),
                        out.size() > 1 ? (" channel " + std::to_string(c)).c_str() : "",
                        cs::formatMatrix(out[c]).c_str());
    } else {
        double lo = first.values[0], hi = first.values[0];
        for (const auto& m : out)
            for (double v : m.values)
                lo = std::min(lo, v), hi = std::max(hi, v);
        std::printf("%s: %dx%d x %zu channel(s), values from %.4g to %.4g\n", title.c_str(),
                    first.rows, first.cols, out.size(), lo, hi);
    }
    if (!a.has("--out")) return;
    bool inRange = true;
    for (const auto& m : out)
        for (double v : m.values)
            inRange = inRange && v >= 0 && v <= 255;
    const cs::DisplayScale scale = a.has("--display") ? cs::displayScaleFromName(a.get("--display"))
                                   : in.image && inRange ? cs::DisplayScale::Clip
                                                         : cs::DisplayScale::Normalize;
    cs::saveImage(a.get("--out"), cs::channelsToImage(out, scale));
    std::printf("wrote %s\n", a.get("--out").c_str());
}

} // namespace

int runConvolve(const Args& args) {
    CommandSpec spec{
        "convolve",
        "convolve [IMAGE | --matrix TEXT] [--kernel NAME|TEXT] [options]",
        "Applies a kernel to an image or a matrix, with padding and stride, and prints the\n"
        "result and the output-size arithmetic. Two operations exist:\n"
        "  correlation  the kernel laid on the input as it is: what a CNN's Conv2D computes;\n"
        "  convolution  the kernel turned 180 degrees first: scipy.signal.convolve2d, which\n"
        "               the lesson \"El kernel en acción\" uses.\n"
        "Without IMAGE or --matrix it runs the lesson's 5x5 example with its vertical edge\n"
        "kernel and prints both operations. --list-kernels shows the preset kernels.",
        {
            {"--kernel", "NAME|TEXT",
             "a preset (default vertical_edge) or a matrix \"0 -1 0; -1 5 -1; 0 -1 0\""},
            {"--padding", "MODE", "valid (default), same (Keras) or full (scipy's default)"},
            {"--stride", "S|R,C", "step of the kernel (default 1)"},
            {"--mode", "MODE",
             "correlation, convolution or both (default: both for a matrix, "
             "correlation for an image)"},
            {"--list-kernels", "", "list the preset kernels and exit"},
        }};
    addOptions(spec.options, inputOptions());
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.has("--list-kernels")) {
        for (const cs::KernelPreset& p : cs::kernelPresets())
            std::printf("%-18s %s\n%s\n", p.name.c_str(), p.description.c_str(),
                        cs::formatMatrix(p.kernel, 4).c_str());
        return 0;
    }
    checkOutputFile(a, "--out");
    const std::string kernelText = a.get("--kernel", "vertical_edge");
    const cs::PlaygroundMatrix kernel = cs::kernelFromText(kernelText);
    cs::ConvolutionSettings settings;
    settings.padding = cs::paddingModeFromName(a.get("--padding", "valid"));
    std::tie(settings.strideRows, settings.strideCols) = strides(a, "--stride", 1);
    const Input in = readInput(a, kLessonImage, " - the lesson \"El kernel en acción\"");
    const std::string mode = a.get("--mode", in.image ? "correlation" : "both");
    std::vector<cs::ConvolutionMode> modes;
    if (mode == "both")
        modes = {cs::ConvolutionMode::CrossCorrelation, cs::ConvolutionMode::Convolution};
    else
        modes = {cs::convolutionModeFromName(mode)};
    if (a.has("--out") && modes.size() > 1)
        throw UsageError("--out writes one result: choose --mode correlation or convolution");

    const auto& presets = cs::kernelPresets();
    const bool preset = std::any_of(presets.begin(), presets.end(),
                                    [&](const auto& p) { return p.name == kernelText; });
    std::printf("kernel%s (%dx%d):\n%s", preset ? (" " + kernelText).c_str() : "", kernel.rows,
                kernel.cols, cs::formatMatrix(kernel, 4).c_str());
    std::printf("padding %s, stride %dx%d\n", cs::paddingModeName(settings.padding).c_str(),
                settings.strideRows, settings.strideCols);
    bool arithmeticShown = false;
    for (cs::ConvolutionMode m : modes) {
        settings.mode = m;
        std::vector<cs::PlaygroundMatrix> out;
        cs::WindowArithmetic rows, cols;
        for (const cs::PlaygroundMatrix& channel : in.channels) {
            cs::ConvolutionResult r = cs::convolve(channel, kernel, settings);
            rows = r.rows, cols = r.cols;
            out.push_back(std::move(r.output));
        }
        if (!arithmeticShown) {
            printArithmetic(rows, cols);
            std::printf("output: %dx%d\n\n", rows.out, cols.out);
            arithmeticShown = true;
        }
        printAndWrite(a, in, out, cs::convolutionModeDescription(m));
    }
    return 0;
}

int runPool(const Args& args) {
    CommandSpec spec{
        "pool",
        "pool [IMAGE | --matrix TEXT] [--type max|average] [--pool-size N] [options]",
        "Max or average pooling of an image or a matrix, with Keras's MaxPooling2D /\n"
        "AveragePooling2D settings (strides default to the pool size; same padding leaves\n"
        "padded cells out). Without IMAGE or --matrix it runs the lesson \"Capa de pooling\":\n"
        "the 4x4 example, 2x2 max pooling with stride 2, giving [[6, 4], [9, 6]].",
        {
            {"--type", "KIND", "max (default) or average"},
            {"--pool-size", "N|R,C", "window (default 2)"},
            {"--strides", "S|R,C", "step (default: the pool size)"},
            {"--padding", "MODE", "valid (default) or same"},
        }};
    addOptions(spec.options, inputOptions());
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    checkOutputFile(a, "--out");
    cs::PoolingSettings settings;
    settings.kind = cs::poolingKindFromName(a.get("--type", "max"));
    std::tie(settings.poolRows, settings.poolCols) = strides(a, "--pool-size", 2);
    if (a.has("--strides"))
        std::tie(settings.strideRows, settings.strideCols) = strides(a, "--strides", 0);
    settings.padding = cs::paddingModeFromName(a.get("--padding", "valid"));
    const Input in = readInput(a, kLessonPooling, " - the lesson \"Capa de pooling\"");
    std::vector<cs::PlaygroundMatrix> out;
    cs::WindowArithmetic rows, cols;
    for (const cs::PlaygroundMatrix& channel : in.channels) {
        cs::PoolingResult r = cs::pool(channel, settings);
        rows = r.rows, cols = r.cols;
        out.push_back(std::move(r.output));
    }
    std::printf("%s pooling, window %dx%d, stride %dx%d, padding %s\n",
                settings.kind == cs::PoolingKind::Max ? "max" : "average", rows.kernel, cols.kernel,
                rows.stride, cols.stride, cs::paddingModeName(settings.padding).c_str());
    printArithmetic(rows, cols);
    std::printf("output: %dx%d\n\n", rows.out, cols.out);
    printAndWrite(a, in, out,
                  settings.kind == cs::PoolingKind::Max ? "max pooling" : "average pooling");
    return 0;
}

} // namespace cli
