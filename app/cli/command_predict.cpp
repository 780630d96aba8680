#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/model_source.h"
#include "app/cli/output_checks.h"

#include "engine/core/errors.h"
#include "engine/inspect/class_scores.h"
#include "engine/inspect/image_classifier.h"
#include "engine/io/json.h"

#include <cstdio>
#include <filesystem>

namespace cli {

namespace {
CommandSpec predictSpec() {
    return {"predict",
            "predict MODEL IMAGE|FOLDER... [--top K] [--json] [--csv FILE]",
            "Classifies image files with a trained model. Each image (any size or format OpenCV\n"
            "reads) is converted to the model's input as in training: resized to its height and\n"
            "width, grey or RGB, then rescaled/normalised with the model's stored preprocessing.\n"
            "A folder stands for the images in it. A file that cannot be read is reported and\n"
            "the others are still classified (exit code 1 at the end); so is an image whose\n"
            "header claims more than CONVSTUDIO_MAX_IMAGE_PIXELS pixels (default 100 megapixels),\n"
            "which is not decoded at all.",
            {
                {"--top", "K", "classes to show per image (default 3)"},
                {"--json", "", "print JSON instead of text"},
                {"--csv", "FILE", "also write every image's class probabilities to a CSV table"},
                {"--recursive", "", "look for images in sub-folders of a FOLDER too"},
                {"--threads", "N", "threads (default: every core)"},
            }};
}

std::vector<std::string> expandPaths(const std::vector<std::string>& args, bool recursive) {
    std::vector<std::string> paths;
    for (const std::string& a : args) {
        std::error_code ec;
        if (std::filesystem::is_directory(a, ec)) {
            std::vector<cs::SkippedFile> links;
            const std::vector<std::string> files = cs::listImageFiles(a, recursive, &links);
            for (const cs::SkippedFile& s : links)
                std::fprintf(stderr, "skipped %s: %s\n", s.path.c_str(),
                             s.reason.english().c_str());
            if (files.empty()) throw cs::DataError(a + ": the folder holds no images");
            paths.insert(paths.end(), files.begin(), files.end());
        } else {
            paths.push_back(a);
        }
    }
    return paths;
}
} // namespace

int runPredict(const Args& args) {
    const CommandSpec spec = predictSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() < 2) throw UsageError("predict needs a MODEL and at least one IMAGE or FOLDER");
    checkOutputFile(a, "--csv");
    cs::LoadedModel m = openTrainedModel(a.positional()[0]);
    const std::vector<std::string> paths = expandPaths(
        std::vector<std::string>(a.positional().begin() + 1, a.positional().end()), a.has("--recursive"));
    const int top = a.getInt("--top", 3, 1, 1 << 20);
    const bool json = a.has("--json");
    const std::vector<cs::FileClassification> rows =
        cs::classifyFiles(m.model, m.metadata.preprocessing, paths, a.getInt("--threads", 0, 0, 1024));

    const auto& names = m.metadata.classNames;
    cs::Json all = cs::Json::array();
    int failed = 0;
    for (const cs::FileClassification& row : rows) {
        cs::Json entry = cs::Json::object();
        entry["image"] = row.path;
        if (!row.ok()) {
            ++failed;
            entry["error"] = row.error.english();
            all.push_back(entry);
            if (!json) std::fprintf(stderr, "not classified: %s\n", row.error.english().c_str());
            continue;
        }
        cs::Json list = cs::Json::array();
        if (!json) std::printf("%s\n", row.path.c_str());
        int rank = 1;
        for (const cs::ClassScore& s : cs::topClasses(row.probabilities, names, top)) {
            cs::Json item = cs::Json::object();
            item["class"] = s.name;
            item["index"] = s.index;
            item["probability"] = s.probability;
            list.push_back(item);
            if (!json) std::printf("  %d. %-20s %6.2f%%\n", rank++, s.name.c_str(), 100.0 * s.probability);
        }
        entry["top"] = list;
        all.push_back(entry);
    }
    if (json) std::printf("%s\n", cs::json::dump(all, 2).c_str());
    if (a.has("--csv")) {
        cs::writeClassificationsCsv(a.get("--csv"), rows, names);
        if (!json) std::printf("wrote %zu rows to %s\n", rows.size(), a.get("--csv").c_str());
    }
    return failed ? 1 : 0;
}

} // namespace cli
