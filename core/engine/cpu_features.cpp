#include "engine/cpu_features.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define VITSCOPE_X86 1
#endif

namespace vitscope {
namespace {

#if VITSCOPE_X86
uint64_t xgetbv0()
{
    uint32_t eax = 0, edx = 0;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return (static_cast<uint64_t>(edx) << 32) | eax;
}
#endif

CpuFeatures detect()
{
    CpuFeatures f;
#if VITSCOPE_X86
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27))) // OSXSAVE: xgetbv is usable
        return f;
    const uint64_t xcr0 = xgetbv0();
    const bool zmmState = (xcr0 & 0xE6) == 0xE6;          // SSE, AVX, opmask, ZMM_Hi256, Hi16_ZMM
    const bool tileState = (xcr0 & (3ull << 17)) == (3ull << 17); // XTILECFG, XTILEDATA
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return f;
    f.avx512 = zmmState && (b & (1u << 16));
    f.amxBf16 = tileState && (d & (1u << 22));
    unsigned a1 = 0, b1 = 0, c1 = 0, d1 = 0;
    if (__get_cpuid_count(7, 1, &a1, &b1, &c1, &d1))
        f.avx512bf16 = f.avx512 && (a1 & (1u << 5));
#endif
    return f;
}

bool disabledByEnvironment()
{
    const char *v = std::getenv("VITSCOPE_CPU_BF16");
    return v && std::strcmp(v, "off") == 0;
}

} // namespace

const CpuFeatures &cpuFeatures()
{
    static const CpuFeatures features = [] {
        CpuFeatures f = detect();
        if (disabledByEnvironment())
            f.avx512bf16 = f.amxBf16 = false;
        return f;
    }();
    return features;
}

bool cpuHasNativeBf16()
{
    const auto &f = cpuFeatures();
    return f.amxBf16 || f.avx512bf16;
}

std::string cpuBf16Description()
{
    const auto &f = cpuFeatures();
    if (!cpuHasNativeBf16())
        return disabledByEnvironment() ? "not native (VITSCOPE_CPU_BF16=off)" : "not native (no AMX-BF16 or AVX512-BF16)";
    std::string what;
    if (f.amxBf16)
        what = "AMX-BF16";
    if (f.avx512bf16)
        what += std::string(what.empty() ? "" : ", ") + "AVX512-BF16";
    return "native (" + what + ")";
}

} // namespace vitscope
