#include "engine/run_folder.h"

#include "config/config_fields.h"
#include "engine/checksum.h"
#include "engine/csv.h"
#include "engine/file_util.h"
#include "engine/runtime.h"
#include "engine/safetensors.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cerrno>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {
namespace {

std::string toHex(uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// checksums.json: each file of a checkpoint with its payloadChecksum, written last, so that a
// resume never trains on bit flips (#17 item 7: they ended in NaN, "the last good checkpoint is
// kept", which was the damaged one).
constexpr const char *kChecksumFile = "checksums.json";

void writeChecksumManifest(const fs::path &folder)
{
    json files = json::object();
    for (const auto &entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().filename() != kChecksumFile)
            files[entry.path().filename().string()] = toHex(fileChecksum(entry.path().string()));
    writeTextAtomically((folder / kChecksumFile).string(), json({{"algorithm", "vitscope-payload-64"}, {"files", files}}).dump(1) + "\n");
}

// The first file of `folder` that is missing or fails its checksum ("" when all pass). A checkpoint
// written before the manifest existed has none and passes, unless `required`.
std::string damagedFile(const fs::path &folder, bool required)
{
    const fs::path manifest = folder / kChecksumFile;
    if (!fs::exists(manifest))
        return required ? std::string(kChecksumFile) + " is missing" : std::string();
    json j;
    try {
        j = json::parse(readTextFile(manifest.string(), kMaxConfigBytes));
    } catch (const std::exception &e) {
        return std::string(kChecksumFile) + " is unreadable (" + plainJsonError(e) + ")";
    }
    const json files = j.value("files", json::object()); // items() of a temporary would dangle
    for (const auto &[name, expected] : files.items()) {
        const fs::path file = folder / name;
        const std::string got = fs::exists(file) ? toHex(fileChecksum(file.string())) : "missing";
        if (got != expected)
            return name + (got == "missing" ? " is missing" : " does not match the checksum written with it");
    }
    return {};
}

// The run folder of a checkpoint folder (RUN/checkpoints/last -> RUN).
std::string runOf(const fs::path &checkpoint)
{
    return checkpoint.parent_path().parent_path().string();
}

void verifyChecksumManifest(const fs::path &folder)
{
    const std::string damage = damagedFile(folder, false);
    if (damage.empty())
        return;
    const std::string run = runOf(folder);
    const int best = bestResumeEpoch(run);
    throw DamagedCheckpoint("the checkpoint " + folder.string() + " is damaged: " + damage +
                                " (a disk error or an interrupted copy), so the run cannot resume from it. " +
                                (best > 0 ? "The run kept a complete checkpoint at the end of its best epoch (" + std::to_string(best) +
                                                "): resume from that one instead (train --resume " + run +
                                                " --from-best); the epochs after it are trained again."
                                          : std::string("It has no other complete checkpoint: start the run again.")),
                            best);
}

// Copies `from` to `to` through to.tmp, so that `to` is always either the old copy or the new one.
void copyCheckpoint(const fs::path &from, const fs::path &to)
{
    const fs::path tmp = to.string() + ".tmp";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::copy(from, tmp, fs::copy_options::recursive, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove_all(tmp, ec);
        throw TrainingError("cannot copy the checkpoint " + from.string() + " to " + tmp.string() + ": " + why + " (" +
                            freeSpaceNote(tmp.string()) + ")");
    }
    fs::remove_all(to, ec);
    fs::rename(tmp, to, ec);
    if (ec)
        throw TrainingError("cannot rename " + tmp.string() + " to " + to.string() + ": " + ec.message());
}

// checkpoints/last.tmp, complete, replaces last; a kill between the renames is finished or rolled
// back by recoverCheckpointSwap.
void swapInLast(const fs::path &last)
{
    const fs::path tmp = last.string() + ".tmp", old = last.string() + ".old";
    std::error_code ec;
    fs::remove_all(old, ec);
    if (fs::exists(last))
        fs::rename(last, old);
    fs::rename(tmp, last);
    fs::remove_all(old, ec);
}

// best-resume, or its .tmp when a kill came between the removal and the rename of copyCheckpoint;
// only a copy whose checksums all pass.
fs::path intactBestResume(const std::string &run, std::string *damage = nullptr)
{
    const fs::path kept = runfiles::bestResumeCheckpoint(run);
    for (const fs::path &candidate : {kept, fs::path(kept.string() + ".tmp")}) {
        std::error_code ec;
        if (!fs::exists(candidate / "trainer_state.json", ec))
            continue;
        const std::string d = damagedFile(candidate, true);
        if (d.empty())
            return candidate;
        if (damage && damage->empty())
            *damage = candidate.string() + ": " + d;
    }
    return {};
}

void appendLine(const std::string &path, const json &j, const std::string &advice)
{
    errno = 0;
    std::ofstream out(path, std::ios::app);
    out << j.dump() << "\n";
    out.flush();
    if (!out) {
        const int err = errno;
        throw TrainingError("cannot append to " + path + " (" + writeFailureReason(path, err) + ")" + advice);
    }
}

json trainerStateJson(const TrainerState &st)
{
    return {{"epoch", st.epoch},
            {"batch_in_epoch", st.batchInEpoch},
            {"global_step", st.globalStep},
            {"best_epoch", st.bestEpoch},
            {"best_value", st.bestValue},
            {"have_best", st.haveBest},
            {"epochs_without_improvement", st.epochsWithoutImprovement},
            {"train_seconds", st.trainSeconds},
            {"images_seen", st.imagesSeen}};
}

TrainerState trainerStateFromJson(const json &j)
{
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
    return st;
}

} // namespace

RunFolder::RunFolder(const std::string &path) : m_path(path)
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
    if (fs::exists(runfiles::runJson(path))) {
        try {
            m_info = readRunInfo(path); // so that a status written later keeps the record
        } catch (const RunFolderError &) {
        }
    }
}

void RunFolder::start(RunInfo info)
{
    info.versions["vitscope"] = VITSCOPE_VERSION;
    info.versions["libtorch"] = libtorchVersion();
    info.versions["cuda"] = cudaVersion();
    info.versions["cudnn"] = cudnnVersion();
    info.started = utcNowIso();
    m_info = std::move(info);
    setStatus(RunStatus::Running);
}

void RunFolder::resume(const JobConfig &config)
{
    m_info = readRunInfo(m_path);
    for (const auto &f : jobFields())
        if (f.changeableOnResume)
            setField(m_info.config, f, fieldValue(config, f), f.path());
    setStatus(RunStatus::Running);
}

void RunFolder::setDistributed(const DistributedRun &distributed)
{
    m_info.distributed = distributed;
    writeInfo();
}

void RunFolder::setStatus(RunStatus status, const std::string &message)
{
    m_info.status = status;
    m_info.message = message;
    m_info.updated = utcNowIso();
    m_info.ended = status == RunStatus::Running ? std::string() : m_info.updated;
    writeInfo();
}

void RunFolder::writeInfo()
{
    writeTextAtomically(runfiles::runJson(m_path), toJson(m_info).dump(2) + "\n");
}

void RunFolder::appendStep(const StepInfo &s)
{
    appendLine(runfiles::metricsLog(m_path), toJson(s), resumeAdvice());
}

void RunFolder::appendEpoch(const EpochInfo &e)
{
    appendLine(runfiles::metricsLog(m_path), toJson(e), resumeAdvice());
}

void RunFolder::truncateHistory(int64_t step, int epoch)
{
    const std::string log = runfiles::metricsLog(m_path);
    std::ifstream in(log);
    if (!in)
        return; // nothing logged yet
    std::string kept, line;
    while (std::getline(in, line)) {
        const json j = json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            continue;
        const std::string type = j.value("type", "");
        const bool keep = type == "step"    ? j.value("step", int64_t{0}) <= step
                          : type == "epoch" ? j.value("epoch", 0) <= epoch
                                            : true;
        if (keep)
            kept += line + "\n";
    }
    in.close();
    writeTextAtomically(log, kept);
}

void RunFolder::writeConfusion(int epoch, const Metrics &m, const std::vector<std::string> &labels)
{
    json j = {{"epoch", epoch}, {"part", "val"}, {"labels", labels}, {"matrix", m.confusion}, {"metrics", toJson(m, labels)}};
    writeTextAtomically(runfiles::confusionFile(m_path, epoch), j.dump(1) + "\n");
}

std::string RunFolder::lastFolder() const
{
    return runfiles::lastCheckpoint(m_path);
}

std::string RunFolder::bestFolder() const
{
    return runfiles::bestCheckpoint(m_path);
}

bool RunFolder::hasLast() const
{
    return hasCheckpoint(m_path);
}

void RunFolder::saveLast(ViTForImageClassification &model, const PreprocessConfig &preprocess, const AdamW &optimizer,
                         const TrainerState &st)
{
    const fs::path last = lastFolder(), tmp = last.string() + ".tmp";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        exportModel(model, preprocess, tmp.string());
        saveSafetensors((tmp / "optimizer.safetensors").string(), optimizer.state(), {{"format", "pt"}});
        std::map<std::string, torch::Tensor> rng;
        if (st.rngState.defined())
            rng["cpu_generator"] = st.rngState;
        saveSafetensors((tmp / "rng.safetensors").string(), rng, {{"format", "pt"}});
        writeTextAtomically((tmp / "trainer_state.json").string(), trainerStateJson(st).dump(2) + "\n");
        writeChecksumManifest(tmp);
    } catch (const std::exception &e) {
        fs::remove_all(tmp, ec);
        // Said as it is: a run stopped before its first checkpoint resumes from the beginning.
        throw TrainingError(std::string("saving the checkpoint failed (") + e.what() + "); " +
                            (fs::exists(last / "trainer_state.json", ec) ? "the previous checkpoint is intact"
                                                                         : "no checkpoint had been saved yet, so a resume starts from the beginning") +
                            resumeAdvice());
    }
    swapInLast(last);
}

TrainerState RunFolder::loadLast(ViTForImageClassification &model, AdamW &optimizer) const
{
    const fs::path last = lastFolder();
    if (!hasLast())
        throw TrainingError("run " + m_path + " has no resumable checkpoint");
    verifyChecksumManifest(last);
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
    const auto statePath = (last / "trainer_state.json").string();
    TrainerState st;
    try {
        st = trainerStateFromJson(json::parse(readTextFile(statePath)));
    } catch (const json::exception &e) {
        throw TrainingError(statePath + " is damaged (" + plainJsonError(e) + ")");
    }
    auto rng = loadSafetensors((last / "rng.safetensors").string()).tensors;
    if (rng.count("cpu_generator"))
        st.rngState = rng["cpu_generator"];
    return st;
}

void RunFolder::saveBest(ViTForImageClassification &model, const PreprocessConfig &preprocess)
{
    try {
        exportModel(model, preprocess, bestFolder());
    } catch (const std::exception &e) {
        throw TrainingError("saving the best model failed (" + std::string(e.what()) + ")" + resumeAdvice());
    }
}

void RunFolder::keepLastAsBestResume()
{
    try {
        copyCheckpoint(lastFolder(), runfiles::bestResumeCheckpoint(m_path));
    } catch (const std::exception &e) {
        throw TrainingError(e.what() + resumeAdvice());
    }
}

std::string RunFolder::resumeAdvice() const
{
    // A write that failed, most often on a full disk, leaves the run resumable (#17: no run lost).
    return "; free some space on that disk, then resume the run (vitscope-cli train --resume " + m_path + ", or Resume in the Train view)";
}

void verifyLastCheckpoint(const std::string &run)
{
    verifyChecksumManifest(runfiles::lastCheckpoint(run));
}

int bestResumeEpoch(const std::string &run)
{
    const fs::path kept = intactBestResume(run);
    if (kept.empty())
        return 0;
    try {
        return trainerStateFromJson(json::parse(readTextFile((kept / "trainer_state.json").string(), kMaxConfigBytes))).epoch;
    } catch (const std::exception &) {
        return 0; // checksummed, so only a file from another version: not offered
    }
}

int restoreBestCheckpoint(const std::string &run)
{
    std::string damage;
    const fs::path kept = intactBestResume(run, &damage);
    const int epoch = kept.empty() ? 0 : bestResumeEpoch(run);
    if (epoch == 0)
        throw DamagedCheckpoint("run " + run + " has no intact checkpoint of its best epoch to resume from" +
                                    (damage.empty() ? std::string(" (it had no best epoch yet, or was trained by an older vitscope)") : " (" + damage + ")") +
                                    ": start the run again",
                                0);
    const fs::path last = runfiles::lastCheckpoint(run);
    const fs::path tmp = last.string() + ".tmp";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::copy(kept, tmp, fs::copy_options::recursive, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove_all(tmp, ec);
        throw TrainingError("cannot copy " + kept.string() + " to " + tmp.string() + ": " + why);
    }
    swapInLast(last);
    return epoch;
}

void RunFolder::writeEvaluation(const std::string &part, const EvalResult &r, const std::vector<std::string> &labels,
                                const std::vector<std::string> &names, const PartTrust *trust)
{
    const fs::path dir = runfiles::partFolder(m_path, part);
    fs::create_directories(dir);
    writeFileAtomically((dir / "predictions.csv").string(), [&](std::ostream &out) {
        CsvRecord header = {"path", "true_label", "predicted_label", "confidence"};
        for (const auto &l : labels)
            header.push_back("p_" + l);
        out << csvRecord(header);
        const auto probs = r.probabilities.contiguous();
        const float *p = probs.data_ptr<float>();
        const auto C = static_cast<std::size_t>(probs.size(1));
        for (std::size_t i = 0; i < r.labels.size(); ++i) {
            const auto truth = static_cast<std::size_t>(r.labels[i]), predicted = static_cast<std::size_t>(r.predictions[i]);
            CsvRecord row = {i < names.size() ? names[i] : std::to_string(i), labels[truth], labels[predicted],
                             csvNumber(p[i * C + predicted])};
            for (std::size_t c = 0; c < C; ++c)
                row.push_back(csvNumber(p[i * C + c]));
            out << csvRecord(row);
        }
    });
    json m = toJson(r.metrics, labels);
    m["confusion"] = r.metrics.confusion;
    m["labels"] = labels;
    if (trust)
        addTrustJson(m, *trust, labels);
    writeTextAtomically((dir / "metrics.json").string(), m.dump(2) + "\n");
}

} // namespace vitscope
