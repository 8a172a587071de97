#include "engine/checkpoint.h"

#include "engine/file_util.h"
#include "engine/safetensors.h"

#include <torch/torch.h>

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

std::string shapeOf(const torch::Tensor &t)
{
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

bool startsWith(const std::string &s, const std::string &prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// Every backbone weight present and every weight finite, or an error naming the first culprit.
void requireUsableForInference(const LoadedModel &m, const std::string &weights)
{
    std::vector<std::string> backbone;
    for (const auto &k : m.missingKeys)
        if (!startsWith(k, "classifier."))
            backbone.push_back(k);
    if (!backbone.empty())
        throw std::runtime_error(weights + " lacks " + std::to_string(backbone.size()) + " of the model's backbone weights (" +
                                 (backbone.size() == m.model->named_parameters().size() - 2 ? "all of them" : "'" + backbone.front() + "' first") +
                                 "): random weights cannot predict; is it the right file for this config.json?");
    for (const auto &p : m.model->named_parameters())
        if (!torch::isfinite(p.value()).all().item<bool>())
            throw std::runtime_error(weights + ": '" + p.key() + "' holds NaN or infinite values: the model cannot predict " +
                                     "(a training run that diverged, or a damaged file)");
}

} // namespace

std::vector<std::string> LoadedModel::messages() const
{
    std::vector<std::string> out;
    if (fromScratch)
        out.push_back("no model.safetensors: every weight initialised from the config (training from scratch)");
    if (newHead)
        out.push_back("classification head is new (" + std::to_string(config().labels.size()) +
                      " labels), initialised randomly: it must be trained before predictions mean anything");
    if (!missingKeys.empty() && !fromScratch) {
        std::string s = "weights not in the checkpoint, newly initialised:";
        for (const auto &k : missingKeys)
            s += " " + k;
        out.push_back(s);
    }
    if (!unexpectedKeys.empty()) {
        std::string s = "weights in the checkpoint that this model does not use:";
        for (const auto &k : unexpectedKeys)
            s += " " + k;
        out.push_back(s);
    }
    return out;
}

LoadedModel loadModel(const std::string &folder, const LoadOptions &options)
{
    const fs::path dir(folder);
    if (!fs::is_directory(dir))
        throw std::runtime_error("model folder " + folder + " does not exist");
    if (!fs::exists(dir / "config.json"))
        throw std::runtime_error("model folder " + folder + " has no config.json");
    ViTConfig config = loadViTConfig((dir / "config.json").string());
    const std::vector<std::string> checkpointLabels = config.labels;
    if (!options.labels.empty())
        config.labels = options.labels;

    LoadedModel out;
    out.preprocess = loadPreprocessConfig(folder, config.imageSize);
    out.model = ViTForImageClassification(config);

    const fs::path weights = dir / "model.safetensors";
    const bool inference = options.purpose == LoadPurpose::Inference;
    if (!fs::exists(weights)) {
        if (fs::exists(dir / "pytorch_model.bin"))
            throw std::runtime_error(folder + " holds pytorch_model.bin (pickle); only model.safetensors is read. "
                                              "Convert it with transformers' save_pretrained(safe_serialization=True).");
        if (inference) {
            if (fs::is_symlink(weights)) // damage, not a model meant to be trained
                throw std::runtime_error(folder + " has no model weights (model.safetensors is a link to a file that does not exist)");
            throw UntrainedModelError(folder + " has no model weights (no model.safetensors): an untrained model cannot predict; "
                                               "train it first, or open a trained model");
        }
        out.fromScratch = true;
        out.layout = "config-only";
        out.newHead = true;
        for (const auto &p : out.model->named_parameters())
            out.missingKeys.push_back(p.key());
        out.model->to(options.device);
        return out;
    }

    auto file = loadSafetensors(weights.string());
    bool prefixed = false;
    for (const auto &[k, v] : file.tensors)
        prefixed = prefixed || startsWith(k, "vit.");
    out.layout = prefixed ? "ViTForImageClassification" : "ViTModel";

    // Map the file's keys onto ours ("vit."-prefixed backbone, "classifier.*").
    std::map<std::string, torch::Tensor> mapped;
    for (auto &[k, v] : file.tensors) {
        std::string key = k;
        if (!prefixed && !startsWith(k, "classifier."))
            key = "vit." + k;
        mapped[key] = v;
    }
    const bool headInFile = mapped.count("classifier.weight") > 0;
    const bool sameLabels = checkpointLabels == config.labels ||
                            (options.labels.empty() && headInFile &&
                             mapped["classifier.weight"].size(0) == static_cast<int64_t>(config.labels.size()));
    out.newHead = !headInFile || !sameLabels;

    torch::NoGradGuard noGrad;
    for (auto &item : out.model->named_parameters()) {
        const std::string &key = item.key();
        const bool isHead = startsWith(key, "classifier.");
        auto it = mapped.find(key);
        if (it == mapped.end() || (isHead && out.newHead)) {
            out.missingKeys.push_back(key);
            continue;
        }
        if (it->second.sizes() != item.value().sizes())
            throw std::runtime_error(weights.string() + ": '" + it->first + "' has shape " + shapeOf(it->second) +
                                     " in the checkpoint but the config needs " + shapeOf(item.value()));
        item.value().copy_(it->second.to(torch::kFloat32));
        mapped.erase(it);
    }
    for (const auto &[k, v] : mapped)
        if (!(out.newHead && startsWith(k, "classifier.")))
            out.unexpectedKeys.push_back(prefixed || startsWith(k, "classifier.") ? k : k.substr(4));
    if (inference)
        requireUsableForInference(out, weights.string());
    out.model->to(options.device);
    return out;
}

std::map<std::string, torch::Tensor> stateDict(ViTForImageClassification &model)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto &p : model->named_parameters())
        out[p.key()] = p.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return out;
}

void exportModel(ViTForImageClassification &model, const PreprocessConfig &preprocess, const std::string &folder)
{
    fs::create_directories(folder);
    const fs::path dir(folder);
    saveSafetensors((dir / "model.safetensors").string(), stateDict(model), {{"format", "pt"}});
    writeTextAtomically((dir / "config.json").string(), viTConfigToJson(model->config()));
    writeTextAtomically((dir / "preprocessor_config.json").string(), preprocessConfigToJson(preprocess));
}

} // namespace vitscope
