// The one table of job settings (see config_fields.h): a row per field of JobConfig.
#include "config/config_fields.h"

namespace vitscope {
namespace {

using K = FieldKind;

FieldSpec field(FieldRef ref, const char *group, const char *key, const char *option, K kind, double min, double max,
                const char *help, bool changeableOnResume = false)
{
    return {ref, group, key, option, help, kind, min, max, changeableOnResume};
}

std::vector<FieldSpec> makeFields()
{
    constexpr double kBig = 1e15;
    return {
        field(&JobConfig::model, "", "model", "model", K::Path, 0, 0,
              "Hugging Face model folder: pretrained, fine-tuned, or config.json only (trains from scratch)"),
        field(&DataConfig::data, "data", "data", "data", K::Path, 0, 0, "data set folder: one sub-folder of images per class"),
        field(&DataConfig::valData, "data", "val_data", "val-data", K::Path, 0, 0,
              "separate validation folder (replaces the validation share)"),
        field(&DataConfig::testData, "data", "test_data", "test-data", K::Path, 0, 0, "separate test folder (replaces the test share)"),
        field(&DataConfig::split, "data", "split", "split", K::Ratios, 0, 1,
              "train,val,test shares of every class, adding up to 1"),
        field(&DataConfig::cacheDir, "data", "cache_dir", "cache-dir", K::Path, 0, 0,
              "preprocessed-image cache (default: the user's cache folder)"),
        field(&TrainConfig::epochs, "train", "epochs", "epochs", K::Int, 1, 100000, "passes over the training images"),
        field(&TrainConfig::batchSize, "train", "batch_size", "batch-size", K::Int, 1, 1 << 20, "images per step"),
        field(&TrainConfig::evalBatchSize, "train", "eval_batch_size", "eval-batch-size", K::Int, 1, 1 << 20,
              "images per evaluation batch"),
        field(&TrainConfig::lr, "train", "lr", "lr", K::Double, 1e-12, 10, "peak learning rate of AdamW"),
        field(&TrainConfig::warmupSteps, "train", "warmup_steps", "warmup-steps", K::Int64, 0, kBig,
              "steps of linear warm-up from 0"),
        field(&TrainConfig::warmupRatio, "train", "warmup_ratio", "warmup-ratio", K::Double, 0, 1,
              "warm-up as a share of all steps; replaces --warmup-steps when above 0"),
        field(&TrainConfig::weightDecay, "train", "weight_decay", "weight-decay", K::Double, 0, 10,
              "AdamW weight decay, not on biases and LayerNorm weights"),
        field(&TrainConfig::maxGradNorm, "train", "max_grad_norm", "max-grad-norm", K::Double, 0, kBig,
              "gradient-norm clipping; 0 turns it off"),
        field(&TrainConfig::gradAccum, "train", "grad_accum", "grad-accum", K::Int, 1, 65536,
              "batches whose gradients add up to one step"),
        field(&TrainConfig::fineTune, "train", "fine_tune", "fine-tune", K::FineTune, 0, 0,
              "what trains: full (everything), last:K (the last K encoder blocks, the final LayerNorm and the classifier) "
              "or head (the classifier only, a linear probe)"),
        field(&TrainConfig::featureCache, "train", "feature_cache", "feature-cache", K::Bool, 0, 0,
              "with a frozen part: compute its output once per image and cache it (on), or every step (off)"),
        field(&TrainConfig::metric, "train", "metric", "metric", K::Metric, 0, 0, "validation metric that selects the best epoch: accuracy, weighted_f1, macro_f1, loss or mcc"),
        field(&TrainConfig::seed, "train", "seed", "seed", K::UInt64, 0, 0, "seed of the split, data order and new weights"),
        field(&TrainConfig::device, "train", "device", "device", K::Device, 0, 0, "auto, cpu, cuda or cuda:N", true),
        field(&TrainConfig::precision, "train", "precision", "precision", K::Precision, 0, 0,
              "fp32, or bf16 mixed precision with fp32 master weights"),
        field(&TrainConfig::threads, "train", "threads", "threads", K::Int, 0, 4096, "CPU threads; 0 uses every core", true),
        field(&TrainConfig::augment, "train", "augment", "augment", K::Augmentations, 0, 0,
              "comma-separated seeded augmentations (hflip, vflip, rot90, crop, jitter), or none"),
        field(&TrainConfig::earlyStopping, "train", "early_stopping", "early-stopping", K::Int, 0, 100000,
              "stop after this many epochs without improvement; 0 turns it off"),
        field(&TrainConfig::earlyStoppingThreshold, "train", "early_stopping_threshold", "early-stopping-threshold", K::Double, 0, kBig,
              "least improvement that resets the early-stopping patience"),
        field(&TrainConfig::logEvery, "train", "log_every", "log-every", K::Int, 1, kBig, "steps between logged steps", true),
        field(&TrainConfig::evalTrainSet, "train", "eval_train_set", "eval-train-set", K::Bool, 0, 0,
              "training-set metrics every epoch: on or off"),
        field(&TrainConfig::cudaGraphs, "train", "cuda_graphs", "cuda-graphs", K::Bool, 0, 0,
              "replay training steps from a CUDA graph where exact: on or off", true),
        field(&TrainConfig::distBackend, "train", "dist_backend", "dist-backend", K::DistBackend, 0, 0,
              "distributed runs (torchrun): auto (NCCL on CUDA, Gloo on CPUs), gloo or nccl", true),
        field(&TrainConfig::distTimeout, "train", "dist_timeout", "dist-timeout", K::Int, 1, 86400,
              "distributed runs: seconds a rank may stay silent (rendezvous, each exchange) before the job stops", true),
    };
}

} // namespace

const std::vector<FieldSpec> &jobFields()
{
    static const std::vector<FieldSpec> fields = makeFields();
    return fields;
}

} // namespace vitscope
