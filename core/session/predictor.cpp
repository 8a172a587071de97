#include "session/predictor.h"

#include "data/preprocess.h"
#include "engine/attention_map.h"
#include "engine/autocast.h"
#include "engine/checkpoint.h"
#include "engine/grad_cam.h"
#include "engine/runtime.h"

#include <torch/torch.h>

namespace vitscope {

struct PredictorWorker::State {
    std::optional<LoadedModel> model;
    std::unique_ptr<Preprocessor> preprocessor;
    torch::Device device = torch::kCPU;
    Precision precision = Precision::Fp32;
    bool bf16 = false; // precision resolved for the device: bf16 only where native
};

Predictor::Predictor(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Prediction>();
    qRegisterMetaType<AttentionMap>();
    m_thread.setObjectName(QStringLiteral("vitscope-predictor"));
    auto *worker = new PredictorWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &Predictor::loadRequested, worker, &PredictorWorker::load);
    connect(this, &Predictor::predictRequested, worker, &PredictorWorker::run);
    connect(this, &Predictor::precisionRequested, worker, &PredictorWorker::setPrecision);
    connect(worker, &PredictorWorker::modelLoaded, this, [this](const QString &folder, const QStringList &labels, const QStringList &notes, const QString &device) {
        m_folder = folder;
        m_labels = labels;
        Q_EMIT modelLoaded(folder, labels, notes, device);
    });
    connect(worker, &PredictorWorker::modelFailed, this, [this] {
        m_folder.clear();
        m_labels.clear();
    });
    connect(worker, &PredictorWorker::modelFailed, this, &Predictor::modelFailed);
    connect(worker, &PredictorWorker::untrainedHead, this, &Predictor::untrainedHead);
    connect(worker, &PredictorWorker::predicted, this, &Predictor::predicted);
    connect(worker, &PredictorWorker::batchFinished, this, &Predictor::batchFinished);
    connect(this, &Predictor::attentionRequested, worker, &PredictorWorker::attention);
    connect(worker, &PredictorWorker::attentionReady, this, &Predictor::attentionReady);
    connect(this, &Predictor::gradCamRequested, worker, &PredictorWorker::gradCam);
    m_thread.start();
}

Predictor::~Predictor()
{
    m_thread.quit();
    m_thread.wait();
}

void Predictor::loadModel(const QString &folder)
{
    Q_EMIT loadRequested(folder);
}

void Predictor::setPrecision(Precision precision)
{
    Q_EMIT precisionRequested(precision);
}

void Predictor::predict(const QStringList &paths)
{
    Q_EMIT predictRequested(paths);
}

void Predictor::attention(const QString &path)
{
    Q_EMIT attentionRequested(path);
}

void Predictor::gradCam(const QString &path, int target)
{
    Q_EMIT gradCamRequested(path, target);
}

void PredictorWorker::gradCam(const QString &path, int target)
{
    AttentionMap map;
    map.kind = AttentionMap::Kind::GradCam;
    map.path = path;
    map.target = target;
    try {
        if (!m_state->model)
            throw std::runtime_error(tr("No model is loaded.").toStdString());
        auto &model = m_state->model->model;
        const auto x = m_state->preprocessor->load(path.toStdString());
        // target < 0: Grad-CAM's own (fp32) argmax
        const auto cam = normalisedMaps(vitscope::gradCam(model, x, target >= 0 ? std::vector<int64_t>{target} : std::vector<int64_t>{}))[0].contiguous();
        map.rows = static_cast<int>(cam.size(0));
        map.columns = static_cast<int>(cam.size(1));
        map.values = QVector<float>(cam.data_ptr<float>(), cam.data_ptr<float>() + cam.numel());
    } catch (const std::exception &e) {
        map.error = QString::fromStdString(errorText(e));
    }
    Q_EMIT attentionReady(map);
}

void PredictorWorker::attention(const QString &path)
{
    torch::InferenceMode inference;
    AttentionMap map;
    map.path = path;
    try {
        if (!m_state->model)
            throw std::runtime_error(tr("No model is loaded.").toStdString());
        auto &model = m_state->model->model;
        const auto &cfg = model->config();
        const int grid = cfg.imageSize / cfg.patchSize;
        const auto x = m_state->preprocessor->load(path.toStdString()).to(m_state->device);
        AutocastGuard autocast(m_state->device, m_state->bf16);
        const auto rollout = attentionRollout(model->forwardFull(x, true).attentions, grid, grid)[0].to(torch::kCPU).contiguous();
        map.rows = map.columns = grid;
        map.values = QVector<float>(rollout.data_ptr<float>(), rollout.data_ptr<float>() + rollout.numel());
    } catch (const std::exception &e) {
        map.error = QString::fromStdString(errorText(e));
    }
    Q_EMIT attentionReady(map);
}

PredictorWorker::PredictorWorker() : m_state(std::make_unique<State>()) {}

void PredictorWorker::setPrecision(Precision precision)
{
    m_state->precision = precision;
    // Asked for where it is not native (a CPU without AMX or AVX512-BF16): fp32, never emulated.
    m_state->bf16 = precision != Precision::Fp32 && bf16Supported(m_state->device);
}
PredictorWorker::~PredictorWorker() = default;

void PredictorWorker::load(const QString &folder)
{
    try {
        m_state->device = selectDevice("auto");
        if (m_state->device.is_cpu())
            configureThreads(0);
        auto loaded = vitscope::loadModel(folder.toStdString(), {{}, m_state->device, LoadPurpose::Inference});
        loaded.model->eval();
        QStringList labels, notes;
        for (const auto &l : loaded.config().labels)
            labels << QString::fromStdString(l);
        for (const auto &m : loaded.messages())
            notes << QString::fromStdString(m);
        m_state->preprocessor = std::make_unique<Preprocessor>(loaded.preprocess);
        setPrecision(m_state->precision); // the device may have changed
        const bool newHead = loaded.newHead;
        m_state->model = std::move(loaded);
        Q_EMIT modelLoaded(folder, labels, notes, QString::fromStdString(deviceDescription(m_state->device)));
        if (newHead)
            Q_EMIT untrainedHead();
    } catch (const UntrainedModelError &e) {
        m_state->model.reset();
        Q_EMIT modelFailed(QString::fromStdString(e.what()), true);
    } catch (const std::exception &e) {
        m_state->model.reset();
        Q_EMIT modelFailed(QString::fromStdString(errorText(e)), false);
    }
}

void PredictorWorker::run(const QStringList &paths)
{
    torch::InferenceMode inference; // created in the thread that uses it
    for (const auto &path : paths) {
        Prediction p;
        p.path = path;
        if (!m_state->model) {
            p.error = tr("No model is loaded.");
            p.noModel = true;
            Q_EMIT predicted(p);
            continue;
        }
        try {
            auto &model = m_state->model->model;
            const auto x = m_state->preprocessor->load(path.toStdString()).to(m_state->device);
            torch::Tensor logits;
            {
                AutocastGuard autocast(m_state->device, m_state->bf16);
                logits = model(x).to(torch::kFloat32);
            }
            const auto probs = torch::softmax(logits, -1)[0].to(torch::kCPU, torch::kFloat64).contiguous();
            p.bf16 = m_state->bf16;
            for (const auto &l : m_state->model->config().labels)
                p.labels << QString::fromStdString(l);
            const double *data = probs.data_ptr<double>();
            p.probabilities = QVector<double>(data, data + probs.numel());
        } catch (const std::exception &e) {
            p.error = QString::fromStdString(errorText(e));
        }
        Q_EMIT predicted(p);
    }
    Q_EMIT batchFinished();
}

} // namespace vitscope
