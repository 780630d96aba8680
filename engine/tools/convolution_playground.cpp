#include "engine/tools/convolution_playground.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"

namespace cs {

namespace {

PlaygroundMatrix rotated180(const PlaygroundMatrix& k) {
    PlaygroundMatrix r(k.rows, k.cols);
    for (int i = 0; i < k.rows; ++i)
        for (int j = 0; j < k.cols; ++j)
            r.at(i, j) = k.at(k.rows - 1 - i, k.cols - 1 - j);
    return r;
}

PlaygroundMatrix scaled(PlaygroundMatrix m, double factor) {
    for (double& v : m.values)
        v *= factor;
    return m;
}

// Output rows [begin, end) of the zero-padded cross-correlation.
void correlateRows(const PlaygroundMatrix& in, const PlaygroundMatrix& k,
                   const WindowArithmetic& ra, const WindowArithmetic& ca, PlaygroundMatrix& out,
                   long begin, long end) {
    for (long r = begin; r < end; ++r)
        for (int c = 0; c < out.cols; ++c) {
            double sum = 0;
            for (int i = 0; i < k.rows; ++i) {
                const int y = int(r) * ra.stride - ra.padBefore + i;
                if (y < 0 || y >= in.rows) continue;
                for (int j = 0; j < k.cols; ++j) {
                    const int x = c * ca.stride - ca.padBefore + j;
                    if (x >= 0 && x < in.cols) sum += in.at(y, x) * k.at(i, j);
                }
            }
            out.at(int(r), c) = sum;
        }
}

} // namespace

ConvolutionMode convolutionModeFromName(const std::string& name) {
    if (name == "correlation" || name == "cross-correlation" || name == "cnn")
        return ConvolutionMode::CrossCorrelation;
    if (name == "convolution" || name == "convolve2d" || name == "flipped")
        return ConvolutionMode::Convolution;
    throw ConfigError(
        CS_TEXT(
            "cs::Playground",
            "unknown mode '%1' (use correlation, as Conv2D, or convolution, as scipy's convolve2d)")
            .arg(name));
}

std::string convolutionModeDescription(ConvolutionMode mode) {
    return mode == ConvolutionMode::CrossCorrelation
               ? CS_NOOP("cs::KernelPreset",
                         "cross-correlation: the kernel is laid on the input as it is (what a "
                         "CNN's Conv2D computes)")
               : CS_NOOP("cs::KernelPreset",
                         "convolution: the kernel is turned 180 degrees first "
                         "(scipy.signal.convolve2d, the lesson's Python)");
}

const std::vector<KernelPreset>& kernelPresets() {
    static const std::vector<KernelPreset> presets = {
        {"vertical_edge", CS_NOOP("cs::KernelPreset", "vertical edges (the course's example)"),
         parseMatrix("-1 0 1; -1 0 1; -1 0 1")},
        {"horizontal_edge", CS_NOOP("cs::KernelPreset", "horizontal edges"), parseMatrix("-1 -1 -1; 0 0 0; 1 1 1")},
        {"sobel_x", CS_NOOP("cs::KernelPreset", "Sobel, horizontal gradient (vertical edges)"),
         parseMatrix("-1 0 1; -2 0 2; -1 0 1")},
        {"sobel_y", CS_NOOP("cs::KernelPreset", "Sobel, vertical gradient (horizontal edges)"),
         parseMatrix("-1 -2 -1; 0 0 0; 1 2 1")},
        {"sharpen", CS_NOOP("cs::KernelPreset", "sharpen"), parseMatrix("0 -1 0; -1 5 -1; 0 -1 0")},
        {"box_blur", CS_NOOP("cs::KernelPreset", "box blur (mean of 3x3)"), scaled(parseMatrix("1 1 1; 1 1 1; 1 1 1"), 1.0 / 9)},
        {"gaussian_blur", CS_NOOP("cs::KernelPreset", "Gaussian blur 3x3"),
         scaled(parseMatrix("1 2 1; 2 4 2; 1 2 1"), 1.0 / 16)},
        {"gaussian_blur_5x5", CS_NOOP("cs::KernelPreset", "Gaussian blur 5x5"),
         scaled(parseMatrix("1 4 6 4 1; 4 16 24 16 4; 6 24 36 24 6; 4 16 24 16 4; 1 4 6 4 1"),
                1.0 / 256)},
        {"emboss", CS_NOOP("cs::KernelPreset", "emboss"), parseMatrix("-2 -1 0; -1 1 1; 0 1 2")},
        {"outline", CS_NOOP("cs::KernelPreset", "outline (Laplacian-like)"), parseMatrix("-1 -1 -1; -1 8 -1; -1 -1 -1")},
        {"identity", CS_NOOP("cs::KernelPreset", "identity (output = input)"), parseMatrix("0 0 0; 0 1 0; 0 0 0")},
    };
    return presets;
}

PlaygroundMatrix kernelFromText(const std::string& text) {
    for (const KernelPreset& p : kernelPresets())
        if (p.name == text) return p.kernel;
    const bool looksNumeric = text.find_first_of("0123456789") != std::string::npos;
    if (!looksNumeric) {
        std::string names;
        for (const KernelPreset& p : kernelPresets())
            names += (names.empty() ? "" : ", ") + p.name;
        throw ConfigError(CS_TEXT("cs::Playground", "unknown kernel '%1' (presets: %2; or type a "
                                                    "matrix such as \"0 -1 0; -1 5 -1; 0 -1 0\")")
                              .arg(text)
                              .arg(names));
    }
    return parseMatrix(text);
}

ConvolutionResult convolve(const PlaygroundMatrix& input, const PlaygroundMatrix& kernel,
                           const ConvolutionSettings& s) {
    if (kernel.rows < 1 || kernel.cols < 1)
        throw ConfigError(CS_TEXT("cs::Playground", "the kernel is empty"));
    ConvolutionResult result;
    result.rows = windowArithmetic(input.rows, kernel.rows, s.strideRows, s.padding);
    result.cols = windowArithmetic(input.cols, kernel.cols, s.strideCols, s.padding);
    result.output = PlaygroundMatrix(result.rows.out, result.cols.out);
    const PlaygroundMatrix k = s.mode == ConvolutionMode::Convolution ? rotated180(kernel) : kernel;
    parallelFor(result.output.rows, 16, [&](long begin, long end) {
        correlateRows(input, k, result.rows, result.cols, result.output, begin, end);
    });
    return result;
}

ImageConvolution convolveImage(const cv::Mat& image, const PlaygroundMatrix& kernel,
                               const ConvolutionSettings& settings) {
    ImageConvolution out;
    for (const PlaygroundMatrix& channel : imageChannels(image)) {
        ConvolutionResult r = convolve(channel, kernel, settings);
        out.rows = r.rows;
        out.cols = r.cols;
        out.channels.push_back(std::move(r.output));
    }
    return out;
}

} // namespace cs
