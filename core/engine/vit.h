#pragma once
// A LibTorch port of transformers' ViTForImageClassification. Sub-modules are registered under
// Hugging Face's names, so named_parameters() yields exactly the checkpoint keys
// ("vit.encoder.layer.0.attention.attention.query.weight", "classifier.bias", ...).
#include "engine/model_entry.h"
#include "engine/vit_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <vector>

namespace vitscope {

struct ViTOutput {
    torch::Tensor logits;                  // [B, num_labels] (undefined when the model has no head)
    torch::Tensor clsFeatures;             // [B, hidden]: last_hidden_state[:, 0] after the final LayerNorm
    std::vector<torch::Tensor> attentions; // per layer [B, heads, T, T], only when requested
};

// How query, key and value are computed: one GEMM over the concatenated weights (the default:
// faster on the CPU, and on an H200 2,542 against 2,216 training images/s in bf16) or three, as
// transformers does (kept for comparison: bench train --qkv separate). Same maths either way.
enum class QkvMode { Fused, Separate };

// The fused attention kernel LibTorch picks for this model's query/key/value layout in training
// ("flash", "efficient", "cudnn", "math"); "unknown" before LibTorch 2.0. For benchmarks.
std::string attentionKernel(const ViTConfig &config, QkvMode mode, int64_t batch, const torch::TensorOptions &options);

class ViTLayerImpl : public torch::nn::Module {
public:
    explicit ViTLayerImpl(const ViTConfig &config);
    // Returns the layer output; fills *attention with the probabilities when it is non-null.
    torch::Tensor forward(const torch::Tensor &x, torch::Tensor *attention = nullptr);
    // The same in two parts, for Grad-CAM, whose target is layernorm_before's output: that output,
    // and the layer's output given it (the residual path takes x itself).
    torch::Tensor normBefore(const torch::Tensor &x) { return m_layerNormBefore(x); }
    torch::Tensor forwardNormed(const torch::Tensor &x, const torch::Tensor &normed, torch::Tensor *attention = nullptr);
    // The layer's output for the class token alone [B, 1, hidden], given layernorm_before's output
    // for every token: what the classifier reads of the last block (see ViTModelImpl::clsFeatures).
    torch::Tensor forwardClsNormed(const torch::Tensor &x, const torch::Tensor &normed);
    // Whether outputs can be left out without changing what is kept: not while dropout draws
    // random masks (leaving tokens out would shift the random stream of the rest).
    bool canSkipTokens() const;
    void setQkvMode(QkvMode mode) { m_qkvMode = mode; }

private:
    // The attention output [B, tokens, hidden]; with clsOnly, of the class token alone [B, 1, hidden]
    // (its query only; the keys and values of every token).
    torch::Tensor attend(const torch::Tensor &x, torch::Tensor *attention, bool clsOnly);
    torch::Tensor feedForward(const torch::Tensor &h); // the MLP with its residual

    QkvMode m_qkvMode = QkvMode::Fused;
    int m_heads;
    bool m_tanhGelu;
    double m_attentionDropout;
    torch::nn::LayerNorm m_layerNormBefore{nullptr}, m_layerNormAfter{nullptr};
    torch::nn::Linear m_query{nullptr}, m_key{nullptr}, m_value{nullptr};
    torch::nn::Linear m_attentionOut{nullptr}, m_intermediate{nullptr}, m_output{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(ViTLayer);

class ViTModelImpl : public torch::nn::Module {
public:
    explicit ViTModelImpl(const ViTConfig &config);
    // Final-LayerNormed hidden states [B, 1 + patches, hidden].
    torch::Tensor forward(const torch::Tensor &pixelValues, std::vector<torch::Tensor> *attentions = nullptr);
    // The same in parts: the embedded tokens, encoder blocks [from, to), the final LayerNorm.
    torch::Tensor embed(const torch::Tensor &pixelValues);
    torch::Tensor encode(torch::Tensor tokens, int from, int to, std::vector<torch::Tensor> *attentions = nullptr);
    torch::Tensor finalNorm(const torch::Tensor &tokens) { return m_layerNorm(tokens); }
    // last_hidden_state[:, 0] [B, hidden] of tokens entering block `from`: what the classifier
    // reads. The last block computes only the class token's output (its attention still reads
    // every token's key and value): the other tokens' outputs reach nothing the classifier sees,
    // and leaving them out saves about 7 % of ViT-B/16's GEMM work, forward and backward.
    // *lastNormed, when given, receives the last block's layernorm_before output (Grad-CAM's target).
    torch::Tensor clsFeatures(const torch::Tensor &tokens, int from, torch::Tensor *lastNormed = nullptr);
    ViTLayer &layer(int index) { return m_layers.at(static_cast<std::size_t>(index)); }
    void setQkvMode(QkvMode mode);

private:
    ViTConfig m_config;
    torch::Tensor m_clsToken, m_positionEmbeddings;
    torch::nn::Conv2d m_projection{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    std::vector<ViTLayer> m_layers;
    torch::nn::LayerNorm m_layerNorm{nullptr};
};
TORCH_MODULE(ViTModel);

class ViTForImageClassificationImpl : public torch::nn::Module {
public:
    explicit ViTForImageClassificationImpl(const ViTConfig &config);
    torch::Tensor forward(const torch::Tensor &pixelValues); // logits
    ViTOutput forwardFull(const torch::Tensor &pixelValues, bool withAttentions);
    // Logits of an input that enters at `entry`: pixels, tokens [B, T, hidden] entering a block,
    // or CLS features [B, hidden]. forwardFrom(featuresAt(x, e), e) computes what forward(x) does.
    torch::Tensor forwardFrom(const torch::Tensor &input, const ModelEntry &entry);
    torch::Tensor featuresAt(const torch::Tensor &pixelValues, const ModelEntry &entry); // what enters at `entry`
    // Logits, with the last block's layernorm_before output in *normed (Grad-CAM's target layer).
    torch::Tensor forwardTappingLastNorm(const torch::Tensor &pixelValues, torch::Tensor &normed);

    const ViTConfig &config() const { return m_config; }
    // Re-initialises every weight as transformers' _init_weights does (from_config).
    void initWeights();
    // Replaces the classification head by a freshly initialised one for these labels.
    void resetHead(const std::vector<std::string> &labels);
    void setQkvMode(QkvMode mode) { m_vit->setQkvMode(mode); }

private:
    ViTConfig m_config;
    ViTModel m_vit{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(ViTForImageClassification);

} // namespace vitscope
