#include "engine/run_files.h"
#include "engine/utf8.h"

#include "config/config_fields.h"
#include "engine/csv.h"
#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {
namespace runfiles {
std::string runJson(const std::string &run) { return (fs::path(run) / "run.json").string(); }
std::string metricsLog(const std::string &run) { return (fs::path(run) / "metrics.jsonl").string(); }
std::string splitFile(const std::string &run) { return (fs::path(run) / "split.json").string(); }
std::string confusionFile(const std::string &run, int epoch)
{
    return (fs::path(run) / "confusion" / ("epoch-" + std::to_string(epoch) + ".json")).string();
}
std::string partFolder(const std::string &run, const std::string &part) { return (fs::path(run) / part).string(); }
std::string lastCheckpoint(const std::string &run) { return (fs::path(run) / "checkpoints" / "last").string(); }
std::string bestCheckpoint(const std::string &run) { return (fs::path(run) / "checkpoints" / "best").string(); }
std::string bestResumeCheckpoint(const std::string &run) { return (fs::path(run) / "checkpoints" / "best-resume").string(); }
} // namespace runfiles

namespace {

json readJsonFile(const std::string &path)
{
    std::string text;
    try {
        text = readTextFile(path);
    } catch (const std::exception &e) {
        throw RunFolderError(path + " cannot be read (" + e.what() + ")");
    }
    try {
        return json::parse(text);
    } catch (const json::exception &e) {
        throw RunFolderError(path + " is not valid JSON (" + plainJsonError(e) + ")");
    }
}

// Reads a record with nlohmann's checked accessors; a missing or mistyped key names the file.
template <typename F>
auto parsed(const std::string &source, F &&read)
{
    try {
        return read();
    } catch (const json::exception &e) {
        throw RunFolderError(source + ": " + plainJsonError(e));
    }
}

json metricValues(const Metrics &m)
{
    return {{"count", m.count},
            {"accuracy", m.accuracy},
            {"loss", m.loss},
            {"weighted_precision", m.weightedPrecision},
            {"weighted_recall", m.weightedRecall},
            {"weighted_f1", m.weightedF1},
            {"macro_precision", m.macroPrecision},
            {"macro_recall", m.macroRecall},
            {"macro_f1", m.macroF1},
            {"mcc", m.mcc}};
}

// NaN (a loss without probabilities) is written as null.
double number(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::nan("") : it->get<double>();
}

StepInfo stepFromJson(const json &j)
{
    StepInfo s;
    s.step = j.at("step");
    s.epoch = j.at("epoch");
    s.epochProgress = j.value("epoch_progress", 0.0);
    s.loss = number(j, "loss");
    s.lr = j.at("lr");
    s.gradNorm = number(j, "grad_norm");
    s.imagesPerSecond = j.value("images_per_second", 0.0);
    return s;
}

EpochInfo epochFromJson(const json &j)
{
    EpochInfo e;
    e.epoch = j.at("epoch");
    e.step = j.value("step", int64_t{0});
    e.best = j.at("best");
    e.bestEpoch = j.at("best_epoch");
    e.val = metricsFromJson(j.at("val"));
    if (j.contains("train"))
        e.train = metricsFromJson(j.at("train"));
    return e;
}

json summaryJson(const DatasetSummary &d)
{
    json bad = json::array();
    for (const auto &b : d.badFileList)
        bad.push_back({{"path", b.path}, {"reason", b.reason}});
    return {{"root", d.root},   {"val_root", d.valRoot}, {"test_root", d.testRoot},          {"train", d.train},
            {"val", d.val},     {"test", d.test},        {"bad_files", d.badFiles},          {"duplicates", d.duplicates},
            {"bad_file_list", bad}, {"duplicate_groups", d.duplicateGroups},
            {"labels", {{"file", d.labelsFile}, {"hash", d.labelsHash}, {"relabelled", d.relabelled}, {"added", d.added}, {"excluded", d.excluded}}}};
}

DatasetSummary summaryFromJson(const json &j)
{
    DatasetSummary d;
    d.root = j.value("root", "");
    d.valRoot = j.value("val_root", "");
    d.testRoot = j.value("test_root", "");
    d.train = j.value("train", int64_t{0});
    d.val = j.value("val", int64_t{0});
    d.test = j.value("test", int64_t{0});
    d.badFiles = j.value("bad_files", int64_t{0});
    d.duplicates = j.value("duplicates", int64_t{0});
    for (const auto &b : j.value("bad_file_list", json::array()))
        d.badFileList.push_back({b.value("path", ""), b.value("reason", "")});
    d.duplicateGroups = j.value("duplicate_groups", std::vector<std::vector<std::string>>{});
    const json labels = j.value("labels", json::object()); // runs before issue #14 have none
    d.labelsFile = labels.value("file", "");
    d.labelsHash = labels.value("hash", "");
    d.relabelled = labels.value("relabelled", int64_t{0});
    d.added = labels.value("added", int64_t{0});
    d.excluded = labels.value("excluded", int64_t{0});
    return d;
}

} // namespace

json toJson(const Metrics &m, const std::vector<std::string> &labels, bool perClass)
{
    json j = metricValues(m);
    if (perClass) {
        json rows = json::array();
        for (std::size_t c = 0; c < m.perClass.size(); ++c) {
            const auto &pc = m.perClass[c];
            rows.push_back({{"label", c < labels.size() ? labels[c] : std::to_string(c)},
                            {"precision", pc.precision},
                            {"recall", pc.recall},
                            {"f1", pc.f1},
                            {"support", pc.support},
                            {"predicted", pc.predicted}});
        }
        j["per_class"] = rows;
    }
    return j;
}

Metrics metricsFromJson(const json &j)
{
    Metrics m;
    m.count = j.value("count", int64_t{0});
    m.accuracy = j.at("accuracy");
    m.loss = number(j, "loss");
    m.weightedPrecision = j.value("weighted_precision", 0.0);
    m.weightedRecall = j.value("weighted_recall", 0.0);
    m.weightedF1 = j.value("weighted_f1", 0.0);
    m.macroPrecision = j.value("macro_precision", 0.0);
    m.macroRecall = j.value("macro_recall", 0.0);
    m.macroF1 = j.value("macro_f1", 0.0);
    m.mcc = j.value("mcc", 0.0);
    const json rows = j.value("per_class", json::array());
    for (const auto &row : rows)
        m.perClass.push_back({row.at("precision"), row.at("recall"), row.at("f1"), row.at("support"), row.value("predicted", int64_t{0})});
    if (j.contains("confusion"))
        m.confusion = j.at("confusion").get<std::vector<std::vector<int64_t>>>();
    return m;
}

json toJson(const StepInfo &s)
{
    return {{"type", "step"}, {"step", s.step}, {"epoch", s.epoch}, {"epoch_progress", s.epochProgress}, {"loss", s.loss},
            {"lr", s.lr},     {"grad_norm", s.gradNorm}, {"images_per_second", s.imagesPerSecond}};
}

json toJson(const EpochInfo &e)
{
    json j = {{"type", "epoch"}, {"epoch", e.epoch}, {"step", e.step}, {"best", e.best}, {"best_epoch", e.bestEpoch},
              {"val", metricValues(e.val)}};
    if (e.train)
        j["train"] = metricValues(*e.train);
    return j;
}

json toJson(const RunInfo &r)
{
    json j = {{"config", toJson(r.config)}, {"labels", r.labels}, {"device", r.device}, {"dataset", summaryJson(r.dataset)},
              {"split_warnings", r.splitWarnings}, {"versions", r.versions}, {"status", std::string(choiceName(r.status))},
              {"started", r.started}, {"updated", r.updated},
              {"recipe", {{"optimizer", "AdamW(betas=(0.9, 0.999), eps=1e-8), no decay on biases and LayerNorm weights"},
                          {"schedule", "linear warmup, then linear decay to 0"}}}};
    if (!r.message.empty())
        j["message"] = r.message;
    if (!r.ended.empty())
        j["ended"] = r.ended;
    if (r.distributed.worldSize > 1 || !r.distributed.backend.empty() ||
        (r.distributed.globalBatch > 0 && r.distributed.globalBatch != r.config.train.batchSize))
        j["distributed"] = {{"world_size", r.distributed.worldSize}, {"backend", r.distributed.backend},
                            {"hosts", r.distributed.hosts}, {"global_batch", r.distributed.globalBatch}};
    escapeInvalidUtf8(j); // the data set's summary and messages hold file names (engine/utf8.h); config's paths are already
    return j;
}

RunInfo runInfoFromJson(const json &j, const std::string &source)
{
    return parsed(source, [&] {
        RunInfo r;
        r.config = jobConfigFromJson(j.at("config"), source + ": config");
        r.labels = j.at("labels").get<std::vector<std::string>>();
        r.device = j.value("device", "");
        r.dataset = summaryFromJson(j.value("dataset", json::object()));
        r.splitWarnings = j.value("split_warnings", std::vector<std::string>{});
        const json versions = j.value("versions", json::object()); // a named copy: items() refers to it
        for (const auto &[k, v] : versions.items())
            r.versions[k] = v.is_string() ? v.get<std::string>() : v.dump();
        r.status = parseChoice<RunStatus>(j.at("status").get<std::string>(), source + ": status");
        r.message = j.value("message", "");
        r.started = j.value("started", "");
        r.updated = j.value("updated", "");
        r.ended = j.value("ended", "");
        if (j.contains("distributed")) {
            const json &d = j.at("distributed");
            r.distributed.worldSize = d.at("world_size").get<int>();
            r.distributed.backend = d.value("backend", "");
            r.distributed.hosts = d.value("hosts", std::vector<std::string>{});
            r.distributed.globalBatch = d.value("global_batch", int64_t{0});
            if (r.distributed.worldSize < 1 || r.distributed.globalBatch < 0)
                throw std::runtime_error("distributed.world_size must be at least 1");
        }
        return r;
    });
}

std::string metricsToJson(const Metrics &metrics, const std::vector<std::string> &labels)
{
    return toJson(metrics, labels).dump(2);
}

RunInfo readRunInfo(const std::string &run)
{
    const auto path = runfiles::runJson(run);
    if (!fs::exists(path)) {
        // Killed before run.json was first written: nothing of the run was kept but its folders, and
        // the original command starts it again in the same folder (#17 item 1).
        if (fs::exists(path + ".tmp") || fs::exists(fs::path(run) / "split.json.tmp") || fs::exists(fs::path(run) / "split.json"))
            throw RunFolderError(run + " holds no run.json: the run was stopped before it started, and nothing of it was kept; "
                                       "run the original train command again (with --out " + run + ")");
        throw RunFolderError(run + " is not a run folder (no run.json)");
    }
    try {
        return runInfoFromJson(readJsonFile(path), path);
    } catch (const ConfigError &e) {
        throw RunFolderError(e.what());
    }
}

TrainingHistory readHistory(const std::string &run)
{
    TrainingHistory h;
    std::ifstream in(runfiles::metricsLog(run));
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        const json j = json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            continue; // a line cut short by a kill: the rest of the log is still good
        const std::string source = runfiles::metricsLog(run) + ":" + std::to_string(lineNumber);
        const std::string type = j.value("type", "");
        if (type == "step") {
            const StepInfo s = parsed(source, [&] { return stepFromJson(j); });
            while (!h.steps.empty() && h.steps.back().step >= s.step) // logged again after a resume
                h.steps.pop_back();
            h.steps.push_back(s);
        } else if (type == "epoch") {
            const EpochInfo e = parsed(source, [&] { return epochFromJson(j); });
            while (!h.epochs.empty() && h.epochs.back().epoch >= e.epoch)
                h.epochs.pop_back();
            h.epochs.push_back(e);
        }
    }
    return h;
}

namespace {
// trainer_state.json is written last: a checkpoint folder that has it is complete.
bool completeCheckpoint(const fs::path &folder)
{
    std::error_code ec;
    return fs::exists(folder / "trainer_state.json", ec);
}
} // namespace

bool hasCheckpoint(const std::string &run)
{
    const fs::path last = runfiles::lastCheckpoint(run);
    return completeCheckpoint(last) || completeCheckpoint(last.string() + ".tmp") || completeCheckpoint(last.string() + ".old");
}

std::string recoverCheckpointSwap(const std::string &run)
{
    const fs::path last = runfiles::lastCheckpoint(run), tmp = last.string() + ".tmp", old = last.string() + ".old";
    std::error_code ec;
    std::string done;
    if (!completeCheckpoint(last)) {
        const fs::path from = completeCheckpoint(tmp) ? tmp : completeCheckpoint(old) ? old : fs::path();
        if (!from.empty()) {
            fs::remove_all(last, ec);
            fs::rename(from, last, ec);
            if (ec)
                throw std::runtime_error("cannot recover the checkpoint of " + run + " from " + from.string() + ": " + ec.message());
            done = from == tmp ? "finished an interrupted checkpoint swap (last.tmp became last)"
                               : "rolled back an interrupted checkpoint swap (last.old became last)";
        }
    }
    for (const auto &left : {tmp, old})
        if (fs::exists(left, ec)) {
            fs::remove_all(left, ec);
            if (done.empty())
                done = "removed the left-over " + left.filename().string();
        }
    return done;
}

std::vector<std::string> evaluationParts(const std::string &run)
{
    std::vector<std::string> parts;
    for (const char *p : {"test", "val"})
        if (fs::exists(fs::path(runfiles::partFolder(run, p)) / "metrics.json"))
            parts.emplace_back(p);
    std::vector<int> epochs;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(fs::path(run) / "confusion", ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("epoch-", 0) == 0 && e.path().extension() == ".json")
            try {
                epochs.push_back(std::stoi(name.substr(6)));
            } catch (const std::exception &) {
            }
    }
    std::sort(epochs.begin(), epochs.end());
    for (int e : epochs)
        parts.push_back("epoch-" + std::to_string(e));
    return parts;
}

std::string partRoot(const RunInfo &info, const std::string &part)
{
    const std::string &specific = part == "test" ? info.dataset.testRoot : info.dataset.valRoot;
    return specific.empty() ? info.dataset.root : specific;
}

EvaluationRecord readEvaluation(const std::string &run, const std::string &part)
{
    EvaluationRecord r;
    r.part = part;
    if (part.rfind("epoch-", 0) == 0) {
        int epoch = 0;
        try {
            epoch = std::stoi(part.substr(6));
        } catch (const std::exception &) {
            throw RunFolderError("unknown part '" + part + "' of run " + run);
        }
        const auto path = runfiles::confusionFile(run, epoch);
        const json j = readJsonFile(path);
        parsed(path, [&] {
            r.labels = j.at("labels").get<std::vector<std::string>>();
            r.metrics = metricsFromJson(j.at("metrics"));
            r.metrics.confusion = j.at("matrix").get<std::vector<std::vector<int64_t>>>();
            return 0;
        });
        return r;
    }
    const auto folder = runfiles::partFolder(run, part);
    const auto metricsPath = (fs::path(folder) / "metrics.json").string();
    const json m = readJsonFile(metricsPath);
    parsed(metricsPath, [&] {
        r.labels = m.at("labels").get<std::vector<std::string>>();
        r.metrics = metricsFromJson(m);
        r.trust = trustFromJson(m);
        return 0;
    });
    const auto csvPath = (fs::path(folder) / "predictions.csv").string();
    if (!fs::exists(csvPath))
        return r;
    const auto rows = parseCsv(readTextFile(csvPath));
    const std::size_t classes = r.labels.size();
    auto labelIndex = [&](const std::string &name) {
        const auto it = std::find(r.labels.begin(), r.labels.end(), name);
        return it == r.labels.end() ? -1 : static_cast<int>(it - r.labels.begin());
    };
    for (std::size_t i = 1; i < rows.size(); ++i) { // row 0: the header
        const auto &f = rows[i];
        if (f.size() < 4 + classes)
            continue;
        PredictionRecord p;
        p.path = f[0];
        p.trueLabel = labelIndex(f[1]);
        p.predicted = labelIndex(f[2]);
        p.confidence = std::strtod(f[3].c_str(), nullptr);
        for (std::size_t c = 0; c < classes; ++c)
            p.probabilities.push_back(std::strtod(f[4 + c].c_str(), nullptr));
        r.predictions.push_back(std::move(p));
    }
    return r;
}

std::vector<std::string> findRuns(const std::string &parent)
{
    std::vector<std::pair<fs::file_time_type, std::string>> runs;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(parent, ec)) {
        std::error_code statError;
        if (e.is_directory(statError) && fs::exists(runfiles::runJson(e.path().string()), statError))
            runs.emplace_back(fs::last_write_time(e.path(), statError), fs::absolute(e.path()).string());
    }
    std::sort(runs.begin(), runs.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto &r : runs)
        out.push_back(std::move(r.second));
    return out;
}

} // namespace vitscope
