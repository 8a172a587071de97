// torch (through the data layer) first: Qt's `slots` keyword must not reach torch headers.
#include "data/image_io.h"
#include "data/training_job.h"

#include "session/training_worker.h"

#include <nlohmann/json.hpp>

#include <QDateTime>

namespace vitscope {

TrainingWorker::TrainingWorker(std::atomic<bool> *stop, QObject *parent) : QObject(parent), m_stop(stop) {}

void TrainingWorker::run(const TrainRequest &r)
{
    try {
        TrainJob job;
        if (r.resume) {
            job = resumeJob(r.out.toStdString());
        } else {
            job.model = r.model.toStdString();
            job.out = r.out.toStdString();
            job.data.data = r.data.toStdString();
            job.data.valData = r.valData.toStdString();
            job.data.testData = r.testData.toStdString();
            job.data.ratios = {r.trainRatio, r.valRatio, r.testRatio};
            job.data.seed = r.seed;
            job.data.cacheDir = r.cacheDir.toStdString();
            TrainConfig &c = job.config;
            c.epochs = r.epochs;
            c.batchSize = r.batchSize;
            c.evalBatchSize = r.evalBatchSize;
            c.lr = r.lr;
            c.warmupSteps = r.warmupSteps;
            c.weightDecay = r.weightDecay;
            c.maxGradNorm = r.maxGradNorm;
            c.gradAccum = r.gradAccum;
            c.seed = r.seed;
            c.device = r.device.toStdString();
            c.precision = r.precision.toStdString();
            c.metric = r.metric.toStdString();
            c.threads = r.threads;
            for (const auto &a : r.augment)
                c.augment.push_back(a.toStdString());
        }
        JobCallbacks cb;
        std::atomic<qint64> lastProgress{0}; // written from several pool threads
        cb.progress = [&](const std::string &stage, int64_t done, int64_t total) {
            // Called from pool threads: emitting is thread-safe (queued to the receivers), but keep it sparse.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (done == total || now - lastProgress.load() > 50) {
                lastProgress = now;
                Q_EMIT progress(QString::fromStdString(stage), done, total);
            }
        };
        cb.warning = [this](const std::string &w) { Q_EMIT log(QString::fromStdString(w)); };
        cb.trainer.onStep = [this](const StepInfo &s) {
            Q_EMIT step(StepPoint{s.step, s.totalSteps, s.epoch, s.loss, s.lr, s.gradNorm, s.imagesPerSecond, s.etaSeconds});
        };
        cb.trainer.onEpoch = [this](const EpochInfo &e) {
            EpochPoint p;
            p.epoch = e.epoch;
            p.hasTrain = e.train.has_value();
            if (e.train) {
                p.trainLoss = e.train->loss;
                p.trainAccuracy = e.train->accuracy;
            }
            p.valLoss = e.val.loss;
            p.valAccuracy = e.val.accuracy;
            p.valWeightedF1 = e.val.weightedF1;
            p.valMacroF1 = e.val.macroF1;
            p.best = e.best;
            p.bestEpoch = e.bestEpoch;
            Q_EMIT epoch(p);
        };
        cb.trainer.onCheckpoint = [this](const std::string &f) { Q_EMIT checkpointSaved(QString::fromStdString(f)); };
        cb.trainer.onLog = [this](const std::string &s) { Q_EMIT log(QString::fromStdString(s)); };
        const std::string versions = nlohmann::json({{"qt", qVersion()}, {"opencv", opencvVersion()}}).dump();
        const TrainSummary summary = runTrainingJob(job, cb, m_stop, versions);
        Q_EMIT finished(QString::fromStdString(job.out), QString::fromStdString(summary.status));
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

} // namespace vitscope
