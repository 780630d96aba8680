// Preloaded into the TSan test runs (scripts/sanitize.sh tsan, LD_PRELOAD):
// the worker threads oneTBB starts run with ThreadSanitizer's memory checks
// off.
//
// Why: oneTBB's scheduler (libtbb.so, not instrumented) hands tasks to its
// workers and joins them with its own atomics and futexes, which TSan cannot
// see; every access a worker makes inside a parallel region then looks like
// a race with the thread that prepared the data. Suppressing those reports
// (race:libtbb) costs a stack symbolisation per report, about 100 times the
// run time, and also hides races between the thread that runs the region and
// the other threads (the GUI's). Ignoring the workers' accesses costs nothing
// and keeps every other thread checked. What it cannot check: races between
// the iterations of a parallel loop.
//
// How: pthread_create is defined here, in front of TSan's interceptor; a call
// that comes from libtbb gets a start routine that first calls TSan's
// __tsan_ignore_thread_begin() (and __tsan_ignore_thread_end() when the
// thread's routine returns). Built by scripts/sanitize.sh, not by CMake.
#include <dlfcn.h>
#include <pthread.h>

#include <cstring>

extern "C" __attribute__((weak)) void __tsan_ignore_thread_begin();
extern "C" __attribute__((weak)) void __tsan_ignore_thread_end();

namespace {

struct Start {
    void* (*routine)(void*);
    void* argument;
};

void* startIgnored(void* p) {
    const Start start = *static_cast<Start*>(p);
    delete static_cast<Start*>(p);
    const bool tsan = __tsan_ignore_thread_begin && __tsan_ignore_thread_end;
    if (tsan) __tsan_ignore_thread_begin();
    void* result = start.routine(start.argument);
    if (tsan) __tsan_ignore_thread_end(); // TSan refuses a thread that ends while ignored
    return result;
}

bool isInTbb(void* code) {
    Dl_info info;
    return dladdr(code, &info) != 0 && info.dli_fname && std::strstr(info.dli_fname, "/libtbb.so");
}

} // namespace

extern "C" int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*routine)(void*),
                              void* argument) {
    using Create = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
    static const Create next = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "pthread_create"));
    if (!isInTbb(__builtin_return_address(0))) return next(thread, attr, routine, argument);
    Start* start = new Start{routine, argument};
    const int result = next(thread, attr, startIgnored, start);
    if (result != 0) delete start;
    return result;
}
