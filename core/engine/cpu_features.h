#pragma once
// What the CPU computes natively, detected at run time (the machines this runs on change: an AMD
// EPYC one day, an Intel Xeon with AMX the next). Native bf16 (AMX-BF16 or AVX512-BF16, with the
// operating system's support for their registers) is what makes CPU bf16 autocast fast.
#include <string>

namespace vitscope {

struct CpuFeatures {
    bool avx512 = false;     // AVX512F with the OS saving ZMM state
    bool avx512bf16 = false; // AVX512_BF16
    bool amxBf16 = false;    // AMX-BF16 with the OS saving tile state
};

// Detected once. VITSCOPE_CPU_BF16=off in the environment makes the CPU count as without native
// bf16 (to see the fp32 path, or the refusal, on a machine that has it).
const CpuFeatures &cpuFeatures();
bool cpuHasNativeBf16();
std::string cpuBf16Description(); // "native (AMX-BF16, AVX512-BF16)" or "not native: ..."

} // namespace vitscope
