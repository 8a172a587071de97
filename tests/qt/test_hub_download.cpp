// Model download against a local server with the Hub's file layout (no test reaches the
// internet): complete download, resume after a cut connection, checksum mismatch, and finding
// the model in a Hub cache folder.
#include "session/hub_model.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

namespace {

// Serves /<repo>/resolve/main/<file> from a map, with Range support.
class FakeHub : public QObject {
public:
    QMap<QString, QByteArray> files;
    bool cutFirstWeightsTransfer = false; // send half of model.safetensors, then drop the connection
    bool wrongChecksum = false;
    QList<QByteArray> ranges;             // Range headers seen for model.safetensors
    QString repo = QString::fromLatin1(kIn21kRepo);
    QStringList requested;                // files asked for, in order

    FakeHub()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    void serve(QTcpSocket *s)
    {
        m_buffers[s] += s->readAll();
        const QByteArray request = m_buffers[s];
        if (!request.contains("\r\n\r\n"))
            return;
        m_buffers.remove(s);
        const QString path = QString::fromLatin1(request.split(' ').value(1));
        const QString file = path.section(QLatin1Char('/'), -1);
        requested << file;
        if (!path.contains(QStringLiteral("/%1/resolve/main/").arg(repo)) || !files.contains(file)) {
            s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            s->disconnectFromHost();
            return;
        }
        const QByteArray body = files[file];
        qint64 from = 0;
        const auto range = QRegularExpression(QStringLiteral("Range: bytes=(\\d+)-")).match(QString::fromLatin1(request));
        if (file == QLatin1String("model.safetensors"))
            ranges << (range.hasMatch() ? range.captured(0).toLatin1() : QByteArray());
        if (range.hasMatch())
            from = range.captured(1).toLongLong();
        QByteArray sha = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
        if (wrongChecksum)
            sha = QByteArray(64, 'a');
        const QByteArray part = body.mid(from);
        QByteArray head = (from ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n");
        head += "Content-Length: " + QByteArray::number(part.size()) + "\r\nConnection: close\r\n";
        head += file.endsWith(QLatin1String(".safetensors")) ? "X-Linked-Etag: \"" + sha + "\"\r\n" : QByteArray("ETag: \"abc123\"\r\n");
        s->write(head + "\r\n");
        if (cutFirstWeightsTransfer && file == QLatin1String("model.safetensors") && from == 0) {
            cutFirstWeightsTransfer = false;
            s->write(part.left(part.size() / 2));
            s->flush();
            s->abort(); // as a dropped connection would
            return;
        }
        s->write(part);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray weights()
{
    QByteArray w(300000, '\0');
    for (int i = 0; i < w.size(); ++i)
        w[i] = static_cast<char>((i * 131) % 251);
    return w;
}

} // namespace

class TestHubDownload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void downloads_data()
    {
        QTest::addColumn<bool>("withPreprocessor");
        QTest::addColumn<bool>("cut");
        QTest::newRow("complete") << true << false;
        QTest::newRow("no preprocessor config on the server") << false << false;
        QTest::newRow("resumed after a cut connection") << true << true;
    }
    void downloads()
    {
        QFETCH(bool, withPreprocessor);
        QFETCH(bool, cut);
        FakeHub hub;
        hub.files[QStringLiteral("config.json")] = R"({"model_type":"vit"})";
        if (withPreprocessor)
            hub.files[QStringLiteral("preprocessor_config.json")] = R"({"size":224})";
        hub.files[QStringLiteral("model.safetensors")] = weights();
        hub.cutFirstWeightsTransfer = cut;
        QTemporaryDir dir;
        HubDownloader downloader;
        QSignalSpy done(&downloader, &HubDownloader::finished), failed(&downloader, &HubDownloader::failed);
        QSignalSpy progress(&downloader, &HubDownloader::progress);
        downloader.download(QString::fromLatin1(kIn21kRepo), dir.path(), hub.url());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() + failed.count() == 1, 10000);
        if (cut) {
            QCOMPARE(failed.count(), 1);
            QVERIFY(failed.first().first().toString().contains(QStringLiteral("resume")));
            const qint64 partial = QFileInfo(dir.filePath(QStringLiteral("model.safetensors.part"))).size();
            QVERIFY(partial > 0 && partial < weights().size());
            downloader.download(QString::fromLatin1(kIn21kRepo), dir.path(), hub.url()); // again: resumes
            QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
            QCOMPARE(hub.ranges.last(), "Range: bytes=" + QByteArray::number(partial) + "-");
        }
        QCOMPARE(done.count(), 1);
        QVERIFY(!progress.isEmpty());
        QFile w(dir.filePath(QStringLiteral("model.safetensors")));
        QVERIFY(w.open(QIODevice::ReadOnly));
        QCOMPARE(w.readAll(), weights());
        QCOMPARE(QFileInfo::exists(dir.filePath(QStringLiteral("preprocessor_config.json"))), withPreprocessor);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("model.safetensors.part"))));
    }

    void checksumMismatchIsAnError()
    {
        FakeHub hub;
        hub.files[QStringLiteral("config.json")] = R"({"model_type":"vit"})";
        hub.files[QStringLiteral("model.safetensors")] = weights();
        hub.wrongChecksum = true;
        QTemporaryDir dir;
        HubDownloader downloader;
        QSignalSpy failed(&downloader, &HubDownloader::failed);
        downloader.download(QString::fromLatin1(kIn21kRepo), dir.path(), hub.url());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("SHA-256")));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("model.safetensors"))));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("model.safetensors.part"))));
    }

    // File -> Get pretrained model: every catalogue entry downloads from a server with the Hub's
    // layout, and its config.json describes the architecture the catalogue shows.
    void catalogueDownloads_data()
    {
        QTest::addColumn<int>("row");
        const auto catalogue = pretrainedCatalogue();
        QCOMPARE(catalogue.first().repo, QString::fromLatin1(kIn21kRepo));
        for (int r = 0; r < catalogue.size(); ++r)
            QTest::newRow(qPrintable(catalogue[r].repo)) << r;
    }
    void catalogueDownloads()
    {
        QFETCH(int, row);
        const PretrainedModel model = pretrainedCatalogue().at(row);
        QVERIFY(isHubRepoId(model.repo));
        FakeHub hub;
        hub.repo = model.repo;
        hub.files[QStringLiteral("config.json")] = QByteArray::fromStdString(viTConfigToJson(model.architecture));
        hub.files[QStringLiteral("model.safetensors")] = weights();
        QTemporaryDir dir;
        HubDownloader downloader;
        QSignalSpy done(&downloader, &HubDownloader::finished), failed(&downloader, &HubDownloader::failed);
        downloader.download(model.repo, dir.path(), hub.url());
        QTRY_VERIFY_WITH_TIMEOUT(done.count() + failed.count() == 1, 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const ViTConfig got = loadViTConfig(dir.filePath(QStringLiteral("config.json")).toStdString());
        QCOMPARE(got.hiddenSize, model.architecture.hiddenSize);
        QCOMPARE(got.numAttentionHeads, model.architecture.numAttentionHeads);
        QVERIFY(model.downloadBytes() > 4 * got.parameterCount(0) - 1);
    }

    // A repository that is not a ViT in Hugging Face layout is refused before its weights are
    // fetched, with a reason, and leaves no config.json behind.
    void refusesWhatIsNotAViT_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<bool>("hasWeights");
        QTest::addColumn<QString>("reason");
        QTest::newRow("BERT") << QByteArray(R"({"model_type":"bert","hidden_size":768})") << true << QStringLiteral("model_type \"bert\"");
        QTest::newRow("no model_type") << QByteArray(R"({"hidden_size":768})") << true << QStringLiteral("model_type \"(none)\"");
        QTest::newRow("not JSON") << QByteArray("<html>") << true << QStringLiteral("not a JSON object");
        QTest::newRow("inconsistent ViT") << QByteArray(R"({"model_type":"vit","hidden_size":100,"num_attention_heads":12})") << true
                                          << QStringLiteral("cannot be used");
        QTest::newRow("no such repository") << QByteArray() << true << QStringLiteral("was not found");
        QTest::newRow("PyTorch .bin weights only") << QByteArray(R"({"model_type":"vit"})") << false << QStringLiteral("no model.safetensors");
    }
    void refusesWhatIsNotAViT()
    {
        QFETCH(QByteArray, config);
        QFETCH(bool, hasWeights);
        QFETCH(QString, reason);
        FakeHub hub;
        hub.repo = QStringLiteral("someone/model");
        if (!config.isEmpty())
            hub.files[QStringLiteral("config.json")] = config;
        if (hasWeights)
            hub.files[QStringLiteral("model.safetensors")] = weights();
        QTemporaryDir dir;
        HubDownloader downloader;
        QSignalSpy done(&downloader, &HubDownloader::finished), failed(&downloader, &HubDownloader::failed);
        downloader.download(hub.repo, dir.path(), hub.url());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(done.count(), 0);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(message.contains(hub.repo));
        if (hasWeights)
            QVERIFY(!hub.requested.contains(QStringLiteral("model.safetensors")));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("model.safetensors"))));
        if (hasWeights)
            QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("config.json"))));
    }

    void repositoryIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("catalogue") << QStringLiteral("facebook/deit-tiny-patch16-224") << true;
        QTest::newRow("dots and underscores") << QStringLiteral("my_org/vit.v2-small") << true;
        QTest::newRow("no owner") << QStringLiteral("vit-base") << false;
        QTest::newRow("two slashes") << QStringLiteral("a/b/c") << false;
        QTest::newRow("a URL") << QStringLiteral("https://huggingface.co/google/vit") << false;
        QTest::newRow("parent folder") << QStringLiteral("a/..") << false;
        QTest::newRow("spaces") << QStringLiteral("google/vit base") << false;
    }
    void repositoryIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isHubRepoId(id), valid);
    }

    void findsModelInHubCache()
    {
        QTemporaryDir cache;
        QCOMPARE(findCachedModel(QString::fromLatin1(kIn21kRepo), cache.path()), QString());
        const QString snapshot = cache.filePath(QStringLiteral("models--google--vit-base-patch16-224-in21k/snapshots/abc123"));
        QVERIFY(QDir().mkpath(snapshot));
        QFile(snapshot + QStringLiteral("/config.json")).open(QIODevice::WriteOnly);
        QCOMPARE(findCachedModel(QString::fromLatin1(kIn21kRepo), cache.path()), QString()); // weights missing
        QFile(snapshot + QStringLiteral("/model.safetensors")).open(QIODevice::WriteOnly);
        QCOMPARE(findCachedModel(QString::fromLatin1(kIn21kRepo), cache.path()), snapshot);
        qputenv("HF_HOME", cache.path().toLocal8Bit());
        qunsetenv("HF_HUB_CACHE");
        QCOMPARE(hubCacheDirectory(), cache.filePath(QStringLiteral("hub")));
    }
};

QTEST_MAIN(TestHubDownload)
#include "test_hub_download.moc"
