// Collects every engine test class into one executable.
//
// Each test file defines a QObject test class and registers it with
// CS_REGISTER_TEST(Class). The executable runs one class by name (ctest adds
// one entry per class, so they run and report separately) or all of them.
#pragma once

#include <QObject>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace cs::test {

using TestFactory = std::function<std::unique_ptr<QObject>()>;

std::map<std::string, TestFactory>& testRegistry();

struct TestRegistration {
    TestRegistration(const char* name, TestFactory factory) {
        testRegistry().emplace(name, std::move(factory));
    }
};

// Folder of the shared data sets (../shared/datasets seen from the project root).
std::string sharedDatasetsDir();
// Folder of Debian's Fashion-MNIST package.
std::string fashionMnistDir();
// A fresh temporary folder for the running test, removed at exit.
std::string tempDir();

// Why a test cannot run here: "" when `path` exists, else a message naming it and what
// provides it (a clone without ../shared, a machine without dataset-fashion-mnist).
std::string missingData(const std::string& path);

// The message of the exception E thrown by f, or a text in parentheses saying
// what happened instead (so a test can check the message and fail readably).
template <typename E, typename F> std::string thrownMessage(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("(exception of another type: ") + e.what() + ")";
    }
    return "(no exception)";
}

} // namespace cs::test

#define CS_REGISTER_TEST(Class)                                                                    \
    static cs::test::TestRegistration registration_##Class(                                        \
        #Class, [] { return std::unique_ptr<QObject>(new Class); });

// Skips the calling test function (with the reason) when a data set it reads is absent.
#define CS_REQUIRE_DATA(path)                                                                     \
    do {                                                                                           \
        const std::string missing_ = cs::test::missingData(path);                                 \
        if (!missing_.empty()) QSKIP(missing_.c_str());                                            \
    } while (false)

