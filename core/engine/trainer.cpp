#include "engine/trainer.h"

#include "engine/autocast.h"
#include "engine/graph_step.h"
#include "engine/optim.h"
#include "engine/pixels.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace vitscope {
namespace {

using Clock = std::chrono::steady_clock;

uint64_t mix(uint64_t x)
{
    // splitmix64: decorrelates (seed, epoch, batch) combinations.
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// The epoch's data order: Fisher-Yates over a fully specified generator, so it is identical on
// every platform and after a resume.
std::vector<int64_t> epochOrder(int64_t n, uint64_t seed, int epoch)
{
    std::vector<int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(mix(seed ^ mix(static_cast<uint64_t>(epoch) + 1)));
    for (int64_t i = n - 1; i > 0; --i) {
        const auto j = static_cast<int64_t>(rng() % static_cast<uint64_t>(i + 1));
        std::swap(order[i], order[j]);
    }
    return order;
}

std::vector<int64_t> slice(const std::vector<int64_t> &v, int64_t begin, int64_t end)
{
    return {v.begin() + begin, v.begin() + std::min<int64_t>(end, static_cast<int64_t>(v.size()))};
}

bool improved(const std::string &metric, double value, const TrainerState &st, double threshold)
{
    if (!st.haveBest)
        return true;
    return higherIsBetter(metric) ? value > st.bestValue + threshold : value < st.bestValue - threshold;
}

void log(const TrainerCallbacks &cb, const std::string &s)
{
    if (cb.onLog)
        cb.onLog(s);
}

} // namespace

EvalResult evaluate(ViTForImageClassification &model, BatchSource &data, int batchSize, const torch::Device &device,
                    bool bf16, const std::function<bool()> &shouldStop)
{
    torch::InferenceMode inference;
    model->eval();
    EvalResult r;
    const int64_t n = data.size();
    const int64_t classes = static_cast<int64_t>(model->config().labels.size());
    std::vector<torch::Tensor> probs, labels;
    // Everything stays on the device until the end: one read-back per evaluation, not per batch.
    auto lossSum = torch::zeros({}, torch::TensorOptions().device(device));
    for (int64_t b = 0; b < n; b += batchSize) {
        if (shouldStop && shouldStop())
            throw TrainingError("evaluation cancelled");
        std::vector<int64_t> idx(static_cast<std::size_t>(std::min<int64_t>(batchSize, n - b)));
        std::iota(idx.begin(), idx.end(), b);
        Batch batch = data.batch(idx, 0);
        torch::Tensor logits;
        {
            AutocastGuard autocast(device, bf16);
            logits = model(modelInput(batch, device)).to(torch::kFloat32);
        }
        auto truth = batch.labels.to(torch::kInt64);
        lossSum += torch::nn::functional::cross_entropy(
            logits, toDevice(truth, device), torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        probs.push_back(torch::softmax(logits, -1));
        labels.push_back(truth.cpu());
    }
    r.probabilities = probs.empty() ? torch::zeros({0, classes}) : torch::cat(probs).cpu();
    const auto pred = r.probabilities.argmax(-1).contiguous();
    const auto truth = labels.empty() ? torch::zeros({0}, torch::kInt64) : torch::cat(labels).contiguous();
    r.predictions.assign(pred.data_ptr<int64_t>(), pred.data_ptr<int64_t>() + pred.numel());
    r.labels.assign(truth.data_ptr<int64_t>(), truth.data_ptr<int64_t>() + truth.numel());
    r.metrics = computeMetrics(r.labels, r.predictions, static_cast<int>(classes), lossSum.item<double>());
    return r;
}

bool StepValues::finite() const
{
    return std::isfinite(loss) && std::isfinite(gradNorm);
}

StepValues readBack(const StepResult &step)
{
    const auto both = step.values.wait();
    return {both[0].item<double>(), both[1].item<double>()};
}

torch::Tensor backwardBatch(ViTForImageClassification &model, const Batch &batch, int64_t microBatches,
                            const torch::Device &device, bool bf16, const std::function<void(torch::Tensor &)> &lossHook)
{
    torch::Tensor logits;
    {
        AutocastGuard autocast(device, bf16);
        logits = model(modelInput(batch, device));
    }
    auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), toDevice(batch.labels, device));
    if (lossHook)
        lossHook(loss);
    (loss / static_cast<double>(microBatches)).backward();
    return loss.detach();
}

torch::Tensor clipGradients(ViTForImageClassification &model, double maxGradNorm, const torch::Device &device)
{
    return maxGradNorm > 0 ? clipGradNorm(*model, maxGradNorm) : torch::zeros({}, torch::TensorOptions().device(device));
}

torch::Tensor stepValues(const torch::Tensor &loss, const torch::Tensor &gradNorm)
{
    return torch::stack({loss.to(torch::kFloat64), gradNorm.to(torch::kFloat64)});
}

StepResult trainStep(ViTForImageClassification &model, AdamW &optimizer, int64_t microBatches,
                     const std::function<Batch(int64_t)> &fetch, double lr, double maxGradNorm,
                     const torch::Device &device, bool bf16, const std::function<void(torch::Tensor &)> &lossHook)
{
    StepResult r;
    optimizer.zeroGrad();
    r.loss = torch::zeros({}, torch::TensorOptions().device(device));
    for (int64_t a = 0; a < microBatches; ++a) {
        const Batch batch = fetch(a);
        r.loss += backwardBatch(model, batch, microBatches, device, bf16, lossHook) / static_cast<double>(microBatches);
        r.images += batch.labels.size(0);
    }
    r.gradNorm = clipGradients(model, maxGradNorm, device);
    optimizer.step(lr);
    r.values = HostCopy(stepValues(r.loss, r.gradNorm));
    return r;
}

TrainSummary train(LoadedModel &lm, const TrainConfig &cfg, BatchSource &trainSet, BatchSource &valSet,
                   BatchSource *testSet, RunFolder &run, const TrainerCallbacks &cb, bool resume)
{
    const torch::Device device = selectDevice(cfg.device);
    if (device.is_cpu())
        configureThreads(cfg.threads);
    if (cfg.precision != "fp32" && cfg.precision != "bf16")
        throw TrainingError("precision must be fp32 or bf16");
    const bool bf16 = cfg.precision == "bf16";
    if (bf16 && !bf16Supported(device))
        throw TrainingError("bf16 training needs a CUDA GPU; use fp32 on the CPU");
    if (trainSet.size() == 0)
        throw TrainingError("the training split is empty: add images or change the split ratios");
    if (valSet.size() == 0)
        throw TrainingError("the validation split is empty: give it a non-zero ratio or a --val-data folder");
    if (cfg.batchSize < 1 || cfg.evalBatchSize < 1 || cfg.gradAccum < 1 || cfg.epochs < 1)
        throw TrainingError("epochs, batch sizes and gradient accumulation must be at least 1");
    Metrics{}.byName(cfg.metric); // validates the name

    auto &model = lm.model;
    const std::vector<std::string> labels = model->config().labels; // a copy: the model is replaced below
    for (int64_t i = 0; i < trainSet.size(); i += std::max<int64_t>(1, trainSet.size() / 64))
        if (trainSet.label(i) < 0 || trainSet.label(i) >= static_cast<int64_t>(labels.size()))
            throw TrainingError("the data has a class id the model's " + std::to_string(labels.size()) +
                                "-label head cannot represent");
    model->to(device);
    allowTensorFloat32(device);

    const int64_t n = trainSet.size();
    const int64_t batchesPerEpoch = (n + cfg.batchSize - 1) / cfg.batchSize;
    const int64_t stepsPerEpoch = (batchesPerEpoch + cfg.gradAccum - 1) / cfg.gradAccum;
    const int64_t totalSteps = stepsPerEpoch * cfg.epochs;
    const int64_t warmup = cfg.warmupRatio > 0 ? static_cast<int64_t>(std::ceil(cfg.warmupRatio * totalSteps)) : cfg.warmupSteps;

    AdamW optimizer(*model, {cfg.lr, 0.9, 0.999, 1e-8, cfg.weightDecay});
    TrainerState st;
    torch::manual_seed(cfg.seed);
    if (resume) {
        st = run.loadLast(model, optimizer);
        if (st.rngState.defined())
        {
            auto generator = at::detail::getDefaultCPUGenerator();
            generator.set_state(st.rngState);
        }
        log(cb, "resumed at epoch " + std::to_string(st.epoch + 1) + ", step " + std::to_string(st.globalStep));
    }

    auto saveLast = [&] {
        st.rngState = at::detail::getDefaultCPUGenerator().get_state();
        run.saveLast(model, lm.preprocess, optimizer, st);
        if (cb.onCheckpoint)
            cb.onCheckpoint(run.lastFolder());
    };

    // On a GPU each step is read back after the next one is queued (see StepResult); on the CPU at
    // once, so that the live curves are not a step late.
    const bool deferReadBack = device.is_cuda();
    struct Pending {
        StepResult result;
        StepInfo info;
    };
    std::optional<Pending> pending;
    auto outOfMemory = [&] {
        run.setStatus("failed", "out of memory");
        return TrainingError("the " + deviceDescription(device) + " ran out of memory at batch size " +
                             std::to_string(cfg.batchSize) + ". Use a smaller batch size, or keep the effective batch with "
                             "gradient accumulation (e.g. batch " + std::to_string(std::max(1, cfg.batchSize / 2)) +
                             " with accumulation " + std::to_string(cfg.gradAccum * 2) + ").");
    };
    auto isOutOfMemory = [](const c10::Error &e) { return std::string(e.what()).find("out of memory") != std::string::npos; };
    // Reads the pending step back, fails the run on a non-finite loss and reports the step.
    auto settle = [&] {
        if (!pending)
            return;
        const auto t0 = Clock::now();
        StepValues values;
        try {
            values = readBack(pending->result);
        } catch (const c10::Error &e) {
            if (isOutOfMemory(e))
                throw outOfMemory();
            throw;
        }
        st.trainSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
        StepInfo info = pending->info;
        pending.reset();
        if (!values.finite()) {
            const double bad = std::isfinite(values.loss) ? values.gradNorm : values.loss;
            const std::string what = (std::isnan(bad) ? "NaN" : "infinite");
            const std::string subject = std::isfinite(values.loss) ? "gradient norm" : "loss";
            run.setStatus("failed", subject + " became " + what + " at step " + std::to_string(info.step));
            throw TrainingError("the " + subject + " became " + what + " at step " + std::to_string(info.step) + " (epoch " +
                                std::to_string(info.epoch) + "); training stopped. Try a lower learning rate. " +
                                (run.hasLast() ? "The last good checkpoint is kept in " + run.lastFolder()
                                               : std::string("No checkpoint had been saved yet.")));
        }
        info.loss = values.loss;
        info.gradNorm = values.gradNorm;
        info.imagesPerSecond = st.trainSeconds > 0 ? static_cast<double>(st.imagesSeen) / st.trainSeconds : 0;
        info.etaSeconds = st.globalStep ? st.trainSeconds / static_cast<double>(st.globalStep) * static_cast<double>(totalSteps - st.globalStep) : 0;
        if (cfg.logEvery <= 1 || info.step % cfg.logEvery == 0 || info.epochProgress >= 1.0) {
            run.appendStep(info);
            if (cb.onStep)
                cb.onStep(info);
        }
    };

    std::unique_ptr<GraphedTrainStep> graphed;
    if (cfg.cudaGraphs && !cb.lossHook && GraphedTrainStep::supported(model, optimizer, device, cfg.gradAccum)) {
        graphed = std::make_unique<GraphedTrainStep>(model, optimizer, device, bf16, cfg.maxGradNorm);
        log(cb, "training steps will replay from a CUDA graph after " + std::to_string(GraphedTrainStep::kOrdinaryStepsFirst) +
                    " ordinary steps");
    }
    bool reportedGraph = false;

    TrainSummary summary;
    summary.status = "finished";
    for (int epoch = st.epoch; epoch < cfg.epochs; ++epoch) {
        const auto order = epochOrder(n, cfg.seed, epoch);
        model->train();
        while (st.batchInEpoch < batchesPerEpoch) {
            const auto stepStart = Clock::now();
            const int64_t micro = std::min<int64_t>(cfg.gradAccum, batchesPerEpoch - st.batchInEpoch);
            const double lr = linearScheduleLr(cfg.lr, st.globalStep, warmup, totalSteps);
            const auto fetch = [&](int64_t a) {
                const int64_t b = st.batchInEpoch + a;
                const auto idx = slice(order, b * cfg.batchSize, (b + 1) * cfg.batchSize);
                const uint64_t augSeed = cfg.augment.empty() ? 0 : mix(cfg.seed ^ mix(static_cast<uint64_t>(b) * 131 + epoch * 7919)) | 1;
                return trainSet.batch(idx, augSeed);
            };
            std::function<void(torch::Tensor &)> hook;
            if (cb.lossHook)
                hook = [&](torch::Tensor &loss) { cb.lossHook(st.globalStep, loss); };
            StepResult step;
            try {
                step = graphed ? graphed->run(fetch(0), lr)
                               : trainStep(model, optimizer, micro, fetch, lr, cfg.maxGradNorm, device, bf16, hook);
            } catch (const c10::Error &e) {
                if (isOutOfMemory(e))
                    throw outOfMemory();
                throw;
            }
            if (graphed && !reportedGraph && !graphed->disabledReason().empty()) {
                log(cb, "CUDA graph not used (" + graphed->disabledReason() + "); ordinary steps, same results");
                reportedGraph = true;
            }
            st.batchInEpoch += micro;
            ++st.globalStep;
            st.imagesSeen += step.images;
            StepInfo info;
            info.step = st.globalStep;
            info.totalSteps = totalSteps;
            info.epoch = epoch + 1;
            info.epochProgress = static_cast<double>(st.batchInEpoch) / static_cast<double>(batchesPerEpoch);
            info.lr = lr;
            st.trainSeconds += std::chrono::duration<double>(Clock::now() - stepStart).count();
            if (deferReadBack)
                settle(); // the previous step: the GPU is already busy with this one
            pending = Pending{step, info};
            if (!deferReadBack || st.batchInEpoch == batchesPerEpoch)
                settle();
            if (cb.shouldStop && cb.shouldStop()) {
                settle(); // never checkpoint a step that has not been checked
                saveLast();
                run.setStatus("stopped");
                summary.status = "stopped";
                log(cb, "stopped at step " + std::to_string(st.globalStep) + "; resumable from " + run.lastFolder());
                summary.epochsRun = epoch;
                summary.steps = st.globalStep;
                summary.bestEpoch = st.bestEpoch;
                summary.trainSeconds = st.trainSeconds;
                return summary;
            }
        }

        // End of epoch: evaluate in eval mode, select the best model, checkpoint.
        EpochInfo info;
        info.epoch = epoch + 1;
        info.step = st.globalStep;
        EvalResult val = evaluate(model, valSet, cfg.evalBatchSize, device, bf16, cb.shouldStop);
        info.val = val.metrics;
        if (cfg.evalTrainSet)
            info.train = evaluate(model, trainSet, cfg.evalBatchSize, device, bf16, cb.shouldStop).metrics;
        const double value = val.metrics.byName(cfg.metric);
        if (improved(cfg.metric, value, st, cfg.earlyStoppingThreshold)) {
            st.haveBest = true;
            st.bestValue = value;
            st.bestEpoch = epoch + 1;
            st.epochsWithoutImprovement = 0;
            info.best = true;
            run.saveBest(model, lm.preprocess);
        } else {
            ++st.epochsWithoutImprovement;
        }
        info.bestEpoch = st.bestEpoch;
        st.epoch = epoch + 1;
        st.batchInEpoch = 0;
        run.writeConfusion(epoch + 1, val.metrics, labels);
        run.appendEpoch(info, labels);
        saveLast();
        if (cb.onEpoch)
            cb.onEpoch(info);
        summary.val = val.metrics;
        if (cfg.earlyStopping > 0 && st.epochsWithoutImprovement >= cfg.earlyStopping && epoch + 1 < cfg.epochs) {
            summary.status = "early-stopped";
            log(cb, "early stopping: no improvement in " + std::to_string(cfg.earlyStopping) + " epochs");
            break;
        }
    }

    // The best model, reloaded from its export, on the validation (for the summary) and test splits.
    auto best = loadModel(run.bestFolder(), {labels, device});
    model = best.model;
    // Per-image predictions of the best model on both held-out parts, for review.
    auto itemNames = [](BatchSource &set) {
        std::vector<std::string> names;
        for (int64_t i = 0; i < set.size(); ++i)
            names.push_back(set.itemName(i));
        return names;
    };
    const EvalResult bestVal = evaluate(model, valSet, cfg.evalBatchSize, device, bf16);
    run.writeEvaluation("val", bestVal, labels, itemNames(valSet));
    summary.val = bestVal.metrics;
    if (testSet && testSet->size() > 0) {
        EvalResult test = evaluate(model, *testSet, cfg.evalBatchSize, device, bf16);
        run.writeEvaluation("test", test, labels, itemNames(*testSet));
        summary.test = test.metrics;
    }
    summary.bestEpoch = st.bestEpoch;
    summary.epochsRun = st.epoch;
    summary.steps = st.globalStep;
    summary.trainSeconds = st.trainSeconds;
    summary.imagesPerSecond = st.trainSeconds > 0 ? static_cast<double>(st.imagesSeen) / st.trainSeconds : 0;
    run.setStatus(summary.status);
    return summary;
}

} // namespace vitscope
