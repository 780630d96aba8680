#include "engine/tools/playground_matrix.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cs {

PlaygroundMatrix parseMatrix(const std::string& text) {
    // Rows end at ';', a newline, or a closing bracket that closes a row of a
    // nested list; numbers are separated by spaces or commas.
    std::vector<std::vector<double>> rows(1);
    int depth = 0, maxDepth = 0;
    for (char c : text) {
        if (c == '[')
            maxDepth = std::max(maxDepth, ++depth);
        else if (c == ']')
            --depth;
    }
    depth = 0;
    std::string token;
    auto flushToken = [&] {
        if (token.empty()) return;
        try {
            // "1/9" is allowed: blur kernels are typed that way.
            const size_t slash = token.find('/');
            auto number = [](const std::string& t) {
                size_t used = 0;
                const double v = std::stod(t, &used);
                if (used != t.size() || !std::isfinite(v)) throw std::invalid_argument(t);
                return v;
            };
            const double v = slash == std::string::npos
                                 ? number(token)
                                 : number(token.substr(0, slash)) / number(token.substr(slash + 1));
            if (!std::isfinite(v)) throw std::invalid_argument(token);
            rows.back().push_back(v);
        } catch (const std::exception&) {
            throw ConfigError(CS_TEXT("cs::Playground", "matrix: '%1' is not a number").arg(token));
        }
        token.clear();
    };
    auto endRow = [&] {
        flushToken();
        if (!rows.back().empty()) rows.emplace_back();
    };
    for (char c : text) {
        if (c == '[') {
            ++depth;
        } else if (c == ']') {
            if (depth == maxDepth) endRow(); // the innermost lists are the rows
            --depth;
        } else if (c == ';' || c == '\n') {
            if (maxDepth < 2)
                endRow();
            else
                flushToken();
        } else if (c == ',' || c == ' ' || c == '\t' || c == '\r') {
            flushToken();
        } else {
            token += c;
        }
    }
    flushToken();
    if (rows.back().empty()) rows.pop_back();
    if (rows.empty())
        throw ConfigError(CS_TEXT("cs::Playground", "matrix: no numbers in '%1'").arg(text));
    PlaygroundMatrix m(int(rows.size()), int(rows[0].size()));
    for (size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].size() != rows[0].size())
            throw ConfigError(
                CS_TEXT("cs::Playground", "matrix: row %1 has %2 numbers, row 1 has %3")
                    .arg(std::to_string(r + 1))
                    .arg(std::to_string(rows[r].size()))
                    .arg(std::to_string(rows[0].size())));
        std::copy(rows[r].begin(), rows[r].end(),
                  m.values.begin() + std::ptrdiff_t(r * rows[0].size()));
    }
    return m;
}

std::string formatMatrix(const PlaygroundMatrix& m, int decimals) {
    std::vector<std::string> cells;
    size_t width = 1;
    for (double v : m.values) {
        char text[64];
        if (v == std::round(v) && std::fabs(v) < 1e15)
            std::snprintf(text, sizeof text, "%.0f", v == 0 ? 0.0 : v);
        else
            std::snprintf(text, sizeof text, "%.*f", decimals, v);
        cells.emplace_back(text);
        width = std::max(width, cells.back().size());
    }
    std::string out;
    for (int r = 0; r < m.rows; ++r) {
        out += "[";
        for (int c = 0; c < m.cols; ++c) {
            const std::string& cell = cells[size_t(r) * size_t(m.cols) + size_t(c)];
            out += std::string(width - cell.size() + (c ? 1 : 0), ' ') + cell;
        }
        out += "]\n";
    }
    return out;
}

std::vector<PlaygroundMatrix> imageChannels(const cv::Mat& image) {
    if (image.depth() != CV_8U || image.channels() > 4)
        throw ShapeError(
            CS_TEXT("cs::Playground", "the playground takes 8-bit grey or colour images"));
    std::vector<cv::Mat> planes;
    cv::split(image, planes);
    std::vector<PlaygroundMatrix> out;
    for (const cv::Mat& p : planes) {
        PlaygroundMatrix m(p.rows, p.cols);
        for (int r = 0; r < p.rows; ++r)
            for (int c = 0; c < p.cols; ++c)
                m.at(r, c) = p.at<uint8_t>(r, c);
        out.push_back(std::move(m));
    }
    return out;
}

DisplayScale displayScaleFromName(const std::string& name) {
    if (name == "clip") return DisplayScale::Clip;
    if (name == "abs") return DisplayScale::Absolute;
    if (name == "normalize") return DisplayScale::Normalize;
    throw ConfigError(
        CS_TEXT("cs::Playground", "unknown display scale '%1' (use clip, abs or normalize)")
            .arg(name));
}

cv::Mat channelsToImage(const std::vector<PlaygroundMatrix>& channels, DisplayScale scale) {
    if (channels.empty())
        throw ShapeError(CS_TEXT("cs::Playground", "no channels to turn into an image"));
    double lo = 0, hi = 255;
    if (scale == DisplayScale::Normalize) {
        lo = hi = channels[0].values.empty() ? 0 : channels[0].values[0];
        for (const PlaygroundMatrix& m : channels)
            for (double v : m.values)
                lo = std::min(lo, v), hi = std::max(hi, v);
    }
    std::vector<cv::Mat> planes;
    for (const PlaygroundMatrix& m : channels) {
        cv::Mat p(m.rows, m.cols, CV_8U);
        for (int r = 0; r < m.rows; ++r)
            for (int c = 0; c < m.cols; ++c) {
                double v = m.at(r, c);
                if (scale == DisplayScale::Absolute) v = std::fabs(v);
                if (scale == DisplayScale::Normalize)
                    v = hi > lo ? (v - lo) * 255.0 / (hi - lo) : 0;
                p.at<uint8_t>(r, c) = cv::saturate_cast<uint8_t>(v);
            }
        planes.push_back(p);
    }
    cv::Mat image;
    cv::merge(planes, image);
    return image;
}

PaddingMode paddingModeFromName(const std::string& name) {
    if (name == "valid") return PaddingMode::Valid;
    if (name == "same") return PaddingMode::Same;
    if (name == "full") return PaddingMode::Full;
    throw ConfigError(
        CS_TEXT("cs::Playground", "unknown padding '%1' (use valid, same or full)").arg(name));
}

std::string paddingModeName(PaddingMode mode) {
    return mode == PaddingMode::Valid ? "valid" : mode == PaddingMode::Same ? "same" : "full";
}

WindowArithmetic windowArithmetic(int in, int kernel, int stride, PaddingMode padding) {
    if (kernel < 1)
        throw ConfigError(CS_TEXT("cs::Playground", "the window must be at least 1, got %1")
                              .arg(std::to_string(kernel)));
    if (stride < 1)
        throw ConfigError(CS_TEXT("cs::Playground", "the stride must be at least 1, got %1")
                              .arg(std::to_string(stride)));
    if (in < 1)
        throw ConfigError(
            CS_TEXT("cs::Playground", "the input must have at least one row and column"));
    WindowArithmetic a;
    a.in = in;
    a.kernel = kernel;
    a.stride = stride;
    switch (padding) {
    case PaddingMode::Valid:
        if (kernel > in)
            throw ConfigError(CS_TEXT("cs::Playground",
                                      "a %1-wide window does not fit in %2 with valid "
                                      "padding (use same or full padding, or a "
                                      "smaller window)")
                                  .arg(kernel)
                                  .arg(in));
        a.out = (in - kernel) / stride + 1;
        a.formula = CS_TEXT("cs::Playground",
                            "valid: out = floor((n - k) / s) + 1 = floor((%1 - %2) / %3) + 1 = %4")
                        .arg(in)
                        .arg(kernel)
                        .arg(stride)
                        .arg(a.out);
        break;
    case PaddingMode::Same: {
        a.out = (in + stride - 1) / stride;
        const int total = std::max((a.out - 1) * stride + kernel - in, 0);
        a.padBefore = total / 2;
        a.padAfter = total - a.padBefore;
        a.formula =
            CS_TEXT("cs::Playground", "same: out = ceil(n / s) = ceil(%1 / %2) = %3; padding "
                                      "(out - 1) * s + k - n = %4 (%5 before, %6 after)")
                .arg(in)
                .arg(stride)
                .arg(a.out)
                .arg(total)
                .arg(a.padBefore)
                .arg(a.padAfter);
        break;
    }
    case PaddingMode::Full:
        a.padBefore = a.padAfter = kernel - 1;
        a.out = (in + 2 * (kernel - 1) - kernel) / stride + 1;
        a.formula =
            CS_TEXT("cs::Playground", "full: padding k - 1 = %1 each side; out = floor((n + 2(k - "
                                      "1) - k) / s) + 1 = floor((%2 + %3 - %4) / %5) + 1 = %6")
                .arg(kernel - 1)
                .arg(in)
                .arg(2 * (kernel - 1))
                .arg(kernel)
                .arg(stride)
                .arg(a.out);
        break;
    }
    return a;
}

} // namespace cs
