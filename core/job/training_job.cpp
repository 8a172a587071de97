#include "job/training_job.h"

#include "config/config_fields.h"
#include "data/pipeline.h"
#include "engine/file_util.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"

#include <torch/torch.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace vitscope {

TrainJob resumeJob(const std::string &out)
{
    TrainJob job;
    job.resume = true;
    job.out = out;
    job.config = readRunInfo(out).config;
    return job;
}

TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &cb, const std::atomic<bool> *stop,
                            const std::map<std::string, std::string> &versions)
{
    const JobConfig &config = job.config;
    validate(config);
    if (!job.resume && fs::exists(runfiles::runJson(job.out)))
        throw std::runtime_error(job.out + " already holds a run: resume it or choose another folder");
    if (job.resume) {
        const RunInfo recorded = readRunInfo(job.out);
        if (!isResumable(recorded, job.out))
            throw std::runtime_error("run " + job.out + " cannot be resumed: it is " + std::string(choiceName(recorded.status)) +
                                     (hasCheckpoint(job.out) ? "" : " and has no checkpoint"));
    }
    const torch::Device device = selectDevice(config.train.device);
    configureThreads(config.train.threads);

    const ViTConfig modelConfig = loadViTConfig((fs::path(config.model) / "config.json").string());
    const auto preFile = fs::path(config.model) / "preprocessor_config.json";
    const PreprocessConfig preprocess = fs::exists(preFile) ? parsePreprocessConfig(readTextFile(preFile.string()), modelConfig.imageSize)
                                                            : defaultPreprocessConfig(modelConfig.imageSize);
    // A resumed run reads its own split back, so it trains on exactly the same images.
    auto prepared = prepareData(config, job.resume ? runfiles::splitFile(job.out) : std::string(), preprocess, cb.progress, stop);
    if (stop && stop->load())
        throw std::runtime_error("cancelled while preparing the data");
    for (const auto &w : prepared.split.warnings)
        if (cb.warning)
            cb.warning(w);
    // Seeded before loading: a from-scratch model and a new head are initialised from this RNG.
    torch::manual_seed(config.train.seed);
    auto model = loadModel(config.model, {prepared.split.classes, device});
    if (!job.resume) // on resume the checkpoint replaces these weights; their story was told at the start
        for (const auto &m : model.messages())
            if (cb.warning)
                cb.warning(m);

    RunFolder run(job.out);
    if (job.resume) {
        run.resume(config);
    } else {
        saveSplit(prepared.split, runfiles::splitFile(job.out));
        const auto &s = prepared.split;
        RunInfo info;
        info.config = config;
        info.config.model = fs::absolute(config.model).string();
        info.labels = s.classes;
        info.device = deviceDescription(device);
        info.dataset = {s.root,
                        s.valRoot,
                        s.testRoot,
                        static_cast<int64_t>(s.train.size()),
                        static_cast<int64_t>(s.val.size()),
                        static_cast<int64_t>(s.test.size()),
                        static_cast<int64_t>(prepared.scan.bad.size()),
                        static_cast<int64_t>(prepared.scan.duplicates.size())};
        info.splitWarnings = s.warnings;
        info.versions = versions;
        run.start(info);
    }
    TrainerCallbacks trainerCb = cb.trainer;
    if (stop && !trainerCb.shouldStop)
        trainerCb.shouldStop = [stop] { return stop->load(); };
    try {
        return train(model, run.info().config.train, *prepared.train, *prepared.val, prepared.test.get(), run, trainerCb, job.resume);
    } catch (const std::exception &e) {
        run.setStatus(RunStatus::Failed, e.what());
        throw;
    }
}

} // namespace vitscope
