// convstudio-cli export MODEL --FORMAT FILE: a model for another framework.
// One function per format (export_pytorch.cpp, ...); this file only dispatches.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"
#include "app/cli/data_options.h"
#include "app/cli/export_pytorch.h"
#include "app/cli/output_checks.h"

#include <cstdio>

namespace cli {

namespace {

CommandSpec exportSpec() {
    CommandSpec spec{"export", "export MODEL --pytorch train.py [options]",
                     "Writes MODEL (a .safetensors model, an architecture, a Keras .h5 or a preset)\n"
                     "for another framework:\n"
                     "  --pytorch FILE   one PyTorch training script (torch + numpy only): the same\n"
                     "                   layers, data set, preprocessing, optimizer, loss, epochs, batch\n"
                     "                   size and callbacks, the model's weights, CUDA when available,\n"
                     "                   DistributedDataParallel under torchrun; `python3 FILE --check`\n"
                     "                   compares its probabilities with ConvStudio's on 16 images.",
                     {{"--pytorch", "FILE", "write a PyTorch training script"}}};
    addOptions(spec.options, pytorchExportOptionSpecs());
    return spec;
}

} // namespace

int runExport(const Args& args) {
    const CommandSpec spec = exportSpec();
    ParsedArgs a(spec, args);
    if (a.helpRequested()) {
        std::printf("%s", spec.helpText().c_str());
        return 0;
    }
    if (a.positional().size() != 1) throw UsageError("export needs exactly one MODEL");
    if (a.has("--pytorch")) {
        checkOutputFile(a, "--pytorch");
        return exportPytorch(a, a.positional()[0], a.get("--pytorch"));
    }
    throw UsageError("export needs a format: --pytorch FILE");
}

} // namespace cli
