#include "engine/tools/pooling_playground.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"

#include <algorithm>
#include <limits>

namespace cs {

PoolingKind poolingKindFromName(const std::string& name) {
    if (name == "max") return PoolingKind::Max;
    if (name == "average" || name == "avg" || name == "mean") return PoolingKind::Average;
    throw ConfigError(
        CS_TEXT("cs::Playground", "unknown pooling '%1' (use max or average)").arg(name));
}

PoolingResult pool(const PlaygroundMatrix& input, const PoolingSettings& s) {
    if (s.padding == PaddingMode::Full)
        throw ConfigError(
            CS_TEXT("cs::Playground",
                    "pooling takes valid or same padding (full padding is a convolution mode)"));
    PoolingResult result;
    result.rows = windowArithmetic(input.rows, s.poolRows,
                                   s.strideRows > 0 ? s.strideRows : s.poolRows, s.padding);
    result.cols = windowArithmetic(input.cols, s.poolCols,
                                   s.strideCols > 0 ? s.strideCols : s.poolCols, s.padding);
    const WindowArithmetic& ra = result.rows;
    const WindowArithmetic& ca = result.cols;
    result.output = PlaygroundMatrix(ra.out, ca.out);
    parallelFor(ra.out, 16, [&](long begin, long end) {
        for (long r = begin; r < end; ++r)
            for (int c = 0; c < ca.out; ++c) {
                // The window clipped to the input: padding never takes part.
                const int y0 = std::max(int(r) * ra.stride - ra.padBefore, 0);
                const int y1 = std::min(int(r) * ra.stride - ra.padBefore + ra.kernel, input.rows);
                const int x0 = std::max(c * ca.stride - ca.padBefore, 0);
                const int x1 = std::min(c * ca.stride - ca.padBefore + ca.kernel, input.cols);
                double best = -std::numeric_limits<double>::infinity(), sum = 0;
                for (int y = y0; y < y1; ++y)
                    for (int x = x0; x < x1; ++x) {
                        best = std::max(best, input.at(y, x));
                        sum += input.at(y, x);
                    }
                const int count = std::max(y1 - y0, 0) * std::max(x1 - x0, 0);
                result.output.at(int(r), c) = s.kind == PoolingKind::Max ? best
                                              : count                    ? sum / count
                                                                         : 0.0;
            }
    });
    return result;
}

ImagePooling poolImage(const cv::Mat& image, const PoolingSettings& settings) {
    ImagePooling out;
    for (const PlaygroundMatrix& channel : imageChannels(image)) {
        PoolingResult r = pool(channel, settings);
        out.rows = r.rows;
        out.cols = r.cols;
        out.channels.push_back(std::move(r.output));
    }
    return out;
}

} // namespace cs
