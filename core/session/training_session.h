#pragma once
// Owns the training thread and its worker; the GUI talks to this object only.
#include "session/session_types.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace vitscope {

class TrainingWorker;

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject *parent = nullptr);
    ~TrainingSession() override; // stops and joins the thread

    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void start(const vitscope::TrainJob &job);
    void stop(); // takes effect within one step; a resumable checkpoint is saved

Q_SIGNALS:
    void started();
    void progress(const QString &stage, qint64 done, qint64 total);
    void step(const vitscope::StepPoint &point);
    void epoch(const vitscope::EpochPoint &point);
    void checkpointSaved(const QString &folder);
    void log(const QString &message);
    void finished(const QString &runFolder, vitscope::RunStatus status);
    void failed(const QString &message);
    // A resume refused because checkpoints/last is damaged, while the run kept a complete
    // checkpoint at the end of its best epoch `bestEpoch` (resume with ResumePoint::Best).
    void checkpointDamaged(const QString &runFolder, const QString &message, int bestEpoch);
    void runRequested(const vitscope::TrainJob &job); // internal: queued to the worker

private:
    QThread m_thread;
    TrainingWorker *m_worker = nullptr;
    std::atomic<bool> m_stop{false};
    bool m_running = false;
};

} // namespace vitscope
