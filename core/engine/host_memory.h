#pragma once
// How freed host memory is kept: reused by the next training step, returned when a job ends.

namespace vitscope {

// A training step frees and allocates again about a gigabyte of activations and gradients. glibc
// serves blocks over its mmap threshold with fresh mappings that the kernel zero-fills page by page
// on every step (ViT-B/16 bf16 on 2 CPU cores: 80,000 faults, 5-8 % of the step); this keeps
// freed blocks in the heap for reuse instead. Call once, at start-up. A no-op where the C library is not glibc.
void reuseFreedHostMemory();

// Gives the freed heap pages back to the system (after a job, so an idle app does not hold them).
void returnFreedHostMemory();

} // namespace vitscope
