#include "engine/dist_train.h"

#include "engine/distributed.h"
#include "engine/grad_reducer.h"
#include "engine/metrics.h"
#include "engine/optim.h"

#include <torch/torch.h>

namespace vitscope {

Range rankShare(int64_t count, int rank, int worldSize)
{
    return {count * rank / worldSize, count * (rank + 1) / worldSize};
}

ShardSource::ShardSource(BatchSource &all, Range range) : m_all(all), m_range(range) {}
int64_t ShardSource::size() const { return m_range.size(); }
std::string ShardSource::itemName(int64_t index) const { return m_all.itemName(m_range.begin + index); }
int64_t ShardSource::label(int64_t index) const { return m_all.label(m_range.begin + index); }
ModelEntry ShardSource::entry() const { return m_all.entry(); }

Batch ShardSource::batch(const std::vector<int64_t> &indices, uint64_t augmentSeed)
{
    std::vector<int64_t> shifted(indices);
    for (auto &i : shifted)
        i += m_range.begin;
    return m_all.batch(shifted, augmentSeed);
}

DistStepResult distributedTrainStep(ViTForImageClassification &model, AdamW &optimizer, GradientReducer &reducer,
                                    Distributed &dist, int64_t microBatches, const std::function<RankBatch(int64_t)> &fetch,
                                    double lr, double maxGradNorm, const torch::Device &device, bool bf16, bool stopWanted,
                                    const std::function<void(torch::Tensor &)> &lossHook)
{
    DistStepResult r;
    StepResult &step = r.step;
    optimizer.zeroGrad();
    step.loss = torch::zeros({}, torch::TensorOptions().device(device));
    for (int64_t a = 0; a < microBatches; ++a) {
        const RankBatch part = fetch(a);
        if (a == microBatches - 1)
            reducer.arm(); // the last backward of the step reduces as it goes
        if (part.local > 0) {
            const double share = static_cast<double>(part.local) / static_cast<double>(part.global);
            step.loss += backwardBatch(model, part.batch, microBatches, device, bf16, lossHook, share) *
                         (share / static_cast<double>(microBatches));
        }
        step.images += part.global;
    }
    reducer.finish();
    // The step's mean loss and the stop wishes, summed over the ranks in one small exchange.
    auto shared = torch::stack({step.loss.to(torch::kCPU, torch::kFloat64), torch::tensor(stopWanted ? 1.0 : 0.0, torch::kFloat64)});
    dist.allreduce(shared);
    step.loss = shared[0].to(device, torch::kFloat32);
    r.stop = shared[1].item<double>() > 0;
    step.gradNorm = clipGradients(model, maxGradNorm, device);
    optimizer.step(lr);
    step.values = HostCopy(stepValues(step.loss, step.gradNorm));
    return r;
}

EvalResult evaluateDistributed(ViTForImageClassification &model, BatchSource &data, int batchSize, const torch::Device &device,
                               bool bf16, Distributed &dist)
{
    const int64_t n = data.size();
    const auto classes = static_cast<int64_t>(model->config().labels.size());
    const Range mine = rankShare(n, dist.rank(), dist.worldSize());
    ShardSource shard(data, mine);
    const EvalResult local = evaluate(model, shard, batchSize, device, bf16);
    // Every rank fills its rows of a zero matrix; the sum over the ranks is the whole matrix
    // (adding zeros is exact).
    auto logits = torch::zeros({n, classes}, torch::kFloat32);
    if (mine.size() > 0)
        logits.narrow(0, mine.begin, mine.size()).copy_(local.logits);
    dist.allreduce(logits);
    std::vector<int64_t> labels(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i)
        labels[static_cast<std::size_t>(i)] = data.label(i);
    EvalResult r;
    r.logits = logits;
    r.probabilities = torch::softmax(logits, -1);
    const auto pred = r.probabilities.argmax(-1).contiguous();
    r.predictions.assign(pred.data_ptr<int64_t>(), pred.data_ptr<int64_t>() + pred.numel());
    r.labels = labels;
    const auto truth = torch::tensor(labels, torch::kInt64);
    const double lossSum =
        n ? torch::nn::functional::cross_entropy(logits, truth, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                .item<double>()
          : 0.0;
    r.metrics = computeMetrics(r.labels, r.predictions, static_cast<int>(classes), lossSum);
    return r;
}

void broadcastModel(ViTForImageClassification &model, Distributed &dist)
{
    std::vector<torch::Tensor> all;
    for (const auto &p : model->parameters())
        all.push_back(p.detach());
    for (const auto &b : model->buffers())
        all.push_back(b);
    dist.broadcast(all);
}

void broadcastTrainingState(AdamW &optimizer, TrainerState &st, Distributed &dist)
{
    auto moments = optimizer.state(); // the moments alias the optimizer's own tensors; "step" is a copy
    std::vector<torch::Tensor> tensors;
    for (auto &[name, t] : moments)
        tensors.push_back(t);
    auto numbers = torch::tensor({static_cast<double>(st.epoch), static_cast<double>(st.batchInEpoch),
                                  static_cast<double>(st.globalStep), static_cast<double>(st.bestEpoch), st.bestValue,
                                  st.haveBest ? 1.0 : 0.0, static_cast<double>(st.epochsWithoutImprovement), st.trainSeconds,
                                  static_cast<double>(st.imagesSeen), st.rngState.defined() ? 1.0 : 0.0},
                                 torch::kFloat64);
    tensors.push_back(numbers);
    dist.broadcast(tensors);
    optimizer.loadState(moments);
    const auto *v = numbers.data_ptr<double>();
    st.epoch = static_cast<int>(v[0]);
    st.batchInEpoch = static_cast<int64_t>(v[1]);
    st.globalStep = static_cast<int64_t>(v[2]);
    st.bestEpoch = static_cast<int>(v[3]);
    st.bestValue = v[4];
    st.haveBest = v[5] > 0;
    st.epochsWithoutImprovement = static_cast<int>(v[6]);
    st.trainSeconds = v[7];
    st.imagesSeen = static_cast<int64_t>(v[8]);
    if (v[9] > 0) {
        auto rng = st.rngState.defined() ? st.rngState : at::detail::getDefaultCPUGenerator().get_state();
        std::vector<torch::Tensor> one{rng};
        dist.broadcast(one);
        st.rngState = rng;
    }
}

} // namespace vitscope
