#include "app/cli/data_options.h"

#include "app/cli/setting_options.h"

#include <charconv>

namespace cli {


void addOptions(std::vector<OptionSpec>& options, const std::vector<OptionSpec>& more) {
    options.insert(options.end(), more.begin(), more.end());
}

std::pair<int, int> parseSize(const std::string& text, const std::string& option) {
    const size_t sep = text.find_first_of("x,X");
    const int h = toInt(text.substr(0, sep), option);
    const int w = sep == std::string::npos ? h : toInt(text.substr(sep + 1), option);
    if (h < 1 || w < 1 || h > 16384 || w > 16384)
        throw UsageError(option + " must be HEIGHTxWIDTH between 1 and 16384, got '" + text + "'");
    return {h, w};
}

std::vector<double> parseNumbers(const std::string& text, const std::string& option) {
    std::vector<double> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        const std::string item = text.substr(start, comma - start);
        const size_t slash = item.find('/');
        if (slash == std::string::npos)
            out.push_back(toDouble(item, option));
        else {
            const double denominator = toDouble(item.substr(slash + 1), option);
            if (denominator == 0) throw UsageError(option + ": division by zero in '" + item + "'");
            out.push_back(toDouble(item.substr(0, slash), option) / denominator);
        }
        start = comma + 1;
    }
    return out;
}

std::vector<OptionSpec> imageFolderOptionSpecs(const std::string& defaultSize) {
    return {
        {"--target-size", "HxW",
         "image folders: resize every image to HEIGHTxWIDTH (default " + defaultSize + ")"},
        {"--color-mode", "MODE", "image folders: rgb or grayscale"},
        {"--interpolation", "NAME",
         "image folders: auto (area to shrink, bilinear to enlarge, as predict), "
         "nearest, bilinear, bicubic, area or lanczos (default auto)"},
        {"--class-mode", "MODE",
         "categorical, sparse or binary (binary: two classes, one sigmoid unit)"},
    };
}

cs::ImageFolderOptions imageFolderOptions(const ParsedArgs& a, int height, int width,
                                          int channels) {
    cs::ImageFolderOptions o;
    o.height = height;
    o.width = width;
    o.colorMode = channels == 1 ? cs::ColorMode::Grayscale : cs::ColorMode::Rgb;
    if (a.has("--target-size"))
        std::tie(o.height, o.width) = parseSize(a.get("--target-size"), "--target-size");
    if (a.has("--color-mode")) o.colorMode = cs::colorModeFromName(a.get("--color-mode"));
    if (a.has("--interpolation"))
        o.interpolation = cs::interpolationFromName(a.get("--interpolation"));
    if (a.has("--class-mode")) o.classMode = cs::classModeFromName(a.get("--class-mode"));
    return o;
}

bool hasImageFolderOption(const ParsedArgs& a) {
    return a.has("--target-size") || a.has("--color-mode") || a.has("--interpolation");
}

std::vector<OptionSpec> streamingOptionSpecs() {
    return {
        {"--cache-mb", "MB",
         "image folders: decoded images kept in memory (default 1024); a larger "
         "folder streams from disk with bounded memory"},
        {"--prefetch", "N", "image folders: batches decoded ahead of training (default 4)"},
        {"--workers", "N", "image folders: decoding threads (default: one per core)"},
    };
}

cs::StreamingOptions streamingOptions(const ParsedArgs& a) {
    cs::StreamingOptions s;
    s.cacheBytes = size_t(a.getInt("--cache-mb", 1024, 0, 1 << 20)) << 20;
    s.prefetchBatches = a.getInt("--prefetch", 4, 1, 64);
    s.workers = a.getInt("--workers", 0, 0, 256);
    return s;
}

std::vector<OptionSpec> preprocessingOptionSpecs() {
    return {
        {"--rescale", "F", "pixel * F before mean/std, e.g. 1/255 (the default) or 1"},
        {"--mean", "M[,M,M]",
         "per-channel mean subtracted after rescale (torchvision Normalize: 0.5,0.5,0.5)"},
        {"--std", "S[,S,S]", "per-channel std divided by after the mean (0.5,0.5,0.5)"},
    };
}

cs::Preprocessing preprocessingOptions(const ParsedArgs& a, cs::Preprocessing p) {
    if (a.has("--rescale")) {
        const std::vector<double> r = parseNumbers(a.get("--rescale"), "--rescale");
        if (r.size() != 1)
            throw UsageError("--rescale takes one number, got '" + a.get("--rescale") + "'");
        p.rescale = float(r[0]);
    }
    auto channels = [&](const char* option, std::vector<float>& out, bool positive) {
        if (!a.has(option)) return;
        out.clear();
        for (double v : parseNumbers(a.get(option), option)) {
            if (positive && v <= 0)
                throw UsageError(std::string(option) + " values must be above 0");
            out.push_back(float(v));
        }
        if (out.size() != 1 && out.size() != 3)
            throw UsageError(std::string(option) + " takes 1 or 3 numbers (one per channel)");
    };
    channels("--mean", p.mean, false);
    channels("--std", p.std, true);
    return p;
}

// One option per entry of the engine's table: --rotation-range is rotation_range.
std::vector<OptionSpec> augmentationOptionSpecs() {
    std::vector<OptionSpec> options;
    for (const cs::SettingSpec& spec : cs::augmentationSpecs())
        options.push_back(optionOf(spec, {}, "augmentation: " + spec.help));
    return options;
}

cs::AugmentationOptions augmentationOptions(const ParsedArgs& a) {
    cs::AugmentationOptions o;
    for (const cs::SettingSpec& spec : cs::augmentationSpecs())
        if (a.has(flagOf(spec)))
            o.set(spec.key, spec.type == cs::SettingType::Bool ? "true" : a.get(flagOf(spec)));
    return o;
}

} // namespace cli
