// Which instruction-set path the engine's hot loops run on, chosen once.
//
// The GEMM micro-kernel, pooling, dropout and ReLU passes are compiled once per
// path (core/kernels/: generic, avx2, avx512 on x86-64; generic elsewhere) into
// KernelTables. At first use the engine takes the best path this CPU runs,
// unless the environment variable CONVSTUDIO_ISA names one (avx512, avx2,
// generic; auto or empty = the best). Layers call activeKernels().
//
//   cs::kernelSummary()      "avx2 (AVX2 + FMA (x86-64-v3), 8-float vectors)" for --version, About
//   cs::activeKernelIsa()    resolves the choice now; throws ConfigError for a bad CONVSTUDIO_ISA
//   cs::setKernelIsa(isa)    benchmarks and tests switch paths (never while kernels run)
#pragma once

#include "engine/core/kernels/kernel_table.h"

#include <string>
#include <vector>

namespace cs {

std::string kernelIsaName(KernelIsa isa); // "generic", "avx2", "avx512"

// Paths compiled into this program, best first.
std::vector<KernelIsa> builtKernelIsas();
// What this CPU lacks to run `isa` ("avx512f, avx512bw"), empty when it runs it.
std::string missingCpuFeatures(KernelIsa isa);
// Built and runnable here, best first (generic always).
std::vector<KernelIsa> supportedKernelIsas();

// The path in use: CONVSTUDIO_ISA or the best supported, fixed at first call.
// Throws ConfigError naming the problem when CONVSTUDIO_ISA is unknown or the
// CPU lacks the path it names.
KernelIsa activeKernelIsa();
// Switches paths; throws ConfigError when this CPU cannot run `isa`. Only
// while no kernel runs (benchmarks and tests between runs).
void setKernelIsa(KernelIsa isa);

// The active path's table (resolving it at first use, see activeKernelIsa).
const kernels::KernelTable& activeKernels();
// A path's table, or nullptr when it is not built or this CPU cannot run it.
const kernels::KernelTable* kernelTable(KernelIsa isa);

// One line for --version and Help > About: the active path, its vectors and the
// paths this CPU could run, e.g. "avx2: AVX2 + FMA (x86-64-v3), 8-float vectors
// (this CPU runs avx2, generic)".
std::string kernelSummary();

} // namespace cs
