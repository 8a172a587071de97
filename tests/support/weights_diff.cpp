// weights_diff A.safetensors B.safetensors: how far two checkpoints' weights lie apart, for the
// distributed test's bound (#16: final weights within 1e-5 relative L2). Prints the relative L2
// distance ||A - B|| / ||B|| over all tensors together, then the largest of any one tensor, and
// exits 0; exits 2 when the files do not hold the same tensors.
#include "engine/safetensors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: weights_diff A.safetensors B.safetensors\n");
        return 2;
    }
    try {
        const auto a = vitscope::loadSafetensors(argv[1]).tensors, b = vitscope::loadSafetensors(argv[2]).tensors;
        if (a.size() != b.size()) {
            std::fprintf(stderr, "%zu tensors against %zu\n", a.size(), b.size());
            return 2;
        }
        double diff = 0, norm = 0, worst = 0;
        for (const auto &[name, x] : a) {
            const auto other = b.find(name);
            if (other == b.end() || !other->second.sizes().equals(x.sizes())) {
                std::fprintf(stderr, "%s: missing or of another shape in %s\n", name.c_str(), argv[2]);
                return 2;
            }
            const auto y = other->second.to(torch::kFloat64), d = x.to(torch::kFloat64) - y;
            const double dn = d.pow(2).sum().item<double>(), yn = y.pow(2).sum().item<double>();
            diff += dn;
            norm += yn;
            if (yn > 0)
                worst = std::max(worst, std::sqrt(dn / yn));
        }
        std::printf("%.3e %.3e\n", norm > 0 ? std::sqrt(diff / norm) : std::sqrt(diff), worst);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "weights_diff: %s\n", e.what());
        return 2;
    }
}
