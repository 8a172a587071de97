// The job configuration, declared once: every field survives the file format and the command
// line unchanged, bad values are refused with the setting's name, and the run-folder records
// (run.json, metrics.jsonl, predictions.csv) read back what was written.
#include "test_support.h"

#include "config/config_fields.h"
#include "engine/csv.h"
#include "engine/run_folder.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

// Every field set to something other than its default.
JobConfig everyFieldChanged()
{
    JobConfig c;
    c.model = "/models/vit";
    c.data = {"/data/train", "/data/val", "/data/test", {0.6, 0.25, 0.15}, "/cache"};
    TrainConfig &t = c.train;
    t.epochs = 7;
    t.batchSize = 12;
    t.evalBatchSize = 24;
    t.lr = 3.5e-4;
    t.warmupSteps = 17;
    t.warmupRatio = 0.1;
    t.weightDecay = 0.05;
    t.maxGradNorm = 2.5;
    t.gradAccum = 3;
    t.metric = Metric::MacroF1;
    t.fineTune = {FineTune::Mode::LastBlocks, 2};
    t.featureCache = false;
    t.seed = 18446744073709551557ull; // above 2^63: seeds are unsigned 64-bit
    t.device = "cuda:1";
    t.precision = Precision::Bf16;
    t.threads = 3;
    t.augment = {Augmentation::Jitter, Augmentation::HFlip};
    t.earlyStopping = 2;
    t.earlyStoppingThreshold = 0.01;
    t.logEvery = 5;
    t.evalTrainSet = false;
    t.cudaGraphs = false;
    t.distBackend = DistBackend::Gloo;
    t.distTimeout = 30;
    return c;
}

void requireSame(const JobConfig &a, const JobConfig &b)
{
    for (const auto &f : jobFields()) {
        INFO(f.path());
        REQUIRE(fieldValue(a, f) == fieldValue(b, f));
    }
}

std::string freshDir(const std::string &name)
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-config" / name;
    fs::remove_all(dir);
    return dir.string();
}

} // namespace

TEST_CASE("everyFieldDiffersFromItsDefaultInTheFixture")
{
    const JobConfig defaults, changed = everyFieldChanged();
    for (const auto &f : jobFields()) {
        INFO(f.path());
        REQUIRE(fieldValue(defaults, f) != fieldValue(changed, f));
    }
}

TEST_CASE("configurationRoundTripsThroughJsonAndText")
{
    const JobConfig c = everyFieldChanged();
    requireSame(jobConfigFromJson(toJson(c), "test"), c);
    requireSame(jobConfigFromText(jobConfigToText(c), "test"), c);
    // The command line spells every field so that it reads back the same.
    JobConfig fromText;
    for (const auto &f : jobFields())
        setFieldFromText(fromText, f, fieldText(c, f), "--" + f.option);
    requireSame(fromText, c);
}

// #17 item 14: file names are bytes. One that is not UTF-8 is written escaped for people, with its
// bytes beside it, and reads back as the very name.
TEST_CASE("pathsThatAreNotUtf8ReadBackAsTheirBytes")
{
    JobConfig c = everyFieldChanged();
    c.data.data = std::string("/data/caf") + static_cast<char>(0xE9);
    c.model = std::string("/models/\xFF\xFE");
    const nlohmann::json j = toJson(c);
    REQUIRE(j.at("data").at("data") == "/data/caf\\xE9");
    REQUIRE(j.at("data").at("data_bytes") == "2f646174612f636166e9");
    REQUIRE_FALSE(j.at("data").contains("cache_dir_bytes")); // valid UTF-8 has no twin
    REQUIRE_NOTHROW(j.dump());
    requireSame(jobConfigFromJson(j, "run.json"), c);
    requireSame(jobConfigFromText(jobConfigToText(c), "run.json"), c);
    auto damaged = j;
    damaged["data"]["data_bytes"] = "2f6x";
    REQUIRE_THROWS_CONTAINING(jobConfigFromJson(damaged, "run.json"), "run.json: 'data_bytes' is not hexadecimal");
    damaged = j;
    damaged["train"]["seed_bytes"] = "00";
    REQUIRE_THROWS_CONTAINING(jobConfigFromJson(damaged, "run.json"), "unknown setting 'train.seed_bytes'");
}

TEST_CASE("anOlderFileWithoutANewFieldReadsWithItsDefault")
{
    auto j = toJson(everyFieldChanged());
    j["train"].erase("cuda_graphs");
    REQUIRE(jobConfigFromJson(j, "old run.json").train.cudaGraphs == true);
}

TEST_CASE("badValuesAreRefusedWithTheSettingsName")
{
    struct Row {
        const char *path, *text, *message;
    };
    const std::vector<Row> rows = {
        {"train.epochs", "0", "--epochs: must be from 1 to 100000, got 0"},
        {"train.epochs", "five", "--epochs: needs a whole number from 1 to 100000, got 'five'"},
        {"train.lr", "1e-3x", "--lr: needs a number"},
        {"train.precision", "fp16", "--precision: unknown value 'fp16' (expected one of fp32, bf16, auto)"},
        {"train.metric", "auc", "--metric: unknown value 'auc'"},
        {"train.fine_tune", "last:0", "--fine-tune: unknown value 'last:0' (expected full, head, or last:K"},
        {"train.fine_tune", "partial", "--fine-tune: unknown value 'partial'"},
        {"train.augment", "hflip,mirror", "--augment: unknown value 'mirror'"},
        {"train.cuda_graphs", "1", "--cuda-graphs: must be on or off, got '1'"},
        {"train.device", "tpu", "--device: must be auto, cpu, cuda or cuda:N, got 'tpu'"},
        {"train.seed", "-1", "--seed: needs a whole number from 0"},
        {"data.split", "a,b,c", "--split: needs three shares from 0 to 1"},
        {"data.split", "0.7,0.3", "--split: needs three shares"},
    };
    for (const auto &r : rows) {
        JobConfig c;
        const FieldSpec *f = findField(r.path);
        REQUIRE(f != nullptr);
        INFO(r.path, " = ", r.text);
        REQUIRE_THROWS_CONTAINING(setFieldFromText(c, *f, r.text, "--" + f->option), r.message);
    }
    auto j = toJson(JobConfig{});
    j["train"]["metirc"] = "loss";
    REQUIRE_THROWS_CONTAINING(jobConfigFromJson(j, "run.json"), "run.json: unknown setting 'train.metirc'");
    j = toJson(JobConfig{});
    j["train"]["batch_size"] = "16";
    REQUIRE_THROWS_CONTAINING(jobConfigFromJson(j, "run.json"), "run.json: train.batch_size: needs a whole number");
    JobConfig shares;
    shares.data.split = {0.7, 0.2, 0.2};
    REQUIRE_THROWS_CONTAINING(validate(shares), "add up to 1.1");
}

TEST_CASE("runJsonHoldsTheWholeConfigurationAndReadsItBack")
{
    const auto dir = freshDir("run");
    RunFolder run(dir);
    RunInfo info;
    info.config = everyFieldChanged();
    info.labels = {"a", "b"};
    info.device = "CPU, 2 threads";
    info.dataset.root = "/data/train";
    info.versions["qt"] = "6.4.2";
    run.start(info);
    run.setStatus(RunStatus::Stopped);
    const RunInfo back = readRunInfo(dir);
    requireSame(back.config, info.config);
    REQUIRE(back.status == RunStatus::Stopped);
    REQUIRE(back.labels == info.labels);
    REQUIRE(back.versions.at("qt") == "6.4.2");
    REQUIRE(!back.versions.at("libtorch").empty());

    // Resuming takes only the environment settings of the new configuration.
    JobConfig other;
    other.train.device = "cpu";
    other.train.threads = 1;
    other.train.lr = 1.0;
    RunFolder again(dir);
    again.resume(other);
    const RunInfo resumed = readRunInfo(dir);
    REQUIRE(resumed.status == RunStatus::Running);
    REQUIRE(resumed.config.train.device == "cpu");
    REQUIRE(resumed.config.train.threads == 1);
    REQUIRE(resumed.config.train.lr == info.config.train.lr);
}

TEST_CASE("resumabilityFollowsTheStatus")
{
    // With or without a checkpoint: a run without one starts again from the beginning.
    struct Row {
        RunStatus status;
        bool resumable;
    };
    const std::vector<Row> rows = {{RunStatus::Running, true},  {RunStatus::Stopped, true},       {RunStatus::Failed, true},
                                   {RunStatus::Finished, false}, {RunStatus::EarlyStopped, false}};
    for (const auto &r : rows) {
        INFO(std::string(choiceName(r.status)));
        REQUIRE(isResumable(r.status) == r.resumable);
    }
    REQUIRE_THROWS_CONTAINING(parseChoice<RunStatus>("paused", "status"), "status: unknown value 'paused'");
}

TEST_CASE("historyReadsBackWithoutLinesLoggedAgainAfterAResume")
{
    const auto dir = freshDir("history");
    RunFolder run(dir);
    for (int64_t s : {1, 2, 3, 2, 3, 4}) // a resume from step 1 logs 2 and 3 again
        run.appendStep({s, 4, 1, 0.25 * static_cast<double>(s), 1.0 / static_cast<double>(s), 1e-5, 0.5, 10.0, 0.0});
    EpochInfo e;
    e.epoch = 1;
    e.step = 4;
    e.val.accuracy = 0.75;
    e.best = true;
    e.bestEpoch = 1;
    run.appendEpoch(e);
    std::ofstream(runfiles::metricsLog(dir), std::ios::app) << "{\"type\":\"step\",\"st"; // cut short by a kill
    const auto h = readHistory(dir);
    REQUIRE(h.steps.size() == 4);
    for (std::size_t i = 0; i < h.steps.size(); ++i)
        REQUIRE(h.steps[i].step == static_cast<int64_t>(i) + 1);
    REQUIRE(h.steps[2].lr == 1e-5);
    REQUIRE((h.epochs.size() == 1 && h.epochs[0].best && h.epochs[0].val.accuracy == 0.75));
}

TEST_CASE("csvFieldsSurviveAWriteReadRoundTrip")
{
    const std::vector<CsvRecord> records = {
        {"path", "label", "note"},
        {"polyps/a,b.jpg", "say \"polyp\"", "two\nlines"},
        {"", "x", "ends with a quote\""},
        {"crlf\r\ninside", " leading space", "plain"},
    };
    std::string text;
    for (const auto &r : records)
        text += csvRecord(r);
    REQUIRE(text.find("\"polyps/a,b.jpg\",\"say \"\"polyp\"\"\",\"two\nlines\"\r\n") != std::string::npos);
    REQUIRE(parseCsv(text) == records);
    REQUIRE(parseCsv("a,b\nc,d") == std::vector<CsvRecord>{{"a", "b"}, {"c", "d"}}); // LF and no final break
    REQUIRE(csvField("plain") == "plain");
}
