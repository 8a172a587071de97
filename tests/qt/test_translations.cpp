// The Turkish catalogue is embedded in the UI library and translates what the views show.
#include <QCoreApplication>
#include "data/image_io.h"
#include "ui/image_reasons.h"
#include "ui/theme.h"

#include <QLocale>
#include <QTest>
#include <QTranslator>

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
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
