// Grad-CAM against pytorch-grad-cam's recipe (tests/data/vit-tiny-classifier/expected_gradcam).
#include "test_support.h"

#include "engine/checkpoint.h"
#include "engine/grad_cam.h"
#include "engine/safetensors.h"

#include <torch/torch.h>

using namespace vitscope;

namespace {
std::string data(const std::string &p) { return testsupport::dataDir() + "/" + p; }
} // namespace

TEST_CASE("gradCamMatchesTheReferenceOnThePatchGrid")
{
    auto m = loadModel(data("vit-tiny-classifier"));
    const auto ref = loadSafetensors(data("vit-tiny-classifier/expected_gradcam.safetensors")).tensors;
    const auto x = ref.at("pixel_values"), expected = ref.at("cam");
    const auto target = ref.at("target").to(torch::kInt64).contiguous();
    const std::vector<int64_t> targets(target.data_ptr<int64_t>(), target.data_ptr<int64_t>() + target.numel());

    const auto argmaxCam = gradCam(m.model, x); // the fixture's targets are each image's argmax
    REQUIRE(argmaxCam.sizes() == expected.sizes());
    INFO("max abs error ", (argmaxCam - expected).abs().max().item<double>());
    REQUIRE((argmaxCam - expected).abs().max().item<double>() <= 1e-5);
    REQUIRE((gradCam(m.model, x, targets) - expected).abs().max().item<double>() <= 1e-5);
    REQUIRE(expected.max().item<double>() > 0); // a real map, not all zeros
}

TEST_CASE("gradCamLeavesTheModelAndItsGradientsAlone")
{
    auto m = loadModel(data("vit-tiny-classifier"));
    const auto x = loadSafetensors(data("vit-tiny-classifier/expected_gradcam.safetensors")).tensors.at("pixel_values");
    torch::Tensor before;
    {
        torch::NoGradGuard g;
        m.model->eval();
        before = m.model->forward(x);
    }
    m.model->train();
    const auto other = gradCam(m.model, x, {1, 1, 1, 1});
    REQUIRE(m.model->is_training());
    for (const auto &p : m.model->parameters())
        REQUIRE(!p.grad().defined());
    torch::NoGradGuard g;
    m.model->eval();
    REQUIRE(torch::equal(m.model->forward(x), before));
    REQUIRE(other.min().item<double>() >= 0);
    const auto shown = normalisedMaps(other);
    REQUIRE(std::get<0>(shown.flatten(1).max(1)).le(1.0 + 1e-6).all().item<bool>());
    REQUIRE_THROWS_CONTAINING(gradCam(m.model, x, {9, 0, 0, 0}), "out of range");
    REQUIRE_THROWS_CONTAINING(gradCam(m.model, x, {0}), "one target class per image");
}
