#include "config/choices.h"

#include <array>
#include <utility>

namespace vitscope {
namespace {

template <typename E>
struct Names;
template <>
struct Names<Precision> {
    static constexpr std::array<std::pair<Precision, std::string_view>, 3> table{
        {{Precision::Fp32, "fp32"}, {Precision::Bf16, "bf16"}, {Precision::Auto, "auto"}}};
};
template <>
struct Names<Metric> {
    static constexpr std::array<std::pair<Metric, std::string_view>, 5> table{{{Metric::Accuracy, "accuracy"},
                                                                              {Metric::WeightedF1, "weighted_f1"},
                                                                              {Metric::MacroF1, "macro_f1"},
                                                                              {Metric::Loss, "loss"},
                                                                              {Metric::Mcc, "mcc"}}};
};
template <>
struct Names<Augmentation> {
    static constexpr std::array<std::pair<Augmentation, std::string_view>, 5> table{{{Augmentation::HFlip, "hflip"},
                                                                                    {Augmentation::VFlip, "vflip"},
                                                                                    {Augmentation::Rot90, "rot90"},
                                                                                    {Augmentation::Crop, "crop"},
                                                                                    {Augmentation::Jitter, "jitter"}}};
};
template <>
struct Names<RunStatus> {
    static constexpr std::array<std::pair<RunStatus, std::string_view>, 5> table{{{RunStatus::Running, "running"},
                                                                                 {RunStatus::Finished, "finished"},
                                                                                 {RunStatus::Stopped, "stopped"},
                                                                                 {RunStatus::EarlyStopped, "early-stopped"},
                                                                                 {RunStatus::Failed, "failed"}}};
};

template <>
struct Names<ConformalScore> {
    static constexpr std::array<std::pair<ConformalScore, std::string_view>, 2> table{
        {{ConformalScore::Lac, "lac"}, {ConformalScore::Aps, "aps"}}};
};

template <>
struct Names<LabelIssueScore> {
    static constexpr std::array<std::pair<LabelIssueScore, std::string_view>, 2> table{
        {{LabelIssueScore::SelfConfidence, "self-confidence"}, {LabelIssueScore::NormalizedMargin, "margin"}}};
};
template <>
struct Names<ReviewSource> {
    static constexpr std::array<std::pair<ReviewSource, std::string_view>, 2> table{
        {{ReviewSource::CrossValidation, "cross-validation"}, {ReviewSource::RunPredictions, "run"}}};
};
template <>
struct Names<Uncertainty> {
    static constexpr std::array<std::pair<Uncertainty, std::string_view>, 3> table{
        {{Uncertainty::Margin, "margin"}, {Uncertainty::Entropy, "entropy"}, {Uncertainty::SetSize, "set-size"}}};
};

template <>
struct Names<DistBackend> {
    static constexpr std::array<std::pair<DistBackend, std::string_view>, 3> table{
        {{DistBackend::Auto, "auto"}, {DistBackend::Gloo, "gloo"}, {DistBackend::Nccl, "nccl"}}};
};

template <typename E>
std::string_view name(E value)
{
    for (const auto &[v, n] : Names<E>::table)
        if (v == value)
            return n;
    return "?";
}

} // namespace

std::string_view choiceName(Precision value) { return name(value); }
std::string_view choiceName(Metric value) { return name(value); }
std::string_view choiceName(Augmentation value) { return name(value); }
std::string_view choiceName(RunStatus value) { return name(value); }
std::string_view choiceName(ConformalScore value) { return name(value); }
std::string_view choiceName(LabelIssueScore value) { return name(value); }
std::string_view choiceName(ReviewSource value) { return name(value); }
std::string_view choiceName(Uncertainty value) { return name(value); }
std::string_view choiceName(DistBackend value) { return name(value); }

template <typename E>
std::vector<std::string> choiceNames()
{
    std::vector<std::string> out;
    for (const auto &entry : Names<E>::table)
        out.emplace_back(entry.second);
    return out;
}

template <typename E>
E parseChoice(std::string_view text, std::string_view what)
{
    for (const auto &[v, n] : Names<E>::table)
        if (n == text)
            return v;
    std::string valid;
    for (const auto &n : choiceNames<E>())
        valid += (valid.empty() ? "" : ", ") + n;
    throw ConfigError(std::string(what) + ": unknown value '" + std::string(text) + "' (expected one of " + valid + ")");
}

template Precision parseChoice<Precision>(std::string_view, std::string_view);
template Metric parseChoice<Metric>(std::string_view, std::string_view);
template Augmentation parseChoice<Augmentation>(std::string_view, std::string_view);
template RunStatus parseChoice<RunStatus>(std::string_view, std::string_view);
template ConformalScore parseChoice<ConformalScore>(std::string_view, std::string_view);
template std::vector<std::string> choiceNames<Precision>();
template std::vector<std::string> choiceNames<Metric>();
template std::vector<std::string> choiceNames<Augmentation>();
template std::vector<std::string> choiceNames<RunStatus>();
template std::vector<std::string> choiceNames<ConformalScore>();
template LabelIssueScore parseChoice<LabelIssueScore>(std::string_view, std::string_view);
template std::vector<std::string> choiceNames<LabelIssueScore>();
template ReviewSource parseChoice<ReviewSource>(std::string_view, std::string_view);
template std::vector<std::string> choiceNames<ReviewSource>();
template Uncertainty parseChoice<Uncertainty>(std::string_view, std::string_view);
template std::vector<std::string> choiceNames<Uncertainty>();
template DistBackend parseChoice<DistBackend>(std::string_view, std::string_view);
template std::vector<std::string> choiceNames<DistBackend>();

std::string fineTuneText(const FineTune &f)
{
    switch (f.mode) {
    case FineTune::Mode::Full:
        return "full";
    case FineTune::Mode::LastBlocks:
        return "last:" + std::to_string(f.blocks);
    case FineTune::Mode::Head:
        return "head";
    }
    return "full";
}

FineTune parseFineTune(std::string_view text, std::string_view what)
{
    if (text == "full")
        return {};
    if (text == "head")
        return {FineTune::Mode::Head, 0};
    if (text.substr(0, 5) == "last:" && text.size() > 5 && text.size() < 9 &&
        text.find_first_not_of("0123456789", 5) == std::string_view::npos) {
        const int k = std::stoi(std::string(text.substr(5)));
        if (k >= 1)
            return {FineTune::Mode::LastBlocks, k};
    }
    throw ConfigError(std::string(what) + ": unknown value '" + std::string(text) +
                      "' (expected full, head, or last:K with K from 1 to the model's number of blocks)");
}

bool higherIsBetter(Metric metric)
{
    return metric != Metric::Loss;
}

bool isResumable(RunStatus status)
{
    // Without a checkpoint (killed before the first one) a resume starts again from the beginning,
    // with the recorded configuration: never a dead end.
    return status != RunStatus::Finished && status != RunStatus::EarlyStopped;
}

} // namespace vitscope
