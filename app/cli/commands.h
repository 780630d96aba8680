// The subcommands of convstudio-cli. Each returns the process exit code:
// 0 success, 1 an error in data or files (message printed; also a training run
// that saved its model but failed to write a checkpoint or its log), 2 a usage
// error, 3 training diverged (NaN loss), 130 interrupted by Ctrl-C.
#pragma once

#include <string>
#include <vector>

namespace cli {

using Args = std::vector<std::string>;

int runSummary(const Args& args);
int runTrain(const Args& args);
int runEvaluate(const Args& args);
int runPredict(const Args& args);
int runPresets(const Args& args);
int runDataset(const Args& args);
int runAugment(const Args& args);
int runConvolve(const Args& args);
int runPool(const Args& args);
int runImage(const Args& args);
int runKernels(const Args& args);
int runFeatures(const Args& args);
int runGradCam(const Args& args);
int runExport(const Args& args);
int runImport(const Args& args);
int runSpecs(const Args& args);

} // namespace cli
