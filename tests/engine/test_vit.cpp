// The ViT against torchvision's reference outputs, both Hub layouts, export round trip, head reset.
#include "test_support.h"

#include "engine/autocast.h"
#include "engine/attention_map.h"
#include "engine/checkpoint.h"
#include "engine/safetensors.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

std::string data(const std::string &rel)
{
    return testsupport::dataDir() + "/" + rel;
}

double maxAbs(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().max().item<double>();
}

std::string tmpDir(const std::string &name)
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-vit" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

} // namespace

TEST_CASE("classifierLogitsMatchReference")
{
    torch::InferenceMode guard;
    auto m = loadModel(data("vit-tiny-classifier"));
    REQUIRE(m.layout == "ViTForImageClassification");
    REQUIRE((m.missingKeys.empty() && m.unexpectedKeys.empty() && !m.newHead));
    REQUIRE(m.config().labels == std::vector<std::string>({"label_a", "label_b", "label_c", "label_d", "label_e"}));
    m.model->eval();
    const auto ref = loadSafetensors(data("vit-tiny-classifier/expected.safetensors")).tensors;
    const auto logits = m.model(ref.at("pixel_values"));
    const double err = maxAbs(logits, ref.at("logits"));
    std::cout << "  classifier logits max abs error: " << err << "\n";
    REQUIRE(err < 1e-5);
    REQUIRE(maxAbs(torch::softmax(logits, -1), ref.at("probabilities")) < 1e-6);
}

TEST_CASE("attentionPathEqualsFusedPath")
{
    torch::InferenceMode guard;
    auto m = loadModel(data("vit-tiny-classifier"));
    m.model->eval();
    const auto x = loadSafetensors(data("vit-tiny-classifier/expected.safetensors")).tensors.at("pixel_values");
    auto full = m.model->forwardFull(x, true);
    REQUIRE(full.attentions.size() == 3);
    REQUIRE(full.attentions[0].sizes() == torch::IntArrayRef({4, 4, 17, 17}));
    REQUIRE(maxAbs(full.attentions[1].sum(-1), torch::ones({4, 4, 17})) < 1e-5);
    REQUIRE(maxAbs(full.logits, m.model(x)) < 1e-5);
}

TEST_CASE("qkvModesAgreeInValuesAndGradients")
{
    // One GEMM over the concatenated weights or three, as transformers: the same logits and the
    // same gradients for every weight, on the reference model and its reference input; in fp32,
    // and under bf16 autocast (the joined weights are autocast's cached casts, so the gradients
    // reach the float32 master weights), to bf16's precision.
    const auto x = loadSafetensors(data("vit-tiny-classifier/expected.safetensors")).tensors.at("pixel_values");
    for (const bool bf16 : {false, true}) {
        CAPTURE(bf16);
        const double tolerance = bf16 ? 2e-2 : 1e-5;
        std::map<std::string, torch::Tensor> grads[2];
        torch::Tensor logits[2];
        for (int i = 0; i < 2; ++i) {
            auto m = loadModel(data("vit-tiny-classifier"));
            m.model->setQkvMode(i == 0 ? QkvMode::Fused : QkvMode::Separate);
            m.model->train();
            {
                AutocastGuard autocast(torch::kCPU, bf16);
                logits[i] = m.model(x).to(torch::kFloat32);
            }
            logits[i].pow(2).sum().backward();
            for (const auto &p : m.model->named_parameters()) {
                REQUIRE((p.value().grad().scalar_type() == torch::kFloat32));
                grads[i][p.key()] = p.value().grad().clone();
            }
        }
        // fp32 as before, absolute; bf16 relative to the logits' size
        REQUIRE(maxAbs(logits[0], logits[1]) < (bf16 ? tolerance * std::max(1.0, logits[1].abs().max().item<double>()) : tolerance));
        for (const auto &[name, g] : grads[0]) {
            CAPTURE(name);
            REQUIRE(maxAbs(g, grads[1].at(name)) <= tolerance * std::max(1.0, g.abs().max().item<double>()));
        }
    }
}

TEST_CASE("theLastBlocksClassTokenAloneGivesTheWholeModelsGradients")
{
    // forward() computes the last block for the class token only; forwardFull with attentions
    // computes every token. The logits and every weight's gradient agree, for both QKV modes.
    const auto x = loadSafetensors(data("vit-tiny-classifier/expected.safetensors")).tensors.at("pixel_values");
    for (const auto mode : {QkvMode::Fused, QkvMode::Separate}) {
        std::map<std::string, torch::Tensor> grads[2];
        torch::Tensor logits[2];
        for (int i = 0; i < 2; ++i) {
            auto m = loadModel(data("vit-tiny-classifier"));
            m.model->setQkvMode(mode);
            m.model->train();
            logits[i] = i == 0 ? m.model(x) : m.model->forwardFull(x, true).logits;
            logits[i].pow(2).sum().backward();
            for (const auto &p : m.model->named_parameters())
                grads[i][p.key()] = p.value().grad().clone();
        }
        REQUIRE(maxAbs(logits[0], logits[1]) < 1e-5);
        for (const auto &[name, g] : grads[0]) {
            INFO(name);
            REQUIRE(maxAbs(g, grads[1].at(name)) <= 1e-5 * std::max(1.0, g.abs().max().item<double>()));
        }
    }
}

TEST_CASE("rolloutShowsWhereClsLooks")
{
    // Uniform attention everywhere: every patch contributes equally.
    const std::vector<torch::Tensor> uniform(3, torch::full({2, 4, 5, 5}, 0.2));
    REQUIRE(torch::allclose(vitscope::attentionRollout(uniform, 2, 2), torch::ones({2, 2, 2})));
    // One layer, one head, CLS attending only to patch 2: the residual half stays on CLS itself.
    auto a = torch::eye(5).unsqueeze(0).unsqueeze(0).clone();
    a[0][0][0] = torch::tensor({0.0f, 0.0f, 1.0f, 0.0f, 0.0f});
    const auto map = vitscope::attentionRollout({a}, 2, 2);
    REQUIRE(torch::allclose(map, torch::tensor({0.0f, 1.0f, 0.0f, 0.0f}).view({1, 2, 2})));
    // On the fixture model: one 4x4 map per image, in [0, 1] with a maximum of 1.
    torch::InferenceMode guard;
    auto m = loadModel(data("vit-tiny-classifier"));
    m.model->eval();
    const auto x = loadSafetensors(data("vit-tiny-classifier/expected.safetensors")).tensors.at("pixel_values");
    const auto maps = vitscope::attentionRollout(m.model->forwardFull(x, true).attentions, 4, 4);
    REQUIRE(maps.sizes() == torch::IntArrayRef({4, 4, 4}));
    REQUIRE(maps.min().item<float>() >= 0.0f);
    REQUIRE_NEAR(maps.amax({1, 2}).min().item<float>(), 1.0, 1e-6);
    REQUIRE_THROWS_CONTAINING(vitscope::attentionRollout({a}, 3, 3), "tokens");
}

TEST_CASE("backboneFeaturesMatchReference")
{
    torch::InferenceMode guard;
    auto m = loadModel(data("vit-tiny-backbone"), {{"x", "y", "z"}});
    REQUIRE(m.layout == "ViTModel");
    REQUIRE(m.newHead);
    REQUIRE(m.missingKeys == std::vector<std::string>({"classifier.weight", "classifier.bias"}));
    REQUIRE(m.unexpectedKeys == std::vector<std::string>({"pooler.dense.bias", "pooler.dense.weight"}));
    REQUIRE(m.config().labels.size() == 3);
    m.model->eval();
    const auto ref = loadSafetensors(data("vit-tiny-backbone/expected.safetensors")).tensors;
    const auto out = m.model->forwardFull(ref.at("pixel_values"), false);
    const double err = maxAbs(out.clsFeatures, ref.at("cls_features"));
    std::cout << "  backbone CLS features max abs error: " << err << "\n";
    REQUIRE(err < 1e-5);
    REQUIRE(out.logits.sizes() == torch::IntArrayRef({4, 3}));
}

TEST_CASE("newHeadFollowsLabels")
{
    struct Row {
        std::vector<std::string> labels;
        bool newHead;
    };
    const std::vector<Row> rows = {
        {{}, false},                                                        // keep the checkpoint's
        {{"label_a", "label_b", "label_c", "label_d", "label_e"}, false},  // same labels
        {{"a", "b"}, true},                                                 // other count
        {{"e", "d", "c", "b", "a"}, true},                                  // same count, other names
    };
    for (const auto &r : rows) {
        auto m = loadModel(data("vit-tiny-classifier"), {r.labels});
        REQUIRE(m.newHead == r.newHead);
        if (r.newHead) {
            REQUIRE(m.model->named_parameters()["classifier.bias"].abs().sum().item<double>() == 0.0);
            const double std = m.model->named_parameters()["classifier.weight"].std().item<double>();
            REQUIRE((std > 0.005 && std < 0.05)); // normal(0, initializer_range = 0.02)
        }
    }
}

TEST_CASE("exportReloadIsBitIdentical")
{
    auto m = loadModel(data("vit-tiny-classifier"));
    const auto dir = tmpDir("export");
    exportModel(m.model, m.preprocess, dir);
    for (const char *f : {"config.json", "model.safetensors", "preprocessor_config.json"})
        REQUIRE(fs::exists(fs::path(dir) / f));
    const auto original = loadSafetensors(data("vit-tiny-classifier/model.safetensors")).tensors;
    const auto exported = loadSafetensors(dir + "/model.safetensors");
    REQUIRE(exported.metadata.at("format") == "pt");
    REQUIRE(exported.tensors.size() == original.size());
    for (const auto &[k, v] : original)
        REQUIRE(torch::equal(exported.tensors.at(k), v));
    auto back = loadModel(dir);
    REQUIRE(back.config().labels == m.config().labels);
    REQUIRE((back.preprocess.height == 32 && back.preprocess.resample == 2));
    const auto cfg = loadViTConfig(dir + "/config.json");
    REQUIRE((cfg.hiddenSize == 48 && cfg.numHiddenLayers == 3 && cfg.layerNormEps == 1e-12 && cfg.qkvBias));
}

TEST_CASE("shapeMismatchNamesKeyAndShapes")
{
    const auto dir = tmpDir("mismatch");
    fs::copy(data("vit-tiny-classifier"), dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    auto tensors = loadSafetensors(dir + "/model.safetensors").tensors;
    tensors["vit.encoder.layer.1.intermediate.dense.weight"] = torch::zeros({97, 48});
    saveSafetensors(dir + "/model.safetensors", tensors);
    REQUIRE_THROWS_CONTAINING(loadModel(dir), "vit.encoder.layer.1.intermediate.dense.weight");
    REQUIRE_THROWS_CONTAINING(loadModel(dir), "[97, 48]");
    REQUIRE_THROWS_CONTAINING(loadModel(dir), "[96, 48]");
}

TEST_CASE("configOnlyMeansFromScratch")
{
    const auto dir = tmpDir("scratch");
    fs::copy_file(data("vit-tiny-classifier/config.json"), dir + "/config.json");
    torch::manual_seed(1);
    auto m = loadModel(dir);
    REQUIRE((m.fromScratch && m.newHead && m.layout == "config-only"));
    auto p = m.model->named_parameters();
    REQUIRE(torch::equal(p["vit.layernorm.weight"], torch::ones({48})));
    REQUIRE(p["vit.encoder.layer.0.attention.attention.query.bias"].abs().sum().item<double>() == 0.0);
    const double std = p["vit.encoder.layer.0.output.dense.weight"].std().item<double>();
    REQUIRE((std > 0.017 && std < 0.023));
    REQUIRE(m.preprocess.height == 32); // preprocessor defaults follow the model's image size
}

// The count a catalogue shows before downloading equals the model's; ViT-B/16 with 1000 classes
// has torchvision's vit_b_16 count (the same architecture).
TEST_CASE("parameterCountFromTheArchitecture")
{
    auto count = [](const ViTConfig &c, int labels) {
        ViTConfig withLabels = c;
        withLabels.labels.assign(static_cast<std::size_t>(labels), "x");
        ViTForImageClassification m(withLabels);
        int64_t n = 0;
        for (const auto &p : m->parameters())
            n += p.numel();
        return n;
    };
    ViTConfig noBias = vitTinyConfig(32);
    noBias.qkvBias = false;
    for (const auto &c : {vitTinyConfig(32), vitTinyConfig(64), noBias})
        REQUIRE(c.parameterCount(3) == count(c, 3));
    REQUIRE(vitBaseConfig().parameterCount(1000) == 86567656);
    REQUIRE(count(vitBaseConfig(), 1000) == 86567656);
}

TEST_CASE("configVariants")
{
    struct Row {
        const char *json;
        const char *error; // nullptr: valid
    };
    const std::vector<Row> rows = {
        {R"({"model_type":"vit","hidden_act":"gelu_new","image_size":16,"patch_size":8,"hidden_size":8,"num_attention_heads":2,"num_hidden_layers":1,"intermediate_size":16,"qkv_bias":false})", nullptr},
        {R"({"model_type":"bert"})", "only \"vit\""},
        {R"({"model_type":"vit","image_size":30,"patch_size":8})", "not a multiple"},
        {R"({"model_type":"vit","hidden_size":10,"num_attention_heads":4})", "multiple of num_attention_heads"},
        {R"({"model_type":"vit","hidden_act":"relu"})", "not supported"},
        {R"({"model_type":"vit","image_size":"big"})", "field 'image_size' must be an integer, not \"big\""},
        {R"([1])", "not a JSON object"},
    };
    for (const auto &r : rows) {
        if (!r.error) {
            auto c = parseViTConfig(r.json);
            REQUIRE((c.tanhGelu() && !c.qkvBias));
            c.labels = {"a", "b"};
            ViTForImageClassification m(c);
            REQUIRE(!m->named_parameters().contains("vit.encoder.layer.0.attention.attention.query.bias"));
            REQUIRE(m(torch::randn({2, 3, 16, 16})).sizes() == torch::IntArrayRef({2, 2}));
        } else {
            REQUIRE_THROWS_CONTAINING(parseViTConfig(r.json), r.error);
        }
    }
}

TEST_CASE("preprocessorConfigVariants")
{
    auto p = parsePreprocessConfig(R"({"size":384,"resample":3,"image_mean":[0.1,0.2,0.3],"image_std":[1,1,1]})", 224);
    REQUIRE((p.height == 384 && p.width == 384 && p.resample == 3 && p.mean[2] == 0.3));
    p = parsePreprocessConfig(R"({"size":{"height":100,"width":50},"do_normalize":false})", 224);
    REQUIRE((p.height == 100 && p.width == 50 && !p.doNormalize));
    p = parsePreprocessConfig("{}", 64);
    REQUIRE((p.height == 64 && p.mean[0] == 0.5 && p.std[1] == 0.5 && p.doResize && p.resample == 2));
    REQUIRE_THROWS_CONTAINING(parsePreprocessConfig(R"({"resample":0})", 224), "not supported");
    REQUIRE_THROWS_CONTAINING(parsePreprocessConfig(R"({"size":{"shortest_edge":3}})", 224), "size");
}
