#include "mini_test.h"

#include <cstring>
#include <iostream>

namespace minitest {
namespace {
std::vector<std::pair<std::string, std::function<void()>>> &registry()
{
    static std::vector<std::pair<std::string, std::function<void()>>> r;
    return r;
}
} // namespace

int add(const std::string &name, std::function<void()> fn)
{
    registry().emplace_back(name, std::move(fn));
    return 0;
}

std::string dataDir()
{
    return VITSCOPE_TEST_DATA;
}

int run(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (const auto &[name, fn] : registry()) {
        if (argc > 1 && name.find(argv[1]) == std::string::npos)
            continue;
        try {
            fn();
            ++passed;
            std::cout << "PASS   " << name << "\n";
        } catch (const std::exception &e) {
            ++failed;
            std::cout << "FAIL!  " << name << ": " << e.what() << "\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed ? 1 : 0;
}

} // namespace minitest

int main(int argc, char **argv)
{
    return minitest::run(argc, argv);
}
