// 16-float vectors through GCC's vector extensions: AVX-512 registers where
// the build targets them, two AVX2 halves otherwise, plain SSE or scalar code
// on other machines. Used by the engine's hand-written kernels.
#pragma once

namespace cs::simd {

typedef float Vec __attribute__((vector_size(64)));            // 16 floats
typedef float VecU __attribute__((vector_size(64), aligned(4))); // the same, unaligned in memory

inline Vec load(const float* p) { return *reinterpret_cast<const VecU*>(p); }
inline void store(float* p, Vec v) { *reinterpret_cast<VecU*>(p) = v; }
inline Vec broadcast(float x) { return Vec{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x}; }

} // namespace cs::simd
