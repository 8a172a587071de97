#include "engine/host_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vitscope {

void reuseFreedHostMemory()
{
#if defined(__GLIBC__)
    // No mmap for large blocks (over 64 MB a worker thread's arena still maps them), and no trimming
    // of the heap's top after each free: peak memory stays what it was, page faults per step vanish.
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
