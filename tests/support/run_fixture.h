#pragma once
// A synthetic run folder for the report and model-card tests: every file in its exact format,
// with made-up numbers (a test fixture, not a real run), so that the tests take no training time.
// Plain C++ and nlohmann/json: the Qt and the doctest tests both use it.
#include <string>

namespace testsupport {

struct RunFixture {
    bool calibration = true; // test/metrics.json's calibration, conformal and intervals, checkpoints/best/calibration.json
    bool test = true;        // a test part (test/metrics.json)
    bool lists = true;       // run.json's dataset.bad_files and duplicate_groups as lists (else counts only)
};

// Writes the run into `folder` (emptied first) and returns it.
std::string writeRunFixture(const std::string &folder, const RunFixture &fixture = {});

} // namespace testsupport
