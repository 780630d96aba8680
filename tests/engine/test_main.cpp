// Runs the registered engine test classes: `engine_tests ClassName [QtTest args]`
// runs one, `engine_tests` runs all.
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/core/kernels.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace cs::test {

std::map<std::string, TestFactory>& testRegistry() {
    static std::map<std::string, TestFactory> registry;
    return registry;
}

std::string sharedDatasetsDir() {
    if (const char* dir = std::getenv("CONVSTUDIO_SHARED_DATASETS")) return dir;
    return CONVSTUDIO_SOURCE_DIR "/../shared/datasets";
}

std::string fashionMnistDir() {
    if (const char* dir = std::getenv("CONVSTUDIO_FASHION_MNIST")) return dir;
    return "/usr/share/datasets/fashion-mnist";
}

std::string tempDir() {
    static QTemporaryDir dir;
    return dir.path().toStdString();
}

std::string missingData(const std::string& path) {
    if (std::filesystem::exists(path)) return {};
    if (path.rfind(fashionMnistDir(), 0) == 0)
        return path + " is missing: install Debian's dataset-fashion-mnist (or set CONVSTUDIO_FASHION_MNIST)";
    return path + " is missing: the shared data sets are expected at " + sharedDatasetsDir() +
           " (../shared/datasets next to the clone, or set CONVSTUDIO_SHARED_DATASETS)";
}

} // namespace cs::test

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // ctest runs some classes once per instruction-set path (CONVSTUDIO_ISA set
    // per entry); a path this CPU lacks is skipped, not failed.
    try {
        if (std::getenv("CONVSTUDIO_ISA")) std::fprintf(stderr, "kernels: %s\n", cs::kernelSummary().c_str());
    } catch (const cs::ConfigError& e) {
        std::printf("SKIPPED: %s\n", e.what());
        return 77; // SKIP_RETURN_CODE in tests/engine/CMakeLists.txt
    }
    auto& registry = cs::test::testRegistry();
    if (argc >= 2 && argv[1][0] != '-') {
        auto it = registry.find(argv[1]);
        if (it == registry.end()) {
            std::fprintf(stderr, "unknown test class %s\n", argv[1]);
            return 2;
        }
        auto test = it->second();
        std::vector<char*> args{argv[0]};
        for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
        return QTest::qExec(test.get(), int(args.size()), args.data());
    }
    int failures = 0;
    for (auto& [name, factory] : registry) {
        auto test = factory();
        failures += QTest::qExec(test.get(), argc, argv);
    }
    return failures == 0 ? 0 : 1;
}
