#pragma once
// The run report's explanation examples: a few test images, correct and misclassified, each with
// its Grad-CAM and attention-rollout maps from the run's best model. LibTorch and OpenCV only (no
// Qt); the result is the report's plain ExplanationExample, which the CLI hands to the report.
#include "report/report.h"

#include <string>
#include <vector>

namespace vitscope {

struct ExampleOptions {
    int correct = 3, misclassified = 3;
    std::string device = "cpu";
};

struct ExampleSet {
    std::vector<ExplanationExample> examples;
    std::string problem;      // why there are none (no test part, no model, ...), "" otherwise
    bool gradCam = false;     // whether this build computes Grad-CAM (core/engine/grad_cam.h)
};

// Misclassified: the most confident mistakes; correct: the most confident right answer of each
// class in turn. Errors are values (`problem`), images that cannot be read are skipped.
ExampleSet computeReportExamples(const std::string &run, const ExampleOptions &options = {});

} // namespace vitscope
