// Image folders as Keras's flow_from_directory / image_dataset_from_directory
// read them: one sub-folder per class (class names = sub-folder names, sorted),
// either inside train/, validation/ (and optionally test/) folders, or in one
// folder that validation_split cuts in two with a seed.
//
// indexImageFolders() only lists files (no decoding), so a summary or a grid of
// the first images of a huge folder is instant; files whose content no OpenCV
// decoder recognises are skipped and reported, and so are folder links that
// lead out of the data set folder or back to a folder already listed
// (data/folder_walk.h). An image whose header claims more pixels than the
// limit (CONVSTUDIO_MAX_IMAGE_PIXELS) is skipped when decoding, not decoded. decodeImageFile()
// turns one file into the target size and colour mode; decodeImages() does a list in parallel,
// skipping (and reporting) files that fail to decode: never fatal.
//
//   ImageFolderOptions opt;  opt.height = opt.width = 150;
//   ImageFolderIndex index = indexImageFolders("cats_and_dogs_filtered", opt);
//   ImageSet train = decodeImages(index.train, opt, index.skipped);
#pragma once

#include "engine/data/folder_walk.h"
#include "engine/data/image_set.h"
#include "engine/core/user_text.h"

#include <string>
#include <vector>

namespace cs {

enum class ColorMode { Grayscale, Rgb };
enum class ClassMode { Categorical, Sparse, Binary };
// Auto: area averaging when shrinking, bilinear when enlarging (what `predict`
// does with new images, so training and prediction see the same pixels).
enum class Interpolation { Auto, Nearest, Bilinear, Bicubic, Area, Lanczos };

ColorMode colorModeFromName(const std::string& name); // "grayscale"/"grey"/"rgb"; ConfigError
ClassMode classModeFromName(const std::string& name); // "categorical", "sparse", "binary"
Interpolation interpolationFromName(const std::string& name);
std::string colorModeName(ColorMode mode);
std::string classModeName(ClassMode mode);
std::string interpolationName(Interpolation mode);

struct ImageFolderOptions {
    int height = 256, width = 256; // target_size, Keras's default (256, 256)
    ColorMode colorMode = ColorMode::Rgb;
    Interpolation interpolation = Interpolation::Auto;
    ClassMode classMode = ClassMode::Categorical; // labels are class indices for every mode
    double validationSplit = 0; // without a validation/ folder: this fraction of train validates
    uint64_t seed = 42;         // shuffles the single folder before the split
    int channels() const { return colorMode == ColorMode::Grayscale ? 1 : 3; }
};

struct FolderImage {
    std::string path;
    int label = 0;
};

struct ImageFolderIndex {
    std::string root;
    std::string name;                    // the folder's name ("cats_and_dogs_filtered")
    UserText layout;                     // how the splits were found, for the summary
    std::vector<std::string> classNames; // sorted sub-folder names; index = label
    std::vector<FolderImage> train, validation, test;
    std::vector<SkippedFile> skipped; // files found while listing that are not images
    bool validationFolder = false;    // validation/ holds the validation images: no split applies
};

// True when the folder has a train/ sub-folder or at least one sub-folder (of
// classes); false for other data set kinds and for plain files.
bool looksLikeImageFolder(const std::string& folder);

// Lists the splits. Throws DataError naming the folder when it is missing or
// empty, has no class sub-folders (images lying loose), or holds no images;
// ConfigError when class_mode is binary and there are not exactly two classes.
ImageFolderIndex indexImageFolders(const std::string& folder, const ImageFolderOptions& options);

// Decodes one file into `out` (height * width * channels bytes, HWC, RGB or
// grey). Returns false with the reason in *why when the file is not a readable
// image (corrupt, truncated JPEG, unsupported). Thread-safe.
bool decodeImageFile(const std::string& path, const ImageFolderOptions& options, uint8_t* out,
                     UserText* why);

// Decodes the files in parallel (in the caller's oneTBB arena), in order,
// leaving out the ones that fail; those are appended to `skipped`.
ImageSet decodeImages(const std::vector<FolderImage>& files, const ImageFolderOptions& options,
                      std::vector<SkippedFile>& skipped);

// A whole image-folder data set decoded into memory.
struct FolderDataset {
    Dataset data;        // train; test = test/ if present, else validation/
    ImageSet validation; // validation/ or the validation_split part (empty if none)
    ImageFolderIndex index;
    std::vector<SkippedFile> skipped; // listing and decoding failures
};
FolderDataset loadImageFolderDataset(const std::string& folder, const ImageFolderOptions& options);

// "3 files skipped: a.jpg (corrupt JPEG ...), ..." listing at most `maxNames`.
std::string skippedReport(const std::vector<SkippedFile>& skipped, size_t maxNames = 10);

} // namespace cs
