#pragma once
// A minimal, dependency-free test harness for the engine tests, which must build where only
// LibTorch exists (no Qt Test there). Cases can be data-driven with a table of rows.
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace minitest {

struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int add(const std::string &name, std::function<void()> fn);
int run(int argc, char **argv);
std::string dataDir();

template <typename A, typename B>
void checkNear(const A &a, const B &b, double tol, const char *expr, const char *file, int line)
{
    const double da = static_cast<double>(a), db = static_cast<double>(b);
    if (!(std::abs(da - db) <= tol)) {
        std::ostringstream s;
        s << file << ":" << line << ": " << expr << ": " << da << " vs " << db << " (tolerance " << tol << ")";
        throw Failure(s.str());
    }
}

} // namespace minitest

#define MT_CAT2(a, b) a##b
#define MT_CAT(a, b) MT_CAT2(a, b)
#define TEST_CASE(name)                                                                                                \
    static void name();                                                                                                \
    [[maybe_unused]] static int MT_CAT(reg_, name) = minitest::add(#name, name);                                        \
    static void name()
#define REQUIRE(cond)                                                                                                    \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            throw minitest::Failure(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": REQUIRE(" #cond ")");    \
    } while (0)
#define REQUIRE_NEAR(a, b, tol) minitest::checkNear((a), (b), (tol), #a " ~ " #b, __FILE__, __LINE__)
// Checks that `stmt` throws an exception whose message contains `needle`.
#define REQUIRE_THROWS_WITH(stmt, needle)                                                                                \
    do {                                                                                                               \
        bool threw_ = false;                                                                                           \
        try {                                                                                                          \
            stmt;                                                                                                      \
        } catch (const std::exception &e_) {                                                                           \
            threw_ = true;                                                                                             \
            if (std::string(e_.what()).find(needle) == std::string::npos)                                              \
                throw minitest::Failure(std::string(__FILE__) + ":" + std::to_string(__LINE__) +                       \
                                        ": message '" + e_.what() + "' lacks '" + (needle) + "'");                    \
        }                                                                                                              \
        if (!threw_)                                                                                                   \
            throw minitest::Failure(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": " #stmt " did not throw"); \
    } while (0)
