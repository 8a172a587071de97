#include "engine/vit.h"

#include "engine/autocast.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <cmath>

namespace vitscope {
namespace {

// A plain container so that nested Hugging Face names ("attention.attention.query") exist.
std::shared_ptr<torch::nn::Module> container()
{
    return std::make_shared<torch::nn::Module>();
}

torch::nn::Linear linear(int in, int out, bool bias = true)
{
    return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias));
}

// torch::nn::Linear's forward (the C++ frontend's F::linear) computes a 3-D input as a matmul and
// then `+= bias`: under bf16 autocast that adds the float32 bias to the bf16 product in a second,
// slow pass, rounding twice. at::linear, which PyTorch's nn.Linear calls, casts the bias and adds
// it inside the GEMM, as the reference does.
torch::Tensor dense(const torch::nn::Linear &layer, const torch::Tensor &x)
{
    return torch::linear(x, layer->weight, layer->bias);
}

torch::Tensor scaledDotProductAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                        double dropout)
{
#if TORCH_VERSION_MAJOR >= 2
    return at::scaled_dot_product_attention(q, k, v, {}, dropout, false);
#else
    return std::get<0>(at::_scaled_dot_product_attention(q, k, v, {}, dropout, false, false));
#endif
}

} // namespace

std::string attentionKernel(const ViTConfig &config, QkvMode mode, int64_t batch, const torch::TensorOptions &options)
{
#if TORCH_VERSION_MAJOR >= 2
    const int64_t T = config.numPatches() + 1, heads = config.numAttentionHeads, D = config.hiddenSize / heads;
    const auto opts = options.requires_grad(true);
    torch::Tensor q, k, v; // laid out as ViTLayerImpl::attend lays them out
    if (mode == QkvMode::Fused) {
        const auto qkv = torch::empty({batch, T, 3, heads, D}, opts).unbind(2);
        q = qkv[0].transpose(1, 2);
        k = qkv[1].transpose(1, 2);
        v = qkv[2].transpose(1, 2);
    } else {
        q = torch::empty({batch, T, heads, D}, opts).transpose(1, 2);
        k = torch::empty({batch, T, heads, D}, opts).transpose(1, 2);
        v = torch::empty({batch, T, heads, D}, opts).transpose(1, 2);
    }
    switch (at::_fused_sdp_choice(q, k, v)) { // sdp::SDPBackend
    case 0:
        return "math";
    case 1:
        return "flash";
    case 2:
        return "efficient";
    case 3:
        return "cudnn";
    default:
        return "other";
    }
#else
    (void)config, (void)mode, (void)batch, (void)options;
    return "unknown (LibTorch < 2.0)";
#endif
}

ViTLayerImpl::ViTLayerImpl(const ViTConfig &c)
    : m_heads(c.numAttentionHeads), m_tanhGelu(c.tanhGelu()), m_attentionDropout(c.attentionDropout)
{
    const auto ln = torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps);
    m_layerNormBefore = register_module("layernorm_before", torch::nn::LayerNorm(ln));
    m_layerNormAfter = register_module("layernorm_after", torch::nn::LayerNorm(ln));

    auto attention = register_module("attention", container());
    auto self = attention->register_module("attention", container());
    m_query = self->register_module("query", linear(c.hiddenSize, c.hiddenSize, c.qkvBias));
    m_key = self->register_module("key", linear(c.hiddenSize, c.hiddenSize, c.qkvBias));
    m_value = self->register_module("value", linear(c.hiddenSize, c.hiddenSize, c.qkvBias));
    m_attentionOut = attention->register_module("output", container())->register_module("dense", linear(c.hiddenSize, c.hiddenSize));
    m_intermediate = register_module("intermediate", container())->register_module("dense", linear(c.hiddenSize, c.intermediateSize));
    m_output = register_module("output", container())->register_module("dense", linear(c.intermediateSize, c.hiddenSize));
    m_dropout = register_module("dropout", torch::nn::Dropout(c.hiddenDropout));
}

torch::Tensor ViTLayerImpl::attend(const torch::Tensor &x, torch::Tensor *attention, bool clsOnly)
{
    const auto B = x.size(0), T = x.size(1), H = x.size(2), D = H / m_heads;
    const int64_t queries = clsOnly ? 1 : T; // with clsOnly, the class token's query alone
    const auto heads = [&](const torch::Tensor &t, int64_t tokens) { return t.view({B, tokens, m_heads, D}).transpose(1, 2); };
    // One GEMM for several of query, key and value (wider, so faster than three); the weights stay
    // three parameters in Hugging Face's layout and autograd splits the gradient back. unbind, not
    // parts[i]: its backward stacks the gradients in place, where selects would each fill a zeroed
    // copy of the whole tensor and then add them. Unbinding the [B, T, n, ...] view (not a permuted
    // one) lets that stack land in the GEMM's layout, with no copy back.
    const auto fused = [&](const std::vector<torch::nn::Linear> &layers) {
        std::vector<torch::Tensor> weights, biases;
        for (const auto &layer : layers) { // joined after autocast's cast, not cast again after the join
            weights.push_back(autocastOperand(layer->weight));
            biases.push_back(autocastOperand(layer->bias));
        }
        const auto bias = biases.front().defined() ? torch::cat(biases) : torch::Tensor();
        const auto n = static_cast<int64_t>(layers.size());
        auto parts = torch::linear(x, torch::cat(weights), bias).view({B, T, n, m_heads, D}).unbind(2);
        for (auto &part : parts)
            part = part.transpose(1, 2);
        return parts;
    };
    torch::Tensor q, k, v; // [B, heads, tokens, D]
    if (m_qkvMode == QkvMode::Separate) {
        q = heads(dense(m_query, clsOnly ? x.narrow(1, 0, 1) : x), queries);
        k = heads(dense(m_key, x), T);
        v = heads(dense(m_value, x), T);
    } else if (clsOnly) {
        q = heads(dense(m_query, x.narrow(1, 0, 1)), 1);
        const auto kv = fused({m_key, m_value});
        k = kv[0];
        v = kv[1];
    } else {
        const auto qkv = fused({m_query, m_key, m_value});
        q = qkv[0];
        k = qkv[1];
        v = qkv[2];
    }
    const double dropout = is_training() ? m_attentionDropout : 0.0;
    torch::Tensor context;
    if (attention) {
        // Explicit path that exposes the probabilities (attention maps); same maths as the fused one.
        auto probs = torch::softmax(torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(static_cast<double>(D)), -1);
        *attention = probs;
        context = torch::matmul(torch::dropout(probs, dropout, is_training()), v);
    } else {
        context = scaledDotProductAttention(q, k, v, dropout);
    }
    return dense(m_attentionOut, context.transpose(1, 2).reshape({B, queries, H}));
}

torch::Tensor ViTLayerImpl::feedForward(const torch::Tensor &h)
{
    auto mlp = torch::gelu(dense(m_intermediate, m_layerNormAfter(h)), m_tanhGelu ? "tanh" : "none");
    return h + m_dropout(dense(m_output, mlp));
}

bool ViTLayerImpl::canSkipTokens() const
{
    return !is_training() || (m_attentionDropout == 0.0 && m_dropout->options.p() == 0.0);
}

torch::Tensor ViTLayerImpl::forwardClsNormed(const torch::Tensor &x, const torch::Tensor &normed)
{
    TORCH_CHECK(canSkipTokens(), "the class token alone cannot be computed while dropout is active");
    return feedForward(x.narrow(1, 0, 1) + m_dropout(attend(normed, nullptr, true)));
}

torch::Tensor ViTLayerImpl::forward(const torch::Tensor &x, torch::Tensor *attention)
{
    return forwardNormed(x, m_layerNormBefore(x), attention);
}

torch::Tensor ViTLayerImpl::forwardNormed(const torch::Tensor &x, const torch::Tensor &normed, torch::Tensor *attention)
{
    return feedForward(x + m_dropout(attend(normed, attention, false)));
}

ViTModelImpl::ViTModelImpl(const ViTConfig &c) : m_config(c)
{
    auto embeddings = register_module("embeddings", container());
    m_clsToken = embeddings->register_parameter("cls_token", torch::zeros({1, 1, c.hiddenSize}));
    m_positionEmbeddings = embeddings->register_parameter("position_embeddings", torch::zeros({1, c.numPatches() + 1, c.hiddenSize}));
    m_projection = embeddings->register_module("patch_embeddings", container())
                       ->register_module("projection", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.numChannels, c.hiddenSize, c.patchSize)
                                                                              .stride(c.patchSize)));
    m_dropout = embeddings->register_module("dropout", torch::nn::Dropout(c.hiddenDropout));
    auto layers = register_module("encoder", container())->register_module("layer", torch::nn::ModuleList());
    for (int i = 0; i < c.numHiddenLayers; ++i) {
        m_layers.emplace_back(c);
        layers->push_back(m_layers.back());
    }
    m_layerNorm = register_module("layernorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps)));
}

void ViTModelImpl::setQkvMode(QkvMode mode)
{
    for (auto &layer : m_layers)
        layer->setQkvMode(mode);
}

torch::Tensor ViTModelImpl::forward(const torch::Tensor &pixelValues, std::vector<torch::Tensor> *attentions)
{
    return m_layerNorm(encode(embed(pixelValues), 0, static_cast<int>(m_layers.size()), attentions));
}

torch::Tensor ViTModelImpl::embed(const torch::Tensor &pixelValues)
{
    TORCH_CHECK(pixelValues.dim() == 4 && pixelValues.size(1) == m_config.numChannels &&
                    pixelValues.size(2) == m_config.imageSize && pixelValues.size(3) == m_config.imageSize,
                "expected pixel values [B, ", m_config.numChannels, ", ", m_config.imageSize, ", ", m_config.imageSize,
                "], got ", pixelValues.sizes());
    auto x = m_projection(pixelValues).flatten(2).transpose(1, 2);
    // As transformers: under bf16 autocast the patches are bf16 and the class token float32, and
    // cat promotes both to float32 before the position embeddings are added.
    x = torch::cat({m_clsToken.expand({x.size(0), -1, -1}), x}, 1) + m_positionEmbeddings;
    return m_dropout(x);
}

torch::Tensor ViTModelImpl::encode(torch::Tensor x, int from, int to, std::vector<torch::Tensor> *attentions)
{
    TORCH_CHECK(0 <= from && from <= to && to <= static_cast<int>(m_layers.size()), "encoder blocks [", from, ", ", to,
                ") out of range for ", m_layers.size(), " blocks");
    for (int i = from; i < to; ++i) {
        auto &layer = m_layers[static_cast<std::size_t>(i)];
        if (attentions) {
            torch::Tensor a;
            x = layer(x, &a);
            attentions->push_back(a);
        } else {
            x = layer(x);
        }
    }
    return x;
}

torch::Tensor ViTModelImpl::clsFeatures(const torch::Tensor &tokens, int from, torch::Tensor *lastNormed)
{
    const int layers = static_cast<int>(m_layers.size());
    TORCH_CHECK(from < layers || !lastNormed, "no last block to tap after block ", from);
    if (from >= layers)
        return m_layerNorm(encode(tokens, from, layers).narrow(1, 0, 1)).select(1, 0); // encode checks the range
    const auto x = encode(tokens, from, layers - 1);
    auto &last = m_layers.back();
    const auto normed = last->normBefore(x);
    if (lastNormed)
        *lastNormed = normed;
    // The final LayerNorm works token by token, so normalising the class token alone is the same.
    const auto cls = last->canSkipTokens() ? last->forwardClsNormed(x, normed) : last->forwardNormed(x, normed).narrow(1, 0, 1);
    return m_layerNorm(cls).select(1, 0);
}

ViTForImageClassificationImpl::ViTForImageClassificationImpl(const ViTConfig &c) : m_config(c)
{
    if (m_config.labels.empty())
        m_config.labels = {"LABEL_0", "LABEL_1"}; // transformers' default num_labels = 2
    m_vit = register_module("vit", ViTModel(m_config));
    m_classifier = register_module("classifier", linear(m_config.hiddenSize, static_cast<int>(m_config.labels.size())));
    initWeights();
}

torch::Tensor ViTForImageClassificationImpl::forward(const torch::Tensor &pixelValues)
{
    return dense(m_classifier, m_vit->clsFeatures(m_vit->embed(pixelValues), 0));
}

torch::Tensor ViTForImageClassificationImpl::forwardFrom(const torch::Tensor &input, const ModelEntry &entry)
{
    switch (entry.at) {
    case ModelEntry::At::Pixels:
        return forward(input);
    case ModelEntry::At::Block:
        return dense(m_classifier, m_vit->clsFeatures(input, entry.block));
    case ModelEntry::At::Classifier:
        return dense(m_classifier, input);
    }
    return forward(input);
}

torch::Tensor ViTForImageClassificationImpl::featuresAt(const torch::Tensor &pixelValues, const ModelEntry &entry)
{
    switch (entry.at) {
    case ModelEntry::At::Pixels:
        return pixelValues;
    case ModelEntry::At::Block:
        return m_vit->encode(m_vit->embed(pixelValues), 0, entry.block);
    case ModelEntry::At::Classifier:
        return m_vit->clsFeatures(m_vit->embed(pixelValues), 0);
    }
    return pixelValues;
}

torch::Tensor ViTForImageClassificationImpl::forwardTappingLastNorm(const torch::Tensor &pixelValues, torch::Tensor &normed)
{
    return dense(m_classifier, m_vit->clsFeatures(m_vit->embed(pixelValues), 0, &normed));
}

ViTOutput ViTForImageClassificationImpl::forwardFull(const torch::Tensor &pixelValues, bool withAttentions)
{
    ViTOutput out;
    out.clsFeatures = withAttentions ? m_vit->forward(pixelValues, &out.attentions).select(1, 0)
                                     : m_vit->clsFeatures(m_vit->embed(pixelValues), 0);
    out.logits = dense(m_classifier, out.clsFeatures);
    return out;
}

void ViTForImageClassificationImpl::initWeights()
{
    torch::NoGradGuard noGrad;
    const double std = m_config.initializerRange;
    for (auto &item : named_parameters()) {
        const std::string &name = item.key();
        auto &p = item.value();
        const bool isNorm = name.find("layernorm") != std::string::npos;
        if (isNorm)
            name.ends_with(".weight") ? p.fill_(1.0) : p.zero_();
        else if (name.ends_with(".bias"))
            p.zero_();
        else // linear/conv weights, cls token, position embeddings: trunc_normal(0, std), cut at +-2 (not +-2 std)
            p.normal_(0.0, std).clamp_(-2.0, 2.0);
    }
}

void ViTForImageClassificationImpl::resetHead(const std::vector<std::string> &labels)
{
    TORCH_CHECK(!labels.empty(), "a classifier needs at least one label");
    const auto device = m_classifier->weight.device();
    m_config.labels = labels;
    auto head = linear(m_config.hiddenSize, static_cast<int>(labels.size()));
    {
        torch::NoGradGuard noGrad;
        head->weight.normal_(0.0, m_config.initializerRange);
        head->bias.zero_();
    }
    head->to(device);
    m_classifier = replace_module("classifier", head);
}

} // namespace vitscope
