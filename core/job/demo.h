#pragma once
// The embedded demo: synthetic Kvasir-like data and a small ViT configuration trained from scratch,
// so that the app does something useful before the user has data or a pretrained model.
#include "config/job_config.h"

#include <string>

namespace vitscope {

struct DemoAssets {
    std::string data, model; // folders
};

// The demo's model folder: config.json (the tiny ViT, the eight classes) and preprocessor_config.json.
void writeDemoModel(const std::string &folder);

// Writes what is missing under `base` (the data once; the model config every time, it is tiny).
DemoAssets ensureDemo(const std::string &base);

// The recipe that trains the demo's tiny ViT from scratch in about a minute on a CPU (the
// notebook's learning rate and warm-up suit a pretrained ViT-B/16, not a small model from scratch).
TrainConfig demoRecipe();

} // namespace vitscope
