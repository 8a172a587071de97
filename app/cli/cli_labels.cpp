// vitscope-cli review (likely label errors) and labels (the label manifest: show, set, export).
#include "cli_commands.h"

#include "config/choices.h"
#include "data/dataset_scan.h"
#include "data/label_export.h"
#include "data/label_manifest.h"
#include "data/sha256.h"
#include "job/label_review.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope::cli {
namespace {

struct ReviewArgs {
    ReviewRequest request;
    std::string score = std::string(choiceName(LabelIssueScore::SelfConfidence));
    std::string precision = std::string(choiceName(Precision::Fp32));
    std::string out;
    int top = 20;
    bool json = false;
};

int runReview(ReviewArgs &a)
{
    a.request.score = parseChoice<LabelIssueScore>(a.score, "--score");
    a.request.precision = parseChoice<Precision>(a.precision, "--precision");
    if (a.request.model.empty() == a.request.run.empty())
        throw UsageError("give --model (k-fold cross-validation on its frozen features) or --run (that run's held-out predictions)");
    if (!a.request.model.empty() && a.request.data.empty())
        throw UsageError("--model needs --data");
    const ReviewResult r = runLabelReview(a.request, [&](const std::string &stage, int64_t done, int64_t total) {
        if (!a.json && (done == total || done % 500 == 0))
            std::cerr << "\r" << stage << ": " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
    });
    const json j = reviewToJson(r);
    if (!a.out.empty()) {
        std::ofstream f(a.out);
        f << j.dump(1) << "\n";
        if (!f)
            throw std::runtime_error("cannot write " + a.out);
    }
    if (a.json) {
        std::cout << j.dump() << "\n";
        return kExitOk;
    }
    for (const auto &n : r.notes)
        std::cout << n << "\n";
    std::cout << r.candidates.size() << " images scored in " << std::fixed << std::setprecision(1) << r.seconds << " s; "
              << "most probably mislabelled first (score = " << choiceName(r.score) << " of the given label):\n";
    std::cout << std::setprecision(3);
    int shown = 0;
    for (const auto &c : r.candidates) {
        if (shown++ == a.top)
            break;
        std::cout << "  " << c.score << "  " << c.path << "  given " << r.classes[c.given] << " ("
                  << 100 * c.givenProbability << " %), suggested " << r.classes[c.suggested] << " ("
                  << 100 * c.suggestedProbability << " %)" << (c.likelyError ? "  likely error" : "") << "\n";
    }
    std::cout << std::defaultfloat << "most-confused pairs (given -> suggested):\n";
    for (std::size_t i = 0; i < r.pairs.size() && i < 5; ++i)
        std::cout << "  " << r.classes[r.pairs[i].given] << " -> " << r.classes[r.pairs[i].predicted] << ": " << r.pairs[i].count << "\n";
    if (!a.out.empty())
        std::cout << "ranked list written to " << a.out << "\n";
    return kExitOk;
}

struct LabelsArgs {
    std::string data, csv, copy, note;
    std::vector<std::string> set, exclude;
    bool json = false;
};

// One change for every --set PATH=LABEL and --exclude PATH: relative to the root, hashed now.
std::vector<LabelEdit> editsOf(const LabelsArgs &a, const ScanReport &scan)
{
    std::vector<LabelEdit> edits;
    auto edit = [&](const std::string &path) {
        const fs::path root(scan.root);
        const fs::path file = fs::weakly_canonical(fs::path(path).is_absolute() ? fs::path(path) : root / path);
        const std::string hash = sha256File(file.string());
        if (hash.empty())
            throw UsageError("cannot read " + file.string());
        LabelEdit e;
        e.path = file.lexically_relative(root).generic_string();
        e.sha256 = hash;
        const auto first = e.path.substr(0, e.path.find('/'));
        for (const auto &c : scan.classes)
            if (c.name == first && e.path.find('/') != std::string::npos)
                e.folder = c.name;
        e.note = a.note;
        return e;
    };
    for (const auto &s : a.set) {
        const auto eq = s.rfind('=');
        if (eq == std::string::npos)
            throw UsageError("--set takes PATH=LABEL, got '" + s + "'");
        LabelEdit e = edit(s.substr(0, eq));
        e.label = s.substr(eq + 1);
        bool known = false;
        for (const auto &c : scan.classes)
            known |= c.name == e.label;
        if (!known)
            throw UsageError("'" + e.label + "' is not a class of " + scan.root + " (the classes are its sub-folders)");
        edits.push_back(e);
    }
    for (const auto &p : a.exclude) {
        LabelEdit e = edit(p);
        e.excluded = true;
        edits.push_back(e);
    }
    return edits;
}

int runLabels(const LabelsArgs &a)
{
    auto scanNow = [&] {
        ScanReport s = scanDataset(a.data);
        if (!s.usable())
            throw std::runtime_error(s.error);
        return s;
    };
    ScanReport scan = scanNow();
    if (!a.set.empty() || !a.exclude.empty()) {
        LabelManifest manifest(scan.root);
        manifest.record(editsOf(a, scan));
        scan = scanNow();
    }
    if (!a.csv.empty())
        exportLabelsCsv(scan, a.csv);
    FolderExport copied;
    if (!a.copy.empty())
        copied = exportClassFolders(scan, a.copy);
    const LabelManifest manifest(scan.root);
    if (a.json) {
        json j = json::parse(scanReportToJson(scan))["labels"];
        j["changes"] = manifest.changeCount();
        j["at_root"] = manifest.atRoot();
        j["images"] = scan.items.size();
        if (!a.copy.empty())
            j["copy"] = {{"folder", a.copy}, {"linked", copied.linked}, {"copied", copied.copied}};
        std::cout << j.dump() << "\n";
        return kExitOk;
    }
    std::cout << "labels: " << manifest.file() << (manifest.exists() ? "" : " (no changes yet)")
              << (manifest.atRoot() ? "" : " (the data set folder is not writable)") << "\n"
              << manifest.changeCount() << (manifest.changeCount() == 1 ? " change: " : " changes: ") << scan.relabelled << " relabelled, " << scan.added << " added, "
              << scan.excluded.size() << " excluded; " << scan.items.size() << " labelled images\n";
    for (const auto &c : scan.labelConflicts)
        std::cout << "not applied: " << c.path << ": " << c.reason << "\n";
    if (!a.csv.empty())
        std::cout << "current labels written to " << a.csv << "\n";
    if (!a.copy.empty())
        std::cout << "class folders written to " << a.copy << " (" << copied.linked << " hard links, " << copied.copied << " copies)\n";
    return scan.labelConflicts.empty() ? kExitOk : kExitBadInput;
}

} // namespace

void addReview(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("review", "rank labelled images by how probably their label is wrong (out-of-sample probabilities)");
    auto a = std::make_shared<ReviewArgs>();
    ReviewRequest &q = a->request;
    sub->add_option("--data", q.data, "data set folder: one sub-folder per class (with the label manifest's changes)");
    auto *model = sub->add_option("--model", q.model, "model folder: k-fold cross-validation of head mode on its frozen features");
    sub->add_option("--run", q.run, "run folder: its validation and test predictions instead")->excludes(model);
    sub->add_option("--folds", q.folds, "folds of the cross-validation")->check(CLI::Range(2, 50))->capture_default_str();
    sub->add_option("--seed", q.seed, "seed of the folds")->capture_default_str();
    sub->add_option("--score", a->score, "self-confidence (p of the given label) or margin (normalised margin)")
        ->check(CLI::IsMember(choiceNames<LabelIssueScore>()))
        ->capture_default_str();
    sub->add_option("--device", q.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--precision", a->precision, "of the frozen features: fp32, bf16 (where native) or auto")
        ->check(CLI::IsMember(choiceNames<Precision>()))
        ->capture_default_str();
    sub->add_option("--threads", q.threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096))->capture_default_str();
    sub->add_option("--cache-dir", q.cacheDir, "image and feature cache (default: the user's cache folder)");
    sub->add_option("--out", a->out, "write the ranked list (every image) as JSON to this file");
    sub->add_option("--top", a->top, "rows to print")->check(CLI::Range(0, 1 << 30))->capture_default_str();
    sub->add_flag("--json", a->json, "print the whole result as one JSON object");
    sub->callback([a, &exitCode] { exitCode = runReview(*a); });
}

void addLabels(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("labels", "the data set's current labels: show the manifest, relabel or exclude images, export");
    auto a = std::make_shared<LabelsArgs>();
    sub->add_option("--data", a->data, "data set folder: one sub-folder per class")->required();
    sub->add_option("--set", a->set, "PATH=LABEL: relabel an image (path relative to the data set, or absolute); repeatable");
    sub->add_option("--exclude", a->exclude, "PATH: leave an image out of training and evaluation; repeatable");
    sub->add_option("--note", a->note, "note recorded with the change");
    sub->add_option("--csv", a->csv, "write the current labels as path,label CSV");
    sub->add_option("--copy", a->copy, "write the current labels as class folders of hard links (copies where links fail)");
    sub->add_flag("--json", a->json, "print the summary as one JSON object");
    sub->callback([a, &exitCode] { exitCode = runLabels(*a); });
}

} // namespace vitscope::cli
