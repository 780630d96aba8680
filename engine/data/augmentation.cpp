#include "engine/data/augmentation.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numbers>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <tuple>
#include <vector>

namespace cs {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;

struct Affine { // rows of a 3x3 affine matrix without its constant last row
    double a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    Affine operator*(const Affine& o) const {
        return {a * o.a + b * o.d, a * o.b + b * o.e, a * o.c + b * o.f + c,
                d * o.a + e * o.d, d * o.b + e * o.e, d * o.c + e * o.f + f};
    }
};

Affine translation(double x, double y) {
    return {1, 0, x, 0, 1, y};
}

int borderMode(FillMode mode) {
    switch (mode) {
    case FillMode::Nearest:
        return cv::BORDER_REPLICATE;
    case FillMode::Constant:
        return cv::BORDER_CONSTANT;
    case FillMode::Reflect:
        return cv::BORDER_REFLECT; // scipy's "reflect" repeats the edge pixel: dcba|abcd|dcba
    case FillMode::Wrap:
        return cv::BORDER_WRAP;
    }
    return cv::BORDER_REPLICATE;
}

double parseNumber(const std::string& name, const std::string& text) {
    try {
        size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    throw ConfigError(CS_TEXT("cs::Settings", "%1 must be a number, got '%2'").arg(name).arg(text));
}

// "0.2" or "0.8,1.2" (brackets allowed, as a Keras user would type a list).
std::pair<double, double> parsePair(const std::string& name, std::string text,
                                    bool singleMeansAround1) {
    std::erase_if(text, [](char ch) {
        return ch == '[' || ch == ']' || ch == '(' || ch == ')' || ch == ' ';
    });
    const size_t comma = text.find(',');
    if (comma == std::string::npos) {
        const double z = parseNumber(name, text);
        if (!singleMeansAround1)
            throw ConfigError(CS_TEXT("cs::Settings", "%1 takes two numbers 'lo,hi', got '%2'")
                                  .arg(name)
                                  .arg(text));
        return {1.0 - z, 1.0 + z};
    }
    return {parseNumber(name, text.substr(0, comma)), parseNumber(name, text.substr(comma + 1))};
}

bool parseBool(const std::string& name, const std::string& text) {
    if (text == "true" || text == "True" || text == "1" || text == "yes" || text.empty())
        return true;
    if (text == "false" || text == "False" || text == "0" || text == "no") return false;
    throw ConfigError(
        CS_TEXT("cs::Settings", "%1 must be true or false, got '%2'").arg(name).arg(text));
}

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

} // namespace

const std::vector<SettingSpec>& augmentationSpecs() {
    static const std::vector<SettingSpec> specs{
        {.key = "rotation_range", .type = SettingType::Float, .defaultValue = 0, .min = 0,
         .help = CS_NOOP("cs::SettingSpec", "rotate by a random angle in [-r, r] degrees"), .valueName = "DEG",
         .step = 5, .editorMax = 180, .unit = "\u00b0"},
        {.key = "width_shift_range", .type = SettingType::Float, .defaultValue = 0, .min = 0,
         .help = CS_NOOP("cs::SettingSpec", "shift sideways by up to this fraction of the width (1 or more: pixels)"),
         .valueName = "F", .step = 0.05, .editorMax = 1},
        {.key = "height_shift_range", .type = SettingType::Float, .defaultValue = 0, .min = 0,
         .help = CS_NOOP("cs::SettingSpec", "shift up or down by up to this fraction of the height (1 or more: pixels)"),
         .valueName = "F", .step = 0.05, .editorMax = 1},
        {.key = "shear_range", .type = SettingType::Float, .defaultValue = 0, .min = 0,
         .help = CS_NOOP("cs::SettingSpec", "shear by a random angle in [-s, s] degrees (counter-clockwise)"),
         .valueName = "DEG", .step = 5, .editorMax = 90, .unit = "\u00b0"},
        {.key = "zoom_range", .type = SettingType::FloatPair, .defaultValue = Json(std::vector<double>{1, 1}),
         .min = 0, .minExclusive = true,
         .help = CS_NOOP("cs::SettingSpec", "zoom factors in [lo, hi], x and y drawn apart (1 = none; a single z "
                                         "means [1-z, 1+z])"),
         .valueName = "Z|LO,HI", .step = 0.05, .editorMin = 0.1, .editorMax = 4},
        {.key = "horizontal_flip", .type = SettingType::Bool, .defaultValue = false,
         .help = CS_NOOP("cs::SettingSpec", "mirror half of the images left-right")},
        {.key = "vertical_flip", .type = SettingType::Bool, .defaultValue = false,
         .help = CS_NOOP("cs::SettingSpec", "mirror half of the images top-bottom")},
        {.key = "brightness_range", .type = SettingType::FloatPair, .defaultValue = Json(std::vector<double>{1, 1}),
         .min = 0, .help = CS_NOOP("cs::SettingSpec", "multiply pixels by a factor in [lo, hi] (1 = unchanged)"),
         .valueName = "LO,HI", .step = 0.05, .editorMax = 4},
        {.key = "fill_mode", .type = SettingType::Choice, .defaultValue = "nearest",
         .choices = {"nearest", "constant", "reflect", "wrap"},
         .help = CS_NOOP("cs::SettingSpec", "how pixels that come from outside the image are filled"),
         .valueName = "MODE"},
        {.key = "cval", .type = SettingType::Float, .defaultValue = 0, .min = 0, .max = 255,
         .help = CS_NOOP("cs::SettingSpec", "pixel value outside the image when fill_mode is constant"),
         .valueName = "V", .step = 1},
    };
    return specs;
}

const SettingSpec& augmentationSpec(const std::string& key) {
    return settingSpec(augmentationSpecs(), key, "augmentation");
}

FillMode fillModeFromName(const std::string& name) {
    if (name == "nearest") return FillMode::Nearest;
    if (name == "constant") return FillMode::Constant;
    if (name == "reflect") return FillMode::Reflect;
    if (name == "wrap") return FillMode::Wrap;
    throw ConfigError(
        CS_TEXT("cs::Settings", "unknown fill_mode '%1' (use nearest, constant, reflect or wrap)")
            .arg(name));
}

std::string fillModeName(FillMode mode) {
    switch (mode) {
    case FillMode::Nearest:
        return "nearest";
    case FillMode::Constant:
        return "constant";
    case FillMode::Reflect:
        return "reflect";
    case FillMode::Wrap:
        return "wrap";
    }
    return "nearest";
}

bool AugmentationOptions::enabled() const {
    return rotationRange != 0 || widthShiftRange != 0 || heightShiftRange != 0 || shearRange != 0 ||
           zoomLow != 1 || zoomHigh != 1 || horizontalFlip || verticalFlip || brightnessLow != 1 ||
           brightnessHigh != 1;
}

void AugmentationOptions::set(const std::string& name, const std::string& value) {
    AugmentationOptions next = *this; // a rejected value leaves the options as they were
    next.assign(name, value);
    next.validate();
    *this = next;
}

void AugmentationOptions::assign(const std::string& name, const std::string& value) {
    if (name == "rotation_range")
        rotationRange = parseNumber(name, value);
    else if (name == "width_shift_range")
        widthShiftRange = parseNumber(name, value);
    else if (name == "height_shift_range")
        heightShiftRange = parseNumber(name, value);
    else if (name == "shear_range")
        shearRange = parseNumber(name, value);
    else if (name == "zoom_range")
        std::tie(zoomLow, zoomHigh) = parsePair(name, value, true);
    else if (name == "brightness_range")
        std::tie(brightnessLow, brightnessHigh) = parsePair(name, value, false);
    else if (name == "horizontal_flip")
        horizontalFlip = parseBool(name, value);
    else if (name == "vertical_flip")
        verticalFlip = parseBool(name, value);
    else if (name == "fill_mode")
        fillMode = fillModeFromName(value);
    else if (name == "cval")
        cval = parseNumber(name, value);
    else if (name == "rescale")
        throw ConfigError(
            CS_TEXT("cs::Settings", "rescale is preprocessing, not augmentation: it applies to "
                                    "every split (use the preprocessing option --rescale)"));
    else
        throw ConfigError(CS_TEXT("cs::Settings", "unknown augmentation option '%1' (known: %2)")
                              .arg(name)
                              .arg(settingKeys(augmentationSpecs())));
}

void AugmentationOptions::validate() const {
    auto nonNegative = [](const char* name, double v) {
        if (v < 0)
            throw ConfigError(CS_TEXT("cs::Settings", "%1 must be 0 or more, got %2")
                                  .arg(std::string(name))
                                  .arg(number(v)));
    };
    nonNegative("rotation_range", rotationRange);
    nonNegative("width_shift_range", widthShiftRange);
    nonNegative("height_shift_range", heightShiftRange);
    nonNegative("shear_range", shearRange);
    if (zoomLow <= 0 || zoomHigh < zoomLow)
        throw ConfigError(
            CS_TEXT("cs::Settings", "zoom_range must satisfy 0 < lo <= hi, got [%1, %2] (a single "
                                    "z means [1-z, 1+z], so z must be below 1)")
                .arg(number(zoomLow))
                .arg(number(zoomHigh)));
    if (brightnessLow < 0 || brightnessHigh < brightnessLow)
        throw ConfigError(
            CS_TEXT("cs::Settings", "brightness_range must satisfy 0 <= lo <= hi, got [%1, %2]")
                .arg(number(brightnessLow))
                .arg(number(brightnessHigh)));
    if (cval < 0 || cval > 255)
        throw ConfigError(CS_TEXT("cs::Settings", "cval must be a pixel value in 0-255, got %1")
                              .arg(number(cval)));
}

Json AugmentationOptions::toJson() const {
    Json v = Json::object();
    if (rotationRange) v["rotation_range"] = rotationRange;
    if (widthShiftRange) v["width_shift_range"] = widthShiftRange;
    if (heightShiftRange) v["height_shift_range"] = heightShiftRange;
    if (shearRange) v["shear_range"] = shearRange;
    if (zoomLow != 1 || zoomHigh != 1)
        v["zoom_range"] = Json(std::vector<double>{zoomLow, zoomHigh});
    if (horizontalFlip) v["horizontal_flip"] = true;
    if (verticalFlip) v["vertical_flip"] = true;
    if (brightnessLow != 1 || brightnessHigh != 1)
        v["brightness_range"] = Json(std::vector<double>{brightnessLow, brightnessHigh});
    v["fill_mode"] = fillModeName(fillMode);
    if (fillMode == FillMode::Constant) v["cval"] = cval;
    return v;
}

AugmentationOptions AugmentationOptions::fromJson(const Json& v) {
    AugmentationOptions o;
    o.rotationRange = json::getNumber(v, "rotation_range", 0);
    o.widthShiftRange = json::getNumber(v, "width_shift_range", 0);
    o.heightShiftRange = json::getNumber(v, "height_shift_range", 0);
    o.shearRange = json::getNumber(v, "shear_range", 0);
    if (const Json* z = json::find(v, "zoom_range")) {
        if (z->is_number())
            o.zoomLow = 1 - json::asNumber(*z), o.zoomHigh = 1 + json::asNumber(*z);
        else {
            std::vector<double> r = json::asNumberVector(*z);
            if (r.size() != 2)
                throw FormatError(
                    CS_TEXT("cs::Settings", "zoom_range: expected a number or [lo, hi]"));
            o.zoomLow = r[0], o.zoomHigh = r[1];
        }
    }
    if (const Json* b = json::find(v, "brightness_range")) {
        std::vector<double> r = json::asNumberVector(*b);
        if (r.size() != 2)
            throw FormatError(CS_TEXT("cs::Settings", "brightness_range: expected [lo, hi]"));
        o.brightnessLow = r[0], o.brightnessHigh = r[1];
    }
    o.horizontalFlip = json::getBool(v, "horizontal_flip", false);
    o.verticalFlip = json::getBool(v, "vertical_flip", false);
    o.fillMode = fillModeFromName(json::getString(v, "fill_mode", "nearest"));
    o.cval = json::getNumber(v, "cval", 0);
    o.validate();
    return o;
}

std::string AugmentationOptions::describe() const {
    if (!enabled()) return "none";
    std::string out;
    auto add = [&](const std::string& item) { out += (out.empty() ? "" : ", ") + item; };
    if (rotationRange) add("rotation_range=" + number(rotationRange));
    if (widthShiftRange) add("width_shift_range=" + number(widthShiftRange));
    if (heightShiftRange) add("height_shift_range=" + number(heightShiftRange));
    if (shearRange) add("shear_range=" + number(shearRange));
    if (zoomLow != 1 || zoomHigh != 1)
        add("zoom_range=[" + number(zoomLow) + ", " + number(zoomHigh) + "]");
    if (horizontalFlip) add("horizontal_flip");
    if (verticalFlip) add("vertical_flip");
    if (brightnessLow != 1 || brightnessHigh != 1)
        add("brightness_range=[" + number(brightnessLow) + ", " + number(brightnessHigh) + "]");
    add("fill_mode=" + fillModeName(fillMode) +
        (fillMode == FillMode::Constant ? " cval=" + number(cval) : ""));
    return out;
}

bool TransformParams::isIdentity() const {
    return theta == 0 && tx == 0 && ty == 0 && shear == 0 && zx == 1 && zy == 1 &&
           !flipHorizontal && !flipVertical && brightness == 1;
}

std::string TransformParams::describe() const {
    std::string out;
    auto add = [&](const std::string& item) { out += (out.empty() ? "" : " ") + item; };
    char text[64];
    if (theta) std::snprintf(text, sizeof text, "r%+.0f", theta), add(text);
    if (tx || ty) std::snprintf(text, sizeof text, "t%+.0f,%+.0f", tx, ty), add(text);
    if (shear) std::snprintf(text, sizeof text, "s%+.1f", shear), add(text);
    if (zx != 1 || zy != 1) std::snprintf(text, sizeof text, "z%.2f,%.2f", zx, zy), add(text);
    if (flipHorizontal) add("flipH");
    if (flipVertical) add("flipV");
    if (brightness != 1) std::snprintf(text, sizeof text, "b%.2f", brightness), add(text);
    return out.empty() ? "identity" : out;
}

Augmenter::Augmenter(AugmentationOptions options) : options_(options) {
    options_.validate();
}

TransformParams Augmenter::draw(uint64_t batchSeed, uint64_t index, int height, int width) const {
    // Every value is drawn whether or not its option is on, so turning on a
    // flip does not change the rotations drawn for the same seed.
    Rng rng(splitmix64(batchSeed) ^ splitmix64(index * 0x9E3779B97F4A7C15ull + 1));
    const double u[9] = {rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform(),
                         rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform()};
    const AugmentationOptions& o = options_;
    auto symmetric = [](double range, double unit) { return range * (2 * unit - 1); };
    TransformParams p;
    p.theta = symmetric(o.rotationRange, u[0]);
    p.tx = symmetric(o.widthShiftRange, u[1]) * (o.widthShiftRange < 1 ? width : 1);
    p.ty = symmetric(o.heightShiftRange, u[2]) * (o.heightShiftRange < 1 ? height : 1);
    p.shear = symmetric(o.shearRange, u[3]);
    if (o.zoomLow != 1 || o.zoomHigh != 1) { // Keras draws x and y zoom apart
        p.zx = o.zoomLow + (o.zoomHigh - o.zoomLow) * u[4];
        p.zy = o.zoomLow + (o.zoomHigh - o.zoomLow) * u[5];
    }
    p.flipHorizontal = o.horizontalFlip && u[6] < 0.5;
    p.flipVertical = o.verticalFlip && u[7] < 0.5;
    if (o.brightnessLow != 1 || o.brightnessHigh != 1)
        p.brightness = o.brightnessLow + (o.brightnessHigh - o.brightnessLow) * u[8];
    return p;
}

void Augmenter::inverseMatrix(const TransformParams& p, int height, int width, double m[6]) {
    const double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
    const double t = p.theta * kDegree, s = p.shear * kDegree;
    // Output -> source, as Keras builds it: rotation . shift . shear . zoom, about the centre.
    const Affine rotation{std::cos(t), -std::sin(t), 0, std::sin(t), std::cos(t), 0};
    const Affine shift = translation(-p.tx, -p.ty); // content moves by +(tx, ty)
    const Affine shear{1, -std::sin(s), 0, 0, std::cos(s), 0};
    const Affine zoom{p.zx, 0, 0, 0, p.zy, 0};
    Affine total = translation(cx, cy) * rotation * shift * shear * zoom * translation(-cx, -cy);
    // Keras flips the transformed image; reading flipped output coordinates is the same.
    if (p.flipHorizontal) total = total * Affine{-1, 0, double(width - 1), 0, 1, 0};
    if (p.flipVertical) total = total * Affine{1, 0, 0, 0, -1, double(height - 1)};
    m[0] = total.a, m[1] = total.b, m[2] = total.c, m[3] = total.d, m[4] = total.e, m[5] = total.f;
}

void Augmenter::apply(const TransformParams& p, const uint8_t* src, int height, int width,
                      int channels, uint8_t* dst) const {
    const size_t bytes = size_t(height) * size_t(width) * size_t(channels);
    const cv::Mat in(height, width, CV_8UC(channels), const_cast<uint8_t*>(src));
    cv::Mat out(height, width, CV_8UC(channels),
                dst); // wraps dst: OpenCV writes in place, no allocation
    const bool geometric =
        p.theta != 0 || p.tx != 0 || p.ty != 0 || p.shear != 0 || p.zx != 1 || p.zy != 1;
    if (geometric) {
        double m[6];
        inverseMatrix(p, height, width, m);
        const cv::Mat matrix(2, 3, CV_64F, m);
        cv::warpAffine(in, out, matrix, out.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                       borderMode(options_.fillMode), cv::Scalar::all(options_.cval));
    } else if (p.flipHorizontal || p.flipVertical) {
        // Pure flips move whole pixels: cv::flip is exact and much cheaper than a warp.
        cv::flip(in, out, p.flipHorizontal && p.flipVertical ? -1 : p.flipHorizontal ? 1 : 0);
    } else {
        std::memcpy(dst, src, bytes);
    }
    if (p.brightness != 1) {
        uint8_t lut[256];
        for (int v = 0; v < 256; ++v)
            lut[v] = cv::saturate_cast<uint8_t>(v * p.brightness);
        for (size_t i = 0; i < bytes; ++i)
            dst[i] = lut[dst[i]];
    }
}

TransformParams Augmenter::randomTransform(const uint8_t* src, int height, int width, int channels,
                                           uint8_t* dst, uint64_t seed) const {
    const TransformParams p = draw(seed, 0, height, width);
    apply(p, src, height, width, channels, dst);
    return p;
}

void Augmenter::augmentBatch(ImageSet& batch, uint64_t batchSeed, bool parallel) const {
    if (!options_.enabled() || batch.count() == 0) return;
    const int h = batch.height, w = batch.width, c = batch.channels;
    const size_t bytes = size_t(batch.imageSize());
    auto work = [&](long begin, long end) {
        thread_local std::vector<uint8_t> scratch; // grows once per thread, then reused
        if (scratch.size() < bytes) scratch.resize(bytes);
        for (long i = begin; i < end; ++i) {
            const TransformParams p = draw(batchSeed, uint64_t(i), h, w);
            if (p.isIdentity()) continue;
            uint8_t* image = batch.image(int(i));
            apply(p, image, h, w, c, scratch.data());
            std::memcpy(image, scratch.data(), bytes);
        }
    };
    // Each image depends only on (seed, index): any split gives the same batch.
    if (parallel)
        parallelFor(batch.count(), 1, work);
    else
        work(0, batch.count());
}

BatchTransform Augmenter::batchTransform() const {
    Augmenter self = *this;
    return [self](ImageSet& batch, uint64_t seed) { self.augmentBatch(batch, seed, true); };
}

} // namespace cs
