#include "engine/host_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vitscope {

void reuseFreedHostMemory()
{
#if defined(__GLIBC__)
    // No mmap for large blocks (over 64 MB a worker thread's arena still maps them), and no trimming
    // of the heap's top after each free: page faults per step vanish, for somewhat higher peak memory
    // (ViT-B/16 bf16: 3.13 against 2.86 GB, as freed blocks wait in the heap; fp32 unchanged).
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

void returnFreedHostMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace vitscope
