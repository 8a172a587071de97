#include "session/hub_model.h"

#include "data/sha256.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace vitscope {
namespace {

bool optionalFile(const QString &file)
{
    return file == QLatin1String("preprocessor_config.json");
}

QString sha256Of(const QString &path)
{
    return QString::fromStdString(sha256File(path.toStdString()));
}

ViTConfig architecture(int hidden, int heads, int imageSize = 224)
{
    ViTConfig c = vitBaseConfig();
    c.imageSize = imageSize;
    c.hiddenSize = hidden;
    c.numAttentionHeads = heads;
    c.intermediateSize = 4 * hidden;
    return c;
}

} // namespace

int64_t PretrainedModel::downloadBytes() const
{
    return 4 * architecture.parameterCount(hubLabels);
}

QList<PretrainedModel> pretrainedCatalogue()
{
    // Architectures as the repositories' config.json files state them.
    return {{QString::fromLatin1(kIn21kRepo), architecture(768, 12), 0},
            {QStringLiteral("google/vit-base-patch16-224"), architecture(768, 12), 1000},
            {QStringLiteral("facebook/deit-small-patch16-224"), architecture(384, 6), 1000},
            {QStringLiteral("facebook/deit-tiny-patch16-224"), architecture(192, 3), 1000}};
}

bool isHubRepoId(const QString &repo)
{
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$"));
    return id.match(repo).hasMatch() && !repo.contains(QStringLiteral(".."));
}

QString hubConfigProblem(const QByteArray &configJson, const QString &repo)
{
    const QJsonDocument doc = QJsonDocument::fromJson(configJson);
    if (!doc.isObject())
        return HubDownloader::tr("The config.json of %1 is not a JSON object, so it is not a model this app can read.").arg(repo);
    const QString type = doc.object().value(QStringLiteral("model_type")).toString();
    if (type != QLatin1String("vit"))
        return HubDownloader::tr("%1 is not a Vision Transformer in Hugging Face layout: its config.json says model_type \"%2\", "
                                 "and vitscope fine-tunes only model_type \"vit\".")
            .arg(repo, type.isEmpty() ? HubDownloader::tr("(none)") : type);
    try {
        parseViTConfig(configJson.toStdString(), repo.toStdString() + "/config.json");
    } catch (const std::exception &e) {
        return HubDownloader::tr("%1 cannot be used: %2").arg(repo, QString::fromStdString(e.what()));
    }
    return {};
}

QString downloadFolder(const QString &repo)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("models/") + QString(repo).replace(QLatin1Char('/'), QStringLiteral("--")));
}

QString findLocalModel(const QString &repo)
{
    if (const QString cached = findCachedModel(repo); !cached.isEmpty())
        return cached;
    const QString own = downloadFolder(repo);
    return QFileInfo::exists(QDir(own).filePath(QStringLiteral("model.safetensors"))) ? own : QString();
}

QString hubCacheDirectory()
{
    const QByteArray hubCache = qgetenv("HF_HUB_CACHE");
    if (!hubCache.isEmpty())
        return QString::fromLocal8Bit(hubCache);
    const QByteArray home = qgetenv("HF_HOME");
    if (!home.isEmpty())
        return QDir(QString::fromLocal8Bit(home)).filePath(QStringLiteral("hub"));
    return QDir::home().filePath(QStringLiteral(".cache/huggingface/hub"));
}

QString findCachedModel(const QString &repo, const QString &cacheDirectory)
{
    const QString folder = QStringLiteral("models--") + QString(repo).replace(QLatin1Char('/'), QStringLiteral("--"));
    const QDir snapshots(QDir(cacheDirectory).filePath(folder + QStringLiteral("/snapshots")));
    for (const QFileInfo &snapshot : snapshots.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time)) {
        const QDir d(snapshot.absoluteFilePath());
        if (QFileInfo::exists(d.filePath(QStringLiteral("config.json"))) && QFileInfo::exists(d.filePath(QStringLiteral("model.safetensors"))))
            return snapshot.absoluteFilePath();
    }
    return {};
}

HubDownloader::HubDownloader(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

void HubDownloader::download(const QString &repo, const QString &folder, const QUrl &endpoint)
{
    m_repo = repo;
    m_folder = folder;
    m_cancelled = false;
    const QByteArray env = qgetenv("HF_ENDPOINT");
    m_endpoint = !endpoint.isEmpty() ? endpoint : QUrl(env.isEmpty() ? QStringLiteral("https://huggingface.co") : QString::fromLatin1(env));
    if (!QDir().mkpath(folder)) {
        fail(tr("Cannot create %1").arg(folder));
        return;
    }
    m_queue = {QStringLiteral("config.json"), QStringLiteral("preprocessor_config.json"), QStringLiteral("model.safetensors")};
    next();
}

void HubDownloader::cancel()
{
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
}

void HubDownloader::next()
{
    if (m_queue.isEmpty()) {
        Q_EMIT finished(m_folder);
        return;
    }
    start(m_queue.takeFirst());
}

void HubDownloader::start(const QString &file)
{
    m_file = file;
    const QString target = QDir(m_folder).filePath(file);
    if (QFileInfo::exists(target)) { // finished earlier
        if (configAcceptable())
            next();
        return;
    }
    // A partial download continues where it stopped.
    m_part.setFileName(target + QStringLiteral(".part"));
    if (!m_part.open(QIODevice::ReadWrite)) {
        fail(tr("Cannot write %1").arg(m_part.fileName()));
        return;
    }
    m_offset = m_part.size();
    m_part.seek(m_offset);
    QUrl url = m_endpoint;
    url.setPath(url.path() + QStringLiteral("/%1/resolve/main/%2").arg(m_repo, file));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_offset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + "-");
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &HubDownloader::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HubDownloader::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progress(m_file, m_offset + received, total > 0 ? m_offset + total : -1);
    });
}

void HubDownloader::onReadyRead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && m_offset > 0) { // the server ignored the range: start over
        m_part.resize(0);
        m_part.seek(0);
        m_offset = 0;
    }
    if (status == 200 || status == 206)
        m_part.write(m_reply->readAll());
}

void HubDownloader::onFinished()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_part.close();
    if (m_cancelled) {
        Q_EMIT failed(tr("Download cancelled; it will resume from %1 bytes of %2.").arg(m_part.size()).arg(m_file));
        return;
    }
    if (status == 404 && m_file == QLatin1String("config.json")) {
        fail(tr("%1 was not found on %2 (no such repository, or it has no config.json).").arg(m_repo, m_endpoint.toString()));
        return;
    }
    if (status == 404 && m_file == QLatin1String("model.safetensors")) {
        fail(tr("%1 has no model.safetensors file; vitscope reads safetensors weights only (not PyTorch .bin files).").arg(m_repo));
        return;
    }
    if (status == 404 && optionalFile(m_file)) {
        QFile::remove(m_part.fileName());
        next();
        return;
    }
    if (reply->error() != QNetworkReply::NoError || (status != 200 && status != 206)) {
        fail(tr("Downloading %1 failed: %2 (HTTP %3). Run the download again to resume.").arg(m_file, reply->errorString()).arg(status));
        return;
    }
    // Large (LFS) files carry their SHA-256 as the ETag: check it before the file counts as done.
    const QString etag = QString::fromLatin1(reply->rawHeader("X-Linked-Etag").isEmpty() ? reply->rawHeader("ETag") : reply->rawHeader("X-Linked-Etag"))
                             .remove(QLatin1Char('"'))
                             .remove(QStringLiteral("W/"));
    if (QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(etag).hasMatch()) {
        const QString actual = sha256Of(m_part.fileName());
        if (actual != etag) {
            QFile::remove(m_part.fileName());
            fail(tr("%1 is corrupt: its SHA-256 is %2 but the server announced %3. The partial file was removed; download again.")
                     .arg(m_file, actual, etag));
            return;
        }
    }
    const QString target = QDir(m_folder).filePath(m_file);
    if (!QFile::rename(m_part.fileName(), target)) {
        fail(tr("Cannot move the download to %1").arg(target));
        return;
    }
    if (configAcceptable())
        next();
}

bool HubDownloader::configAcceptable()
{
    if (m_file != QLatin1String("config.json"))
        return true;
    QFile config(QDir(m_folder).filePath(m_file));
    const QString problem = config.open(QIODevice::ReadOnly) ? hubConfigProblem(config.readAll(), m_repo)
                                                             : tr("Cannot read %1").arg(config.fileName());
    if (problem.isEmpty())
        return true;
    config.close();
    config.remove(); // not kept: a later download of another repository into this folder starts clean
    fail(problem);
    return false;
}

void HubDownloader::fail(const QString &message)
{
    m_queue.clear();
    Q_EMIT failed(message);
}

} // namespace vitscope
