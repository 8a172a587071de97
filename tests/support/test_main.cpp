#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "test_support.h"

#include <torch/cuda.h>

namespace testsupport {

std::string dataDir()
{
    return VITSCOPE_TEST_DATA;
}

Thrown thrown(const std::function<void()> &work)
{
    Thrown t;
    try {
        work();
    } catch (const std::exception &e) {
        t.threw = true;
        t.message = e.what();
    }
    return t;
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

} // namespace testsupport
