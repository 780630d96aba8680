// On-the-fly data augmentation with the semantics of Keras's ImageDataGenerator.
//
// AugmentationOptions holds the generator's settings under Keras's names
// (rotation_range in degrees, width/height_shift_range as a fraction of the
// size, shear_range in degrees, zoom_range [1-z, 1+z] drawn per axis,
// horizontal/vertical_flip, brightness_range, fill_mode and cval). `rescale`
// is not here: it is preprocessing (data/preprocessing.h), applied to every
// split, while augmentation only touches the training split.
//
// Augmenter draws one TransformParams per image from (batch seed, index in the
// batch), so a batch is the same whatever thread computes which image, and
// applies it with one cv::warpAffine on the uint8 pixels:
//
//   Augmenter aug(options);
//   trainer.fit(train, classes, nullptr, aug.batchTransform()); // parallel, seeded
//   aug.randomTransform(image, h, w, c, out, seed);              // Keras's random_transform
#pragma once

#include "engine/core/random.h"
#include "engine/core/setting_spec.h"
#include "engine/data/batch_source.h"
#include "engine/data/image_set.h"
#include "engine/io/json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

// How pixels outside the source image are filled (Keras/scipy names).
enum class FillMode { Nearest, Constant, Reflect, Wrap };
FillMode fillModeFromName(const std::string& name); // throws ConfigError
std::string fillModeName(FillMode mode);

// The options as a spec table (Keras names, ranges, defaults, help): the Data
// page's augmentation editor and convstudio-cli's flags are made from it.
const std::vector<SettingSpec>& augmentationSpecs();
const SettingSpec& augmentationSpec(const std::string& key); // throws ConfigError

struct AugmentationOptions {
    double rotationRange = 0;         // degrees: angle uniform in [-r, r]
    double widthShiftRange = 0;       // < 1: fraction of the width; >= 1: pixels
    double heightShiftRange = 0;      // same, of the height
    double shearRange = 0;            // degrees, counter-clockwise shear angle uniform in [-s, s]
    double zoomLow = 1, zoomHigh = 1; // zoom_range: x and y factors each uniform in [lo, hi]
    bool horizontalFlip = false;
    bool verticalFlip = false;
    double brightnessLow = 1, brightnessHigh = 1; // brightness_range: pixel * factor
    FillMode fillMode = FillMode::Nearest;
    double cval = 0; // fill value for FillMode::Constant (0-255)

    // True when some setting changes images (identity settings cost nothing).
    bool enabled() const;
    // Sets one option by its Keras name ("rotation_range", "zoom_range", ...):
    // zoom_range takes "z" ([1-z, 1+z]) or "lo,hi"; brightness_range "lo,hi";
    // flips take true/false. Throws ConfigError naming the option.
    void set(const std::string& kerasName, const std::string& value);
    // Checks ranges (no negative range, zoom > 0 ...); throws ConfigError.
    void validate() const;
    Json toJson() const; // Keras names, only the settings that differ from identity
    static AugmentationOptions fromJson(const Json& v);
    std::string describe() const; // "rotation_range=20, zoom_range=[0.8, 1.2], ..."

private:
    void assign(const std::string& kerasName, const std::string& value);
};

// One drawn transform. Geometry is the map from an output pixel back to the
// source pixel it reads (as scipy's affine_transform under Keras), around the
// image centre ((w-1)/2, (h-1)/2): zoom, then shear, then shift, then rotation.
struct TransformParams {
    double theta = 0; // rotation, degrees (content turns counter-clockwise for theta > 0)
    double tx = 0,
           ty = 0;    // shift in pixels along x (width) and y (height); content moves by (tx, ty)
    double shear = 0; // degrees
    double zx = 1, zy = 1; // zoom: > 1 shows a larger area (content shrinks), as in Keras
    bool flipHorizontal = false;
    bool flipVertical = false;
    double brightness = 1; // pixel * brightness, clipped to 0-255
    bool isIdentity() const;
    std::string describe() const; // short, for preview labels
};

class Augmenter {
public:
    explicit Augmenter(AugmentationOptions options);
    const AugmentationOptions& options() const { return options_; }

    // The parameters for image `index` of the batch with seed `batchSeed`.
    TransformParams draw(uint64_t batchSeed, uint64_t index, int height, int width) const;
    // The 2x3 matrix mapping output (x, y) to source (x, y), flips included.
    static void inverseMatrix(const TransformParams& p, int height, int width, double m[6]);
    // Transforms one HWC uint8 image (src and dst must not overlap).
    void apply(const TransformParams& p, const uint8_t* src, int height, int width, int channels,
               uint8_t* dst) const;
    // Keras's random_transform: draw(seed, 0) then apply.
    TransformParams randomTransform(const uint8_t* src, int height, int width, int channels,
                                    uint8_t* dst, uint64_t seed) const;
    // Every image of the batch in place: in parallel in the caller's oneTBB
    // arena, or on the calling thread only (parallel = false, for streaming
    // workers that already run one batch each).
    void augmentBatch(ImageSet& batch, uint64_t batchSeed, bool parallel = true) const;
    // The trainer's hook (only given for the training split).
    BatchTransform batchTransform() const;

private:
    AugmentationOptions options_;
};

} // namespace cs
