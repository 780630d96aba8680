// The vector type of one kernel translation unit: as wide as the instruction
// set the unit is compiled for (engine/CMakeLists.txt compiles every file of
// core/kernels/ once per path with its own -march and CS_KERNEL_ISA), with the
// register count the register tiles are sized from.
//
//   avx512: 16 floats, 32 registers     avx2: 8 floats, 16 registers (FMA)
//   generic: 4 floats (SSE2 on x86-64, NEON on arm64, plain code elsewhere)
//
// Everything here and in the kernels lives in namespace
// cs::kernels::<isa>, so no inline function compiled for one path can be
// merged by the linker with another path's (the KernelObjects test checks).
#pragma once

#if !defined(CS_KERNEL_ISA)
#error "core/kernels/ files are compiled once per instruction set: CS_KERNEL_ISA names the path"
#endif

#include <cstdint>
#include <utility>

// The flags of engine/CMakeLists.txt must win over a global -march=native.
#if defined(CS_KERNEL_ISA_GENERIC) && defined(__AVX__)
#error "the generic kernels must be compiled without AVX (their -march did not override the global one)"
#endif
#if defined(CS_KERNEL_ISA_AVX2) && (!defined(__AVX2__) || !defined(__FMA__) || defined(__AVX512F__))
#error "the avx2 kernels must be compiled for x86-64-v3 exactly"
#endif
#if defined(CS_KERNEL_ISA_AVX512) && !defined(__AVX512F__)
#error "the avx512 kernels must be compiled for x86-64-v4"
#endif

namespace cs::kernels::CS_KERNEL_ISA {

#if defined(__AVX512F__)
constexpr int kLanes = 16, kRegisters = 32;
#elif defined(__AVX2__)
constexpr int kLanes = 8, kRegisters = 16;
#elif defined(__aarch64__)
constexpr int kLanes = 4, kRegisters = 32;
#else
constexpr int kLanes = 4, kRegisters = 16;
#endif
#if defined(__FMA__) || defined(__aarch64__)
constexpr bool kFusedMultiplyAdd = true;
#else
constexpr bool kFusedMultiplyAdd = false; // a * b + c needs a register for the product
#endif

typedef float Vec __attribute__((vector_size(kLanes * sizeof(float))));
typedef float UnalignedVec __attribute__((vector_size(kLanes * sizeof(float)), aligned(alignof(float)), may_alias));

inline Vec load(const float* p) { return *reinterpret_cast<const UnalignedVec*>(p); }
inline void store(float* p, Vec v) { *reinterpret_cast<UnalignedVec*>(p) = v; }
template <int... Lane> inline Vec broadcastLanes(float x, std::integer_sequence<int, Lane...>) {
    return Vec{((void)Lane, x)...};
}
// (Not Vec{} + x: adding zero is not free, -0.0 + 0.0 is +0.0.)
inline Vec broadcast(float x) { return broadcastLanes(x, std::make_integer_sequence<int, kLanes>()); }
inline Vec maxOf(Vec a, Vec b) { return a > b ? a : b; }

// Scalar helpers, so the kernels need no std:: templates (those are shared
// between translation units, see above).
inline long minOf(long a, long b) { return a < b ? a : b; }
inline long maxOf(long a, long b) { return a > b ? a : b; }

} // namespace cs::kernels::CS_KERNEL_ISA
