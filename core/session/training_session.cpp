#include "session/training_session.h"

#include "session/training_worker.h"

namespace vitscope {

TrainingSession::TrainingSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<StepPoint>();
    qRegisterMetaType<EpochPoint>();
    qRegisterMetaType<TrainJob>();
    qRegisterMetaType<RunStatus>();
    m_thread.setObjectName(QStringLiteral("vitscope-training"));
    m_worker = new TrainingWorker(&m_stop);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &TrainingSession::runRequested, m_worker, &TrainingWorker::run);
    connect(m_worker, &TrainingWorker::progress, this, &TrainingSession::progress);
    connect(m_worker, &TrainingWorker::step, this, &TrainingSession::step);
    connect(m_worker, &TrainingWorker::epoch, this, &TrainingSession::epoch);
    connect(m_worker, &TrainingWorker::checkpointSaved, this, &TrainingSession::checkpointSaved);
    connect(m_worker, &TrainingWorker::log, this, &TrainingSession::log);
    connect(m_worker, &TrainingWorker::finished, this, [this](const QString &run, RunStatus status) {
        m_running = false;
        Q_EMIT finished(run, status);
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString &message) {
        m_running = false;
        Q_EMIT failed(message);
    });
    connect(m_worker, &TrainingWorker::checkpointDamaged, this, [this](const QString &run, const QString &message, int bestEpoch) {
        m_running = false;
        Q_EMIT checkpointDamaged(run, message, bestEpoch);
    });
    m_thread.start();
}

TrainingSession::~TrainingSession()
{
    m_stop = true;
    m_thread.quit();
    m_thread.wait();
}

void TrainingSession::start(const TrainJob &job)
{
    if (m_running)
        return;
    m_stop = false;
    m_running = true;
    Q_EMIT started();
    Q_EMIT runRequested(job);
}

void TrainingSession::stop()
{
    m_stop = true;
}

} // namespace vitscope
