// Helpers shared by the data and playground tests: fresh temporary folders,
// small files written on the fly, and CHECK_THROWS (an exception of a type
// whose message holds every given part).
#pragma once

#include "tests/engine/test_registry.h"

#include <QtTest>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

namespace cs::test {

// A fresh, empty folder under the test's temporary folder.
inline std::string freshDataFolder(const std::string& name) {
    std::filesystem::path dir = std::filesystem::path(tempDir()) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

inline void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

inline std::vector<uint8_t> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>());
}

// A small BGR PNG whose pixels encode `seed`, so every file differs.
inline void writeTestPng(const std::string& path, int height, int width, int seed) {
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(uint8_t(seed * 7 + x), uint8_t(seed * 13 + y),
                                                  uint8_t(seed * 29 + x * y));
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    cv::imwrite(path, image);
}

} // namespace cs::test

// Checks that `statement` throws Type with a message containing every given part.
#define CS_CHECK_THROWS(Type, statement, ...)                                                      \
    do {                                                                                           \
        const std::string message_ = cs::test::thrownMessage<Type>([&] { (void)(statement); });  \
        QVERIFY2(message_.rfind("(", 0) != 0, (#Type " expected, got " + message_).c_str());       \
        for (const std::string& part_ : std::initializer_list<std::string>{__VA_ARGS__})           \
            QVERIFY2(message_.find(part_) != std::string::npos,                                    \
                     ("\"" + part_ + "\" missing from: " + message_).c_str());                     \
    } while (false)
