#pragma once
// Every enumerated choice of a run, with its one spelling in files and on the command line.
// Parsed once at the boundary: an unknown spelling is an error that lists the valid ones.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vitscope {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Precision { Fp32, Bf16, Auto }; // auto: bf16 where the device computes it natively
enum class Metric { Accuracy, WeightedF1, MacroF1, Loss, Mcc };
enum class Augmentation { HFlip, VFlip, Rot90, Crop, Jitter };
enum class RunStatus { Running, Finished, Stopped, EarlyStopped, Failed };
// The non-conformity score of split-conformal prediction sets (engine/calibration.h): LAC
// (1 - p(class); the smallest sets on average) or APS (the probability mass ranked at or above
// the class; sets that grow with the image's ambiguity).
enum class ConformalScore { Lac, Aps };
// How a review ranks labels (engine/label_issues.h): the out-of-sample probability of the given
// label, or Cleanlab's normalised margin against the most probable other class.
enum class LabelIssueScore { SelfConfidence, NormalizedMargin };
// Where a review's out-of-sample probabilities come from (job/label_review.h).
enum class ReviewSource { CrossValidation, RunPredictions };
// How unlabelled frames are sorted for labelling, most uncertain first: the margin between the
// two most probable classes, the entropy of the probabilities, or the prediction set's size.
enum class Uncertainty { Margin, Entropy, SetSize };
// The c10d backend of a distributed run (engine/distributed.h): NCCL on CUDA and Gloo on CPUs
// (auto), or either one asked for.
enum class DistBackend { Auto, Gloo, Nccl };

// Which part of the network trains: all of it; the last K encoder blocks with the final LayerNorm
// and the classifier; or the classifier only (a linear probe on the final-LayerNorm CLS token).
// Spelled "full", "last:K" and "head".
struct FineTune {
    enum class Mode { Full, LastBlocks, Head };
    Mode mode = Mode::Full;
    int blocks = 0; // LastBlocks: K, at least 1 (the model's depth is checked when training starts)
    bool operator==(const FineTune &) const = default;
};
std::string fineTuneText(const FineTune &fineTune);
FineTune parseFineTune(std::string_view text, std::string_view what);

std::string_view choiceName(Precision value);
std::string_view choiceName(Metric value);
std::string_view choiceName(Augmentation value);
std::string_view choiceName(RunStatus value);
std::string_view choiceName(ConformalScore value);
std::string_view choiceName(LabelIssueScore value);
std::string_view choiceName(ReviewSource value);
std::string_view choiceName(Uncertainty value);
std::string_view choiceName(DistBackend value);

// `what` names the setting in the error message ("--precision", "config.train.precision").
template <typename E>
E parseChoice(std::string_view text, std::string_view what);
template <typename E>
std::vector<std::string> choiceNames(); // every valid spelling, in declaration order

bool higherIsBetter(Metric metric); // all but the loss

// Finished and early-stopped runs are complete; stopped, failed and killed (still "running") ones
// continue from their last checkpoint, or start again from the beginning when they have none.
bool isResumable(RunStatus status);

} // namespace vitscope
