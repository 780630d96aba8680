// Checked preconditions, in dlib's DLIB_ASSERT style: CS_PRECONDITION(cond, what)
// states what a function needs from its caller (an index inside the tensor,
// GEMM leading dimensions that fit the shapes, a batch range inside the batch).
// A build with CONVSTUDIO_CHECKS (Debug builds and the sanitizer presets) tests
// each one and aborts with a message naming it and the call site; other builds
// compile them out, so hot loops pay nothing. They are for programming errors
// inside the engine; what a user can get wrong is a typed exception (errors.h).
//
//   CS_PRECONDITION(i >= 0 && i < size_, "the index is inside the tensor");
#pragma once

namespace cs {

// Prints "precondition failed: <what> (<condition>) at <file>:<line>" to stderr and aborts.
[[noreturn]] void preconditionFailed(const char* condition, const char* what, const char* file, int line);

} // namespace cs

#if CS_CHECKS
#define CS_PRECONDITION(condition, what) \
    ((condition) ? void(0) : ::cs::preconditionFailed(#condition, what, __FILE__, __LINE__))
#else
// Not evaluated (sizeof), but still compiled, so a check cannot rot in release builds.
#define CS_PRECONDITION(condition, what) void(sizeof(bool(condition)))
#endif
