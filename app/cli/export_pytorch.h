// `convstudio-cli export MODEL --pytorch train.py`: the PyTorch training script
// (engine/interop/pytorch_script_export.h) with ConvStudio's own probabilities
// on 16 inputs written in for its --check mode.
#pragma once

#include "app/cli/cli_options.h"
#include "engine/model/model_file.h"

#include <string>
#include <vector>

namespace cli {

// The export options this format adds (--data, the callbacks).
std::vector<OptionSpec> pytorchExportOptionSpecs();
// Writes the script of `m` (read from modelArg) to `out`, and, for a trained
// model that is not a .safetensors file (a Keras .h5, an ONNX model), the
// weights beside it as OUT.safetensors.
void exportPytorch(const ParsedArgs& a, const std::string& modelArg, cs::LoadedModel& m,
                   const std::string& out);

} // namespace cli
