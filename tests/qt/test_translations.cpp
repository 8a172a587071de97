// The Turkish catalogue is embedded in the UI library and translates what the views show.
#include <QCoreApplication>
#include "data/dataset_scan.h"
#include "data/demo_data.h"
#include "data/image_io.h"
#include "engine/checkpoint.h"
#include "engine/run_files.h"
#include "engine/runtime.h"
#include "ui/image_reasons.h"
#include "ui/core_messages.h"
#include "ui/theme.h"
#include "ui/trust_text.h"

#include <QFile>
#include <QTemporaryDir>
#include <QLocale>
#include <QTest>
#include <QTranslator>

#include <filesystem>
#include <memory>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void turkish_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("research notice") << "Export" << "For research use only. Not for use in diagnostic procedures." << -1
                                         << QStringLiteral("Yalnızca araştırma amaçlıdır. Tanı işlemlerinde kullanılmaz.");
        QTest::newRow("tab") << "vitscope::MainWindow" << "&Evaluate" << -1 << QStringLiteral("&Değerlendirme");
        QTest::newRow("plural") << "vitscope::ClassCountModel" << "%1 (%n images)" << 5 << QStringLiteral("%1 (5 görüntü)");
        QTest::newRow("percent before number") << "Format" << "%1\u00a0%" << -1 << QStringLiteral("%%1");
    }
    void turkish()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vitscope_tr.qm")));
        QCoreApplication::installTranslator(&translator);
        QCOMPARE(QCoreApplication::translate(context.toUtf8(), source.toUtf8(), nullptr, n), expected);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(QCoreApplication::translate(context.toUtf8(), source.toUtf8(), nullptr, n),
                 n >= 0 ? QString(source).replace(QStringLiteral("%n"), QString::number(n)) : source);
        // And a percentage in Turkish: the sign first, a decimal comma.
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QStringLiteral("tr_TR")));
        QCOMPARE(vitscope::percentText(0.882), QStringLiteral("%88,2"));
        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(vitscope::percentText(0.882), QStringLiteral("88.2\u00a0%"));
    }

    // The decoder's own reasons (English, from core/data) reach the views in Turkish.
    void imageReasons_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("boş dosya (0 bayt)");
        QTest::newRow("text renamed .jpg") << QByteArray("hello\n") << QStringLiteral("görüntü değil (görüntü uzantılı bir metin dosyası)");
        QTest::newRow("truncated JPEG") << QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20)
                                        << QStringLiteral("kesik ya da bozuk JPEG (görüntü sonu işaretçisi yok)");
        QTest::newRow("GIF") << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00", 13)
                             << QStringLiteral("desteklenmeyen biçim (GIF): PNG ya da JPEG biçimine dönüştürün");
        auto file = [](const char *path) {
            QFile f(QString::fromUtf8(path));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QTest::newRow("TIFF with huge tiles")
            << file(VITSCOPE_TEST_DATA "/../fuzz/regressions/fuzz_image/oom-tiled-tiff-16x16-tiles-25600x26000")
            << QStringLiteral("TIFF döşemeleri 25600x26000 (665 megapiksel), 100 megapiksel sınırının üzerinde; çözülmeden reddedildi");
        QTest::newRow("tiled TIFF") << file(VITSCOPE_TEST_DATA "/tiff/tiled-16x16.tif")
                                    << QStringLiteral("çözücü bu döşemeli TIFF'i okuyamadı: PNG'ye ya da döşemesiz bir TIFF'e dönüştürün");
    }
    void imageReasons()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QString reason;
        try {
            vitscope::decodeImageBuffer(std::vector<unsigned char>(bytes.begin(), bytes.end()));
        } catch (const std::exception &e) {
            reason = QString::fromStdString(e.what());
        }
        QVERIFY(!reason.isEmpty());
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vitscope_tr.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString shown = vitscope::imageReasonText(reason);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(shown, expected);
        QCOMPARE(vitscope::imageReasonText(reason), reason); // in English as the decoder says it
        QCOMPARE(vitscope::imageReasonText(QStringLiteral("something new")), QStringLiteral("something new"));
    }

    // What a training job says as it runs (English, from the core) reaches the Train view in Turkish.
    void jobMessages_data()
    {
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fine-tune") << QStringLiteral("fine-tune head: 6152 of 85804040 parameters train")
                                   << QStringLiteral("ince ayar head: 85.804.040 parametrenin 6.152 tanesi eğitiliyor");
        QTest::newRow("calibration, figures in the locale")
            << QStringLiteral("calibration: temperature 1.234567 fitted on 1200 validation images (ECE 0.051234 -> 0.012345)")
            << QStringLiteral("kalibrasyon: 1200 doğrulama görüntüsünde sıcaklık 1,235 olarak uyduruldu (ECE 0,051 → 0,012)");
        QTest::newRow("not cached, and why")
            << QStringLiteral("the frozen part is computed again at every step (augmentation changes the images every epoch): slower than from cached features")
            << QStringLiteral("dondurulmuş kısım her adımda yeniden hesaplanıyor (veri artırma görüntüleri her epokta değiştirir): önbellekteki özniteliklerden daha yavaş");
        QTest::newRow("split warning")
            << QStringLiteral("WARNING: 3 identical image(s) appear in more than one split part; evaluation results are inflated")
            << QStringLiteral("UYARI: 3 özdeş görüntü birden fazla bölümde yer alıyor; değerlendirme sonuçları olduğundan yüksek çıkar");
        QTest::newRow("progress stage") << QStringLiteral("loading validation images") << QStringLiteral("doğrulama görüntüleri yükleniyor");
        QTest::newRow("model note") << QStringLiteral("classification head is new (8 labels), initialised randomly: it must be trained before predictions mean anything")
                                    << QStringLiteral("sınıflandırma katmanı yeni (8 etiket), rastgele başlatıldı: tahminlerin bir anlamı olması için önce eğitilmesi gerekir");
        QTest::newRow("stopped") << QStringLiteral("stopped at step 420; resumable from /runs/a/checkpoints/last")
                                 << QStringLiteral("420. adımda durduruldu; şuradan devam ettirilebilir: /runs/a/checkpoints/last");
        QTest::newRow("data set too small, and why")
            << QStringLiteral("the data set needs at least 2 classes with 2 or more usable images each (found 0); expected one sub-folder per class in /d; "
                              "3 image file(s) could not be used, the first a/x.jpg: empty file (0 bytes)")
            << QStringLiteral("veri kümesi, her birinde en az 2 kullanılabilir görüntü olan en az 2 sınıf gerektirir (0 bulundu); /d içinde her sınıf için bir "
                              "alt klasör beklenir; 3 görüntü dosyası kullanılamadı, ilki a/x.jpg: boş dosya (0 bayt)");
        QTest::newRow("scan problem") << QStringLiteral("class 'polyps' has only 1 usable image: too few to split")
                                      << QStringLiteral("'polyps' sınıfında yalnızca 1 kullanılabilir görüntü var: bölmek için çok az");
        QTest::newRow("label not applied, and why")
            << QStringLiteral("label not applied: polyps/p1.jpg: changed since it was labelled 'esophagitis' (ayse, 2026-12-01T10:00:00Z): its folder's label is used")
            << QStringLiteral("etiket uygulanmadı: polyps/p1.jpg: 'esophagitis' olarak etiketlendiğinden beri değişmiş (ayse, 2026-12-01T10:00:00Z): klasörünün etiketi kullanılıyor");
        QTest::newRow("model load")
            << QStringLiteral("/m/model.safetensors: 'classifier.weight' has shape [8, 768] in the checkpoint but the config needs [3, 768]")
            << QStringLiteral("/m/model.safetensors: 'classifier.weight' kontrol noktasında [8, 768] biçiminde ama yapılandırma [3, 768] gerektiriyor");
        QTest::newRow("device") << QStringLiteral("CPU, 2 threads") << QStringLiteral("CPU, 2 iş parçacığı");
        QTest::newRow("device, one thread") << QStringLiteral("CPU, 1 thread") << QStringLiteral("CPU, 1 iş parçacığı");
        QTest::newRow("device, one thread, as older runs recorded it") << QStringLiteral("CPU, 1 threads") << QStringLiteral("CPU, 1 iş parçacığı");
        QTest::newRow("unknown") << QStringLiteral("something new") << QStringLiteral("something new");
    }
    void jobMessages()
    {
        QFETCH(QString, english);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vitscope_tr.qm")));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QStringLiteral("tr_TR")));
        const QString shown = vitscope::coreMessageText(english);
        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(shown, expected);
    }

    // The table follows the core's wording: messages made by the core itself, not copied here,
    // come out translated. A changed wording would show in English, and fail here.
    void coreMessagesMatchTheCore_data()
    {
        QTest::addColumn<QString>("english");
        m_dir = std::make_unique<QTemporaryDir>();
        const std::string dir = m_dir->path().toStdString();
        auto row = [](const char *name, const std::string &english) { QTest::newRow(name) << QString::fromStdString(english); };
        row("device", vitscope::deviceDescription(torch::Device(torch::kCPU)));
        row("no data set", vitscope::scanDataset(dir + "/none").error);
        vitscope::writeDemoDataset(dir + "/one-class", 3, 1);
        for (const auto &entry : std::filesystem::directory_iterator(dir + "/one-class"))
            if (entry.is_directory() && entry.path().filename() != "esophagitis")
                std::filesystem::remove_all(entry.path());
        row("one class", vitscope::scanDataset(dir + "/one-class").error);
        std::filesystem::create_directories(dir + "/run/checkpoints/last.tmp");
        row("left-over checkpoint", vitscope::recoverCheckpointSwap(dir + "/run"));
        auto loadError = [](const std::string &folder) {
            try {
                vitscope::loadModel(folder, {});
            } catch (const std::exception &e) {
                return std::string(e.what());
            }
            return std::string();
        };
        row("no model folder", loadError(dir + "/none"));
        row("no config.json", loadError(dir + "/run"));
    }
    void coreMessagesMatchTheCore()
    {
        QFETCH(QString, english);
        QVERIFY(!english.isEmpty());
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vitscope_tr.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString shown = vitscope::coreMessageText(english);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(shown != english, qPrintable(english));
    }

    // English has its plural forms too: "1 class", not "1 classes" or "1 class(es)".
    void englishPlurals_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one class") << QByteArray("vitscope::MainWindow") << QByteArray("Model: %1 (%n classes)") << 1 << QStringLiteral("Model: %1 (1 class)");
        QTest::newRow("eight classes") << QByteArray("vitscope::MainWindow") << QByteArray("Model: %1 (%n classes)") << 8 << QStringLiteral("Model: %1 (8 classes)");
        QTest::newRow("one image") << QByteArray("vitscope::ClassCountModel") << QByteArray("%1 (%n images)") << 1 << QStringLiteral("%1 (1 image)");
        QTest::newRow("images to predict") << QByteArray("vitscope::PredictView") << QByteArray("Predicting %n image(s)…") << 3
                                           << QStringLiteral("Predicting 3 images…");
    }
    void englishPlurals()
    {
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vitscope_en.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString shown = QCoreApplication::translate(context.constData(), source.constData(), nullptr, n);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(shown, expected);
    }

    // Predict's note under the probabilities says when the calibration rests on few images.
    void calibrationNoteSaysWhenRough_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("expected");
        QTest::newRow("48 images") << qint64(48)
                                   << QStringLiteral("Calibrated probabilities (temperature 0.54, fitted on only 48 held-out images: rough; more held-out images make it firmer).");
        QTest::newRow("1 image") << qint64(1)
                                 << QStringLiteral("Calibrated probabilities (temperature 0.54, fitted on only 1 held-out image: rough; more held-out images make it firmer).");
        QTest::newRow("1200 images") << qint64(1200) << QStringLiteral("Calibrated probabilities (temperature 0.54, fitted on 1200 held-out images).");
    }
    void calibrationNoteSaysWhenRough()
    {
        QFETCH(qint64, count);
        QFETCH(QString, expected);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/vitscope_en.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString shown = vitscope::calibrationNote(0.54, count);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(shown, expected);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
