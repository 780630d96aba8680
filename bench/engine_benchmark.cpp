// ConvStudio's engine benchmark (docs/performance.md): per instruction-set
// path of the kernels, the FMA peak, then training and inference speed of the
// course models on 1 and 2 threads, each followed by the same measurement in
// PyTorch (bench/pytorch_reference.py); then the peak memory of a full
// Fashion-MNIST training epoch.
//
//   engine_benchmark [--isa all|avx2,generic] [--models M1,M2,M3,M4] [--threads 1,2] [--repeats 5]
//                    [--no-pytorch] [--pytorch-any-isa] [--no-memory] [--cli PATH]
//   engine_benchmark [--isa ...] [--threads 1,2] --layers M1   (per-layer profile of a training step)
//   engine_benchmark [--isa ...] --gemm                         (GEMM kernels beside Eigen, one thread)
// Without --isa: the path the engine chose (CONVSTUDIO_ISA or the best this CPU runs).
#include "bench/fma_peak.h"
#include "bench/gemm_comparison.h"
#include "bench/model_flops.h"

#include "engine/core/errors.h"
#include "engine/core/kernels.h"
#include "engine/core/parallel.h"
#include "engine/core/random.h"
#include "engine/layers/conv2d.h"
#include "engine/model/model_file.h"
#include "engine/training/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct BenchModel {
    std::string id, preset;
};
const std::vector<BenchModel> kModels{{"M1", "fashion_mnist_first_cnn"},
                                      {"M2", "cifar10_three_conv"},
                                      {"M3", "mnist_cnn_architecture"},
                                      {"M4", "cats_vs_dogs_150"}};

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t c = s.find(',', start);
        if (c == std::string::npos) c = s.size();
        if (c > start) out.push_back(s.substr(start, c - start));
        start = c + 1;
    }
    return out;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

cs::ImageSet randomImages(const cs::Shape& shape, int count, int classes) {
    cs::ImageSet s;
    s.height = shape[0];
    s.width = shape[1];
    s.channels = shape[2];
    s.pixels.resize(size_t(count) * size_t(shape.numel()));
    cs::Rng rng(1);
    for (auto& p : s.pixels) p = uint8_t(rng.next());
    for (int i = 0; i < count; ++i) s.labels.push_back(int32_t(i % classes));
    return s;
}

// Images per second of training (batch 64, Adam): median of `repeats` epochs of `steps` batches.
double trainingSpeed(const std::string& preset, int threads, int repeats) {
    cs::Model model = cs::loadArchitectureFile(std::string(CONVSTUDIO_PRESETS_DIR) + "/" + preset + ".json");
    const int units = int(model.outputShape().numel());
    const int classes = units == 1 ? 2 : units;
    const int batch = 64;
    const int steps = preset == "cats_vs_dogs_150" ? 6 : 40;
    cs::ImageSet data = randomImages(model.inputShape(), batch * steps, classes);
    cs::Adam adam;
    cs::FitOptions o;
    o.batchSize = batch;
    o.threads = threads;
    o.epochs = 1;
    cs::Trainer trainer(model, adam, units == 1 ? cs::Loss::BinaryCrossentropy : cs::Loss::CategoricalCrossentropy, o);
    trainer.fit(data, classes); // warm-up: buffers sized, pages touched
    std::vector<double> rates;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = Clock::now();
        trainer.fit(data, classes);
        rates.push_back(double(data.count()) / std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return median(rates);
}

// Images per second of inference at a batch size: median over repeats.
double inferenceSpeed(const std::string& preset, int threads, int batch, int repeats) {
    cs::Model model = cs::loadArchitectureFile(std::string(CONVSTUDIO_PRESETS_DIR) + "/" + preset + ".json");
    model.build(1);
    cs::Tensor input(model.inputShape().withBatch(batch));
    cs::Rng rng(2);
    for (int64_t i = 0; i < input.size(); ++i) input[i] = float(rng.uniform());
    cs::ThreadPool pool(threads);
    cs::RunContext ctx;
    ctx.chunks = pool.threads();
    const int heavy = preset == "cats_vs_dogs_150" ? 8 : 1;
    const int iterations = std::max(4, (batch == 1 ? 400 : 40) / heavy);
    std::vector<double> rates;
    pool.run([&] {
        model.forward(input, ctx);
        for (int r = 0; r < repeats; ++r) {
            const auto t0 = Clock::now();
            for (int i = 0; i < iterations; ++i) model.forward(input, ctx);
            rates.push_back(double(batch) * iterations / std::chrono::duration<double>(Clock::now() - t0).count());
        }
    });
    return median(rates);
}

// Per-layer forward/backward milliseconds of a training step (batch 64), with
// the products' GFLOP/s and their share of the path's FMA peak.
void layerProfile(const std::string& preset, int threads, double peakGflops) {
    cs::Model model = cs::loadArchitectureFile(std::string(CONVSTUDIO_PRESETS_DIR) + "/" + preset + ".json");
    const int units = int(model.outputShape().numel());
    const int classes = units == 1 ? 2 : units;
    cs::ImageSet data = randomImages(model.inputShape(), 64 * 20, classes);
    cs::Adam adam;
    cs::FitOptions o;
    o.batchSize = 64;
    o.threads = threads;
    cs::Trainer trainer(model, adam, units == 1 ? cs::Loss::BinaryCrossentropy : cs::Loss::CategoricalCrossentropy, o);
    trainer.fit(data, classes);
    cs::Model::LayerTimes times;
    model.setLayerTimes(&times);
    const auto t0 = Clock::now();
    trainer.fit(data, classes);
    const double total = std::chrono::duration<double>(Clock::now() - t0).count() * 1e3 / 20;
    model.setLayerTimes(nullptr);
    const std::vector<bench::LayerFlops> flops = bench::countLayerFlops(model);
    std::printf("%s, %d thread(s), ms per batch of 64 (step total %.2f ms); products: GFLOP/s and %% of the "
                "%.1f GFLOP/s peak\n",
                preset.c_str(), threads, total, peakGflops);
    double sum = 0;
    for (int k = 1; k < model.nodeCount(); ++k) {
        const double f = k < int(times.forward.size()) ? times.forward[size_t(k)] * 1e3 / 20 : 0;
        const double b = k < int(times.backward.size()) ? times.backward[size_t(k)] * 1e3 / 20 : 0;
        sum += f + b;
        std::printf("  %-22s %-20s forward %7.3f  backward %7.3f", model.layer(k).name().c_str(),
                    model.layer(k).className().c_str(), f, b);
        const bench::LayerFlops& lf = flops[size_t(k)];
        if (lf.forward > 0 && f > 0 && b > 0) {
            // ms per batch of 64 -> GFLOP/s (per thread: the profile is the calling thread's CPU time).
            const double fg = lf.forward * 64 / (f * 1e-3) / 1e9, bg = lf.backward * 64 / (b * 1e-3) / 1e9;
            const double all = (lf.forward + lf.backward) * 64 / ((f + b) * 1e-3) / 1e9;
            std::printf("   %6.1f / %6.1f GFLOP/s, together %6.1f = %3.0f%%", fg, bg, all, 100 * all / peakGflops);
            const auto* conv = dynamic_cast<const cs::Conv2D*>(&model.layer(k));
            if (conv && conv->forwardIsWinograd()) std::printf(" (Winograd)");
        }
        std::printf("\n");
    }
    std::printf("  layers %.2f ms, rest (batch forming, loss, optimizer) %.2f ms\n", sum, total - sum);
    std::printf("  (Winograd: F(2x2, 3x3) does 2.25x fewer products than the direct count these GFLOP/s are "
                "based on, so its share of the peak can pass 100%%)\n");
}

// Runs a command; returns its exit status and sets its stdout and peak RSS (KiB).
int runCommand(const std::vector<std::string>& argv, std::string& out, long& maxRssKb) {
    int pipefd[2];
    if (pipe(pipefd) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
    posix_spawn_file_actions_addclose(&actions, pipefd[0]);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipefd[1]);
    if (rc != 0) {
        close(pipefd[0]);
        return -1;
    }
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, size_t(n));
    close(pipefd[0]);
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    maxRssKb = usage.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The environment that keeps PyTorch to the instruction set of one of our paths
// when that path is not the best this CPU runs: a path forced down to avx2 on an
// AVX-512 machine stands for an AVX2 machine, where PyTorch (oneDNN, ATen's
// vectorized loops, OpenBLAS) has no AVX-512 either. oneDNN goes no lower than
// SSE4.1, so the generic path's PyTorch keeps that much.
std::vector<std::string> pytorchIsaLimit(cs::KernelIsa isa) {
    if (isa == cs::supportedKernelIsas().front()) return {};
    switch (isa) {
    case cs::KernelIsa::Avx512: return {};
    case cs::KernelIsa::Avx2:
        return {"ONEDNN_MAX_CPU_ISA=AVX2", "ATEN_CPU_CAPABILITY=avx2", "OPENBLAS_CORETYPE=Haswell"};
    case cs::KernelIsa::Generic:
        return {"ONEDNN_MAX_CPU_ISA=SSE41", "ATEN_CPU_CAPABILITY=default", "OPENBLAS_CORETYPE=Nehalem"};
    }
    return {};
}

// PyTorch's figure for the same measurement, or a negative number when unavailable.
double pytorchSpeed(const std::string& preset, const std::string& mode, int threads, int batch, int repeats,
                    const std::vector<std::string>& environment) {
    std::vector<std::string> argv{"/usr/bin/python3", std::string(CONVSTUDIO_BENCH_DIR) + "/pytorch_reference.py",
                                  "--preset", std::string(CONVSTUDIO_PRESETS_DIR) + "/" + preset + ".json", "--mode",
                                  mode, "--threads", std::to_string(threads), "--batch", std::to_string(batch),
                                  "--repeats", std::to_string(repeats)};
    argv.insert(argv.begin(), environment.begin(), environment.end());
    argv.insert(argv.begin(), "/usr/bin/env");
    std::string out;
    long rss = 0;
    const int rc = runCommand(argv, out, rss);
    if (rc != 0) return -1;
    return std::atof(out.c_str());
}

void printRow(const char* model, const char* what, int threads, double ours, double torch, double gflop) {
    char torchText[32] = "   n/a", ratio[32] = "   n/a";
    if (torch > 0) {
        std::snprintf(torchText, sizeof torchText, "%9.0f", torch);
        std::snprintf(ratio, sizeof ratio, "%6.2fx", ours / torch);
    }
    std::printf("%-3s %-16s %2d  %9.0f  %s  %s  %7.1f\n", model, what, threads, ours, torchText, ratio, gflop);
    std::fflush(stdout);
}

// The --isa list: "all" = every path this CPU runs; exits with a message for a path it lacks.
std::vector<cs::KernelIsa> parseIsas(const std::string& text) {
    if (text == "all") return cs::supportedKernelIsas();
    std::vector<cs::KernelIsa> isas;
    for (const auto& name : split(text)) {
        bool known = false;
        for (cs::KernelIsa isa : cs::builtKernelIsas())
            if (cs::kernelIsaName(isa) == name) {
                known = true;
                if (!cs::kernelTable(isa)) {
                    std::fprintf(stderr, "--isa %s: this CPU lacks %s\n", name.c_str(),
                                 cs::missingCpuFeatures(isa).c_str());
                    std::exit(2);
                }
                isas.push_back(isa);
            }
        if (!known) {
            std::fprintf(stderr, "--isa %s: not a path of this build (all, avx512, avx2, generic)\n", name.c_str());
            std::exit(2);
        }
    }
    return isas;
}

void printKernels(cs::KernelIsa isa) {
    const cs::kernels::KernelTable& t = *cs::kernelTable(isa);
    std::printf("kernels: %s: %s, GEMM tile %dx%d\n", t.name, t.description, t.gemmTileRows, t.gemmTileColumns);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> models{"M1", "M2", "M3", "M4"};
    std::vector<int> threads{1, 2};
    int repeats = 5;
    bool pytorch = true, memory = true, gemm = false, pytorchAnyIsa = false;
    std::string cli = CONVSTUDIO_CLI_PATH, layers;
    std::vector<cs::KernelIsa> isas;
    try {
        isas = {cs::activeKernelIsa()};
    } catch (const cs::ConfigError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--models") models = split(next());
        else if (a == "--threads") {
            threads.clear();
            for (auto& t : split(next())) threads.push_back(std::stoi(t));
        } else if (a == "--repeats") repeats = std::stoi(next());
        else if (a == "--no-pytorch") pytorch = false;
        else if (a == "--no-memory") memory = false;
        else if (a == "--pytorch-any-isa") pytorchAnyIsa = true;
        else if (a == "--cli") cli = next();
        else if (a == "--isa") isas = parseIsas(next());
        else if (a == "--layers") layers = next();
        else if (a == "--gemm") gemm = true;
        else {
            std::fprintf(stderr, "usage: %s [--isa all|avx512,avx2,generic] [--models M1,M2,M3,M4] [--threads 1,2] "
                                 "[--repeats N] [--no-pytorch] [--pytorch-any-isa] [--no-memory] [--cli PATH] "
                                 "[--layers M1] [--gemm]\n",
                         argv[0]);
            return 2;
        }
    }

    if (gemm) {
        for (cs::KernelIsa isa : isas) printKernels(isa);
        bench::printGemmComparison(isas, repeats);
        return 0;
    }
    if (!layers.empty()) {
        for (cs::KernelIsa isa : isas) {
            cs::setKernelIsa(isa);
            printKernels(isa);
            for (const auto& m : kModels)
                if (m.id == layers)
                    for (int t : threads) {
                        const double peak = bench::measureFmaPeakGflops(*cs::kernelTable(isa), 1);
                        std::printf("FMA peak, 1 thread: %.1f GFLOP/s\n", peak);
                        layerProfile(m.preset, t, peak);
                    }
        }
        return 0;
    }

    // The memory run goes first: a child started later would count this
    // process's pages (posix_spawn shares them until exec) in its peak RSS.
    // It trains on the first path asked for.
    std::string memoryLine;
    if (memory) {
        setenv("CONVSTUDIO_ISA", cs::kernelIsaName(isas.front()).c_str(), 1);
        std::string out;
        long rssKb = 0;
        const auto t0 = Clock::now();
        const int rc = runCommand({cli, "train", "--epochs", "1", "--validation-split", "0", "--quiet", "--out",
                                   "/tmp/convstudio-bench-model.safetensors"},
                                  out, rssKb);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        char line[320];
        if (rc == 0)
            std::snprintf(line, sizeof line,
                          "\nM1 full Fashion-MNIST epoch (convstudio-cli train --epochs 1 --validation-split 0, "
                          "kernels %s): %.1f s wall, peak resident memory %.1f MB\n",
                          cs::kernelIsaName(isas.front()).c_str(), s, double(rssKb) / 1024.0);
        else
            std::snprintf(line, sizeof line, "\nmemory run failed (exit %d)\n", rc);
        memoryLine = line;
    }

    if (pytorch) {
        std::string out;
        long rss;
        if (runCommand({"/usr/bin/python3", "-c", "import torch; print(torch.__version__)"}, out, rss) != 0) {
            std::printf("PyTorch: not available (/usr/bin/python3 cannot import torch): its columns are n/a\n");
            pytorch = false;
        } else {
            while (!out.empty() && out.back() == '\n') out.pop_back();
            // The script sets GLIBC_TUNABLES for PyTorch's speed only where it is not set already.
            const char* tunables = std::getenv("GLIBC_TUNABLES");
            const std::string allocator = !tunables ? "malloc set for its speed, see bench/pytorch_reference.py"
                                       : *tunables ? std::string("GLIBC_TUNABLES=") + tunables
                                                   : "glibc's malloc defaults";
            std::printf("PyTorch: %s (%s)\n", out.c_str(), allocator.c_str());
        }
    }
    for (cs::KernelIsa isa : isas) {
        cs::setKernelIsa(isa);
        std::printf("\n");
        printKernels(isa);
        const std::vector<std::string> torchEnvironment =
            pytorchAnyIsa ? std::vector<std::string>{} : pytorchIsaLimit(isa);
        if (pytorch && !torchEnvironment.empty()) {
            std::printf("PyTorch beside it keeps to the same instruction set, as on a CPU without the wider one:");
            for (const auto& e : torchEnvironment) std::printf(" %s", e.c_str());
            std::printf(" (--pytorch-any-isa: not)\n");
        }
        std::map<int, double> peak;
        for (int t : threads) {
            peak[t] = bench::measureFmaPeakGflops(*cs::kernelTable(isa), t);
            std::printf("FMA peak, %d thread(s): %.1f GFLOP/s\n", t, peak[t]);
        }
        std::printf("\n%-3s %-16s %2s  %9s  %9s  %7s  %7s\n", "", "measurement", "th", "images/s", "PyTorch", "ratio",
                    "GFLOP/s");
        for (const auto& id : models) {
            auto it = std::find_if(kModels.begin(), kModels.end(), [&](const BenchModel& m) { return m.id == id; });
            if (it == kModels.end()) continue;
            cs::Model model =
                cs::loadArchitectureFile(std::string(CONVSTUDIO_PRESETS_DIR) + "/" + it->preset + ".json");
            const bench::ModelFlops flops = bench::countFlops(model);
            for (int t : threads) {
                auto torch = [&](const char* mode, int batch) {
                    return pytorch ? pytorchSpeed(it->preset, mode, t, batch, repeats, torchEnvironment) : -1.0;
                };
                const double train = trainingSpeed(it->preset, t, repeats);
                printRow(id.c_str(), "train b64", t, train, torch("train", 64), train * flops.training / 1e9);
                const double infer = inferenceSpeed(it->preset, t, 64, repeats);
                printRow(id.c_str(), "inference b64", t, infer, torch("infer", 64), infer * flops.forward / 1e9);
                const double single = inferenceSpeed(it->preset, t, 1, repeats);
                printRow(id.c_str(), "inference b1", t, single, torch("infer", 1), single * flops.forward / 1e9);
            }
            std::printf("    (%s: forward %.2f MFLOP/image, training step %.2f MFLOP/image; peak %.0f GFLOP/s on %d "
                        "thread(s))\n",
                        it->preset.c_str(), flops.forward / 1e6, flops.training / 1e6, peak[threads.back()],
                        threads.back());
        }
    }
    std::printf("%s", memoryLine.c_str());
    return 0;
}
