#pragma once
// vitscope-cli subcommands. Each returns the process exit code:
// 0 success, 1 other failure, 2 usage error, 3 some inputs unusable.
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vitscope {
struct ViTConfig;
}

namespace vitscope::cli {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2, kExitBadInput = 3;

int runVersion();
int runBench(int argc, char **argv); // bench infer|train|fit|preprocess|loader
int runBenchFit(int argc, char **argv);
ViTConfig benchConfig(const std::string &name); // vit-base, vit-tiny or a model folder
void traceSteps(const std::string &path, const std::function<void()> &work); // Chrome trace of `work`

#ifdef VITSCOPE_WITH_DATA
int runPredict(int argc, char **argv);
int runScan(int argc, char **argv);
int runDemoData(int argc, char **argv);
int runTrain(int argc, char **argv);
int runEval(int argc, char **argv);
int runExport(int argc, char **argv);
int runBenchPreprocess(int argc, char **argv);
int runBenchLoader(int argc, char **argv);
double preprocessMillisecondsForBench(int size); // median ms to preprocess one 720x576 JPEG
std::vector<std::pair<std::string, std::string>> stackVersions(); // Qt, OpenCV
#endif

} // namespace vitscope::cli
