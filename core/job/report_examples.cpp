#include "job/report_examples.h"

#include "data/preprocess.h"
#include "engine/attention_map.h"
#include "engine/checkpoint.h"
#include "engine/run_files.h"
#include "engine/runtime.h"
#if __has_include("engine/grad_cam.h") // lands with issue #13's calibration work; rollout only before it
#include "engine/grad_cam.h"
#define VITSCOPE_HAS_GRAD_CAM 1
#endif

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <numeric>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

// Indices of the predictions to explain, misclassified last.
std::vector<std::size_t> choose(const std::vector<PredictionRecord> &predictions, std::size_t classes, const ExampleOptions &o)
{
    std::vector<std::size_t> order(predictions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return predictions[a].confidence > predictions[b].confidence; });
    std::vector<std::size_t> correct, wrong;
    std::vector<bool> taken(predictions.size(), false);
    // One class after another, so that the correct examples are not all of the easiest class.
    for (bool added = true; added && static_cast<int>(correct.size()) < o.correct;) {
        added = false;
        for (std::size_t c = 0; c < classes && static_cast<int>(correct.size()) < o.correct; ++c)
            for (std::size_t i : order)
                if (!taken[i] && predictions[i].trueLabel == static_cast<int>(c) && predictions[i].predicted == predictions[i].trueLabel) {
                    taken[i] = true;
                    correct.push_back(i);
                    added = true;
                    break;
                }
    }
    for (std::size_t i : order)
        if (static_cast<int>(wrong.size()) < o.misclassified && predictions[i].predicted != predictions[i].trueLabel && predictions[i].predicted >= 0)
            wrong.push_back(i);
    correct.insert(correct.end(), wrong.begin(), wrong.end());
    return correct;
}

std::vector<float> values(const torch::Tensor &map)
{
    const auto t = map.to(torch::kCPU, torch::kFloat32).contiguous();
    return {t.data_ptr<float>(), t.data_ptr<float>() + t.numel()};
}

} // namespace

ExampleSet computeReportExamples(const std::string &run, const ExampleOptions &options)
{
    ExampleSet set;
#ifdef VITSCOPE_HAS_GRAD_CAM
    set.gradCam = true;
#endif
    try {
        if (!fs::exists(fs::path(runfiles::partFolder(run, "test")) / "predictions.csv")) {
            set.problem = "the run has no test predictions (test/predictions.csv)";
            return set;
        }
        if (!fs::exists(fs::path(runfiles::bestCheckpoint(run)) / "model.safetensors")) {
            set.problem = "the run has no exported model (checkpoints/best/model.safetensors)";
            return set;
        }
        const RunInfo info = readRunInfo(run);
        const EvaluationRecord test = readEvaluation(run, "test");
        const std::string root = partRoot(info, "test");
        const torch::Device device = selectDevice(options.device);
        auto loaded = loadModel(runfiles::bestCheckpoint(run), {{}, device, LoadPurpose::Inference});
        auto &model = loaded.model;
        model->eval();
        const Preprocessor pre(loaded.preprocess);
        const auto &cfg = loaded.config();
        const int grid = cfg.imageSize / cfg.patchSize;
        for (std::size_t i : choose(test.predictions, test.labels.size(), options)) {
            const PredictionRecord &p = test.predictions[i];
            const fs::path path = fs::path(p.path).is_absolute() ? fs::path(p.path) : fs::path(root) / p.path;
            ExplanationExample e;
            e.path = p.path;
            e.trueLabel = p.trueLabel >= 0 ? test.labels[p.trueLabel] : "?";
            e.predictedLabel = p.predicted >= 0 ? test.labels[p.predicted] : "?";
            e.probability = p.confidence;
            torch::Tensor resized;
            try {
                resized = pre.loadResized(path.string()); // [3, H, W] uint8 RGB
            } catch (const std::exception &) {
                continue; // moved or deleted since the run: the other examples still help
            }
            e.height = static_cast<int>(resized.size(1));
            e.width = static_cast<int>(resized.size(2));
            const auto hwc = resized.permute({1, 2, 0}).contiguous();
            e.rgb.assign(hwc.data_ptr<uint8_t>(), hwc.data_ptr<uint8_t>() + hwc.numel());
            e.gridH = e.gridW = grid;
            const torch::Tensor x = pre.normalize(resized).unsqueeze(0).to(device);
            {
                torch::NoGradGuard noGrad;
                e.rollout = values(attentionRollout(model->forwardFull(x, true).attentions, grid, grid)[0]);
            }
#ifdef VITSCOPE_HAS_GRAD_CAM
            e.gradCam = values(gradCam(model, x, {static_cast<int64_t>(std::max(p.predicted, 0))})[0]);
#endif
            set.examples.push_back(std::move(e));
        }
        if (set.examples.empty())
            set.problem = "no test image could be read again from " + root;
    } catch (const std::exception &e) {
        set.examples.clear();
        set.problem = e.what();
    }
    return set;
}

} // namespace vitscope
