#include "engine/fine_tune.h"

#include "engine/autocast.h"
#include "engine/pixels.h"

#include <torch/torch.h>

#include <numeric>
#include <stdexcept>

namespace vitscope {

bool fineTuneTrains(const FineTune &f, const std::string &name, int layers)
{
    switch (f.mode) {
    case FineTune::Mode::Full:
        return true;
    case FineTune::Mode::Head:
        return name.rfind("classifier.", 0) == 0;
    case FineTune::Mode::LastBlocks: {
        if (name.rfind("classifier.", 0) == 0 || name.rfind("vit.layernorm.", 0) == 0)
            return true;
        const std::string prefix = "vit.encoder.layer.";
        if (name.rfind(prefix, 0) != 0)
            return false; // embeddings
        const int block = std::stoi(name.substr(prefix.size()));
        return block >= layers - f.blocks;
    }
    }
    return true;
}

int64_t applyFineTune(ViTForImageClassification &model, const FineTune &f)
{
    const int layers = model->config().numHiddenLayers;
    if (f.mode == FineTune::Mode::LastBlocks && (f.blocks < 1 || f.blocks > layers))
        throw std::invalid_argument("fine-tune last:" + std::to_string(f.blocks) + " asks for more blocks than the model's " +
                                    std::to_string(layers) + " (use last:1 to last:" + std::to_string(layers) + ")");
    int64_t trainable = 0;
    for (auto &p : model->named_parameters()) {
        const bool trains = fineTuneTrains(f, p.key(), layers);
        p.value().set_requires_grad(trains);
        if (trains)
            trainable += p.value().numel();
    }
    return trainable;
}

ModelEntry frozenEntry(const FineTune &f, int layers)
{
    switch (f.mode) {
    case FineTune::Mode::Full:
        return {};
    case FineTune::Mode::LastBlocks:
        return {ModelEntry::At::Block, layers - f.blocks};
    case FineTune::Mode::Head:
        return {ModelEntry::At::Classifier, 0};
    }
    return {};
}

TensorBatchSource frozenFeatures(ViTForImageClassification &model, BatchSource &images, const FineTune &fineTune,
                                 const torch::Device &device, bool bf16, int batchSize)
{
    const ModelEntry entry = frozenEntry(fineTune, model->config().numHiddenLayers);
    torch::InferenceMode inference;
    model->eval();
    std::vector<torch::Tensor> features, labels;
    for (int64_t b = 0; b < images.size(); b += batchSize) {
        std::vector<int64_t> idx(static_cast<std::size_t>(std::min<int64_t>(batchSize, images.size() - b)));
        std::iota(idx.begin(), idx.end(), b);
        const Batch batch = images.batch(idx, 0);
        AutocastGuard autocast(device, bf16);
        features.push_back(model->featuresAt(modelInput(batch, device), entry).to(torch::kCPU, torch::kFloat32));
        labels.push_back(batch.labels.cpu());
    }
    return TensorBatchSource(torch::cat(features), torch::cat(labels), {}, entry);
}

} // namespace vitscope
