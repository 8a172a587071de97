#include "data/feature_cache.h"

#include "data/cache.h"
#include "engine/checksum.h"

#include "config/config_fields.h"
#include "data/sha256.h"
#include "engine/autocast.h"
#include "engine/fine_tune.h"
#include "engine/pixels.h"

#include <torch/torch.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

// Version 2 ends each entry with the payload's checksum (data/checksum.h); version 1 entries are misses.
constexpr char kMagic[8] = {'V', 'S', 'F', 'E', 'A', 'T', '2', '\0'};

void hashText(Sha256 &h, const std::string &s)
{
    h.update(reinterpret_cast<const unsigned char *>(s.data()), s.size());
    h.update(reinterpret_cast<const unsigned char *>("\n"), 1);
}

void write(const std::string &path, const torch::Tensor &t)
{
    const auto data = t.to(torch::kCPU, torch::kFloat32).contiguous();
    fs::create_directories(fs::path(path).parent_path());
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        const auto dims = static_cast<uint32_t>(data.dim());
        out.write(kMagic, sizeof kMagic);
        out.write(reinterpret_cast<const char *>(&dims), sizeof dims);
        for (const auto d : data.sizes()) {
            const int64_t v = d;
            out.write(reinterpret_cast<const char *>(&v), sizeof v);
        }
        out.write(reinterpret_cast<const char *>(data.data_ptr<float>()), static_cast<std::streamsize>(data.numel() * 4));
        const uint64_t sum = payloadChecksum(data.data_ptr<float>(), static_cast<std::size_t>(data.numel()) * 4);
        out.write(reinterpret_cast<const char *>(&sum), sizeof sum);
        out.close();
        if (!out) {
            std::error_code ignored;
            fs::remove(tmp, ignored);
            throw CacheWriteError("cannot write the feature cache entry " + tmp + " (disk full?): free some space, or choose "
                                  "another cache folder (--cache-dir)");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(tmp, ec);
        throw CacheWriteError("cannot write the feature cache entry " + path + ": " + why);
    }
}

// An entry, or an undefined tensor when it is absent, damaged or of another shape.
torch::Tensor readEntry(const std::string &path, const std::vector<int64_t> &shape)
{
    std::ifstream in(path, std::ios::binary);
    char magic[8];
    uint32_t dims = 0;
    if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 ||
        !in.read(reinterpret_cast<char *>(&dims), sizeof dims) || dims != shape.size())
        return {};
    for (const auto expected : shape) {
        int64_t d = 0;
        if (!in.read(reinterpret_cast<char *>(&d), sizeof d) || d != expected)
            return {};
    }
    auto t = torch::empty(shape, torch::kFloat32);
    uint64_t sum = 0;
    if (!in.read(reinterpret_cast<char *>(t.data_ptr<float>()), static_cast<std::streamsize>(t.numel() * 4)) ||
        !in.read(reinterpret_cast<char *>(&sum), sizeof sum) || in.peek() != EOF ||
        sum != payloadChecksum(t.data_ptr<float>(), static_cast<std::size_t>(t.numel()) * 4))
        return {}; // damaged: computed again
    return t;
}

} // namespace

std::string frozenPartKey(ViTForImageClassification &model, const FineTune &fineTune, const PreprocessConfig &preprocess,
                          bool bf16)
{
    Sha256 h;
    const auto &config = model->config();
    const ModelEntry e = frozenEntry(fineTune, config.numHiddenLayers);
    hashText(h, "vitscope features 1");
    hashText(h, std::to_string(static_cast<int>(e.at)) + ":" + std::to_string(e.block));
    hashText(h, bf16 ? "bf16" : "fp32");
    hashText(h, preprocessConfigToJson(preprocess));
    hashText(h, std::to_string(config.hiddenSize) + "/" + std::to_string(config.numHiddenLayers) + "/" +
                    std::to_string(config.numAttentionHeads) + "/" + std::to_string(config.intermediateSize) + "/" +
                    std::to_string(config.imageSize) + "/" + std::to_string(config.patchSize) + "/" + config.hiddenAct);
    for (const auto &p : model->named_parameters()) {
        if (fineTuneTrains(fineTune, p.key(), config.numHiddenLayers))
            continue;
        const auto t = p.value().detach().to(torch::kCPU, torch::kFloat32).contiguous();
        hashText(h, p.key());
        h.update(reinterpret_cast<const unsigned char *>(t.data_ptr<float>()), static_cast<std::size_t>(t.numel()) * 4);
    }
    return h.hexDigest();
}

FeatureDataset::FeatureDataset(CachedDataset &images, ViTForImageClassification &model, const FineTune &fineTune,
                               const std::string &key, const FeatureOptions &o)
    : m_images(images), m_entry(frozenEntry(fineTune, model->config().numHiddenLayers)),
      m_folder(featureFolder(o.cacheDirectory, key))
{
    const auto &c = model->config();
    const int64_t tokens = c.numPatches() + 1;
    m_shape = m_entry.at == ModelEntry::At::Classifier ? std::vector<int64_t>{c.hiddenSize}
                                                       : std::vector<int64_t>{tokens, c.hiddenSize};
    const int64_t n = size(), per = std::accumulate(m_shape.begin(), m_shape.end(), int64_t{1}, std::multiplies<>());
    const double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGESIZE));
    const bool inMemory = static_cast<double>(n) * static_cast<double>(per) * 4.0 <= 0.4 * physical;
    if (inMemory) {
        std::vector<int64_t> all = {n};
        all.insert(all.end(), m_shape.begin(), m_shape.end());
        m_features = torch::empty(all, torch::kFloat32);
    }
    std::vector<int64_t> missing;
    for (int64_t i = 0; i < n; ++i) {
        auto t = readEntry(entryPath(i), m_shape);
        if (!t.defined())
            missing.push_back(i);
        else if (inMemory)
            m_features[i].copy_(t);
    }
    torch::InferenceMode inference;
    model->eval();
    for (std::size_t b = 0; b < missing.size(); b += static_cast<std::size_t>(o.batchSize)) {
        if (o.cancel && o.cancel->load())
            throw std::runtime_error("cancelled while computing the frozen part's features");
        const std::vector<int64_t> idx(missing.begin() + static_cast<std::ptrdiff_t>(b),
                                       missing.begin() + static_cast<std::ptrdiff_t>(std::min(missing.size(), b + o.batchSize)));
        const Batch images = m_images.batch(idx, 0);
        torch::Tensor features;
        {
            AutocastGuard autocast(o.device, o.bf16);
            features = model->featuresAt(modelInput(images, o.device), m_entry);
        }
        features = features.to(torch::kCPU, torch::kFloat32);
        for (std::size_t k = 0; k < idx.size(); ++k) {
            write(entryPath(idx[k]), features[static_cast<int64_t>(k)]);
            if (inMemory)
                m_features[idx[k]].copy_(features[static_cast<int64_t>(k)]);
        }
        m_computed += static_cast<int64_t>(idx.size());
        if (o.progress)
            o.progress(m_computed, static_cast<int64_t>(missing.size()));
    }
}

std::string featureFolder(const std::string &cacheDirectory, const std::string &key)
{
    return (fs::path(cacheDirectory) / ("features-" + key.substr(0, 32))).string();
}

std::string featureEntryPath(const std::string &folder, const std::string &sha256)
{
    return (fs::path(folder) / sha256.substr(0, 2) / (sha256 + ".f32")).string();
}

std::string FeatureDataset::entryPath(int64_t index) const
{
    return featureEntryPath(m_folder, m_images.contentHash(index));
}

torch::Tensor FeatureDataset::read(int64_t index) const
{
    auto t = readEntry(entryPath(index), m_shape);
    if (!t.defined())
        throw std::runtime_error("the feature cache entry " + entryPath(index) + " disappeared or was damaged during the run");
    return t;
}

Batch FeatureDataset::batch(const std::vector<int64_t> &indices, uint64_t)
{
    const auto idx = torch::tensor(indices, torch::kInt64);
    std::vector<int64_t> labels;
    for (const auto i : indices)
        labels.push_back(label(i));
    torch::Tensor x;
    if (inMemory()) {
        x = m_features.index_select(0, idx);
    } else {
        std::vector<torch::Tensor> rows;
        for (const auto i : indices)
            rows.push_back(read(i));
        x = torch::stack(rows);
    }
    return {.pixels = x, .labels = torch::tensor(labels, torch::kInt64), .entry = m_entry};
}

} // namespace vitscope
