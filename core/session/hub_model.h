#pragma once
// Finding a Hugging Face model in the local Hub cache, and downloading one from the Hub (or any
// server with its layout: HF_ENDPOINT) with progress, resume of partial files and a SHA-256
// check against the ETag the Hub sends for large files.
#include "engine/vit_config.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace vitscope {

// ViT-B/16 pretrained on ImageNet-21k: the notebook's starting point.
inline constexpr const char *kIn21kRepo = "google/vit-base-patch16-224-in21k";

// A pretrained checkpoint offered by File -> Get pretrained model: a ViT in Hugging Face layout.
struct PretrainedModel {
    QString repo;
    ViTConfig architecture; // as its config.json says (for the size and the estimate before download)
    int hubLabels = 0;      // classes of the head in the file (0: a backbone without one)
    int64_t downloadBytes() const; // about: float32 weights
};
// The short catalogue, the notebook's checkpoint first.
QList<PretrainedModel> pretrainedCatalogue();

// "owner/name" as the Hub spells repository ids.
bool isHubRepoId(const QString &repo);
// Why the config.json of `repo` is not a ViT this app can fine-tune (model_type must be "vit");
// empty when it is.
QString hubConfigProblem(const QByteArray &configJson, const QString &repo);
// Where a download of `repo` goes (the app's data folder), and where the model is found on this
// computer: the Hub cache first, then that folder; empty when it is in neither.
QString downloadFolder(const QString &repo);
QString findLocalModel(const QString &repo);

// $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.
QString hubCacheDirectory();
// The newest snapshot folder of `repo` in the cache that holds config.json and model.safetensors;
// empty when there is none.
QString findCachedModel(const QString &repo, const QString &cacheDirectory = hubCacheDirectory());

class HubDownloader : public QObject {
    Q_OBJECT
public:
    explicit HubDownloader(QObject *parent = nullptr);

    // Downloads config.json, preprocessor_config.json (if the repository has one) and
    // model.safetensors of `repo` into `folder`. `endpoint` defaults to $HF_ENDPOINT or the Hub.
    // A config.json whose model_type is not "vit" stops the download (failed(), file removed).
    void download(const QString &repo, const QString &folder, const QUrl &endpoint = {});
    void cancel();

Q_SIGNALS:
    void progress(const QString &file, qint64 received, qint64 total);
    void finished(const QString &folder);
    void failed(const QString &message);

private:
    void next();
    void start(const QString &file);
    void onReadyRead();
    void onFinished();
    void fail(const QString &message);
    bool configAcceptable(); // checks config.json once it is on disk; fails when it is not

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QString m_repo, m_folder, m_file;
    QUrl m_endpoint;
    QStringList m_queue;
    QFile m_part;
    qint64 m_offset = 0; // bytes already on disk when the request was made
    bool m_cancelled = false;
};

} // namespace vitscope
