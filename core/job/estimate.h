#pragma once
// How long a training job would take, for each fine-tune mode (full, last:2, head) and each
// precision the device offers, from a short timed probe of the real model's steps on this device
// (not from a table), and from what is already cached (preprocessed images, frozen features).
#include "config/job_config.h"

#include <functional>
#include <string>
#include <vector>

namespace vitscope {

struct ModeEstimate {
    FineTune fineTune;
    Precision precision = Precision::Fp32;
    bool fromFeatures = false;    // trains from the frozen part's cached features
    int64_t featuresToCompute = 0; // images whose features are not cached yet
    double stepSeconds = 0, evalSecondsPerImage = 0, featureSecondsPerImage = 0;
    double oneTimeSeconds = 0;    // decoding uncached images and computing uncached features
    double secondsPerEpoch = 0, totalSeconds = 0;
};

struct JobEstimate {
    std::string device;
    int64_t train = 0, val = 0, test = 0; // images per part (from the split ratios)
    int64_t uncachedImages = 0;
    double decodeSecondsPerImage = 0;
    std::vector<ModeEstimate> modes;
};

// Throws std::runtime_error with a user-facing message. `progress` is told what is probed.
JobEstimate estimateJob(const JobConfig &config, const std::function<void(const std::string &)> &progress = {});
std::string estimateToJson(const JobEstimate &estimate);

} // namespace vitscope
