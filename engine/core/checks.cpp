#include "engine/core/checks.h"

#include <cstdio>
#include <cstdlib>

namespace cs {

void preconditionFailed(const char* condition, const char* what, const char* file, int line) {
    std::fprintf(stderr, "ConvStudio: precondition failed: %s (%s) at %s:%d\n", what, condition, file, line);
    std::fflush(stderr);
    std::abort();
}

} // namespace cs
