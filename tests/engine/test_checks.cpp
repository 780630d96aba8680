// Checked preconditions (engine/core/checks.h): in a build that enables them
// (CONVSTUDIO_CHECKS: Debug and the sanitizer presets) a broken one stops the
// program with a message naming it. Each case runs in a forked child, whose
// death and stderr the parent reads; other builds skip.
#include "tests/engine/layer_test_support.h"
#include "tests/engine/test_registry.h"

#include "engine/core/gemm.h"
#include "engine/core/tensor.h"

#include <QtTest>
#include <csignal>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace cs;
using namespace cs::test;

namespace {

struct ChildEnd {
    bool aborted = false;
    std::string stderrText;
};

// Runs `body` in a forked child with stderr into a pipe; says whether it aborted.
ChildEnd runInChild(const std::function<void()>& body) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        body();
        _exit(0); // the precondition did not stop it
    }
    close(fds[1]);
    ChildEnd end;
    char buffer[512];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) end.stderrText.append(buffer, size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    end.aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
    return end;
}

} // namespace

class PreconditionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
#if !CS_CHECKS
        QSKIP("this build has no checked preconditions (configure with -DCONVSTUDIO_CHECKS=ON)");
#endif
    }

    void tensorIndexOutsideTheTensor() {
        const ChildEnd end = runInChild([] {
            Tensor t(Shape{2, 3});
            t[6] = 1.0f;
        });
        QVERIFY(end.aborted);
        QVERIFY2(end.stderrText.find("precondition failed: the index is inside the tensor") != std::string::npos,
                 end.stderrText.c_str());
    }

    void gemmLeadingDimensionTooShort() {
        const ChildEnd end = runInChild([] {
            std::vector<float> a(12), b(12), c(16);
            gemm(false, false, 4, 4, 3, 1.0f, a.data(), 2 /* < K */, b.data(), 4, 0.0f, c.data(), 4);
        });
        QVERIFY(end.aborted);
        QVERIFY2(end.stderrText.find("A's leading dimension") != std::string::npos, end.stderrText.c_str());
    }

    void sampleOutsideTheBatch() {
        const ChildEnd end = runInChild([] {
            Tensor t(Shape{2, 3});
            t.sample(3)[0] = 1.0f;
        });
        QVERIFY(end.aborted);
        QVERIFY2(end.stderrText.find("the sample is inside the batch") != std::string::npos, end.stderrText.c_str());
    }

    // The checks do not fire on what is allowed (the end pointer of a batch, a whole GEMM).
    void allowedCallsPass() {
        const ChildEnd end = runInChild([] {
            Tensor t(Shape{2, 3});
            (void)t.sample(2);
            t[5] = 1.0f;
            std::vector<float> a(12), b(12), c(16);
            gemm(false, false, 4, 4, 3, 1.0f, a.data(), 3, b.data(), 4, 0.0f, c.data(), 4);
        });
        QVERIFY2(!end.aborted, end.stderrText.c_str());
    }
};

CS_REGISTER_TEST(PreconditionTest)
#include "test_checks.moc"
