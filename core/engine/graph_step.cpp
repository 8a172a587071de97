#include "engine/graph_step.h"

#include "engine/optim.h"

#include <torch/torch.h>
#include <torch/version.h>

// VITSCOPE_CUDA_GRAPHS: CMake found LibTorch's CUDA library and the CUDA headers. The fused AdamW
// kernel with a device learning rate needs LibTorch 2.4.
#if defined(VITSCOPE_CUDA_GRAPHS) && (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))
#define VITSCOPE_GRAPHS 1
#include <ATen/autocast_mode.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#else
#define VITSCOPE_GRAPHS 0
#endif

#include <optional>

namespace vitscope {

struct GraphedTrainStep::Impl {
    Impl(ViTForImageClassification &m, AdamW &o, const torch::Device &d, bool b, double clip)
        : model(m), optimizer(o), device(d), bf16(b), maxGradNorm(clip)
    {
    }
    ViTForImageClassification &model;
    AdamW &optimizer;
    torch::Device device;
    bool bf16;
    double maxGradNorm;
    // Ordinary steps on the capture stream first, as PyTorch asks: libraries (cuBLAS, cuDNN) set up
    // their per-stream state outside the recording.
    int warmupLeft = kOrdinaryStepsFirst;
    bool enabled = false; // supported() for this model, optimizer and device
    std::string disabled;
#if VITSCOPE_GRAPHS
    std::optional<c10::cuda::CUDAStream> stream;
    std::unique_ptr<at::cuda::CUDAGraph> graph;
    torch::Tensor pixels, table, hostTable, labels, lr; // fixed inputs
    torch::Tensor loss, gradNorm, values;              // fixed outputs
    std::vector<torch::Tensor> grads;                  // the graph's gradient buffers, kept alive
#endif

    StepResult ordinary(const Batch &batch, double lr) const
    {
        return trainStep(model, optimizer, 1, [&](int64_t) { return batch; }, lr, maxGradNorm, device, bf16);
    }
#if VITSCOPE_GRAPHS
    void capture(const Batch &batch);
    bool fits(const Batch &batch) const;
    StepResult replay(const Batch &batch, double lr);
#endif
};

GraphedTrainStep::GraphedTrainStep(ViTForImageClassification &model, AdamW &optimizer, const torch::Device &device,
                                   bool bf16, double maxGradNorm)
    : m_impl(std::make_unique<Impl>(model, optimizer, device, bf16, maxGradNorm))
{
    m_impl->enabled = supported(model, optimizer, device, 1);
#if VITSCOPE_GRAPHS
    if (m_impl->enabled)
        m_impl->stream = c10::cuda::getStreamFromPool(false, device.index() < 0 ? c10::cuda::current_device() : device.index());
#endif
}

GraphedTrainStep::~GraphedTrainStep() = default;

bool GraphedTrainStep::supported(const ViTForImageClassification &model, const AdamW &optimizer,
                                 const torch::Device &device, int64_t microBatches)
{
#if VITSCOPE_GRAPHS
    // Dropout would need the graph to draw fresh random numbers on each replay; the recipe has none.
    const auto &c = model->config();
    return device.is_cuda() && microBatches == 1 && optimizer.canRecord() && c.hiddenDropout == 0.0 &&
           c.attentionDropout == 0.0;
#else
    (void)model, (void)optimizer, (void)device, (void)microBatches;
    return false;
#endif
}

bool GraphedTrainStep::recorded() const
{
#if VITSCOPE_GRAPHS
    return m_impl->graph != nullptr;
#else
    return false;
#endif
}

std::string GraphedTrainStep::disabledReason() const
{
    return m_impl->disabled;
}

StepResult GraphedTrainStep::run(const Batch &batch, double lr)
{
    auto &d = *m_impl;
#if VITSCOPE_GRAPHS
    if (!d.enabled || !d.disabled.empty())
        return d.ordinary(batch, lr);
    if (!d.graph && d.warmupLeft > 0) {
        --d.warmupLeft;
        c10::cuda::device_synchronize();
        StepResult r;
        {
            c10::cuda::CUDAStreamGuard guard(*d.stream);
            r = d.ordinary(batch, lr);
        }
        c10::cuda::device_synchronize();
        return r;
    }
    if (!d.graph) {
        try {
            d.capture(batch);
        } catch (const std::exception &e) {
            // Not every LibTorch/driver combination can record every kernel; the ordinary step is
            // the same computation, so training goes on without the graph.
            d.disabled = e.what();
            d.optimizer.zeroGrad(); // gradients half made by the abandoned recording
            c10::cuda::device_synchronize();
            return d.ordinary(batch, lr);
        }
    }
    if (!d.fits(batch))
        return d.ordinary(batch, lr);
    return d.replay(batch, lr);
#else
    return d.ordinary(batch, lr);
#endif
}

#if VITSCOPE_GRAPHS

void GraphedTrainStep::Impl::capture(const Batch &batch)
{
    pixels = torch::empty(batch.pixels.sizes(), batch.pixels.options().device(device));
    labels = torch::empty(batch.labels.sizes(), torch::TensorOptions().dtype(torch::kInt64).device(device));
    if (batch.table.defined()) {
        hostTable = batch.table.cpu().clone();
        table = hostTable.to(device);
    }
    lr = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat32).device(device));
    optimizer.prepareRecording();
    optimizer.zeroGrad(); // the recorded backward makes the gradients, in the graph's own memory
    c10::cuda::device_synchronize();

    auto g = std::make_unique<at::cuda::CUDAGraph>();
    c10::cuda::CUDAStreamGuard guard(*stream);
    // Autocast's cache of bf16 weights would hold tensors made during recording; PyTorch's
    // graphed callables turn it off the same way.
    const bool cache = at::autocast::is_autocast_cache_enabled();
    at::autocast::set_autocast_cache_enabled(false);
    bool capturing = false;
    try {
        g->capture_begin();
        capturing = true;
        // trainStep() with one micro-batch, reading the fixed inputs (same kernels, same values).
        loss = backwardBatch(model, Batch{.pixels = pixels, .labels = labels, .table = table}, 1, device, bf16);
        gradNorm = clipGradients(model, maxGradNorm, device);
        optimizer.recordStep(lr);
        values = stepValues(loss, gradNorm);
        capturing = false;
        g->capture_end();
    } catch (...) {
        at::autocast::set_autocast_cache_enabled(cache);
        if (capturing) {
            try {
                g->capture_end();
            } catch (...) { // the recording is abandoned either way
            }
        }
        throw;
    }
    at::autocast::set_autocast_cache_enabled(cache);
    c10::cuda::device_synchronize();
    for (const auto &p : model->parameters())
        if (p.grad().defined())
            grads.push_back(p.grad());
    graph = std::move(g);
}

bool GraphedTrainStep::Impl::fits(const Batch &batch) const
{
    return batch.pixels.sizes() == pixels.sizes() && batch.pixels.scalar_type() == pixels.scalar_type() &&
           batch.table.defined() == table.defined() && batch.labels.sizes() == labels.sizes();
}

StepResult GraphedTrainStep::Impl::replay(const Batch &batch, double stepLr)
{
    // Inputs are queued behind the previous step (pinned memory, no host wait), as toDevice() does.
    const auto staged = [](const torch::Tensor &t) { return t.is_cuda() ? t : t.pin_memory(); };
    pixels.copy_(staged(batch.pixels), /*non_blocking=*/true);
    labels.copy_(staged(batch.labels.to(torch::kInt64)), /*non_blocking=*/true);
    if (table.defined() && !batch.table.is_same(hostTable)) {
        const auto t = batch.table.cpu();
        if (!torch::equal(t, hostTable))
            table.copy_(staged(t), /*non_blocking=*/true);
        hostTable = batch.table;
    }
    lr.fill_(stepLr);
    graph->replay();
    optimizer.countRecordedStep();
    StepResult r;
    r.loss = loss;
    r.gradNorm = gradNorm;
    r.images = batch.labels.size(0);
    r.values = HostCopy(values); // queued before the next replay overwrites `values`
    return r;
}

#endif

} // namespace vitscope
