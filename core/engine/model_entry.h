#pragma once

namespace vitscope {

// Where an input enters the model: images; the token sequence entering an encoder block; or the
// classifier's input (the final-LayerNorm CLS token). The frozen part of a fine-tune ends at such a
// point, so its output can be computed once and cached (engine/fine_tune.h).
struct ModelEntry {
    enum class At { Pixels, Block, Classifier };
    At at = At::Pixels;
    int block = 0; // At::Block: the 0-based encoder block the tokens enter
    bool operator==(const ModelEntry &) const = default;
};

} // namespace vitscope
