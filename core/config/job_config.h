#pragma once
// The configuration of a training job, declared once. Its fields, their file keys, command-line
// options, help texts and ranges are in one table (config_fields.h); run.json, QSettings, the CLI,
// the Train view and bench fit all read and write it through that table.
#include "config/choices.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

// The notebook's recipe (Hugging Face Trainer) unless told otherwise.
struct TrainConfig {
    int epochs = 5;
    int batchSize = 16;
    int evalBatchSize = 32;
    double lr = 2e-5;
    int64_t warmupSteps = 500;
    double warmupRatio = 0.0; // used when > 0, instead of warmupSteps
    double weightDecay = 0.01;
    double maxGradNorm = 1.0; // 0: no clipping
    int gradAccum = 1;
    FineTune fineTune;       // full by default
    bool featureCache = true; // frozen part's output computed once per image (where exact), not every step
    Metric metric = Metric::Accuracy; // selects the best epoch
    uint64_t seed = 42;               // split, data order, new weights, augmentation
    std::string device = "auto";      // auto | cpu | cuda | cuda:N
    Precision precision = Precision::Fp32;
    int threads = 0;                  // CPU threads; 0: all cores
    std::vector<Augmentation> augment;
    int earlyStopping = 0;            // patience in epochs; 0 = off
    double earlyStoppingThreshold = 0.0; // least change that counts as an improvement for patience
    int logEvery = 1;                 // steps between step reports
    bool evalTrainSet = true;         // training-set metrics every epoch, in eval mode
    bool cudaGraphs = true;           // replay steps from a CUDA graph where exact and supported
    // A run started by torchrun (or any launcher that sets RANK, WORLD_SIZE, ...): batchSize is per
    // rank, the global batch is batchSize x world size (engine/distributed.h).
    DistBackend distBackend = DistBackend::Auto;
    int distTimeout = 600; // seconds: the rendezvous and each collective; a rank silent longer has failed
};

struct SplitRatios {
    double train = 0.70, val = 0.15, test = 0.15;
};

struct DataConfig {
    std::string data, valData, testData; // folders; val/test optional (they replace those parts)
    SplitRatios split;
    std::string cacheDir; // empty: the user's cache folder
};

struct JobConfig {
    std::string model; // Hugging Face model folder (pretrained, fine-tuned or config-only)
    DataConfig data;
    TrainConfig train;
};

// A job to run: a new run in `out`, or (resume) the run already in `out`, whose run.json then
// supplies the configuration.
// Where a resume continues from. Best: the checkpoint kept at the end of the best epoch, for when
// the last one is damaged (#17 item 7); the epochs after it are trained again, exactly as before.
enum class ResumePoint { Last, Best };

struct TrainJob {
    JobConfig config;
    std::string out;
    bool resume = false;
    ResumePoint resumeFrom = ResumePoint::Last;
};

} // namespace vitscope
