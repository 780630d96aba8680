// Runs the UI test classes: `ui_tests ClassName [QtTest args]` runs one,
// `ui_tests` runs them all. Settings go to QtTest's own location
// (QStandardPaths test mode), never to the person's ConvStudio settings, one
// file per test class.
#include "tests/ui/ui_test_support.h"

#include "ui/window/icons.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace uitest {

std::map<std::string, TestFactory>& registry() {
    static std::map<std::string, TestFactory> r;
    return r;
}

QString fashionMnistDir() {
    if (const char* dir = std::getenv("CONVSTUDIO_FASHION_MNIST")) return dir;
    return "/usr/share/datasets/fashion-mnist";
}

QString tempDir() {
    static QTemporaryDir dir;
    return dir.path();
}

} // namespace uitest

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName("ConvStudioTests");
    // One settings file per test class: ctest runs the classes in parallel processes, and one
    // that sets the language (SpanishInterfaceTest) must not change what another one reads.
    QApplication::setApplicationName(argc >= 2 && argv[1][0] != '-' ? QString("ui_tests-%1").arg(argv[1])
                                                                     : QString("ui_tests"));
    QSettings().clear(); // every run starts as on a fresh machine (as CI's does), not from the last run's state
    ui::initResources();
    auto& registry = uitest::registry();
    if (argc >= 2 && argv[1][0] != '-') {
        auto it = registry.find(argv[1]);
        if (it == registry.end()) {
            std::fprintf(stderr, "unknown test class %s\n", argv[1]);
            return 2;
        }
        std::vector<char*> args{argv[0]};
        for (int i = 2; i < argc; ++i)
            args.push_back(argv[i]);
        auto test = it->second();
        return QTest::qExec(test.get(), int(args.size()), args.data());
    }
    int failures = 0;
    for (auto& [name, factory] : registry) {
        auto test = factory();
        failures += QTest::qExec(test.get(), argc, argv);
    }
    return failures;
}
