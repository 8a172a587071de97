#pragma once
// Before Start: does the recipe suit this data and model? The notebook's recipe (lr 2e-5, 500
// warm-up steps) is for fine-tuning a pretrained ViT-B/16 on 6,800 images; on a small data set its
// warm-up covers the whole run and the learning rate never reaches its peak, and a model trained
// from scratch or a tiny one needs a larger learning rate. No torch here, so the UI can include it.
#include "config/job_config.h"

#include <cstdint>

namespace vitscope {

struct RecipeAdvice {
    int64_t trainImages = 0, totalSteps = 0, warmupSteps = 0;
    double peakLr = 0;           // the highest learning rate the schedule reaches in this run
    bool warmupDominates = false; // warm-up covers more than half of the steps
    // Raised only with a fine-tuning learning rate (below 1e-4):
    bool fromScratch = false;     // config.json only: no pretrained weights
    int64_t parameters = 0;
    bool smallModel = false;      // under 10 M parameters
    // Whatever the learning rate: a frozen part (head or last:K) with no pretrained weights stays
    // random, so what trains on it has nothing to learn from. Suggested: the whole network.
    bool frozenRandomBody = false;
    TrainConfig suggested;        // the same recipe with a learning rate, warm-up and fine-tune mode that suit
    bool any() const { return warmupDominates || fromScratch || smallModel || frozenRandomBody; }
};

// Reads the model's config.json and lists the data set's images (opens none). Throws
// std::runtime_error when either cannot be read.
RecipeAdvice adviseRecipe(const JobConfig &config);

} // namespace vitscope
