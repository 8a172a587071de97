#include "session/review_session.h"

namespace vitscope {

void ReviewWorker::run(const ReviewRequest &request)
{
    try {
        const ReviewResult r = runLabelReview(
            request, [this](const std::string &stage, int64_t done, int64_t total) { Q_EMIT progress(QString::fromStdString(stage), done, total); },
            m_cancel);
        Q_EMIT finished(r);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
}

ReviewSession::ReviewSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ReviewRequest>();
    qRegisterMetaType<ReviewResult>();
    m_thread.setObjectName(QStringLiteral("vitscope-review"));
    auto *worker = new ReviewWorker(&m_cancel);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &ReviewSession::requested, worker, &ReviewWorker::run);
    connect(worker, &ReviewWorker::progress, this, &ReviewSession::progress);
    connect(worker, &ReviewWorker::finished, this, [this](const ReviewResult &r) {
        m_running = false;
        Q_EMIT finished(r);
    });
    connect(worker, &ReviewWorker::failed, this, [this](const QString &message) {
        m_running = false;
        Q_EMIT failed(message);
    });
    m_thread.start();
}

ReviewSession::~ReviewSession()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void ReviewSession::start(const ReviewRequest &request)
{
    m_cancel = false;
    m_running = true;
    Q_EMIT requested(request);
}

void ReviewSession::cancel()
{
    m_cancel = true;
}

} // namespace vitscope
