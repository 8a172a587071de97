#pragma once
// Runs the label review (job/label_review.h) on a worker thread for the Review view: progress and
// the result come back as values; cancel() stops it between steps.
#include "job/label_review.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

Q_DECLARE_METATYPE(vitscope::ReviewRequest)
Q_DECLARE_METATYPE(vitscope::ReviewResult)

namespace vitscope {

class ReviewWorker : public QObject {
    Q_OBJECT
public:
    explicit ReviewWorker(std::atomic<bool> *cancel) : m_cancel(cancel) {}
public Q_SLOTS:
    void run(const vitscope::ReviewRequest &request);
Q_SIGNALS:
    void progress(const QString &stage, qint64 done, qint64 total);
    void finished(const vitscope::ReviewResult &result);
    void failed(const QString &message);

private:
    std::atomic<bool> *m_cancel;
};

class ReviewSession : public QObject {
    Q_OBJECT
public:
    explicit ReviewSession(QObject *parent = nullptr);
    ~ReviewSession() override;
    bool running() const { return m_running; }

public Q_SLOTS:
    void start(const vitscope::ReviewRequest &request);
    void cancel();

Q_SIGNALS:
    void progress(const QString &stage, qint64 done, qint64 total);
    void finished(const vitscope::ReviewResult &result);
    void failed(const QString &message);
    void requested(const vitscope::ReviewRequest &request); // internal: queued to the worker

private:
    QThread m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

} // namespace vitscope
