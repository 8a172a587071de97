#include "session/training_worker.h"

#include "data/image_io.h"
#include "engine/trainer.h"
#include "job/training_job.h"
#include "session/run_results.h"

#include <QDateTime>

namespace vitscope {

TrainingWorker::TrainingWorker(std::atomic<bool> *stop, QObject *parent) : QObject(parent), m_stop(stop) {}

void TrainingWorker::run(const TrainJob &request)
{
    try {
        // A resumed run continues with its recorded configuration; the request only says where.
        TrainJob job = request.resume ? resumeJob(request.out) : request;
        job.resumeFrom = request.resumeFrom;
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
        cb.trainer.onStep = [this](const StepInfo &s) { Q_EMIT step(toStepPoint(s)); };
        cb.trainer.onEpoch = [this](const EpochInfo &e) { Q_EMIT epoch(toEpochPoint(e)); };
        cb.trainer.onCheckpoint = [this](const std::string &f) { Q_EMIT checkpointSaved(QString::fromStdString(f)); };
        cb.trainer.onLog = [this](const std::string &s) { Q_EMIT log(QString::fromStdString(s)); };
        const TrainSummary summary = runTrainingJob(job, cb, m_stop, {{"qt", qVersion()}, {"opencv", opencvVersion()}});
        Q_EMIT finished(QString::fromStdString(job.out), summary.status);
    } catch (const DamagedCheckpoint &e) {
        if (e.bestEpoch() > 0) // the GUI offers the best epoch's checkpoint instead
            Q_EMIT checkpointDamaged(QString::fromStdString(request.out), QString::fromStdString(e.what()), e.bestEpoch());
        else
            Q_EMIT failed(QString::fromStdString(e.what()));
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

} // namespace vitscope
