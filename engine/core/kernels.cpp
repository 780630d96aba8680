#include "engine/core/kernels.h"

#include "engine/core/errors.h"

#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace cs {

namespace kernels {
// Defined by core/kernels/kernel_table.cpp, compiled once per path.
namespace generic {
extern const KernelTable table;
}
#if defined(CONVSTUDIO_X86_KERNELS)
namespace avx2 {
extern const KernelTable table;
}
namespace avx512 {
extern const KernelTable table;
}
#endif

float* threadScratch(long floats) {
    thread_local std::vector<float> buffer;
    if (long(buffer.size()) < floats + 16) buffer.resize(size_t(floats) + 16);
    return reinterpret_cast<float*>((reinterpret_cast<uintptr_t>(buffer.data()) + 63) & ~uintptr_t(63));
}
} // namespace kernels

namespace {

const kernels::KernelTable* builtTable(KernelIsa isa) {
    switch (isa) {
    case KernelIsa::Generic: return &kernels::generic::table;
#if defined(CONVSTUDIO_X86_KERNELS)
    case KernelIsa::Avx2: return &kernels::avx2::table;
    case KernelIsa::Avx512: return &kernels::avx512::table;
#else
    default: return nullptr;
#endif
    }
    return nullptr;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

std::atomic<const kernels::KernelTable*> gActive{nullptr};
std::mutex gChoosing;

KernelIsa parseIsa(const std::string& text) {
    std::string lower;
    for (char c : text) lower += char(std::tolower(static_cast<unsigned char>(c)));
    for (KernelIsa isa : {KernelIsa::Avx512, KernelIsa::Avx2, KernelIsa::Generic})
        if (lower == kernelIsaName(isa)) return isa;
    throw ConfigError("CONVSTUDIO_ISA=" + text + ": unknown instruction set (use avx512, avx2, generic or auto)");
}

const kernels::KernelTable& requireSupported(KernelIsa isa, const std::string& origin) {
    if (const kernels::KernelTable* t = kernelTable(isa)) return *t;
    std::vector<std::string> runs;
    for (KernelIsa s : supportedKernelIsas()) runs.push_back(kernelIsaName(s));
    throw ConfigError(origin + ": this CPU lacks " + missingCpuFeatures(isa) + " (it runs the " + joined(runs) +
                      " kernels)");
}

} // namespace

std::string kernelIsaName(KernelIsa isa) {
    switch (isa) {
    case KernelIsa::Generic: return "generic";
    case KernelIsa::Avx2: return "avx2";
    case KernelIsa::Avx512: return "avx512";
    }
    return "?";
}

std::vector<KernelIsa> builtKernelIsas() {
    std::vector<KernelIsa> built;
    for (KernelIsa isa : {KernelIsa::Avx512, KernelIsa::Avx2, KernelIsa::Generic})
        if (builtTable(isa)) built.push_back(isa);
    return built;
}

std::string missingCpuFeatures(KernelIsa isa) {
    if (isa == KernelIsa::Generic) return "";
#if defined(CONVSTUDIO_X86_KERNELS)
    __builtin_cpu_init();
    std::vector<std::string> missing;
    auto need = [&](bool has, const char* name) {
        if (!has) missing.push_back(name);
    };
    // The features GCC's -march=x86-64-v3 and -v4 may use.
    need(__builtin_cpu_supports("avx"), "avx");
    need(__builtin_cpu_supports("avx2"), "avx2");
    need(__builtin_cpu_supports("fma"), "fma");
    need(__builtin_cpu_supports("bmi"), "bmi");
    need(__builtin_cpu_supports("bmi2"), "bmi2");
#if !defined(__clang__) // clang 14 (the fuzzing build) knows neither these names nor the levels below
    need(__builtin_cpu_supports("f16c"), "f16c");
    need(__builtin_cpu_supports("lzcnt"), "lzcnt");
    need(__builtin_cpu_supports("movbe"), "movbe");
#endif
    if (isa == KernelIsa::Avx512) {
        need(__builtin_cpu_supports("avx512f"), "avx512f");
        need(__builtin_cpu_supports("avx512bw"), "avx512bw");
        need(__builtin_cpu_supports("avx512cd"), "avx512cd");
        need(__builtin_cpu_supports("avx512dq"), "avx512dq");
        need(__builtin_cpu_supports("avx512vl"), "avx512vl");
    }
#if defined(__clang__)
    const bool level = true;
#else
    const bool level = isa == KernelIsa::Avx512 ? __builtin_cpu_supports("x86-64-v4") : __builtin_cpu_supports("x86-64-v3");
#endif
    if (missing.empty() && !level)
        missing.push_back(isa == KernelIsa::Avx512 ? "the x86-64-v4 level" : "the x86-64-v3 level");
    return joined(missing);
#else
    return "an x86-64 CPU (this build has only the generic kernels)";
#endif
}

std::vector<KernelIsa> supportedKernelIsas() {
    std::vector<KernelIsa> runs;
    for (KernelIsa isa : builtKernelIsas())
        if (missingCpuFeatures(isa).empty()) runs.push_back(isa);
    return runs;
}

const kernels::KernelTable* kernelTable(KernelIsa isa) {
    const kernels::KernelTable* t = builtTable(isa);
    return t && missingCpuFeatures(isa).empty() ? t : nullptr;
}

const kernels::KernelTable& activeKernels() {
    if (const kernels::KernelTable* t = gActive.load(std::memory_order_acquire)) return *t;
    std::lock_guard<std::mutex> lock(gChoosing);
    if (const kernels::KernelTable* t = gActive.load(std::memory_order_acquire)) return *t;
    const char* env = std::getenv("CONVSTUDIO_ISA");
    const kernels::KernelTable* chosen = nullptr;
    if (env && *env && std::string(env) != "auto") {
        const KernelIsa isa = parseIsa(env);
        chosen = &requireSupported(isa, "CONVSTUDIO_ISA=" + std::string(env));
    } else {
        chosen = kernelTable(supportedKernelIsas().front());
    }
    gActive.store(chosen, std::memory_order_release);
    return *chosen;
}

KernelIsa activeKernelIsa() { return activeKernels().isa; }

void setKernelIsa(KernelIsa isa) {
    const kernels::KernelTable& t = requireSupported(isa, "the " + kernelIsaName(isa) + " kernels");
    std::lock_guard<std::mutex> lock(gChoosing);
    gActive.store(&t, std::memory_order_release);
}

std::string kernelSummary() {
    const kernels::KernelTable& t = activeKernels();
    std::vector<std::string> runs;
    for (KernelIsa s : supportedKernelIsas()) runs.push_back(kernelIsaName(s));
    return std::string(t.name) + ": " + t.description + " (this CPU runs " + joined(runs) + ")";
}

} // namespace cs
