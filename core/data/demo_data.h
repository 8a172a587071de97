#pragma once
// A synthetic, clearly labelled stand-in for Kvasir v2: 8 classes named like Kvasir's, each with a
// visual signature a small ViT learns in a minute or two on a CPU, drawn as 720x576 endoscopy-like
// JPEG frames (vignetting, reddish tissue, glare, the scope's black text box).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vitscope {

std::vector<std::string> kvasirClassNames();

// Writes OUT/<class>/<class>_NNNN.jpg and OUT/README.txt. Returns the number of images written.
int writeDemoDataset(const std::string &out, int perClass, uint64_t seed,
                     const std::function<void(int done, int total)> &progress = {});

} // namespace vitscope
