// vitscope-cli: headless access to the engine (predict, scan, train, eval, export, benchmarks).
#include "cli_commands.h"
#include "cli_docs.h"

#include "config/choices.h"
#include "engine/host_memory.h"
#include "engine/runtime.h"

#include <exception>
#include <iostream>

using namespace vitscope::cli;

int main(int argc, char **argv)
{
    vitscope::reuseFreedHostMemory();
    CLI::App app("vitscope-cli: predict, scan, train, evaluate and export Vision Transformers for endoscopy images\n"
                 "For research use only. Not for use in diagnostic procedures.",
                 "vitscope-cli");
    app.require_subcommand(1);
    app.footer("vitscope-cli --version is `vitscope-cli version`.\n"
               "Exit codes: 0 fine, 1 failure, 2 usage error, 3 some inputs could not be used.");
    int exitCode = kExitOk;
    addVersion(app, exitCode);
#ifdef VITSCOPE_WITH_DATA
    addPredict(app, exitCode);
    addScan(app, exitCode);
    addDemoData(app, exitCode);
    addTrain(app, exitCode);
    addEval(app, exitCode);
    addCalibrate(app, exitCode);
    addExport(app, exitCode);
    addReport(app, exitCode);
    addReview(app, exitCode);
    addLabels(app, exitCode);
#endif
    addBench(app, exitCode);
    const std::string command = argc > 1 ? argv[1] : "";
    try {
        if (argc == 2 && command == "--version")
            return printVersion();
        // Not in --help: the build generates the manual page and the completion with these.
        if (argc == 2 && (command == "--man-page" || command == "--bash-completion")) {
            command == "--man-page" ? writeManPage(app, std::cout) : writeBashCompletion(app, std::cout);
            return kExitOk;
        }
        app.parse(argc, argv);
        return exitCode;
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        app.exit(e);
        return kExitUsage;
    } catch (const UsageError &e) {
        std::cerr << "vitscope-cli " << command << ": " << e.what() << "\n";
        return kExitUsage;
    } catch (const vitscope::ConfigError &e) {
        std::cerr << "vitscope-cli " << command << ": " << e.what() << "\n";
        return kExitUsage;
    } catch (const std::exception &e) {
        std::cerr << "vitscope-cli " << command << ": error: " << vitscope::errorText(e) << "\n";
        return kExitFailure;
    }
}
