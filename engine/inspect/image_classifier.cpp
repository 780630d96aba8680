#include "engine/inspect/image_classifier.h"

#include "engine/core/errors.h"
#include "engine/data/image_input.h"
#include "engine/inspect/class_scores.h"
#include "engine/io/atomic_file.h"
#include "engine/io/image_codec.h"
#include "engine/training/trainer.h"


#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <numeric>

namespace cs {

namespace fs = std::filesystem;

namespace {

bool isHidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

bool looksLikeImage(const std::string& path) {
    return canDecodeImageFile(path); // reads the signature only
}

// RFC 4180: quote fields with commas, quotes or line breaks.
std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

constexpr int kBatch = 64; // images decoded and run at a time
} // namespace

std::vector<std::string> listImageFiles(const std::string& folder, bool recursive,
                                        std::vector<SkippedFile>* skippedLinks) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw DataError(CS_TEXT("cs::Inspect", "%1: no such folder").arg(folder));
    std::vector<std::string> files;
    auto consider = [&](const fs::directory_entry& e) {
        if (e.is_regular_file(ec) && looksLikeImage(e.path().string())) files.push_back(e.path().string());
    };
    if (recursive) {
        FolderWalk walk = walkFolder(folder);
        for (const std::string& f : walk.files)
            if (looksLikeImage(f)) files.push_back(f);
        if (skippedLinks)
            skippedLinks->insert(skippedLinks->end(), walk.skipped.begin(), walk.skipped.end());
    } else {
        for (const auto& e : fs::directory_iterator(folder, ec))
            if (!isHidden(e.path())) consider(e);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<FileClassification> classifyFiles(Model& model, const Preprocessing& preprocessing,
                                              const std::vector<std::string>& paths, int threads,
                                              const ClassifyProgress& progress) {
    const Shape in = model.inputShape();
    if (in.rank() != 3)
        throw ShapeError(CS_TEXT("cs::Inspect", "this model does not take images (input %1)")
                             .arg(in.toString()));
    // The batch's activations fit the memory limit before any image is decoded.
    if (!paths.empty()) model.checkBatchMemory(int(std::min<size_t>(paths.size(), kBatch)), false);
    std::vector<FileClassification> rows;
    rows.reserve(paths.size());
    Tensor batch;
    for (size_t start = 0; start < paths.size(); start += kBatch) {
        const size_t end = std::min(paths.size(), start + kBatch);
        ImageSet images;
        images.height = in[0];
        images.width = in[1];
        images.channels = in[2];
        std::vector<size_t> rowOf; // row of each decoded image
        for (size_t i = start; i < end; ++i) {
            FileClassification row;
            row.path = paths[i];
            try {
                appendImageFile(paths[i], in[0], in[1], in[2], images);
                rowOf.push_back(rows.size());
            } catch (const std::exception& e) {
                // Any failure stays this file's (an allocation failure included),
                // and its message names the file.
                row.error = textOf(e);
                if (std::string(e.what()).rfind(paths[i], 0) != 0)
                    row.error = row.error.within(paths[i]);
            }
            rows.push_back(std::move(row));
        }
        if (images.count() > 0) {
            std::vector<int> idx(size_t(images.count()));
            std::iota(idx.begin(), idx.end(), 0);
            fillBatch(images, idx.data(), images.count(), preprocessing, batch, 1);
            const Tensor out = predict(model, batch, threads);
            for (int i = 0; i < images.count(); ++i) {
                FileClassification& row = rows[rowOf[size_t(i)]];
                row.probabilities = classProbabilities(out, i);
                row.best = int(std::max_element(row.probabilities.begin(), row.probabilities.end()) -
                               row.probabilities.begin());
            }
        }
        if (progress && !progress(int(end), int(paths.size()))) break;
    }
    return rows;
}

void writeClassificationsCsv(const std::string& path, const std::vector<FileClassification>& rows,
                             const std::vector<std::string>& classNames) {
    size_t classes = classNames.size();
    for (const auto& r : rows) classes = std::max(classes, r.probabilities.size());
    auto nameOf = [&](size_t c) {
        return c < classNames.size() ? classNames[c] : "class " + std::to_string(c);
    };
    std::string text = "file,predicted,confidence";
    // (+= piece by piece: GCC 12 warns falsely about "," + std::string.)
    for (size_t c = 0; c < classes; ++c) {
        text += ',';
        text += csvField("p(" + nameOf(c) + ")");
    }
    text += ",error\n";
    char number[32];
    for (const auto& r : rows) {
        text += csvField(r.path);
        if (r.ok()) {
            std::snprintf(number, sizeof number, "%.6f", r.probabilities[size_t(r.best)]);
            text += ',';
            text += csvField(nameOf(size_t(r.best)));
            text += ',';
            text += number;
        } else {
            text += ",,";
        }
        for (size_t c = 0; c < classes; ++c) {
            text += ",";
            if (c < r.probabilities.size()) {
                std::snprintf(number, sizeof number, "%.6f", r.probabilities[c]);
                text += number;
            }
        }
        text += ',';
        text += csvField(r.error.english());
        text += '\n';
    }
    writeFileAtomically(path, {text});
}

} // namespace cs
