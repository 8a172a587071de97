#include "engine/vit_config.h"

#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace vitscope {
namespace {

using nlohmann::json;

std::string shortDump(const json &v)
{
    const std::string d = v.dump();
    return d.size() > 60 ? d.substr(0, 57) + "..." : d;
}

template <typename T>
void readOpt(const json &j, const char *key, T &out, const std::string &source)
{
    if (!j.contains(key) || j[key].is_null())
        return;
    try {
        out = j[key].get<T>();
    } catch (const std::exception &) {
        throw std::runtime_error(source + ": field '" + key + "' has the wrong type (" + shortDump(j[key]) + ")");
    }
}

// An integer field within [lo, hi], checked before it is narrowed: 2^31 is not -2^31, nor 2^32 + 32
// thirty-two (#17 item 12). The message names the field and the range.
void readInt(const json &j, const char *key, int &out, int64_t lo, int64_t hi, const std::string &source)
{
    if (!j.contains(key) || j[key].is_null())
        return;
    const json &v = j[key];
    if (!v.is_number_integer())
        throw std::runtime_error(source + ": field '" + key + "' must be an integer, not " + shortDump(v));
    // nlohmann stores non-negative integers as unsigned: compare those unsigned, the others signed.
    const bool outside = v.is_number_unsigned() ? v.get<uint64_t>() > static_cast<uint64_t>(hi) || static_cast<int64_t>(v.get<uint64_t>()) < lo
                                                : v.get<int64_t>() > hi || v.get<int64_t>() < lo;
    if (outside)
        throw std::runtime_error(source + ": field '" + key + "' is " + v.dump() + "; it must be between " + std::to_string(lo) +
                                 " and " + std::to_string(hi));
    out = static_cast<int>(v.get<int64_t>());
}

// A finite number in [lo, hi] (lo excluded when `openLow`).
void readReal(const json &j, const char *key, double &out, double lo, double hi, bool openLow, const std::string &source)
{
    if (!j.contains(key) || j[key].is_null())
        return;
    const json &v = j[key];
    if (!v.is_number())
        throw std::runtime_error(source + ": field '" + key + "' must be a number, not " + shortDump(v));
    const double x = v.get<double>();
    if (!std::isfinite(x) || x < lo || x > hi || (openLow && x == lo))
        throw std::runtime_error(source + ": field '" + key + "' is " + v.dump() + "; it must be " + (openLow ? "above " : "at least ") +
                                 json(lo).dump() + " and at most " + json(hi).dump());
    out = x;
}

json parseObject(const std::string &text, const std::string &source)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const std::exception &e) {
        throw std::runtime_error(source + " is not valid JSON: " + plainJsonError(e));
    }
    if (!j.is_object())
        throw std::runtime_error(source + " is not a JSON object");
    return j;
}

// Bounds that keep a hostile or mistyped config from allocating gigabytes before its weights are
// even read; every real ViT (ViT-H/14 at 518 px included) is far inside them.
constexpr int64_t kMaxImageSize = 4096, kMaxHidden = 16384, kMaxLayers = 256, kMaxIntermediate = 65536, kMaxLabels = 100000;
constexpr int64_t kMaxTokens = 16384, kMaxParameters = 4'000'000'000;

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
    require(int64_t{imageSize / patchSize} * (imageSize / patchSize) <= kMaxTokens,
            "image_size " + std::to_string(imageSize) + " with patch_size " + std::to_string(patchSize) + " gives " +
                std::to_string(int64_t{imageSize / patchSize} * (imageSize / patchSize)) + " patches, more than " + std::to_string(kMaxTokens));
    const int64_t parameters = parameterCount(static_cast<int64_t>(labels.size()));
    require(parameters <= kMaxParameters, "the model would have " + std::to_string(parameters / 1'000'000) + " million parameters (" +
                                              std::to_string(parameters * 4 / 1'000'000'000) + " GB in fp32), more than vitscope loads (" +
                                              std::to_string(kMaxParameters / 1'000'000'000) + " billion)");
}

ViTConfig parseViTConfig(const std::string &jsonText, const std::string &source)
{
    const json j = parseObject(jsonText, source);
    if (j.contains("model_type") && j["model_type"] != "vit")
        throw std::runtime_error(source + ": model_type is " + j["model_type"].dump() + ", only \"vit\" is supported");
    ViTConfig c;
    readInt(j, "image_size", c.imageSize, 1, kMaxImageSize, source);
    readInt(j, "patch_size", c.patchSize, 1, kMaxImageSize, source);
    readInt(j, "num_channels", c.numChannels, 1, 16, source);
    readInt(j, "hidden_size", c.hiddenSize, 1, kMaxHidden, source);
    readInt(j, "num_hidden_layers", c.numHiddenLayers, 0, kMaxLayers, source);
    readInt(j, "num_attention_heads", c.numAttentionHeads, 1, kMaxHidden, source);
    readInt(j, "intermediate_size", c.intermediateSize, 1, kMaxIntermediate, source);
    readOpt(j, "hidden_act", c.hiddenAct, source);
    readReal(j, "layer_norm_eps", c.layerNormEps, 0, 1, true, source);
    readOpt(j, "qkv_bias", c.qkvBias, source);
    readReal(j, "hidden_dropout_prob", c.hiddenDropout, 0, 1, false, source);
    readReal(j, "attention_probs_dropout_prob", c.attentionDropout, 0, 1, false, source);
    readReal(j, "initializer_range", c.initializerRange, 0, 10, false, source);
    c.encoderStride = c.patchSize;
    readInt(j, "encoder_stride", c.encoderStride, 1, kMaxImageSize, source);
    if (j.contains("id2label") && j["id2label"].is_object() && !j["id2label"].empty()) {
        if (j["id2label"].size() > static_cast<std::size_t>(kMaxLabels))
            throw std::runtime_error(source + ": id2label has " + std::to_string(j["id2label"].size()) + " labels, more than " +
                                     std::to_string(kMaxLabels));
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
    } else if (j.contains("num_labels")) {
        int n = 0;
        readInt(j, "num_labels", n, 0, kMaxLabels, source);
        for (int i = 0; i < n; ++i)
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
    return parseViTConfig(readTextFile(path, kMaxConfigBytes), path);
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

PreprocessConfig parsePreprocessConfig(const std::string &jsonText, int defaultImageSize, const std::string &source)
{
    const json j = parseObject(jsonText, source);
    PreprocessConfig p = defaultPreprocessConfig(defaultImageSize);
    if (j.contains("size")) {
        const auto &s = j["size"];
        if (s.is_number()) {
            readInt(j, "size", p.height, 1, 8192, source);
            p.width = p.height;
        } else if (s.is_object() && s.contains("height") && s.contains("width")) {
            readInt(s, "height", p.height, 1, 8192, source + ": size");
            readInt(s, "width", p.width, 1, 8192, source + ": size");
        } else {
            throw std::runtime_error(source + ": 'size' must be an integer or {height, width}, not " + shortDump(s));
        }
    }
    readOpt(j, "do_resize", p.doResize, source);
    readInt(j, "resample", p.resample, 0, 5, source);
    readOpt(j, "do_rescale", p.doRescale, source);
    readReal(j, "rescale_factor", p.rescaleFactor, 0, 1e6, true, source);
    readOpt(j, "do_normalize", p.doNormalize, source);
    readOpt(j, "image_mean", p.mean, source);
    readOpt(j, "image_std", p.std, source);
    if (p.resample != 2 && p.resample != 3)
        throw std::runtime_error(source + ": resample " + std::to_string(p.resample) +
                                 " is not supported (2 = bilinear, 3 = bicubic)");
    if (p.mean.size() != 3 || p.std.size() != 3)
        throw std::runtime_error(source + ": image_mean and image_std need 3 values");
    for (double s : p.std)
        if (s == 0.0 || !std::isfinite(s))
            throw std::runtime_error(source + ": image_std must hold finite numbers other than 0");
    for (double m : p.mean)
        if (!std::isfinite(m))
            throw std::runtime_error(source + ": image_mean must hold finite numbers");
    return p;
}

PreprocessConfig loadPreprocessConfig(const std::string &modelFolder, int imageSize)
{
    const std::string path = (std::filesystem::path(modelFolder) / "preprocessor_config.json").string();
    if (!std::filesystem::exists(path))
        return defaultPreprocessConfig(imageSize);
    const PreprocessConfig p = parsePreprocessConfig(readTextFile(path, kMaxConfigBytes), imageSize, path);
    // The model's position embeddings fix its input size; transformers refuses other sizes at the
    // first forward pass. Said here once, instead of a stack trace for every image (#17 item 19).
    if (p.doResize && (p.height != imageSize || p.width != imageSize))
        throw std::runtime_error(path + ": size " + std::to_string(p.height) + "x" + std::to_string(p.width) +
                                 " differs from config.json's image_size " + std::to_string(imageSize) + ": the model takes " +
                                 std::to_string(imageSize) + "x" + std::to_string(imageSize) + " images; set size to {\"height\": " +
                                 std::to_string(imageSize) + ", \"width\": " + std::to_string(imageSize) + "}");
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
