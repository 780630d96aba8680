// `convstudio-cli export MODEL --FORMAT FILE`: a model in another framework's
// format. One option per format (a small table below), so each converter
// adds one row: --onnx today.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/model_source.h"
#include "app/cli/output_checks.h"

#include "engine/interop/onnx_export.h"

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace cli {

namespace {

struct ExportFormat {
    OptionSpec option;
    std::function<void(const std::string& path, const cs::LoadedModel& m)> write;
};

const std::vector<ExportFormat>& exportFormats() {
    static const std::vector<ExportFormat> formats{
        {{"--onnx", "FILE",
          "an ONNX model (opset " + std::to_string(cs::kOnnxExportOpset) +
              ", NCHW input; class names and preprocessing in metadata_props): runs in OpenCV DNN, "
              "ONNX Runtime, ..."},
         [](const std::string& path, const cs::LoadedModel& m) { cs::exportOnnx(path, m.model, m.metadata); }},
    };
    return formats;
}

} // namespace

int runExport(const Args& args) {
    CommandSpec spec{"export", "export MODEL --onnx FILE",
                     "Writes MODEL (a trained .safetensors model, an imported .onnx, or a .json architecture\n"
                     "or preset, which is exported with its initial random weights) in another format.\n"
                     "docs/formats.md describes each mapping.",
                     {}};
    for (const ExportFormat& f : exportFormats()) spec.options.push_back(f.option);
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("export needs exactly one MODEL");
    std::vector<const ExportFormat*> chosen;
    for (const ExportFormat& f : exportFormats())
        if (a.has(f.option.name)) chosen.push_back(&f);
    if (chosen.empty()) throw UsageError("say which format to write, e.g. --onnx model.onnx");
    for (const ExportFormat* f : chosen) checkOutputFile(a, f->option.name);
    cs::LoadedModel m = openModel(a.positional()[0]);
    if (!m.model.isBuilt()) {
        m.model.build(0);
        std::printf("%s is an architecture without trained weights: exported with its initial weights\n",
                    a.positional()[0].c_str());
    }
    for (const ExportFormat* f : chosen) {
        const std::string path = a.get(f->option.name);
        f->write(path, m);
        std::printf("wrote %s\n", path.c_str());
    }
    return 0;
}

} // namespace cli
