#include "engine/data/image_grid.h"
#include "engine/io/image_codec.h"

#include "engine/core/errors.h"
#include "engine/io/atomic_file.h"

#include <algorithm>
#include <filesystem>
#include <opencv2/imgproc.hpp>

namespace cs {

namespace {

constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;

// Largest scale (at most `preferred`) at which the text fits in `width` pixels;
// the text is shortened with ".." when even the smallest scale is too wide.
std::pair<std::string, double> fitText(std::string text, int width, double preferred) {
    int baseline = 0;
    for (double scale = preferred; scale >= 0.3; scale -= 0.05)
        if (cv::getTextSize(text, kFont, scale, 1, &baseline).width <= width) return {text, scale};
    while (text.size() > 2 && cv::getTextSize(text + "..", kFont, 0.3, 1, &baseline).width > width)
        text.pop_back();
    return {text + "..", 0.3};
}

void centredText(cv::Mat& canvas, const std::string& text, int left, int width, int baselineY,
                 double preferred, const cv::Scalar& colour) {
    if (text.empty()) return;
    auto [shown, scale] = fitText(text, width, preferred);
    int baseline = 0;
    const cv::Size size = cv::getTextSize(shown, kFont, scale, 1, &baseline);
    cv::putText(canvas, shown, cv::Point(left + (width - size.width) / 2, baselineY), kFont, scale,
                colour, 1, cv::LINE_AA);
}

} // namespace

std::vector<GridCell> gridCells(const ImageSet& set, int count,
                                const std::vector<std::string>& classNames) {
    std::vector<GridCell> cells;
    for (int i = 0; i < std::min(count, set.count()); ++i) {
        const int label = set.labels[size_t(i)];
        const std::string name = label >= 0 && label < int(classNames.size())
                                     ? classNames[size_t(label)]
                                     : std::to_string(label);
        cells.push_back({set.image(i), set.height, set.width, set.channels, name, {}});
    }
    return cells;
}

cv::Mat toBgr(const uint8_t* pixels, int height, int width, int channels) {
    const cv::Mat wrapped(height, width, CV_8UC(channels), const_cast<uint8_t*>(pixels));
    cv::Mat bgr;
    if (channels == 1)
        cv::cvtColor(wrapped, bgr, cv::COLOR_GRAY2BGR);
    else if (channels == 3)
        cv::cvtColor(wrapped, bgr, cv::COLOR_RGB2BGR);
    else
        throw ShapeError(CS_TEXT("cs::Files", "cannot draw an image of %1 channels (only 1 or 3)")
                             .arg(std::to_string(channels)));
    return bgr;
}

cv::Mat drawImageGrid(const std::vector<GridCell>& cells, const GridStyle& style) {
    if (cells.empty()) throw DataError(CS_TEXT("cs::Files", "no images to draw"));
    int side = 0;
    bool captions = false;
    for (const GridCell& c : cells) {
        side = std::max({side, c.height, c.width});
        captions = captions || !c.caption.empty();
    }
    const int factor = std::max(1, (style.minCellSide + side - 1) / side);
    const int cell = side * factor;
    const int labelHeight = captions ? 34 : 22;
    const int columns = std::max(1, std::min(style.columns, int(cells.size())));
    const int rows = (int(cells.size()) + columns - 1) / columns;
    const int m = style.margin;
    cv::Mat canvas(m + rows * (cell + labelHeight + m), m + columns * (cell + m), CV_8UC3,
                   cv::Scalar::all(255));
    for (size_t i = 0; i < cells.size(); ++i) {
        const GridCell& c = cells[i];
        const int left = m + int(i) % columns * (cell + m);
        const int top = m + int(i) / columns * (cell + labelHeight + m);
        cv::Mat image = toBgr(c.pixels, c.height, c.width, c.channels);
        cv::resize(image, image, cv::Size(c.width * factor, c.height * factor), 0, 0,
                   cv::INTER_NEAREST);
        // Centred in its cell when images differ in size.
        const int x = left + (cell - image.cols) / 2, y = top + (cell - image.rows) / 2;
        image.copyTo(canvas(cv::Rect(x, y, image.cols, image.rows)));
        cv::rectangle(canvas, cv::Rect(x - 1, y - 1, image.cols + 2, image.rows + 2),
                      cv::Scalar::all(200));
        centredText(canvas, c.label, left, cell, top + cell + 16, 0.5, cv::Scalar::all(0));
        centredText(canvas, c.caption, left, cell, top + cell + 30, 0.35, cv::Scalar(90, 90, 90));
    }
    return canvas;
}

void writeImageFile(const std::string& path, const cv::Mat& image) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char ch) { return char(std::tolower(ch)); });
    if (ext.empty())
        throw ConfigError(
            CS_TEXT("cs::Files",
                    "%1: give the file an extension (.png, .jpg ...) to choose its format")
                .arg(path));
    std::vector<uint8_t> bytes;
    if (!encodeImage(ext, image, bytes))
        throw ConfigError(
            CS_TEXT("cs::Files",
                    "%1: cannot write images of type '%2' (use .png, .jpg, .bmp or .tif)")
                .arg(path)
                .arg(ext));
    writeFileAtomically(
        path, {std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())});
}

} // namespace cs
