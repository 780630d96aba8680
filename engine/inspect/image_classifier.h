// Classifying image files with a trained model: one file, a list, or every
// image in a folder — the Classify page's folder table and `convstudio-cli
// predict MODEL FOLDER --csv out.csv`. Each file is converted to the model's
// input as in training (data/image_input.h, then the model's preprocessing),
// in batches, so a folder of thousands of photos needs little memory.
// A file that cannot be read keeps its row with the reason, and the rest go on:
// one whose header claims more pixels than the limit is not even decoded.
#pragma once

#include "engine/core/user_text.h"
#include "engine/data/folder_walk.h"
#include "engine/data/preprocessing.h"
#include "engine/model/model.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

struct FileClassification {
    std::string path;
    std::vector<double> probabilities; // empty when the file could not be read
    int best = -1;                     // most probable class, -1 on error
    UserText error; // why the file could not be classified (starts with the path)
    bool ok() const { return error.empty(); }
};

// The image files of a folder (OpenCV recognises their signature), sorted by
// path; hidden files skipped. Recursive listing follows folder links only
// inside `folder` and never twice into one folder (data/folder_walk.h); the
// links left out are added to `skippedLinks` when given. Throws DataError
// when the folder is missing.
std::vector<std::string> listImageFiles(const std::string& folder, bool recursive,
                                        std::vector<SkippedFile>* skippedLinks = nullptr);

// Return false from the callback to stop early (the rows done so far are returned).
using ClassifyProgress = std::function<bool(int done, int total)>;

// Classifies `paths` with `model` (built, input [H, W, 1 or 3]); threads 0 = every core.
std::vector<FileClassification> classifyFiles(Model& model, const Preprocessing& preprocessing,
                                              const std::vector<std::string>& paths, int threads,
                                              const ClassifyProgress& progress = {});

// CSV: file, predicted class, confidence, then one probability column per
// class (header from classNames), then error. Written atomically.
void writeClassificationsCsv(const std::string& path, const std::vector<FileClassification>& rows,
                             const std::vector<std::string>& classNames);

} // namespace cs
