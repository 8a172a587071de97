#include "engine/vit_config.h"

#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

namespace vitscope {
namespace {

using nlohmann::json;

template <typename T>
void readOpt(const json &j, const char *key, T &out, const std::string &source)
{
    if (!j.contains(key) || j[key].is_null())
        return;
    try {
        out = j[key].get<T>();
    } catch (const std::exception &) {
        throw std::runtime_error(source + ": field '" + key + "' has the wrong type (" + j[key].dump() + ")");
    }
}

} // namespace

bool ViTConfig::tanhGelu() const
{
    return hiddenAct == "gelu_new" || hiddenAct == "gelu_pytorch_tanh" || hiddenAct == "gelu_fast";
}

void ViTConfig::validate() const
{
    auto require = [](bool ok, const std::string &what) {
        if (!ok)
            throw std::runtime_error("invalid ViT config: " + what);
    };
    require(imageSize > 0 && patchSize > 0, "image_size and patch_size must be positive");
    require(imageSize % patchSize == 0, "image_size " + std::to_string(imageSize) +
                                            " is not a multiple of patch_size " + std::to_string(patchSize));
    require(numChannels > 0, "num_channels must be positive");
    require(hiddenSize > 0 && numAttentionHeads > 0 && hiddenSize % numAttentionHeads == 0,
            "hidden_size " + std::to_string(hiddenSize) + " must be a multiple of num_attention_heads " +
                std::to_string(numAttentionHeads));
    require(numHiddenLayers >= 0 && intermediateSize > 0, "num_hidden_layers/intermediate_size out of range");
    require(hiddenAct == "gelu" || tanhGelu(), "hidden_act '" + hiddenAct + "' is not supported (gelu, gelu_new)");
    require(hiddenDropout >= 0 && hiddenDropout < 1 && attentionDropout >= 0 && attentionDropout < 1,
            "dropout probabilities must be in [0, 1)");
}

ViTConfig parseViTConfig(const std::string &jsonText, const std::string &source)
{
    json j;
    try {
        j = json::parse(jsonText);
    } catch (const std::exception &e) {
        throw std::runtime_error(source + " is not valid JSON: " + e.what());
    }
    if (!j.is_object())
        throw std::runtime_error(source + " is not a JSON object");
    if (j.contains("model_type") && j["model_type"] != "vit")
        throw std::runtime_error(source + ": model_type is " + j["model_type"].dump() + ", only \"vit\" is supported");
    ViTConfig c;
    readOpt(j, "image_size", c.imageSize, source);
    readOpt(j, "patch_size", c.patchSize, source);
    readOpt(j, "num_channels", c.numChannels, source);
    readOpt(j, "hidden_size", c.hiddenSize, source);
    readOpt(j, "num_hidden_layers", c.numHiddenLayers, source);
    readOpt(j, "num_attention_heads", c.numAttentionHeads, source);
    readOpt(j, "intermediate_size", c.intermediateSize, source);
    readOpt(j, "hidden_act", c.hiddenAct, source);
    readOpt(j, "layer_norm_eps", c.layerNormEps, source);
    readOpt(j, "qkv_bias", c.qkvBias, source);
    readOpt(j, "hidden_dropout_prob", c.hiddenDropout, source);
    readOpt(j, "attention_probs_dropout_prob", c.attentionDropout, source);
    readOpt(j, "initializer_range", c.initializerRange, source);
    c.encoderStride = c.patchSize;
    readOpt(j, "encoder_stride", c.encoderStride, source);
    if (j.contains("id2label") && j["id2label"].is_object() && !j["id2label"].empty()) {
        std::map<int, std::string> byId;
        for (auto it = j["id2label"].begin(); it != j["id2label"].end(); ++it) {
            int id = -1;
            try {
                id = std::stoi(it.key());
            } catch (...) {
            }
            if (id < 0 || !it.value().is_string())
                throw std::runtime_error(source + ": id2label entry '" + it.key() + "' is malformed");
            byId[id] = it.value().get<std::string>();
        }
        for (int i = 0; i < static_cast<int>(byId.size()); ++i) {
            if (!byId.count(i))
                throw std::runtime_error(source + ": id2label ids are not 0.." + std::to_string(byId.size() - 1));
            c.labels.push_back(byId[i]);
        }
    } else if (j.contains("num_labels") && j["num_labels"].is_number_integer()) {
        for (int i = 0; i < j["num_labels"].get<int>(); ++i)
            c.labels.push_back("LABEL_" + std::to_string(i));
    }
    try {
        c.validate();
    } catch (const std::exception &e) {
        throw std::runtime_error(source + ": " + e.what());
    }
    return c;
}

ViTConfig loadViTConfig(const std::string &path)
{
    return parseViTConfig(readTextFile(path), path);
}

std::string viTConfigToJson(const ViTConfig &c)
{
    json j = {
        {"architectures", {"ViTForImageClassification"}},
        {"model_type", "vit"},
        {"image_size", c.imageSize},
        {"patch_size", c.patchSize},
        {"num_channels", c.numChannels},
        {"hidden_size", c.hiddenSize},
        {"num_hidden_layers", c.numHiddenLayers},
        {"num_attention_heads", c.numAttentionHeads},
        {"intermediate_size", c.intermediateSize},
        {"hidden_act", c.hiddenAct},
        {"layer_norm_eps", c.layerNormEps},
        {"qkv_bias", c.qkvBias},
        {"hidden_dropout_prob", c.hiddenDropout},
        {"attention_probs_dropout_prob", c.attentionDropout},
        {"initializer_range", c.initializerRange},
        {"encoder_stride", c.encoderStride},
        {"problem_type", "single_label_classification"},
        {"torch_dtype", "float32"},
    };
    json id2label = json::object(), label2id = json::object();
    for (std::size_t i = 0; i < c.labels.size(); ++i) {
        id2label[std::to_string(i)] = c.labels[i];
        label2id[c.labels[i]] = static_cast<int>(i);
    }
    j["id2label"] = id2label;
    j["label2id"] = label2id;
    return j.dump(2) + "\n";
}

ViTConfig vitBaseConfig()
{
    return ViTConfig{};
}

int64_t ViTConfig::parameterCount(int64_t numLabels) const
{
    const int64_t h = hiddenSize, m = intermediateSize;
    const int64_t embeddings = int64_t{numChannels} * patchSize * patchSize * h + h // patch projection
                               + h + (numPatches() + 1) * h;                        // CLS token, positions
    const int64_t attention = 3 * (h * h + (qkvBias ? h : 0)) + h * h + h;
    const int64_t block = attention + (h * m + m) + (m * h + h) + 2 * 2 * h; // and two LayerNorms
    return embeddings + numHiddenLayers * block + 2 * h + h * numLabels + numLabels;
}

ViTConfig vitTinyConfig(int imageSize)
{
    ViTConfig c;
    c.imageSize = imageSize;
    c.patchSize = 8;
    c.hiddenSize = 96;
    c.numHiddenLayers = 4;
    c.numAttentionHeads = 4;
    c.intermediateSize = 192;
    c.encoderStride = 8;
    return c;
}

std::string PreprocessConfig::resizeKey() const
{
    return std::to_string(width) + "x" + std::to_string(height) + (doResize ? "-r" + std::to_string(resample) : "-noresize");
}

PreprocessConfig defaultPreprocessConfig(int imageSize)
{
    PreprocessConfig p;
    p.height = p.width = imageSize;
    return p;
}

PreprocessConfig parsePreprocessConfig(const std::string &jsonText, int defaultImageSize)
{
    const std::string source = "preprocessor_config.json";
    json j;
    try {
        j = json::parse(jsonText);
    } catch (const std::exception &e) {
        throw std::runtime_error(source + " is not valid JSON: " + e.what());
    }
    if (!j.is_object())
        throw std::runtime_error(source + " is not a JSON object");
    PreprocessConfig p = defaultPreprocessConfig(defaultImageSize);
    if (j.contains("size")) {
        const auto &s = j["size"];
        if (s.is_number_integer()) {
            p.height = p.width = s.get<int>();
        } else if (s.is_object() && s.contains("height") && s.contains("width")) {
            p.height = s["height"].get<int>();
            p.width = s["width"].get<int>();
        } else {
            throw std::runtime_error(source + ": 'size' must be an integer or {height, width}, got " + s.dump());
        }
    }
    readOpt(j, "do_resize", p.doResize, source);
    readOpt(j, "resample", p.resample, source);
    readOpt(j, "do_rescale", p.doRescale, source);
    readOpt(j, "rescale_factor", p.rescaleFactor, source);
    readOpt(j, "do_normalize", p.doNormalize, source);
    readOpt(j, "image_mean", p.mean, source);
    readOpt(j, "image_std", p.std, source);
    if (p.height <= 0 || p.width <= 0 || p.height > 8192 || p.width > 8192)
        throw std::runtime_error(source + ": size out of range");
    if (p.resample != 2 && p.resample != 3)
        throw std::runtime_error(source + ": resample " + std::to_string(p.resample) +
                                 " is not supported (2 = bilinear, 3 = bicubic)");
    if (p.mean.size() != 3 || p.std.size() != 3)
        throw std::runtime_error(source + ": image_mean and image_std need 3 values");
    for (double s : p.std)
        if (s == 0.0)
            throw std::runtime_error(source + ": image_std must not contain 0");
    return p;
}

std::string preprocessConfigToJson(const PreprocessConfig &p)
{
    json j = {
        {"image_processor_type", "ViTImageProcessor"},
        {"do_resize", p.doResize},
        {"size", {{"height", p.height}, {"width", p.width}}},
        {"resample", p.resample},
        {"do_rescale", p.doRescale},
        {"rescale_factor", p.rescaleFactor},
        {"do_normalize", p.doNormalize},
        {"image_mean", p.mean},
        {"image_std", p.std},
    };
    return j.dump(2) + "\n";
}

} // namespace vitscope
