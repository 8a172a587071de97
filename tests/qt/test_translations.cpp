// The Turkish catalogue is embedded in the UI library and translates what the views show.
#include <QCoreApplication>
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
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
