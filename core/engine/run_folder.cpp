#include "engine/run_folder.h"

#include "engine/file_util.h"
#include "engine/runtime.h"
#include "engine/safetensors.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {

struct RunFolder::Json {
    json value = json::object();
};

namespace {

std::string nowIso()
{
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::ostringstream s;
    s << std::put_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
    return s.str();
}

json metricsJson(const Metrics &m, const std::vector<std::string> &labels)
{
    json perClass = json::array();
    for (std::size_t c = 0; c < m.perClass.size(); ++c) {
        const auto &pc = m.perClass[c];
        perClass.push_back({{"label", c < labels.size() ? labels[c] : std::to_string(c)},
                            {"precision", pc.precision},
                            {"recall", pc.recall},
                            {"f1", pc.f1},
                            {"support", pc.support}});
    }
    return {{"count", m.count},           {"accuracy", m.accuracy},
            {"loss", m.loss},             {"weighted_precision", m.weightedPrecision},
            {"weighted_recall", m.weightedRecall}, {"weighted_f1", m.weightedF1},
            {"macro_precision", m.macroPrecision}, {"macro_recall", m.macroRecall},
            {"macro_f1", m.macroF1},      {"mcc", m.mcc},
            {"per_class", perClass}};
}

void appendLine(const std::string &path, const json &j)
{
    std::ofstream out(path, std::ios::app);
    out << j.dump() << "\n";
    out.flush();
    if (!out)
        throw TrainingError("cannot append to " + path + " (disk full or not writable?)");
}

} // namespace

std::string metricsToJson(const Metrics &metrics, const std::vector<std::string> &labels)
{
    return metricsJson(metrics, labels).dump(2);
}

RunFolder::RunFolder(const std::string &path) : m_path(path), m_run(std::make_unique<Json>())
{
    std::error_code ec;
    for (const char *sub : {"", "checkpoints", "confusion", "test"}) {
        fs::create_directories(fs::path(path) / sub, ec);
        if (ec)
            throw TrainingError("cannot create run folder " + (fs::path(path) / sub).string() + ": " + ec.message());
    }
    const auto probe = fs::path(path) / ".write-test";
    {
        std::ofstream out(probe);
        if (!out)
            throw TrainingError("run folder " + path + " is not writable");
    }
    fs::remove(probe, ec);
    if (fs::exists(fs::path(path) / "run.json")) {
        try {
            m_run->value = json::parse(readTextFile((fs::path(path) / "run.json").string()));
        } catch (const std::exception &) {
            m_run->value = json::object();
        }
    }
}

RunFolder::~RunFolder() = default;

void RunFolder::writeRunInfo(const TrainConfig &c, const std::vector<std::string> &labels, const std::string &modelPath,
                             const std::string &device, const std::string &extraJson)
{
    auto &r = m_run->value;
    r["config"] = {{"epochs", c.epochs},
                   {"batch_size", c.batchSize},
                   {"eval_batch_size", c.evalBatchSize},
                   {"lr", c.lr},
                   {"warmup_steps", c.warmupSteps},
                   {"warmup_ratio", c.warmupRatio},
                   {"weight_decay", c.weightDecay},
                   {"max_grad_norm", c.maxGradNorm},
                   {"grad_accum", c.gradAccum},
                   {"metric", c.metric},
                   {"seed", c.seed},
                   {"device", c.device},
                   {"precision", c.precision},
                   {"threads", c.threads},
                   {"augment", c.augment},
                   {"early_stopping", c.earlyStopping},
                   {"early_stopping_threshold", c.earlyStoppingThreshold},
                   {"cuda_graphs", c.cudaGraphs},
                   {"optimizer", "AdamW(betas=(0.9, 0.999), eps=1e-8), no decay on biases and LayerNorm weights"},
                   {"schedule", "linear warmup, then linear decay to 0"}};
    r["labels"] = labels;
    r["model"] = modelPath;
    r["device"] = device;
    r["versions"] = {{"vitscope", VITSCOPE_VERSION}, {"libtorch", libtorchVersion()}, {"cuda", cudaVersion()},
                     {"cudnn", cudnnVersion()}};
    if (!r.contains("started"))
        r["started"] = nowIso();
    if (!extraJson.empty()) {
        const json extra = json::parse(extraJson);
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (it.key() == "versions")
                r["versions"].update(it.value());
            else
                r[it.key()] = it.value();
        }
    }
    setStatus("running");
}

void RunFolder::setStatus(const std::string &status, const std::string &message)
{
    auto &r = m_run->value;
    r["status"] = status;
    if (!message.empty())
        r["message"] = message;
    else
        r.erase("message");
    r["updated"] = nowIso();
    if (status != "running")
        r["ended"] = nowIso();
    else
        r.erase("ended");
    writeTextAtomically((fs::path(m_path) / "run.json").string(), r.dump(2) + "\n");
}

std::string RunFolder::readRunInfo() const
{
    return m_run->value.dump();
}

void RunFolder::appendStep(const StepInfo &s)
{
    appendLine((fs::path(m_path) / "metrics.jsonl").string(),
               {{"type", "step"}, {"step", s.step}, {"epoch", s.epoch}, {"epoch_progress", s.epochProgress},
                {"loss", s.loss}, {"lr", s.lr}, {"grad_norm", s.gradNorm}, {"images_per_second", s.imagesPerSecond}});
}

void RunFolder::appendEpoch(const EpochInfo &e, const std::vector<std::string> &labels)
{
    json j = {{"type", "epoch"}, {"epoch", e.epoch}, {"step", e.step}, {"best", e.best}, {"best_epoch", e.bestEpoch},
              {"val", metricsJson(e.val, labels)}};
    j["val"].erase("per_class");
    if (e.train) {
        j["train"] = metricsJson(*e.train, labels);
        j["train"].erase("per_class");
    }
    appendLine((fs::path(m_path) / "metrics.jsonl").string(), j);
}

void RunFolder::writeConfusion(int epoch, const Metrics &m, const std::vector<std::string> &labels)
{
    json j = {{"epoch", epoch}, {"part", "val"}, {"labels", labels}, {"matrix", m.confusion},
              {"metrics", metricsJson(m, labels)}};
    writeTextAtomically((fs::path(m_path) / "confusion" / ("epoch-" + std::to_string(epoch) + ".json")).string(),
                        j.dump(1) + "\n");
}

std::string RunFolder::lastFolder() const
{
    return (fs::path(m_path) / "checkpoints" / "last").string();
}

std::string RunFolder::bestFolder() const
{
    return (fs::path(m_path) / "checkpoints" / "best").string();
}

bool RunFolder::hasLast() const
{
    return fs::exists(fs::path(lastFolder()) / "trainer_state.json");
}

void RunFolder::saveLast(ViTForImageClassification &model, const PreprocessConfig &preprocess, const AdamW &optimizer,
                         const TrainerState &st)
{
    const fs::path last = lastFolder(), tmp = last.string() + ".tmp", old = last.string() + ".old";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        exportModel(model, preprocess, tmp.string());
        saveSafetensors((tmp / "optimizer.safetensors").string(), optimizer.state(), {{"format", "pt"}});
        std::map<std::string, torch::Tensor> rng;
        if (st.rngState.defined())
            rng["cpu_generator"] = st.rngState;
        saveSafetensors((tmp / "rng.safetensors").string(), rng, {{"format", "pt"}});
        json j = {{"epoch", st.epoch}, {"batch_in_epoch", st.batchInEpoch}, {"global_step", st.globalStep},
                  {"best_epoch", st.bestEpoch}, {"best_value", st.bestValue}, {"have_best", st.haveBest},
                  {"epochs_without_improvement", st.epochsWithoutImprovement}, {"train_seconds", st.trainSeconds},
                  {"images_seen", st.imagesSeen}};
        writeTextAtomically((tmp / "trainer_state.json").string(), j.dump(2) + "\n");
    } catch (const std::exception &e) {
        fs::remove_all(tmp, ec);
        throw TrainingError(std::string("saving the checkpoint failed (") + e.what() +
                            "); the previous checkpoint is intact");
    }
    fs::remove_all(old, ec);
    if (fs::exists(last))
        fs::rename(last, old);
    fs::rename(tmp, last);
    fs::remove_all(old, ec);
}

TrainerState RunFolder::loadLast(ViTForImageClassification &model, AdamW &optimizer) const
{
    const fs::path last = lastFolder();
    if (!hasLast())
        throw TrainingError("run " + m_path + " has no resumable checkpoint");
    const auto weights = loadSafetensors((last / "model.safetensors").string());
    {
        torch::NoGradGuard noGrad;
        for (auto &p : model->named_parameters()) {
            auto it = weights.tensors.find(p.key());
            if (it == weights.tensors.end() || it->second.sizes() != p.value().sizes())
                throw TrainingError("checkpoint " + last.string() + " does not match the model ('" + p.key() + "')");
            p.value().copy_(it->second);
        }
    }
    auto opt = loadSafetensors((last / "optimizer.safetensors").string()).tensors;
    for (auto &[k, v] : opt)
        v = v.to(model->parameters().front().device());
    optimizer.loadState(opt);
    const json j = json::parse(readTextFile((last / "trainer_state.json").string()));
    TrainerState st;
    st.epoch = j.at("epoch");
    st.batchInEpoch = j.at("batch_in_epoch");
    st.globalStep = j.at("global_step");
    st.bestEpoch = j.at("best_epoch");
    st.bestValue = j.at("best_value");
    st.haveBest = j.at("have_best");
    st.epochsWithoutImprovement = j.at("epochs_without_improvement");
    st.trainSeconds = j.at("train_seconds");
    st.imagesSeen = j.at("images_seen");
    auto rng = loadSafetensors((last / "rng.safetensors").string()).tensors;
    if (rng.count("cpu_generator"))
        st.rngState = rng["cpu_generator"];
    return st;
}

void RunFolder::saveBest(ViTForImageClassification &model, const PreprocessConfig &preprocess)
{
    exportModel(model, preprocess, bestFolder());
}

void RunFolder::writeEvaluation(const std::string &part, const EvalResult &r, const std::vector<std::string> &labels,
                                const std::vector<std::string> &names)
{
    const fs::path dir = fs::path(m_path) / part;
    fs::create_directories(dir);
    writeFileAtomically((dir / "predictions.csv").string(), [&](std::ostream &out) {
        auto quote = [](const std::string &s) {
            std::string q = "\"";
            for (char ch : s)
                q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            return q + "\"";
        };
        out << "path,true_label,predicted_label,confidence";
        for (const auto &l : labels)
            out << "," << quote("p_" + l);
        out << "\n" << std::setprecision(9);
        auto probs = r.probabilities.contiguous();
        const float *p = probs.data_ptr<float>();
        const auto C = static_cast<std::size_t>(probs.size(1));
        for (std::size_t i = 0; i < r.labels.size(); ++i) {
            out << quote(i < names.size() ? names[i] : std::to_string(i)) << "," << quote(labels[r.labels[i]]) << ","
                << quote(labels[r.predictions[i]]) << "," << p[i * C + r.predictions[i]];
            for (std::size_t c = 0; c < C; ++c)
                out << "," << p[i * C + c];
            out << "\n";
        }
    });
    json m = metricsJson(r.metrics, labels);
    m["confusion"] = r.metrics.confusion;
    m["labels"] = labels;
    writeTextAtomically((dir / "metrics.json").string(), m.dump(2) + "\n");
}

} // namespace vitscope
