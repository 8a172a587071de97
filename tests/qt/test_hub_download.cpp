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
        if (!path.contains(QStringLiteral("/google/vit-base-patch16-224-in21k/resolve/main/")) || !files.contains(file)) {
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
        hub.files[QStringLiteral("config.json")] = "{}";
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
