#include "data/loader.h"

#include "data/parallel.h"

#include <torch/torch.h>

#include <filesystem>
#include <random>
#include <mutex>
#include <unistd.h>

namespace vitscope {

CachedDataset::CachedDataset(const std::vector<SplitEntry> &entries, const std::string &root,
                             const Preprocessor &preprocessor, ImageCache &cache, const LoaderOptions &options)
    : m_entries(entries), m_root(root), m_preprocessor(preprocessor), m_cache(cache), m_augment(options.augment)
{
    const auto &cfg = preprocessor.config();
    const int64_t n = size();
    const std::size_t bytes = cache.entryBytes();
    const double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGESIZE));
    const bool inMemory = options.residence == Residence::Memory ||
                          (options.residence == Residence::Automatic && static_cast<double>(n) * static_cast<double>(bytes) <= 0.4 * physical);
    if (inMemory)
        m_pixels = torch::empty({n, 3, cfg.height, cfg.width}, torch::kUInt8);
    m_labels = torch::empty({n}, torch::kInt64);
    std::atomic<int64_t> done{0};
    // Decoding failures are collected, not thrown, so the message names the file.
    std::string firstError;
    std::mutex errorMutex;
    parallelFor(n, options.threads, [&](int64_t i) {
        try {
            if (inMemory) {
                fill(i, m_pixels.data_ptr<uint8_t>() + i * static_cast<int64_t>(bytes));
            } else {
                CacheEntryInfo info; // on disk: only make sure the entry exists
                if (!cache.info(m_entries[i].sha256, info)) {
                    thread_local std::vector<uint8_t> buffer;
                    buffer.resize(bytes);
                    fill(i, buffer.data());
                }
            }
        } catch (const std::exception &ex) {
            std::lock_guard lock(errorMutex);
            if (firstError.empty())
                firstError = ex.what();
        }
        if (options.progress)
            options.progress(++done, n);
    }, options.cancel);
    if (options.cancel && options.cancel->load())
        throw std::runtime_error("loading cancelled");
    if (!firstError.empty())
        throw std::runtime_error(firstError);
    auto *labels = m_labels.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i)
        labels[i] = m_entries[i].label;
}

void CachedDataset::fill(int64_t index, uint8_t *out) const
{
    const auto &e = m_entries[index];
    if (m_cache.load(e.sha256, out))
        return;
    const auto path = (std::filesystem::path(m_root) / e.path).string();
    try {
        const auto img = decodeImageFile(path);
        m_preprocessor.resizeInto(img, out);
        m_cache.store(e.sha256, out, {img.width, img.height, img.mode, img.format, img.note});
    } catch (const std::exception &ex) {
        throw std::runtime_error(path + ": " + ex.what());
    }
}

Batch CachedDataset::batch(const std::vector<int64_t> &indices, uint64_t augmentSeed)
{
    auto idx = torch::tensor(indices, torch::kInt64);
    torch::Tensor u8;
    if (inMemory()) {
        u8 = m_pixels.index_select(0, idx);
    } else {
        const auto &cfg = m_preprocessor.config();
        u8 = torch::empty({static_cast<int64_t>(indices.size()), 3, cfg.height, cfg.width}, torch::kUInt8);
        const auto bytes = static_cast<int64_t>(m_cache.entryBytes());
        for (std::size_t i = 0; i < indices.size(); ++i)
            fill(indices[i], u8.data_ptr<uint8_t>() + static_cast<int64_t>(i) * bytes);
    }
    if (!augmentSeed || m_augment.empty()) // served as bytes: normalised on the training device
        return {.pixels = u8, .labels = m_labels.index_select(0, idx), .table = m_preprocessor.table()};
    auto x = m_preprocessor.normalize(u8);
    {
        auto has = [&](Augmentation a) { return std::find(m_augment.begin(), m_augment.end(), a) != m_augment.end(); };
        std::mt19937_64 rng(augmentSeed);
        std::uniform_real_distribution<double> uni(0.0, 1.0);
        const int64_t H = x.size(2), W = x.size(3);
        for (int64_t i = 0; i < x.size(0); ++i) {
            auto img = x[i];
            if (has(Augmentation::HFlip) && uni(rng) < 0.5)
                img = img.flip({2});
            if (has(Augmentation::VFlip) && uni(rng) < 0.5)
                img = img.flip({1});
            if (has(Augmentation::Rot90) && H == W)
                img = torch::rot90(img, static_cast<int64_t>(rng() % 4), {1, 2});
            if (has(Augmentation::Crop)) { // random resized crop: 60-100 % of the area, aspect 3/4..4/3
                const double area = 0.6 + 0.4 * uni(rng), aspect = std::exp(std::log(0.75) + uni(rng) * std::log(16.0 / 9.0));
                const int64_t ch = std::clamp<int64_t>(std::lround(H * std::sqrt(area / aspect)), 8, H);
                const int64_t cw = std::clamp<int64_t>(std::lround(W * std::sqrt(area * aspect)), 8, W);
                const int64_t y0 = static_cast<int64_t>(rng() % static_cast<uint64_t>(H - ch + 1));
                const int64_t x0 = static_cast<int64_t>(rng() % static_cast<uint64_t>(W - cw + 1));
                img = torch::nn::functional::interpolate(
                          img.narrow(1, y0, ch).narrow(2, x0, cw).unsqueeze(0),
                          torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{H, W}).mode(torch::kBilinear).align_corners(false))
                          .squeeze(0);
            }
            if (has(Augmentation::Jitter)) { // small brightness/contrast change, in normalised units
                const double brightness = (uni(rng) - 0.5) * 0.2, contrast = 1.0 + (uni(rng) - 0.5) * 0.2;
                img = (img - img.mean()) * contrast + img.mean() + brightness;
            }
            x[i].copy_(img);
        }
    }
    return {.pixels = x, .labels = m_labels.index_select(0, idx)};
}

} // namespace vitscope
