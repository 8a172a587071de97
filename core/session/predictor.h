#pragma once
// Model loading and prediction on a worker thread. Requests are queued; results come back as
// Prediction values. The GUI never waits on a forward pass.
#include "config/choices.h"
#include "session/session_types.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace vitscope {

class PredictorWorker;

class Predictor : public QObject {
    Q_OBJECT
public:
    explicit Predictor(QObject *parent = nullptr);
    ~Predictor() override;
    // The model loaded last (empty before the first), for views created after it was loaded.
    QString modelFolder() const { return m_folder; }
    QStringList modelLabels() const { return m_labels; }

public Q_SLOTS:
    void loadModel(const QString &folder);
    // fp32 (exact, the default) or bf16 autocast where the device computes it natively (about
    // twice as fast on such CPUs, probabilities within 1e-2); applies to later predictions.
    void setPrecision(vitscope::Precision precision);
    void predict(const QStringList &paths);
    void attention(const QString &path); // on demand: an extra forward pass that keeps attentions
    // On demand: Grad-CAM of `target` (-1: its own pass's argmax), an extra fp32 pass with gradients.
    void gradCam(const QString &path, int target);

Q_SIGNALS:
    void attentionReady(const vitscope::AttentionMap &map);
    void attentionRequested(const QString &path); // internal
    void gradCamRequested(const QString &path, int target); // internal
    void modelLoaded(const QString &folder, const QStringList &labels, const QStringList &notes, const QString &device);
    void modelFailed(const QString &message, bool untrained); // untrained: a configuration without weights
    void untrainedHead(); // after modelLoaded: the head is freshly initialised
    void predicted(const vitscope::Prediction &prediction);
    void batchFinished();
    // internal: queued to the worker
    void loadRequested(const QString &folder);
    void predictRequested(const QStringList &paths);
    void precisionRequested(vitscope::Precision precision);

private:
    QThread m_thread;
    QString m_folder;
    QStringList m_labels;
};

class PredictorWorker : public QObject {
    Q_OBJECT
public:
    PredictorWorker();
    ~PredictorWorker() override;

public Q_SLOTS:
    void load(const QString &folder);
    void setPrecision(vitscope::Precision precision);
    void run(const QStringList &paths);
    void attention(const QString &path);
    void gradCam(const QString &path, int target);

Q_SIGNALS:
    void attentionReady(const vitscope::AttentionMap &map);
    void modelLoaded(const QString &folder, const QStringList &labels, const QStringList &notes, const QString &device);
    void modelFailed(const QString &message, bool untrained); // untrained: a configuration without weights
    void untrainedHead();
    void predicted(const vitscope::Prediction &prediction);
    void batchFinished();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace vitscope
