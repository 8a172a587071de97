#pragma once
// Stratified, seeded train/validation/test splits, saved as split.json and reloaded exactly.
#include "config/job_config.h"
#include "data/dataset_scan.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

struct SplitEntry {
    std::string path; // relative to its root
    int label = -1;
    std::string sha256;
};

struct Split {
    std::vector<std::string> classes;
    std::string root, valRoot, testRoot; // val/test roots differ when explicit folders were given
    SplitRatios ratios;
    uint64_t seed = 42;
    std::vector<SplitEntry> train, val, test;
    std::vector<std::string> warnings; // duplicates across parts, no test part, ...
};

// Splits `report` per class. Explicit val/test reports replace those parts (their classes must be
// among the training classes). Throws std::runtime_error on bad ratios or unknown classes.
Split makeSplit(const ScanReport &report, const SplitRatios &ratios, uint64_t seed,
                const ScanReport *valReport = nullptr, const ScanReport *testReport = nullptr);

// Part sizes (train, val, test) of one class of n images: rounded, but a part with a non-zero
// share never gets 0 images when the class has enough.
std::array<int, 3> partSizes(int n, const SplitRatios &ratios);
// The shares a class's own images are split by: a separate validation or test folder replaces
// that part (its share becomes 0).
SplitRatios ownShares(const SplitRatios &ratios, bool separateVal, bool separateTest);

std::string splitToJson(const Split &split);
void saveSplit(const Split &split, const std::string &path);
Split loadSplit(const std::string &path);

} // namespace vitscope
