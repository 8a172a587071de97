// vitscope-cli as a user runs it: predict --json lines equal the reference probabilities, one bad
// image does not stop the others, and the exit codes say what happened.
#include "mini_test.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Result {
    int exitCode = -1;
    std::string out;
};

Result run(const std::string &args)
{
    Result r;
    FILE *p = popen((std::string(VITSCOPE_CLI) + " " + args + " 2>/dev/null").c_str(), "r");
    std::array<char, 4096> buf{};
    while (std::size_t n = fread(buf.data(), 1, buf.size(), p))
        r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::vector<nlohmann::json> lines(const std::string &out)
{
    std::vector<nlohmann::json> v;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            v.push_back(nlohmann::json::parse(line));
    return v;
}

const std::string kData = VITSCOPE_TEST_DATA;

} // namespace

TEST_CASE(predictJsonMatchesReference)
{
    std::ifstream in(kData + "/vit-tiny-classifier/expected_images.json");
    const auto expected = nlohmann::json::parse(in);
    std::string images;
    for (auto it = expected.begin(); it != expected.end(); ++it)
        images += " " + kData + "/preprocess/" + it.key();
    const auto r = run("predict --json --device cpu --model " + kData + "/vit-tiny-classifier" + images);
    REQUIRE(r.exitCode == 0);
    const auto out = lines(r.out);
    REQUIRE(out.size() == expected.size());
    double worst = 0;
    for (const auto &line : out) {
        const std::string name = fs::path(line["image"].get<std::string>()).filename().string();
        const auto &ref = expected[name];
        std::string best;
        double bestP = -1;
        for (auto it = ref.begin(); it != ref.end(); ++it) {
            worst = std::max(worst, std::abs(line["probabilities"][it.key()].get<double>() - it.value().get<double>()));
            if (it.value().get<double>() > bestP)
                bestP = it.value().get<double>(), best = it.key();
        }
        REQUIRE(line["top1"] == best);
        REQUIRE_NEAR(line["confidence"].get<double>(), bestP, 1e-5);
    }
    std::cout << "  vitscope-cli predict vs reference: max abs error " << worst << "\n";
    REQUIRE(worst < 1e-5);
}

TEST_CASE(exitCodes)
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-cli";
    fs::create_directories(dir);
    std::ofstream(dir / "bad.jpg") << "not an image";
    struct Row {
        std::string args;
        int exitCode;
    };
    const std::string model = " --model " + kData + "/vit-tiny-classifier --device cpu ";
    const std::vector<Row> rows = {
        {"predict --json" + model + kData + "/preprocess/small_100x60.jpg " + (dir / "bad.jpg").string(), 3},
        {"predict" + model + kData + "/preprocess/small_100x60.jpg", 0},
        {"predict --json" + model, 2},                          // no image
        {"predict --json " + kData + "/preprocess/small_100x60.jpg", 2}, // no model
        {"predict --bogus" + model + "x.jpg", 2},
        {"frobnicate", 2},
        {"predict --model /nonexistent x.jpg", 1},
        {"scan --json " + dir.string(), 3}, // not a usable data set
        {"bench train --config vit-tiny --cuda-graphs maybe", 2},
        {"bench fit --cuda-graphs yes", 2},
        {"train --data x --model y --out z --cuda-graphs 1", 2},
        {"--version", 0},
    };
    for (const auto &r : rows) {
        const auto result = run(r.args);
        if (result.exitCode != r.exitCode)
            throw minitest::Failure("vitscope-cli " + r.args + ": exit " + std::to_string(result.exitCode) + ", expected " +
                                    std::to_string(r.exitCode));
    }
    const auto mixed = lines(run("predict --json" + model + kData + "/preprocess/small_100x60.jpg " + (dir / "bad.jpg").string()).out);
    REQUIRE(mixed.size() == 2 && mixed[0].contains("top1") && mixed[1]["error"].get<std::string>().find("not an image") != std::string::npos);
    const auto version = run("--version").out;
    for (const char *part : {"vitscope ", "LibTorch ", "Qt ", "OpenCV ", "device "})
        REQUIRE(version.find(part) != std::string::npos);
}

TEST_CASE(benchFitRunsTheWholeRecipe)
{
    // The timed recipe on synthetic cached images, with the fixture's tiny architecture: every
    // epoch evaluated, a run folder like a real one, the summary as one JSON line.
    const fs::path out = fs::temp_directory_path() / "vitscope-test-cli-fit";
    fs::remove_all(out);
    const auto r = run("bench fit --json --device cpu --threads 2 --config " + kData +
                       "/vit-tiny-classifier --images 24 --val 8 --test 8 --epochs 2 --batch 8 --lr 1e-3 --warmup-steps 0 --out " +
                       out.string());
    REQUIRE(r.exitCode == 0);
    const auto j = lines(r.out).at(0);
    REQUIRE(j["epochs"] == 2 && j["images"] == 24 && j["batch"] == 8 && j["precision"] == "fp32");
    REQUIRE(j["wall_seconds"].get<double>() > 0 && j["train_images_per_second"].get<double>() > 0);
    REQUIRE(j["test_accuracy"].get<double>() >= 0 && j["test_accuracy"].get<double>() <= 1);
    REQUIRE(j["cuda_graphs"] == true && j["notes"].empty()); // on by default; nothing to record on a CPU
    std::ifstream runJson(out / "run.json");
    REQUIRE(nlohmann::json::parse(runJson)["config"]["cuda_graphs"] == true);
    for (const char *f : {"run.json", "metrics.jsonl", "confusion/epoch-2.json", "checkpoints/best/model.safetensors",
                          "test/predictions.csv"})
        REQUIRE(fs::exists(out / f));
    REQUIRE(run("bench fit --precision fp16").exitCode == 2);
}
