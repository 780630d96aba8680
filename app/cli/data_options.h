// Command-line options about data, shared by `train`, `dataset show` and
// `augment preview`: image-folder decoding (target size, colour mode,
// interpolation, class mode), streaming (cache budget, prefetch, workers),
// preprocessing (rescale, mean, std) and augmentation under Keras's
// ImageDataGenerator names written with dashes (--rotation-range 20 ...).
// Each group is a list of OptionSpec for a command's help and a parser that
// turns ParsedArgs into the engine's settings (engine errors name the option).
#pragma once

#include "app/cli/cli_options.h"

#include "engine/data/augmentation.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/data/preprocessing.h"
#include "engine/data/streaming_folder_source.h"

#include <string>
#include <vector>

namespace cli {

// Appends `more` to `options` (to build a command's option list from groups).
void addOptions(std::vector<OptionSpec>& options, const std::vector<OptionSpec>& more);

std::vector<OptionSpec> imageFolderOptionSpecs(const std::string& defaultSize);
// Defaults come from the caller (the model's input, or the preview's size).
cs::ImageFolderOptions imageFolderOptions(const ParsedArgs& a, int height, int width, int channels);
bool hasImageFolderOption(const ParsedArgs& a);

std::vector<OptionSpec> streamingOptionSpecs();
cs::StreamingOptions streamingOptions(const ParsedArgs& a);

std::vector<OptionSpec> preprocessingOptionSpecs();
// Starts from `base` (the model file's stored preprocessing, or the default 1/255).
cs::Preprocessing preprocessingOptions(const ParsedArgs& a, cs::Preprocessing base);

std::vector<OptionSpec> augmentationOptionSpecs();
cs::AugmentationOptions augmentationOptions(const ParsedArgs& a);

// "150x150", "150,150" or "150" (square) -> {height, width}.
std::pair<int, int> parseSize(const std::string& text, const std::string& option);
// "1/255", "0.5", "0.5,0.5,0.5" -> numbers.
std::vector<double> parseNumbers(const std::string& text, const std::string& option);

} // namespace cli
