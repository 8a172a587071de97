#pragma once
// What the plain (non-Qt) tests share on top of doctest: the test data folder, near-equality, and
// "throws an exception whose message contains". They build where only LibTorch exists.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <string>

namespace testsupport {
std::string dataDir(); // tests/data
bool cudaAvailable();  // for doctest::skip(): CUDA-only cases are reported as skipped

struct Thrown {
    bool threw = false;
    std::string message; // what() of the std::exception thrown
};
Thrown thrown(const std::function<void()> &work);
} // namespace testsupport

#define REQUIRE_NEAR(a, b, tol) REQUIRE(std::abs(static_cast<double>(a) - static_cast<double>(b)) <= static_cast<double>(tol))
// `stmt` throws a std::exception whose message contains `needle`.
#define REQUIRE_THROWS_CONTAINING(stmt, needle)                                                                        \
    do {                                                                                                               \
        const auto thrown_ = testsupport::thrown([&] { stmt; });                                                      \
        const std::string needle_ = (needle);                                                                          \
        INFO("expected a message containing: ", needle_);                                                             \
        INFO("message: ", thrown_.message);                                                                            \
        REQUIRE(thrown_.threw);                                                                                        \
        REQUIRE(thrown_.message.find(needle_) != std::string::npos);                                                   \
    } while (0)
