#include "data/training_job.h"

#include "engine/file_util.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <filesystem>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {

TrainJob resumeJob(const std::string &out)
{
    const auto path = (fs::path(out) / "run.json").string();
    if (!fs::exists(path))
        throw std::runtime_error(out + " is not a run folder (no run.json)");
    const json run = json::parse(readTextFile(path));
    const auto &c = run.at("config");
    TrainJob job;
    job.resume = true;
    job.out = out;
    job.model = run.at("model");
    TrainConfig &t = job.config;
    t.epochs = c.at("epochs");
    t.batchSize = c.at("batch_size");
    t.evalBatchSize = c.at("eval_batch_size");
    t.lr = c.at("lr");
    t.warmupSteps = c.at("warmup_steps");
    t.warmupRatio = c.at("warmup_ratio");
    t.weightDecay = c.at("weight_decay");
    t.maxGradNorm = c.at("max_grad_norm");
    t.gradAccum = c.at("grad_accum");
    t.metric = c.at("metric");
    t.seed = c.at("seed");
    t.device = c.at("device");
    t.precision = c.at("precision");
    t.threads = c.at("threads");
    t.augment = c.at("augment").get<std::vector<std::string>>();
    t.earlyStopping = c.at("early_stopping");
    t.cudaGraphs = c.value("cuda_graphs", true); // runs made before the option existed
    job.data.splitFile = (fs::path(out) / "split.json").string();
    job.data.cacheDir = run.value("cache_dir", "");
    job.data.augment = t.augment;
    job.data.seed = t.seed;
    return job;
}

TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &cb, const std::atomic<bool> *stop,
                            const std::string &extraVersionsJson)
{
    DataOptions data = job.data;
    data.threads = job.config.threads;
    data.augment = job.config.augment;
    if (!job.resume && fs::exists(fs::path(job.out) / "run.json"))
        throw std::runtime_error(job.out + " already holds a run: resume it or choose another folder");
    const torch::Device device = selectDevice(job.config.device);
    configureThreads(job.config.threads);

    const ViTConfig modelConfig = loadViTConfig((fs::path(job.model) / "config.json").string());
    const auto preFile = fs::path(job.model) / "preprocessor_config.json";
    const PreprocessConfig preprocess = fs::exists(preFile) ? parsePreprocessConfig(readTextFile(preFile.string()), modelConfig.imageSize)
                                                            : defaultPreprocessConfig(modelConfig.imageSize);
    auto prepared = prepareData(data, preprocess, cb.progress, stop);
    if (stop && stop->load())
        throw std::runtime_error("cancelled while preparing the data");
    for (const auto &w : prepared.split.warnings)
        if (cb.warning)
            cb.warning(w);
    // Seeded before loading: a from-scratch model and a new head are initialised from this RNG.
    torch::manual_seed(job.config.seed);
    auto model = loadModel(job.model, {prepared.split.classes, device});
    for (const auto &m : model.messages())
        if (cb.warning)
            cb.warning(m);

    RunFolder run(job.out);
    if (!job.resume) {
        saveSplit(prepared.split, (fs::path(job.out) / "split.json").string());
        const auto &s = prepared.split;
        json extra = {{"dataset", {{"root", s.root}, {"val_root", s.valRoot}, {"test_root", s.testRoot}, {"train", s.train.size()},
                                   {"val", s.val.size()}, {"test", s.test.size()}, {"bad_files", prepared.scan.bad.size()},
                                   {"duplicates", prepared.scan.duplicates.size()}}},
                      {"split_warnings", s.warnings},
                      {"cache_dir", data.cacheDir}};
        if (!extraVersionsJson.empty())
            extra["versions"] = json::parse(extraVersionsJson);
        run.writeRunInfo(job.config, s.classes, fs::absolute(job.model).string(), deviceDescription(device), extra.dump());
    } else {
        run.setStatus("running");
    }
    TrainerCallbacks trainerCb = cb.trainer;
    if (stop && !trainerCb.shouldStop)
        trainerCb.shouldStop = [stop] { return stop->load(); };
    try {
        return train(model, job.config, *prepared.train, *prepared.val, prepared.test.get(), run, trainerCb, job.resume);
    } catch (const std::exception &e) {
        run.setStatus("failed", e.what());
        throw;
    }
}

} // namespace vitscope
