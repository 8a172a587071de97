#include "job/recipe_advice.h"

#include "data/image_formats.h"
#include "data/split.h"
#include "engine/optim.h"
#include "engine/vit_config.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace vitscope {

RecipeAdvice adviseRecipe(const JobConfig &config)
{
    const TrainConfig &t = config.train;
    RecipeAdvice a;
    const auto classes = listClassImages(config.data.data);
    const SplitRatios own = ownShares(config.data.split, !config.data.valData.empty(), !config.data.testData.empty());
    for (const auto &files : classes)
        a.trainImages += partSizes(static_cast<int>(files.size()), own)[0];
    const StepPlan plan = planSteps(a.trainImages, t.batchSize, t.gradAccum, t.epochs, t.warmupRatio, t.warmupSteps); // as the trainer plans
    a.totalSteps = plan.totalSteps;
    a.warmupSteps = plan.warmupSteps;
    a.peakLr = a.warmupSteps > a.totalSteps ? t.lr * static_cast<double>(a.totalSteps) / static_cast<double>(a.warmupSteps) : t.lr;
    a.warmupDominates = a.totalSteps > 0 && 2 * a.warmupSteps > a.totalSteps;

    const ViTConfig model = loadViTConfig((fs::path(config.model) / "config.json").string());
    a.fromScratch = !fs::exists(fs::path(config.model) / "model.safetensors");
    a.frozenRandomBody = a.fromScratch && t.fineTune.mode != FineTune::Mode::Full;
    a.parameters = model.parameterCount(static_cast<int64_t>(std::max<std::size_t>(classes.size(), 2)));
    // A learning rate already meant for training from scratch or a small model raises no concern.
    const bool fineTuningLr = t.lr < 1e-4;
    a.fromScratch = a.fromScratch && fineTuningLr;
    a.smallModel = a.parameters < 10'000'000 && fineTuningLr;

    a.suggested = t;
    if (a.warmupDominates || a.fromScratch || a.smallModel) {
        // A tenth of the run warms up (transformers' warmup_ratio = 0.1).
        a.suggested.warmupRatio = 0;
        a.suggested.warmupSteps = static_cast<int>(std::max<int64_t>(1, a.totalSteps / 10));
    }
    if (a.fromScratch || a.smallModel)
        a.suggested.lr = std::max(t.lr, 1e-3); // the embedded demo's recipe for its tiny model
    if (a.frozenRandomBody)
        a.suggested.fineTune = FineTune{};
    return a;
}

} // namespace vitscope
