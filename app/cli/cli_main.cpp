// vitscope-cli: headless access to the engine (predict, scan, train, eval, export, benchmarks).
#include "cli_args.h"
#include "cli_commands.h"

#include <cstring>
#include <exception>
#include <iostream>

using namespace vitscope::cli;

namespace {

void usage(std::ostream &out)
{
    out << "usage: vitscope-cli COMMAND [options]\n\n"
           "commands:\n"
           "  --version                 versions of vitscope, LibTorch, Qt, OpenCV and the compute device\n"
#ifdef VITSCOPE_WITH_DATA
           "  predict --model DIR [--top K] [--json] [--device auto|cpu|cuda] IMAGE...\n"
           "  scan DATASET [--json]     check every image of a class-per-folder data set\n"
           "  demo-data OUT [--per-class N] [--seed S]   write the synthetic demo data set\n"
           "  train --data DIR --model DIR --out RUN_DIR [options]   fine-tune (see train --help)\n"
           "  train --resume RUN_DIR    continue a stopped or killed run\n"
           "  eval --model DIR --data DIR [--split-file FILE --part test|val|train|all] [--json]\n"
           "  export --run RUN_DIR --out DIR   the run's best model in Hugging Face layout\n"
           "  bench preprocess DIR [--json]\n"
           "  bench loader DATASET [--batch N] [--residence auto|memory|disk] [--json]   images/s from a warm cache\n"
#endif
           "  bench infer [--model DIR] [--threads N] [--json]\n"
           "  bench train [--config vit-base|vit-tiny|DIR] [--batch N] [--precision fp32|bf16] [--device D] [--json]\n"
           "              [--cuda-graphs on|off] [--adamw auto|foreach|fused] [--qkv fused|separate] [--trace FILE]\n"
           "  bench fit [--config ...] [--images 6800] [--val 600] [--test 600] [--epochs 5] [--batch 16]\n"
           "            [--eval-batch 32] [--precision fp32|bf16] [--device D] [--cuda-graphs on|off] [--out RUN_DIR] [--json]\n"
           "            the whole recipe on synthetic cached images: wall time of a run\n";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(std::cerr);
        return kExitUsage;
    }
    const std::string cmd = argv[1];
    try {
        if (cmd == "--version" || cmd == "version")
            return runVersion();
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            usage(std::cout);
            return kExitOk;
        }
        if (cmd == "bench")
            return runBench(argc, argv);
#ifdef VITSCOPE_WITH_DATA
        if (cmd == "predict")
            return runPredict(argc, argv);
        if (cmd == "scan")
            return runScan(argc, argv);
        if (cmd == "demo-data")
            return runDemoData(argc, argv);
        if (cmd == "train")
            return runTrain(argc, argv);
        if (cmd == "eval")
            return runEval(argc, argv);
        if (cmd == "export")
            return runExport(argc, argv);
#else
        if (cmd == "predict" || cmd == "scan" || cmd == "demo-data" || cmd == "train" || cmd == "eval" || cmd == "export") {
            std::cerr << "vitscope-cli: '" << cmd << "' needs the full build (OpenCV, Qt); this is an engine-only build\n";
            return kExitUsage;
        }
#endif
        std::cerr << "vitscope-cli: unknown command '" << cmd << "'\n";
        usage(std::cerr);
        return kExitUsage;
    } catch (const UsageError &e) {
        std::cerr << "vitscope-cli " << cmd << ": " << e.what() << "\n";
        return kExitUsage;
    } catch (const std::exception &e) {
        std::cerr << "vitscope-cli " << cmd << ": error: " << e.what() << "\n";
        return kExitFailure;
    }
}
