// convstudio-cli: the engine without a window. Every computing feature of the
// GUI is reachable here (and tested here): train, evaluate, predict, summary.
#include "app/cli/cli_options.h"
#include "app/cli/commands.h"

#include "engine/core/errors.h"
#include "engine/core/kernels.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "usage: convstudio-cli COMMAND [options]   (COMMAND --help for its options; --version)\n"
    "\n"
    "commands:\n"
    "  train      train a model on a data set (default: the course's first Fashion-MNIST CNN)\n"
    "  evaluate   loss, accuracy, per-class precision/recall/F1 and confusion matrix on the test split\n"
    "  predict    classify image files or folders with a trained model (--csv for a table)\n"
    "  summary    the Keras model.summary() table of a model\n"
    "  presets    list the course's model presets\n"
    "  dataset    dataset show DIR: counts per class and split, balance, a grid of the first images\n"
    "  augment    augment preview DIR: source images and random ImageDataGenerator transforms of them\n"
    "  convolve   apply a kernel to an image or a matrix (padding, stride, correlation vs convolution)\n"
    "  pool       max or average pooling of an image or a matrix\n"
    "  image      load, grey, crop, resize, rotate and save an image (the Pillow lesson)\n"
    "  kernels    a model's Conv2D kernels: weight statistics, histogram, a picture of every filter\n"
    "  features   the feature maps every layer makes of one image\n"
    "  gradcam    Grad-CAM heat map: where in an image the model looked for a class\n"
    "  export     a model in another format: --onnx model.onnx, --pytorch train.py (a training script)\n"
    "  import     an ONNX or Keras (.h5, to_json) model into a ConvStudio .safetensors model\n"
    "  specs      the settings a run takes (optimizers, losses, fit, callbacks, augmentation) as tables\n";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::printf("%s", kUsage);
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    try {
        // The kernels' instruction set: a CONVSTUDIO_ISA this CPU cannot run stops here, by name.
        if (command == "--version") {
            std::printf("convstudio-cli %s\nkernels: %s\n", CONVSTUDIO_VERSION, cs::kernelSummary().c_str());
            return 0;
        }
        cs::activeKernelIsa();
        if (command == "train") return cli::runTrain(args);
        if (command == "evaluate") return cli::runEvaluate(args);
        if (command == "predict") return cli::runPredict(args);
        if (command == "summary") return cli::runSummary(args);
        if (command == "presets") return cli::runPresets(args);
        if (command == "dataset") return cli::runDataset(args);
        if (command == "augment") return cli::runAugment(args);
        if (command == "convolve") return cli::runConvolve(args);
        if (command == "pool") return cli::runPool(args);
        if (command == "image") return cli::runImage(args);
        if (command == "kernels") return cli::runKernels(args);
        if (command == "features") return cli::runFeatures(args);
        if (command == "gradcam") return cli::runGradCam(args);
        if (command == "export") return cli::runExport(args);
        if (command == "import") return cli::runImport(args);
        if (command == "specs") return cli::runSpecs(args);
        std::fprintf(stderr, "convstudio-cli: unknown command '%s'\n\n%s", command.c_str(), kUsage);
        return 2;
    } catch (const cli::UsageError& e) {
        std::fprintf(stderr, "convstudio-cli %s: %s\n(see convstudio-cli %s --help)\n", command.c_str(), e.what(),
                     command.c_str());
        return 2;
    } catch (const cs::ConfigError& e) {
        std::fprintf(stderr, "convstudio-cli %s: %s\n", command.c_str(), e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "convstudio-cli %s: error: %s\n", command.c_str(), e.what());
        return 1;
    }
}
