#pragma once
// Runs one training (or resume) on the thread it lives on. Cancelled through the atomic flag,
// which the trainer polls every step; reports only value types.
#include "session/session_types.h"

#include <QObject>

#include <atomic>

namespace vitscope {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::atomic<bool> *stop, QObject *parent = nullptr);

public Q_SLOTS:
    void run(const vitscope::TrainJob &job);

Q_SIGNALS:
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

private:
    std::atomic<bool> *m_stop;
};

} // namespace vitscope
