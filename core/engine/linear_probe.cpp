#include "engine/linear_probe.h"

#include <algorithm>
#include <stdexcept>

namespace vitscope {

LinearProbe fitLinearProbe(const torch::Tensor &features, const std::vector<int> &labels, int classes,
                           const ProbeOptions &options)
{
    torch::NoGradGuard outer; // the closure enables gradients for the probe's own two tensors
    const torch::Tensor x = features.to(torch::kCPU, torch::kFloat64).contiguous();
    const int64_t n = x.size(0), d = x.size(1);
    if (n != static_cast<int64_t>(labels.size()))
        throw std::invalid_argument("linear probe: features and labels differ in length");
    std::vector<int64_t> y64(labels.begin(), labels.end());
    const torch::Tensor y = torch::tensor(y64, torch::kInt64);
    const double l2 = options.l2 >= 0 ? options.l2 : 1.0 / static_cast<double>(std::max<int64_t>(n, 1));
    // Zero start: the optimum is unique (strictly convex with l2 > 0), so the start only costs time.
    torch::Tensor w = torch::zeros({classes, d}, torch::kFloat64).requires_grad_(true);
    torch::Tensor b = torch::zeros({classes}, torch::kFloat64).requires_grad_(true);
    torch::optim::LBFGS lbfgs({w, b}, torch::optim::LBFGSOptions(1.0)
                                          .max_iter(options.maxIterations)
                                          .max_eval(options.maxIterations * 5 / 4)
                                          .tolerance_grad(1e-9)
                                          .tolerance_change(1e-12)
                                          .history_size(20)
                                          .line_search_fn("strong_wolfe"));
    auto closure = [&] {
        torch::AutoGradMode enable(true);
        lbfgs.zero_grad();
        const torch::Tensor logits = torch::addmm(b, x, w.t());
        torch::Tensor loss = torch::nn::functional::cross_entropy(logits, y) + 0.5 * l2 * w.pow(2).sum();
        loss.backward();
        return loss;
    };
    if (n > 0)
        lbfgs.step(closure);
    return {w.detach(), b.detach()};
}

ScoreMatrix probeProbabilities(const LinearProbe &probe, const torch::Tensor &features)
{
    torch::NoGradGuard guard;
    const torch::Tensor x = features.to(torch::kCPU, torch::kFloat64);
    const torch::Tensor p = torch::softmax(torch::addmm(probe.bias, x, probe.weight.t()), 1).contiguous();
    ScoreMatrix m;
    m.rows = p.size(0);
    m.cols = p.size(1);
    m.values.assign(p.data_ptr<double>(), p.data_ptr<double>() + p.numel());
    return m;
}

ScoreMatrix crossValidatedProbabilities(const torch::Tensor &features, const std::vector<int> &labels, int classes,
                                        const std::vector<int> &fold, const ProbeOptions &options,
                                        const std::function<void(int, int)> &progress, const std::atomic<bool> *cancel)
{
    const int64_t n = features.size(0);
    if (static_cast<int64_t>(fold.size()) != n || static_cast<int64_t>(labels.size()) != n)
        throw std::invalid_argument("cross-validation: features, labels and folds differ in length");
    const int folds = fold.empty() ? 0 : *std::max_element(fold.begin(), fold.end()) + 1;
    ScoreMatrix out;
    out.rows = n;
    out.cols = classes;
    out.values.assign(static_cast<std::size_t>(n * classes), 0.0);
    for (int k = 0; k < folds; ++k) {
        if (cancel && cancel->load())
            throw std::runtime_error("cancelled");
        std::vector<int64_t> trainRows, heldRows;
        std::vector<int> trainLabels;
        for (int64_t i = 0; i < n; ++i) {
            if (fold[i] == k) {
                heldRows.push_back(i);
            } else {
                trainRows.push_back(i);
                trainLabels.push_back(labels[i]);
            }
        }
        if (heldRows.empty())
            continue;
        const auto index = [](const std::vector<int64_t> &rows) { return torch::tensor(rows, torch::kInt64); };
        const LinearProbe probe = fitLinearProbe(features.index_select(0, index(trainRows)), trainLabels, classes, options);
        const ScoreMatrix p = probeProbabilities(probe, features.index_select(0, index(heldRows)));
        for (std::size_t r = 0; r < heldRows.size(); ++r)
            std::copy(p.row(static_cast<int64_t>(r)), p.row(static_cast<int64_t>(r)) + classes,
                      out.values.begin() + heldRows[r] * classes);
        if (progress)
            progress(k + 1, folds);
    }
    return out;
}

} // namespace vitscope
