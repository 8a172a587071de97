#include "data/split.h"

#include "engine/file_util.h"
#include "engine/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace vitscope {
namespace {

uint64_t stableHash(const std::string &s)
{
    uint64_t h = 1469598103934665603ull; // FNV-1a: stable across platforms, unlike std::hash
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

} // namespace

SplitRatios ownShares(const SplitRatios &ratios, bool separateVal, bool separateTest)
{
    SplitRatios own = ratios;
    if (separateVal)
        own.val = 0;
    if (separateTest)
        own.test = 0;
    return own;
}

std::array<int, 3> partSizes(int n, const SplitRatios &r)
{
    const double ratios[3] = {r.train, r.val, r.test};
    std::array<int, 3> size{};
    int wanted = 0;
    for (int i = 0; i < 3; ++i)
        wanted += ratios[i] > 0;
    size[1] = static_cast<int>(std::lround(n * r.val));
    size[2] = static_cast<int>(std::lround(n * r.test));
    if (n >= wanted) {
        for (int i : {1, 2})
            if (ratios[i] > 0 && size[i] == 0)
                size[i] = 1;
    }
    while (size[1] + size[2] > n - (r.train > 0 && n >= wanted ? 1 : 0) && size[1] + size[2] > 0)
        --size[size[1] >= size[2] ? 1 : 2];
    size[0] = n - size[1] - size[2];
    return size;
}

namespace {

std::vector<SplitEntry> entriesOf(const ScanReport &report, const std::vector<std::string> &classes, const std::string &what)
{
    std::vector<SplitEntry> out;
    for (const auto &item : report.items) {
        const auto &name = report.classes[item.label].name;
        auto it = std::find(classes.begin(), classes.end(), name);
        if (it == classes.end())
            throw std::runtime_error("the " + what + " folder has class '" + name + "', which the training data lacks");
        out.push_back({item.relPath, static_cast<int>(it - classes.begin()), item.sha256});
    }
    return out;
}

} // namespace

Split makeSplit(const ScanReport &report, const SplitRatios &ratios, uint64_t seed, const ScanReport *valReport,
                const ScanReport *testReport)
{
    if (ratios.train < 0 || ratios.val < 0 || ratios.test < 0 || std::abs(ratios.train + ratios.val + ratios.test - 1.0) > 1e-6)
        throw std::runtime_error("split ratios must be non-negative and add up to 1");
    if (ratios.train <= 0)
        throw std::runtime_error("the training ratio must be positive");
    Split split;
    split.root = report.root;
    split.ratios = ratios;
    split.seed = seed;
    for (const auto &c : report.classes)
        split.classes.push_back(c.name);

    const SplitRatios own = ownShares(ratios, valReport != nullptr, testReport != nullptr);
    std::map<int, std::vector<const ScanItem *>> byClass;
    for (const auto &item : report.items) // items are sorted by path: the listing order does not matter
        byClass[item.label].push_back(&item);
    for (auto &[label, items] : byClass) {
        std::mt19937_64 rng(seed ^ stableHash(split.classes[label]));
        for (int64_t i = static_cast<int64_t>(items.size()) - 1; i > 0; --i)
            std::swap(items[i], items[rng() % static_cast<uint64_t>(i + 1)]);
        const auto size = partSizes(static_cast<int>(items.size()), own);
        for (int i = 0; i < static_cast<int>(items.size()); ++i) {
            SplitEntry e{items[i]->relPath, label, items[i]->sha256};
            (i < size[0] ? split.train : i < size[0] + size[1] ? split.val : split.test).push_back(e);
        }
    }
    if (valReport) {
        split.valRoot = valReport->root;
        split.val = entriesOf(*valReport, split.classes, "validation");
    }
    if (testReport) {
        split.testRoot = testReport->root;
        split.test = entriesOf(*testReport, split.classes, "test");
    }
    if (split.test.empty())
        split.warnings.push_back("no test split: the validation split selects the best model, so its metrics are optimistic; "
                                 "report them as validation results, not as test results");

    // Identical content in two parts leaks test data into training: say so loudly.
    std::map<std::string, std::set<std::string>> parts;
    for (const auto &[name, part] : {std::pair{"train", &split.train}, {"val", &split.val}, {"test", &split.test}})
        for (const auto &e : *part)
            parts[e.sha256].insert(name);
    int leaks = 0;
    for (const auto &[hash, names] : parts)
        leaks += names.size() > 1;
    if (leaks)
        split.warnings.push_back("WARNING: " + std::to_string(leaks) +
                                 " identical image(s) appear in more than one split part; evaluation results are inflated");
    return split;
}

std::string splitToJson(const Split &s)
{
    using nlohmann::json;
    auto part = [](const std::vector<SplitEntry> &v) {
        json a = json::array();
        for (const auto &e : v) {
            json entry = {{"label", e.label}, {"sha256", e.sha256}};
            putPath(entry, "path", e.path);
            a.push_back(std::move(entry));
        }
        return a;
    };
    json j = {{"classes", s.classes},
              {"ratios", {{"train", s.ratios.train}, {"val", s.ratios.val}, {"test", s.ratios.test}}},
              {"seed", s.seed},
              {"warnings", s.warnings},
              {"train", part(s.train)},
              {"val", part(s.val)},
              {"test", part(s.test)}};
    putPath(j, "root", s.root); // file names are bytes: see engine/utf8.h
    if (!s.valRoot.empty())
        putPath(j, "val_root", s.valRoot);
    if (!s.testRoot.empty())
        putPath(j, "test_root", s.testRoot);
    escapeInvalidUtf8(j["warnings"]);
    return j.dump(1) + "\n";
}

void saveSplit(const Split &split, const std::string &path)
{
    writeTextAtomically(path, splitToJson(split));
}

Split loadSplit(const std::string &path)
{
    using nlohmann::json;
    json j;
    try {
        j = json::parse(readTextFile(path));
        Split s;
        s.classes = j.at("classes").get<std::vector<std::string>>();
        s.root = j.contains("root") ? getPath(j, "root") : j.at("root").get<std::string>(); // at() names the missing key
        s.valRoot = getPath(j, "val_root");
        s.testRoot = getPath(j, "test_root");
        s.ratios = {j.at("ratios").at("train"), j.at("ratios").at("val"), j.at("ratios").at("test")};
        s.seed = j.at("seed");
        s.warnings = j.value("warnings", std::vector<std::string>{});
        for (auto [name, part] : {std::pair{"train", &s.train}, {"val", &s.val}, {"test", &s.test}})
            for (const auto &e : j.at(name))
                part->push_back({e.contains("path") ? getPath(e, "path") : e.at("path").get<std::string>(), e.at("label"),
                                 e.at("sha256")});
        return s;
    } catch (const std::exception &e) {
        throw std::runtime_error(path + " is not a valid split file (" + plainJsonError(e) + ")");
    }
}

} // namespace vitscope
