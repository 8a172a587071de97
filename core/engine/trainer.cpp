// The training loop in named stages: set-up (checks, schedule, optimizer, resume), the step
// pipeline (fetch, step, read back, report), the epoch loop, the end-of-epoch work (evaluate,
// select the best, checkpoint, early stopping) and the final test of the best model.
#include "engine/trainer.h"

#include "engine/dist_train.h"
#include "engine/distributed.h"
#include "engine/fine_tune.h"
#include "engine/grad_reducer.h"
#include "engine/graph_step.h"
#include "engine/optim.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace vitscope {

DamagedCheckpoint::DamagedCheckpoint(const std::string &message, int bestEpoch) : TrainingError(message), m_bestEpoch(bestEpoch) {}
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
        std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
    }
    return order;
}

std::vector<int64_t> slice(const std::vector<int64_t> &v, int64_t begin, int64_t end)
{
    return {v.begin() + begin, v.begin() + std::min<int64_t>(end, static_cast<int64_t>(v.size()))};
}

bool isOutOfMemory(const c10::Error &e)
{
    return std::string(e.what()).find("out of memory") != std::string::npos;
}

std::vector<std::string> itemNames(BatchSource &set)
{
    std::vector<std::string> names;
    for (int64_t i = 0; i < set.size(); ++i)
        names.push_back(set.itemName(i));
    return names;
}

class TrainingLoop {
public:
    TrainingLoop(LoadedModel &lm, const TrainConfig &cfg, BatchSource &trainSet, BatchSource &valSet, BatchSource *testSet,
                 RunFolder *run, const TrainerCallbacks &cb, Distributed *dist)
        : m_lm(lm), m_cfg(cfg), m_train(trainSet), m_val(valSet), m_test(testSet), m_run(run), m_cb(cb),
          m_device(selectDevice(cfg.device)), m_dist(dist), m_world(dist ? dist->worldSize() : 1)
    {
        checkSetup();
        m_labels = lm.model->config().labels; // a copy: the model is replaced by the best one at the end
        lm.model->to(m_device);
        allowTensorFloat32(m_device);
        try {
            m_trainable = applyFineTune(lm.model, cfg.fineTune); // before AdamW: it keeps state for what trains only
        } catch (const std::invalid_argument &e) {
            throw TrainingError(e.what());
        }
        // A batch is global: batchSize per rank, on every rank (dist_train.h).
        m_globalBatch = static_cast<int64_t>(cfg.batchSize) * m_world;
        const StepPlan plan = planSteps(m_train.size(), m_globalBatch, cfg.gradAccum, cfg.epochs, cfg.warmupRatio, cfg.warmupSteps);
        m_batchesPerEpoch = plan.batchesPerEpoch;
        m_totalSteps = plan.totalSteps;
        m_warmup = plan.warmupSteps;
        m_optimizer = std::make_unique<AdamW>(*lm.model, AdamWOptions{cfg.lr, 0.9, 0.999, 1e-8, cfg.weightDecay});
        if (m_dist) {
            broadcastModel(lm.model, *m_dist); // one set of starting weights (a new head is random)
            std::vector<torch::Tensor> trainable;
            for (const auto &p : lm.model->parameters())
                if (p.requires_grad())
                    trainable.push_back(p);
            m_reducer = std::make_unique<GradientReducer>(*m_dist, trainable, 25u << 20, overlapReduction());
        }
    }

    TrainSummary run(bool resume)
    {
        if (m_cfg.fineTune.mode != FineTune::Mode::Full) {
            int64_t all = 0;
            for (const auto &p : m_lm.model->parameters())
                all += p.numel();
            log("fine-tune " + fineTuneText(m_cfg.fineTune) + ": " + std::to_string(m_trainable) + " of " + std::to_string(all) +
                " parameters train");
        }
        torch::manual_seed(m_cfg.seed);
        if (resume)
            restore();
        if (m_dist && m_world > 1)
            log("distributed: " + std::to_string(m_world) + " ranks over " + std::string(choiceName(m_dist->backend())) +
                ", " + std::to_string(m_cfg.batchSize) + " images per rank, global batch " + std::to_string(m_globalBatch) + ", " +
                std::to_string(m_reducer->buckets()) + " gradient buckets");
        setUpGraph();
        TrainSummary summary;
        for (int epoch = m_st.epoch; epoch < m_cfg.epochs; ++epoch) {
            if (!runEpochSteps(epoch))
                return stopped(epoch);
            const auto val = endOfEpoch(epoch);
            if (!val) // stopped while evaluating: the epoch's steps are done, its evaluation is not
                return stopped(epoch);
            summary.val = *val;
            if (shouldStopEarly(epoch)) {
                summary.status = RunStatus::EarlyStopped;
                log("early stopping: no improvement in " + std::to_string(m_cfg.earlyStopping) + " epochs");
                break;
            }
        }
        finalTest(summary);
        if (m_run)
            m_run->setStatus(summary.status);
        return summary;
    }

private:
    // --- set-up ---------------------------------------------------------------------------
    void checkSetup()
    {
        if (m_device.is_cpu())
            configureThreads(m_cfg.threads);
        try {
            m_bf16 = useBf16(m_cfg.precision, m_device);
        } catch (const std::invalid_argument &e) {
            throw TrainingError(e.what());
        }
        if (m_train.size() == 0)
            throw TrainingError("the training split is empty: add images or change the split ratios");
        if (m_val.size() == 0)
            throw TrainingError("the validation split is empty: give it a non-zero ratio or a --val-data folder");
        if (m_cfg.batchSize < 1 || m_cfg.evalBatchSize < 1 || m_cfg.gradAccum < 1 || m_cfg.epochs < 1)
            throw TrainingError("epochs, batch sizes and gradient accumulation must be at least 1");
        const auto classes = static_cast<int64_t>(m_lm.model->config().labels.size());
        for (int64_t i = 0; i < m_train.size(); i += std::max<int64_t>(1, m_train.size() / 64))
            if (m_train.label(i) < 0 || m_train.label(i) >= classes)
                throw TrainingError("the data has a class id the model's " + std::to_string(classes) +
                                    "-label head cannot represent");
    }

    void restore()
    {
        if (m_run) { // rank 0 reads the checkpoint; the others receive it
            m_st = m_run->loadLast(m_lm.model, *m_optimizer);
            // What was logged after this checkpoint is logged again from here: cut it, so the log
            // holds every step and epoch once.
            m_run->truncateHistory(m_st.globalStep, m_st.epoch);
        }
        if (m_dist) {
            broadcastModel(m_lm.model, *m_dist);
            broadcastTrainingState(*m_optimizer, m_st, *m_dist);
        }
        if (m_st.rngState.defined()) {
            auto generator = at::detail::getDefaultCPUGenerator();
            generator.set_state(m_st.rngState);
        }
        log("resumed at epoch " + std::to_string(m_st.epoch + 1) + ", step " + std::to_string(m_st.globalStep));
    }

    void setUpGraph()
    {
        const bool fromPixels = m_train.entry() == ModelEntry{}; // the recorded step reads images
        if (m_cfg.cudaGraphs && fromPixels && !m_cb.lossHook && !m_dist && GraphedTrainStep::supported(m_lm.model, *m_optimizer, m_device, m_cfg.gradAccum)) {
            m_graphed = std::make_unique<GraphedTrainStep>(m_lm.model, *m_optimizer, m_device, m_bf16, m_cfg.maxGradNorm);
            log("training steps will replay from a CUDA graph after " + std::to_string(GraphedTrainStep::kOrdinaryStepsFirst) +
                " ordinary steps");
        }
    }

    // --- the step pipeline ----------------------------------------------------------------
    // One epoch's steps from where the state stands; false when a stop was asked for (the
    // checkpoint is saved by then).
    bool runEpochSteps(int epoch)
    {
        const auto order = epochOrder(m_train.size(), m_cfg.seed, epoch);
        m_lm.model->train();
        while (m_st.batchInEpoch < m_batchesPerEpoch) {
            const auto stepStart = Clock::now();
            const int64_t micro = std::min<int64_t>(m_cfg.gradAccum, m_batchesPerEpoch - m_st.batchInEpoch);
            const double lr = linearScheduleLr(m_cfg.lr, m_st.globalStep, m_warmup, m_totalSteps);
            const StepResult step = runStep(order, epoch, micro, lr);
            m_st.batchInEpoch += micro;
            ++m_st.globalStep;
            m_st.imagesSeen += step.images;
            StepInfo info;
            info.step = m_st.globalStep;
            info.totalSteps = m_totalSteps;
            info.epoch = epoch + 1;
            info.epochProgress = static_cast<double>(m_st.batchInEpoch) / static_cast<double>(m_batchesPerEpoch);
            info.lr = lr;
            m_st.trainSeconds += std::chrono::duration<double>(Clock::now() - stepStart).count();
            // On a GPU each step is read back after the next one is queued (see StepResult); on the
            // CPU at once, so that the live curves are not a step late.
            const bool defer = m_device.is_cuda();
            if (defer)
                settle(); // the previous step: the GPU is already busy with this one
            m_pending = Pending{step, info};
            if (!defer || m_st.batchInEpoch == m_batchesPerEpoch)
                settle();
            if (m_dist ? m_agreedStop : (m_cb.shouldStop && m_cb.shouldStop())) {
                settle(); // never checkpoint a step that has not been checked
                return false;
            }
        }
        return true;
    }

    StepResult runStep(const std::vector<int64_t> &order, int epoch, int64_t micro, double lr)
    {
        const auto fetch = [&](int64_t a) {
            const int64_t b = m_st.batchInEpoch + a;
            return m_train.batch(slice(order, b * m_cfg.batchSize, (b + 1) * m_cfg.batchSize), augmentSeed(b, epoch));
        };
        std::function<void(torch::Tensor &)> hook;
        if (m_cb.lossHook)
            hook = [this](torch::Tensor &loss) { m_cb.lossHook(m_st.globalStep, loss); };
        StepResult step;
        try {
            if (m_dist) {
                m_dist->setProgress(m_st.globalStep);
                const bool stopWanted = m_cb.shouldStop && m_cb.shouldStop();
                auto result = distributedTrainStep(m_lm.model, *m_optimizer, *m_reducer, *m_dist, micro, rankFetch(order, epoch),
                                                   lr, m_cfg.maxGradNorm, m_device, m_bf16, stopWanted, hook);
                m_agreedStop = result.stop;
                step = result.step;
            } else {
                step = m_graphed ? m_graphed->run(fetch(0), lr)
                                 : trainStep(m_lm.model, *m_optimizer, micro, fetch, lr, m_cfg.maxGradNorm, m_device, m_bf16, hook);
            }
        } catch (const c10::Error &e) {
            if (isOutOfMemory(e))
                throw outOfMemory();
            throw;
        }
        if (m_graphed && !m_reportedGraph && !m_graphed->disabledReason().empty()) {
            log("CUDA graph not used (" + m_graphed->disabledReason() + "); ordinary steps, same results");
            m_reportedGraph = true;
        }
        return step;
    }

    uint64_t augmentSeed(int64_t batch, int epoch) const
    {
        return m_cfg.augment.empty() ? 0 : mix(m_cfg.seed ^ mix(static_cast<uint64_t>(batch) * 131 + static_cast<uint64_t>(epoch) * 7919)) | 1;
    }

    // This rank's share of each micro-batch of the global batch (dist_train.h). With augmentation
    // on, the seed is the global batch's: the same images get the same draws on any world size
    // only where the source seeds per image (the data layer's loader does).
    std::function<RankBatch(int64_t)> rankFetch(const std::vector<int64_t> &order, int epoch)
    {
        return [this, &order, epoch](int64_t a) {
            const int64_t b = m_st.batchInEpoch + a;
            const auto global = slice(order, b * m_globalBatch, (b + 1) * m_globalBatch);
            const Range mine = rankShare(static_cast<int64_t>(global.size()), m_dist->rank(), m_world);
            RankBatch part;
            part.global = static_cast<int64_t>(global.size());
            part.local = mine.size();
            if (part.local > 0)
                part.batch = m_train.batch(slice(global, mine.begin, mine.end), augmentSeed(b, epoch));
            return part;
        };
    }

    // Reads the pending step back, fails the run on a non-finite loss and reports the step.
    void settle()
    {
        if (!m_pending)
            return;
        const auto t0 = Clock::now();
        StepValues values;
        try {
            values = readBack(m_pending->result);
        } catch (const c10::Error &e) {
            if (isOutOfMemory(e))
                throw outOfMemory();
            throw;
        }
        m_st.trainSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
        StepInfo info = m_pending->info;
        m_pending.reset();
        if (!values.finite())
            throw nonFinite(values, info);
        info.loss = values.loss;
        info.gradNorm = values.gradNorm;
        info.imagesPerSecond = m_st.trainSeconds > 0 ? static_cast<double>(m_st.imagesSeen) / m_st.trainSeconds : 0;
        info.etaSeconds = m_st.globalStep ? m_st.trainSeconds / static_cast<double>(m_st.globalStep) *
                                                static_cast<double>(m_totalSteps - m_st.globalStep)
                                          : 0;
        if (m_cfg.logEvery <= 1 || info.step % m_cfg.logEvery == 0 || info.epochProgress >= 1.0) {
            if (m_run)
                m_run->appendStep(info);
            if (m_cb.onStep)
                m_cb.onStep(info);
        }
    }

    TrainingError outOfMemory()
    {
        if (m_run)
            m_run->setStatus(RunStatus::Failed, "out of memory");
        return TrainingError("the " + deviceDescription(m_device) + " ran out of memory at batch size " +
                             std::to_string(m_cfg.batchSize) + ". Use a smaller batch size, or keep the effective batch with "
                             "gradient accumulation (e.g. batch " + std::to_string(std::max(1, m_cfg.batchSize / 2)) +
                             " with accumulation " + std::to_string(m_cfg.gradAccum * 2) + ").");
    }

    TrainingError nonFinite(const StepValues &values, const StepInfo &info)
    {
        const double bad = std::isfinite(values.loss) ? values.gradNorm : values.loss;
        const std::string what = (std::isnan(bad) ? "NaN" : "infinite");
        const std::string subject = std::isfinite(values.loss) ? "gradient norm" : "loss";
        if (m_run)
            m_run->setStatus(RunStatus::Failed, subject + " became " + what + " at step " + std::to_string(info.step));
        return TrainingError("the " + subject + " became " + what + " at step " + std::to_string(info.step) + " (epoch " +
                             std::to_string(info.epoch) + "); training stopped. Try a lower learning rate. " +
                             (!m_run ? std::string("Rank 0 keeps the last good checkpoint.")
                              : m_run->hasLast() ? "The last good checkpoint is kept in " + m_run->lastFolder()
                                                 : std::string("No checkpoint had been saved yet.")));
    }

    // --- end of epoch and stopping ----------------------------------------------------------
    // Evaluates in eval mode, selects the best model, checkpoints; returns the validation metrics,
    // or nothing when a stop was asked for during the evaluation (nothing of the epoch is recorded
    // then: a resume evaluates the same weights again).
    std::optional<Metrics> endOfEpoch(int epoch)
    {
        EpochInfo info;
        info.epoch = epoch + 1;
        info.step = m_st.globalStep;
        EvalResult val;
        try {
            val = evaluateSet(m_val, true);
            if (m_cfg.evalTrainSet)
                info.train = evaluateSet(m_train, true).metrics;
        } catch (const EvaluationCancelled &) {
            return std::nullopt;
        }
        info.val = val.metrics;
        info.best = selectBest(val.metrics.value(m_cfg.metric), epoch + 1);
        if (info.best && m_run)
            m_run->saveBest(m_lm.model, m_lm.preprocess);
        info.bestEpoch = m_st.bestEpoch;
        m_st.epoch = epoch + 1;
        m_st.batchInEpoch = 0;
        if (m_run) {
            m_run->writeConfusion(epoch + 1, val.metrics, m_labels);
            m_run->appendEpoch(info);
        }
        saveLast();
        if (info.best && m_run) // a complete checkpoint of the best epoch: the way back if last is ever damaged
            m_run->keepLastAsBestResume();
        if (m_cb.onEpoch)
            m_cb.onEpoch(info);
        return val.metrics;
    }

    // As transformers: the best epoch is the strictly better one; early stopping's threshold only
    // decides whether an epoch counts as an improvement for the patience (EarlyStoppingCallback
    // compares with the best before this epoch).
    bool selectBest(double value, int epoch)
    {
        const bool higher = higherIsBetter(m_cfg.metric);
        const bool better = !m_st.haveBest || (higher ? value > m_st.bestValue : value < m_st.bestValue);
        const bool counts = !m_st.haveBest || (better && std::abs(value - m_st.bestValue) > m_cfg.earlyStoppingThreshold);
        m_st.epochsWithoutImprovement = counts ? 0 : m_st.epochsWithoutImprovement + 1;
        if (better) {
            m_st.haveBest = true;
            m_st.bestValue = value;
            m_st.bestEpoch = epoch;
        }
        return better;
    }

    bool shouldStopEarly(int epoch) const
    {
        return m_cfg.earlyStopping > 0 && m_st.epochsWithoutImprovement >= m_cfg.earlyStopping && epoch + 1 < m_cfg.epochs;
    }

    void saveLast()
    {
        m_st.rngState = at::detail::getDefaultCPUGenerator().get_state();
        if (m_run) {
            m_run->saveLast(m_lm.model, m_lm.preprocess, *m_optimizer, m_st);
            if (m_cb.onCheckpoint)
                m_cb.onCheckpoint(m_run->lastFolder());
        }
        if (m_dist)
            m_dist->barrier(); // no rank goes on (or exits) before the checkpoint is on disk
    }

    TrainSummary stopped(int epoch)
    {
        saveLast();
        if (m_run) {
            m_run->setStatus(RunStatus::Stopped);
            log("stopped at step " + std::to_string(m_st.globalStep) + "; resumable from " + m_run->lastFolder());
        }
        TrainSummary summary;
        summary.status = RunStatus::Stopped;
        summary.epochsRun = epoch;
        summary.steps = m_st.globalStep;
        summary.bestEpoch = m_st.bestEpoch;
        summary.trainSeconds = m_st.trainSeconds;
        return summary;
    }

    // --- the final test ---------------------------------------------------------------------
    // The best model, reloaded from its export, on the validation part (for the summary) and the
    // test part, with per-image predictions of both for review.
    void finalTest(TrainSummary &summary)
    {
        if (m_run) // rank 0 reloads the best model from its export and hands it to the others
            m_lm.model = loadModel(m_run->bestFolder(), {m_labels, m_device}).model;
        if (m_dist)
            broadcastModel(m_lm.model, *m_dist);
        const EvalResult bestVal = evaluateSet(m_val, false);
        // Calibrated on the validation part only: never on the images it trained on, nor on the
        // test part, whose figures must stay an honest check of the calibration too.
        std::optional<ModelCalibration> calibration;
        if (!bestVal.labels.empty() && m_run) {
            calibration = fitCalibration(scoreMatrix(bestVal.logits), bestVal.labels, "val");
            writeCalibration(m_run->bestFolder(), *calibration);
            log("calibration: temperature " + std::to_string(calibration->temperature) + " fitted on " +
                std::to_string(calibration->count) + " validation images (ECE " + std::to_string(calibration->raw.ece) +
                " -> " + std::to_string(calibration->scaled.ece) + ")");
        }
        auto writePart = [&](const std::string &part, const EvalResult &r, BatchSource &source) {
            if (!m_run)
                return;
            std::optional<PartTrust> trust;
            if (calibration && !r.labels.empty())
                trust = partTrust(*calibration, scoreMatrix(r.logits), r.labels, r.predictions, m_cfg.seed);
            m_run->writeEvaluation(part, r, m_labels, itemNames(source), trust ? &*trust : nullptr);
        };
        writePart("val", bestVal, m_val);
        summary.val = bestVal.metrics;
        if (m_test && m_test->size() > 0) {
            const EvalResult test = evaluateSet(*m_test, false);
            writePart("test", test, *m_test);
            summary.test = test.metrics;
        }
        summary.bestEpoch = m_st.bestEpoch;
        summary.epochsRun = m_st.epoch;
        summary.steps = m_st.globalStep;
        summary.trainSeconds = m_st.trainSeconds;
        summary.imagesPerSecond = m_st.trainSeconds > 0 ? static_cast<double>(m_st.imagesSeen) / m_st.trainSeconds : 0;
    }

    // On one rank, polling for a stop; across ranks sharded, and a stop waits for the next step
    // (the ranks agree on stopping there).
    EvalResult evaluateSet(BatchSource &set, bool stoppable)
    {
        if (m_dist)
            return evaluateDistributed(m_lm.model, set, m_cfg.evalBatchSize, m_device, m_bf16, *m_dist);
        return evaluate(m_lm.model, set, m_cfg.evalBatchSize, m_device, m_bf16, stoppable ? m_cb.shouldStop : std::function<bool()>{});
    }

    // Whether gradient buckets are reduced during backward (VITSCOPE_DIST_OVERLAP=0 turns it off,
    // for comparison; bench dist measures both).
    static bool overlapReduction()
    {
        const char *v = std::getenv("VITSCOPE_DIST_OVERLAP");
        return !(v && std::string(v) == "0");
    }

    void log(const std::string &s) const
    {
        if (m_cb.onLog)
            m_cb.onLog(s);
    }

    struct Pending {
        StepResult result;
        StepInfo info;
    };

    LoadedModel &m_lm;
    const TrainConfig &m_cfg;
    BatchSource &m_train, &m_val;
    BatchSource *m_test;
    RunFolder *m_run; // null on the ranks of a distributed run that do not write
    const TrainerCallbacks &m_cb;
    const torch::Device m_device;
    Distributed *m_dist = nullptr;
    int m_world = 1;
    int64_t m_globalBatch = 0;
    std::unique_ptr<GradientReducer> m_reducer;
    bool m_agreedStop = false;
    bool m_bf16 = false;
    std::vector<std::string> m_labels;
    int64_t m_batchesPerEpoch = 0, m_totalSteps = 0, m_warmup = 0, m_trainable = 0;
    std::unique_ptr<AdamW> m_optimizer;
    TrainerState m_st;
    std::optional<Pending> m_pending;
    std::unique_ptr<GraphedTrainStep> m_graphed;
    bool m_reportedGraph = false;
};

} // namespace

TrainSummary train(LoadedModel &model, const TrainConfig &config, BatchSource &trainSet, BatchSource &valSet,
                   BatchSource *testSet, RunFolder &run, const TrainerCallbacks &callbacks, bool resume)
{
    return TrainingLoop(model, config, trainSet, valSet, testSet, &run, callbacks, nullptr).run(resume);
}

TrainSummary trainDistributed(LoadedModel &model, const TrainConfig &config, BatchSource &trainSet, BatchSource &valSet,
                              BatchSource *testSet, RunFolder *run, const TrainerCallbacks &callbacks, bool resume, Distributed &dist)
{
    return TrainingLoop(model, config, trainSet, valSet, testSet, run, callbacks, &dist).run(resume);
}

} // namespace vitscope
