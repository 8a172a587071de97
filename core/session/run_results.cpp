#include "session/run_results.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace vitscope {
namespace {

QJsonObject readJson(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("vitscope::RunResults", "%1 cannot be read").arg(path);
        return {};
    }
    QJsonParseError parse;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &parse);
    if (!doc.isObject())
        *error = QCoreApplication::translate("vitscope::RunResults", "%1 is not valid JSON (%2)").arg(path, parse.errorString());
    return doc.object();
}

void readMetrics(const QJsonObject &m, RunResults &r)
{
    for (const char *key : {"accuracy", "loss", "weighted_precision", "weighted_recall", "weighted_f1", "macro_precision",
                            "macro_recall", "macro_f1", "mcc", "count"})
        if (m.contains(QLatin1String(key)))
            r.metrics[QLatin1String(key)] = m.value(QLatin1String(key)).toDouble();
    for (const auto &v : m.value(QStringLiteral("per_class")).toArray()) {
        const auto o = v.toObject();
        r.perClass.push_back({o.value(QStringLiteral("label")).toString(), o.value(QStringLiteral("precision")).toDouble(),
                              o.value(QStringLiteral("recall")).toDouble(), o.value(QStringLiteral("f1")).toDouble(),
                              o.value(QStringLiteral("support")).toInt()});
    }
}

void readMatrix(const QJsonArray &rows, RunResults &r)
{
    for (const auto &row : rows) {
        QVector<int> counts;
        for (const auto &v : row.toArray())
            counts << v.toInt();
        r.confusion << counts;
    }
}

} // namespace

QStringList parseCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

QVector<ImagePrediction> RunResults::cell(int trueLabel, int predicted) const
{
    QVector<ImagePrediction> out;
    for (const auto &img : images)
        if (img.trueLabel == trueLabel && img.predicted == predicted)
            out << img;
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.confidence > b.confidence; });
    return out;
}

RunHistory loadRunHistory(const QString &runFolder)
{
    RunHistory h;
    h.runFolder = runFolder;
    const QDir dir(runFolder);
    QString error;
    const auto run = readJson(dir.filePath(QStringLiteral("run.json")), &error);
    h.status = error.isEmpty() ? run.value(QStringLiteral("status")).toString() : QStringLiteral("unreadable");
    h.message = run.value(QStringLiteral("message")).toString();
    h.metric = run.value(QStringLiteral("config")).toObject().value(QStringLiteral("metric")).toString(QStringLiteral("accuracy"));
    h.resumable = h.status != QLatin1String("finished") && QFile::exists(dir.filePath(QStringLiteral("checkpoints/last/trainer_state.json")));
    QFile f(dir.filePath(QStringLiteral("metrics.jsonl")));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return h;
    while (!f.atEnd()) {
        const auto o = QJsonDocument::fromJson(f.readLine()).object();
        if (o.value(QStringLiteral("type")) == QLatin1String("step")) {
            StepPoint p;
            p.step = o.value(QStringLiteral("step")).toInteger();
            p.epoch = o.value(QStringLiteral("epoch")).toInt();
            p.loss = o.value(QStringLiteral("loss")).toDouble();
            p.lr = o.value(QStringLiteral("lr")).toDouble();
            p.gradNorm = o.value(QStringLiteral("grad_norm")).toDouble();
            p.imagesPerSecond = o.value(QStringLiteral("images_per_second")).toDouble();
            // A resumed run logs from its checkpoint on: keep the history monotonic.
            while (!h.steps.isEmpty() && h.steps.last().step >= p.step)
                h.steps.removeLast();
            h.steps << p;
        } else if (o.value(QStringLiteral("type")) == QLatin1String("epoch")) {
            EpochPoint e;
            e.epoch = o.value(QStringLiteral("epoch")).toInt();
            const auto val = o.value(QStringLiteral("val")).toObject(), train = o.value(QStringLiteral("train")).toObject();
            e.valLoss = val.value(QStringLiteral("loss")).toDouble();
            e.valAccuracy = val.value(QStringLiteral("accuracy")).toDouble();
            e.valWeightedF1 = val.value(QStringLiteral("weighted_f1")).toDouble();
            e.valMacroF1 = val.value(QStringLiteral("macro_f1")).toDouble();
            e.hasTrain = !train.isEmpty();
            e.trainLoss = train.value(QStringLiteral("loss")).toDouble();
            e.trainAccuracy = train.value(QStringLiteral("accuracy")).toDouble();
            e.best = o.value(QStringLiteral("best")).toBool();
            e.bestEpoch = o.value(QStringLiteral("best_epoch")).toInt();
            while (!h.epochs.isEmpty() && h.epochs.last().epoch >= e.epoch)
                h.epochs.removeLast();
            h.epochs << e;
            if (e.best) {
                h.bestEpoch = e.epoch;
                h.bestValue = val.value(h.metric).toDouble();
            }
        }
    }
    return h;
}

QStringList findRuns(const QString &parent)
{
    QFileInfoList entries = QDir(parent).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    QStringList runs;
    for (const auto &e : entries)
        if (QFile::exists(QDir(e.absoluteFilePath()).filePath(QStringLiteral("run.json"))))
            runs << e.absoluteFilePath();
    return runs;
}

QStringList availableParts(const QString &runFolder)
{
    QStringList parts;
    const QDir dir(runFolder);
    for (const char *p : {"test", "val"})
        if (QFile::exists(dir.filePath(QStringLiteral("%1/metrics.json").arg(QLatin1String(p)))))
            parts << QLatin1String(p);
    QStringList epochs = QDir(dir.filePath(QStringLiteral("confusion"))).entryList({QStringLiteral("epoch-*.json")}, QDir::Files);
    std::sort(epochs.begin(), epochs.end(), [](const QString &a, const QString &b) {
        return a.mid(6).chopped(5).toInt() < b.mid(6).chopped(5).toInt();
    });
    for (const auto &e : epochs)
        parts << e.chopped(5);
    return parts;
}

RunResults loadRunResults(const QString &runFolder, const QString &part)
{
    RunResults r;
    r.runFolder = runFolder;
    r.part = part;
    const QDir dir(runFolder);
    if (part.startsWith(QLatin1String("epoch-"))) {
        const auto j = readJson(dir.filePath(QStringLiteral("confusion/%1.json").arg(part)), &r.error);
        for (const auto &l : j.value(QStringLiteral("labels")).toArray())
            r.labels << l.toString();
        readMatrix(j.value(QStringLiteral("matrix")).toArray(), r);
        readMetrics(j.value(QStringLiteral("metrics")).toObject(), r);
        return r;
    }
    const auto m = readJson(dir.filePath(part + QStringLiteral("/metrics.json")), &r.error);
    if (!r.error.isEmpty())
        return r;
    for (const auto &l : m.value(QStringLiteral("labels")).toArray())
        r.labels << l.toString();
    readMatrix(m.value(QStringLiteral("confusion")).toArray(), r);
    readMetrics(m, r);

    // Image paths in predictions.csv are relative to the data set root recorded in run.json.
    QString ignored;
    const auto dataset = readJson(dir.filePath(QStringLiteral("run.json")), &ignored).value(QStringLiteral("dataset")).toObject();
    QString root = dataset.value(part == QLatin1String("test") ? QStringLiteral("test_root") : QStringLiteral("val_root")).toString();
    if (root.isEmpty())
        root = dataset.value(QStringLiteral("root")).toString();
    QFile csv(dir.filePath(part + QStringLiteral("/predictions.csv")));
    if (!csv.open(QIODevice::ReadOnly | QIODevice::Text))
        return r;
    QTextStream in(&csv);
    in.readLine(); // header
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.isEmpty())
            continue;
        const QStringList f = parseCsvLine(line);
        if (f.size() < 4 + r.labels.size())
            continue;
        ImagePrediction p;
        p.relative = f[0];
        p.path = root.isEmpty() || QDir::isAbsolutePath(f[0]) ? f[0] : QDir(root).filePath(f[0]);
        p.trueLabel = static_cast<int>(r.labels.indexOf(f[1]));
        p.predicted = static_cast<int>(r.labels.indexOf(f[2]));
        p.confidence = f[3].toDouble();
        for (int c = 0; c < r.labels.size(); ++c)
            p.probabilities << f[4 + c].toDouble();
        r.images << p;
    }
    return r;
}

} // namespace vitscope
