// Shared helpers of the UI tests: the registry that lets `ui_tests ClassName`
// run one QtTest class, where Fashion-MNIST is, and small widget helpers.
#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace uitest {

using TestFactory = std::function<std::unique_ptr<QObject>()>;
std::map<std::string, TestFactory>& registry();

struct Register {
    Register(const char* name, TestFactory factory) { registry()[name] = std::move(factory); }
};

// $CONVSTUDIO_FASHION_MNIST, else where Debian's dataset-fashion-mnist installs it.
QString fashionMnistDir();
// A fresh temporary folder for the whole run.
QString tempDir();

} // namespace uitest

#define UI_TEST_CLASS(Class)                                                                       \
    static uitest::Register register##Class(#Class,                                                \
                                            [] { return std::unique_ptr<QObject>(new Class); })
