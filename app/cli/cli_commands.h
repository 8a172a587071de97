#pragma once
// vitscope-cli subcommands, parsed with CLI11. Each add*() registers a subcommand (its options and
// --help) whose action sets the process exit code: 0 success, 1 other failure, 2 usage error,
// 3 some inputs unusable.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace vitscope {
struct JobConfig;
struct TrainSummary;
struct ViTConfig;
}

namespace vitscope::cli {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2, kExitBadInput = 3;

// A usage error found after parsing (a combination of options CLI11 cannot check).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void addVersion(CLI::App &app, int &exitCode);
int printVersion();
void addBench(CLI::App &app, int &exitCode); // bench infer|train|fit (+ preprocess|loader with data)
void addBenchFit(CLI::App &bench, int &exitCode);
void addBenchDist(CLI::App &bench, int &exitCode); // one rank of a torchrun job (cli_bench_dist.cpp)
ViTConfig benchConfig(const std::string &name); // vit-base, vit-tiny or a model folder
void traceSteps(const std::string &path, const std::function<void()> &work); // Chrome trace of `work`
std::vector<std::pair<std::string, std::string>> stackVersions();
nlohmann::json phaseSeconds(const TrainSummary &summary); // a training job's time, by phase // Qt, OpenCV (empty engine-only)

#ifdef VITSCOPE_WITH_DATA
// bench fit --data: the training job on real image files with cold caches, its time split into
// decoding, frozen-feature extraction and training.
int runBenchFitOnFiles(const JobConfig &job, const std::string &config, bool json);
void addPredict(CLI::App &app, int &exitCode);
void addScan(CLI::App &app, int &exitCode);
void addDemoData(CLI::App &app, int &exitCode);
void addTrain(CLI::App &app, int &exitCode);
void addEval(CLI::App &app, int &exitCode);
void addCalibrate(CLI::App &app, int &exitCode);
void addExport(CLI::App &app, int &exitCode);
void addReport(CLI::App &app, int &exitCode); // the run report and model card (cli_report.cpp)
void addReview(CLI::App &app, int &exitCode); // likely label errors (cli_labels.cpp)
void addLabels(CLI::App &app, int &exitCode); // the label manifest: show, relabel, export
void addBenchData(CLI::App &bench, int &exitCode); // bench preprocess, bench loader
double preprocessMillisecondsForBench(int size);   // median ms to preprocess one 720x576 JPEG
#endif

} // namespace vitscope::cli
