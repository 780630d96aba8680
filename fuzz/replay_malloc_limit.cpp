// The corpus replay's allocation limit, the counterpart of libFuzzer's
// -malloc_limit_mb: one allocation above FUZZ_REPLAY_MALLOC_LIMIT_MB (default
// 1024) prints its size and stack and aborts, so an input that makes a loader
// ask for gigabytes fails the ctest replay, deterministically, instead of
// taking the machine's memory (or passing because the machine happens to have it).
//
// It replaces malloc and friends for the whole process (OpenCV, zlib and the
// C++ runtime included) by defining them here, in the executable, in front of
// glibc's, which still does the work (__libc_malloc ...). Sanitizer builds
// bring their own allocator and limits, so there this file defines nothing.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CONVSTUDIO_REPLAY_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define CONVSTUDIO_REPLAY_SANITIZED 1
#endif
#endif

#ifndef CONVSTUDIO_REPLAY_SANITIZED

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <execinfo.h>
#include <unistd.h>

extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* p, size_t size);
void* __libc_memalign(size_t alignment, size_t size);
}

namespace {

// Read once, without allocating (getenv and strtoull do not).
size_t limitBytes() {
    static size_t limit = 0;
    if (limit == 0) {
        const char* env = std::getenv("FUZZ_REPLAY_MALLOC_LIMIT_MB");
        const unsigned long long mb = env && *env ? std::strtoull(env, nullptr, 10) : 1024;
        limit = mb == 0 ? size_t(-1) : size_t(mb) << 20;
    }
    return limit;
}

void check(size_t size) {
    if (size <= limitBytes()) return;
    char line[160];
    const int n = std::snprintf(line, sizeof line,
                                "==replay== allocation of %zu bytes is over the limit of %zu MB "
                                "(FUZZ_REPLAY_MALLOC_LIMIT_MB); the stack:\n",
                                size, limitBytes() >> 20);
    if (n > 0) (void)!write(STDERR_FILENO, line, size_t(n));
    void* frames[64];
    backtrace_symbols_fd(frames, backtrace(frames, 64), STDERR_FILENO);
    std::abort();
}

} // namespace

extern "C" {

void* malloc(size_t size) {
    check(size);
    return __libc_malloc(size);
}

void* calloc(size_t count, size_t size) {
    if (size != 0 && count > size_t(-1) / size) return __libc_calloc(count, size); // glibc reports the overflow
    check(count * size);
    return __libc_calloc(count, size);
}

void* realloc(void* p, size_t size) {
    check(size);
    return __libc_realloc(p, size);
}

void* memalign(size_t alignment, size_t size) {
    check(size);
    return __libc_memalign(alignment, size);
}

void* aligned_alloc(size_t alignment, size_t size) {
    check(size);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void** out, size_t alignment, size_t size) {
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0) return EINVAL;
    check(size);
    void* p = __libc_memalign(alignment, size);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}

} // extern "C"

#endif
