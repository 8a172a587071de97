#include "ui/core_messages.h"

#include "ui/image_reasons.h"
#include "ui/message_table.h"

#include <QCoreApplication>
#include <QLocale>

namespace vitscope {
namespace {

// The engine writes figures with std::to_string (six decimals, a point): shown to three, in the
// user's locale.
QString figure(const QString &english)
{
    bool ok = false;
    const double v = english.toDouble(&ok);
    return ok ? QLocale().toString(v, 'f', 3) : english;
}

// Why the frozen part cannot come from the feature cache (core/job/training_job.cpp featuresUnavailable).
QString whyNotCached(const QString &why)
{
    static const QList<MessagePattern> table = [] {
        auto fixed = [](const char *english, const char *translated) { return fixedMessage(english, "CoreMessages", translated); };
        return QList<MessagePattern>{
            fixed("the feature cache is off", QT_TRANSLATE_NOOP("CoreMessages", "the feature cache is off")),
            fixed("augmentation changes the images every epoch", QT_TRANSLATE_NOOP("CoreMessages", "augmentation changes the images every epoch")),
            fixed("the model's dropout makes the frozen part's output random",
                  QT_TRANSLATE_NOOP("CoreMessages", "the model's dropout makes the frozen part's output random")),
        };
    }();
    return translateMessage(table, why);
}

QString part(const QString &english)
{
    if (english == QLatin1String("training"))
        return QCoreApplication::translate("CoreMessages", "training");
    if (english == QLatin1String("validation"))
        return QCoreApplication::translate("CoreMessages", "validation");
    return english == QLatin1String("test") ? QCoreApplication::translate("CoreMessages", "test") : english;
}

// What became of a file whose label could not be applied (core/data/dataset_scan.cpp).
QString outcome(const QString &english)
{
    if (english == QLatin1String("its folder's label is used"))
        return QCoreApplication::translate("CoreMessages", "its folder's label is used");
    return english == QLatin1String("not used") ? QCoreApplication::translate("CoreMessages", "not used") : english;
}

const QList<MessagePattern> &messages()
{
    static const QList<MessagePattern> table = [] {
        auto fixed = [](const char *english, const char *translated) { return fixedMessage(english, "CoreMessages", translated); };
        const auto pattern = patternMessage;
        return QList<MessagePattern>{
            // The trainer's log.
            pattern("^fine-tune (\\S+): (\\d+) of (\\d+) parameters train$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "fine-tune %1: %2 of %3 parameters train")
                            .arg(m.captured(1), QLocale().toString(m.captured(2).toLongLong()), QLocale().toString(m.captured(3).toLongLong()));
                    }),
            pattern("^fine-tune (\\S+) without pretrained weights: the frozen part stays random, so what trains has little to learn from$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "fine-tune %1 without pretrained weights: the frozen part stays random, so what trains has little to learn from").arg(m.captured(1));
                    }),
            pattern("^early stopping: no improvement in (\\d+) epochs$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "early stopping: no improvement in %1 epochs").arg(m.captured(1)); }),
            pattern("^resumed at epoch (\\d+), step (\\d+)$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "resumed at epoch %1, step %2").arg(m.captured(1), m.captured(2)); }),
            pattern("^training steps will replay from a CUDA graph after (\\d+) ordinary steps$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "training steps will replay from a CUDA graph after %1 ordinary steps").arg(m.captured(1)); }),
            pattern("^CUDA graph not used \\((.*)\\); ordinary steps, same results$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "CUDA graph not used (%1); ordinary steps, same results").arg(m.captured(1)); }),
            pattern("^stopped at step (\\d+); resumable from (.*)$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "stopped at step %1; resumable from %2").arg(m.captured(1), m.captured(2)); }),
            pattern("^calibration: temperature (\\S+) fitted on (\\d+) validation images \\(ECE (\\S+) -> (\\S+)\\)$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "calibration: temperature %1 fitted on %2 validation images (ECE %3 → %4)")
                            .arg(figure(m.captured(1)), m.captured(2), figure(m.captured(3)), figure(m.captured(4)));
                    }),
            // The job's warnings.
            pattern("^the frozen part is computed again at every step \\((.*)\\): slower than from cached features$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "the frozen part is computed again at every step (%1): slower than from cached features").arg(whyNotCached(m.captured(1)));
                    }),
            pattern("^frozen part \\((\\S+)\\): features of (\\d+) of (\\d+) images from the cache, (\\d+) computed; (.*)$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "frozen part (%1): features of %2 of %3 images from the cache, %4 computed; %5")
                            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5));
                    }),
            fixed("finished an interrupted checkpoint swap (last.tmp became last)",
                  QT_TRANSLATE_NOOP("CoreMessages", "finished an interrupted checkpoint swap (last.tmp became last)")),
            fixed("rolled back an interrupted checkpoint swap (last.old became last)",
                  QT_TRANSLATE_NOOP("CoreMessages", "rolled back an interrupted checkpoint swap (last.old became last)")),
            pattern("^removed the left-over (\\S+)$", [](const auto &m) { return QCoreApplication::translate("CoreMessages", "removed the left-over %1").arg(m.captured(1)); }),
            pattern("^resuming from the checkpoint of the best epoch \\((\\d+)\\): the epochs after it are trained again$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "resuming from the checkpoint of the best epoch (%1): the epochs after it are trained again").arg(m.captured(1)); }),
            pattern("^batch (\\d+) keeps the run's global batch$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "batch %1 keeps the run's global batch").arg(m.captured(1)); }),
            pattern("^run (.*) has no checkpoint yet: it starts again from the beginning, as recorded$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "run %1 has no checkpoint yet: it starts again from the beginning, as recorded").arg(m.captured(1)); }),
            pattern("^label not applied: (.+?): ((?:labelled|changed since) .*)$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "label not applied: %1: %2").arg(m.captured(1), coreMessageText(m.captured(2)));
            }),
            // Why a label from the manifest was not applied, or a file left out (core/data/dataset_scan.cpp).
            pattern("^labelled '(.*)' \\((.*)\\) but no longer in the data set$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "labelled '%1' (%2) but no longer in the data set").arg(m.captured(1), m.captured(2));
            }),
            pattern("^labelled '(.*)' \\((.*)\\), which is not a class folder: (its folder's label is used|not used)$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "labelled '%1' (%2), which is not a class folder: %3").arg(m.captured(1), m.captured(2), outcome(m.captured(3)));
            }),
            pattern("^changed since it was excluded \\((.*)\\): (its folder's label is used|not used)$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "changed since it was excluded (%1): %2").arg(m.captured(1), outcome(m.captured(2)));
            }),
            pattern("^changed since it was labelled '(.*)' \\((.*)\\): (its folder's label is used|not used)$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "changed since it was labelled '%1' (%2): %3").arg(m.captured(1), m.captured(2), outcome(m.captured(3)));
            }),
            pattern("^excluded \\(([^()]*)\\)$", [](const auto &m) { return QCoreApplication::translate("CoreMessages", "excluded (%1)").arg(m.captured(1)); }),
            pattern("^excluded \\(([^()]*)\\): (.*)$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "excluded (%1): %2").arg(m.captured(1), m.captured(2)); }),
            // The split's warnings (core/data/split.cpp).
            fixed("no test split: the validation split selects the best model, so its metrics are optimistic; "
                  "report them as validation results, not as test results",
                  QT_TRANSLATE_NOOP("CoreMessages", "no test split: the validation split selects the best model, so its metrics are optimistic; "
                                                   "report them as validation results, not as test results")),
            pattern("^WARNING: (\\d+) identical image\\(s\\) appear in more than one split part; evaluation results are inflated$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "WARNING: %1 identical image(s) appear in more than one split part; evaluation results are inflated").arg(m.captured(1));
                    }),
            // The model's load notes (core/engine/checkpoint.cpp).
            fixed("no model.safetensors: every weight initialised from the config (training from scratch)",
                  QT_TRANSLATE_NOOP("CoreMessages", "no model.safetensors: every weight initialised from the config (training from scratch)")),
            pattern("^classification head is new \\((\\d+) labels\\), initialised randomly: it must be trained before predictions mean anything$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "classification head is new (%1 labels), initialised randomly: it must be trained before predictions mean anything")
                            .arg(m.captured(1));
                    }),
            pattern("^weights not in the checkpoint, newly initialised: (.*)$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "weights not in the checkpoint, newly initialised: %1").arg(m.captured(1)); }),
            pattern("^weights in the checkpoint that this model does not use: (.*)$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "weights in the checkpoint that this model does not use: %1").arg(m.captured(1)); }),
            // The progress stages (core/data/pipeline.cpp, core/job/training_job.cpp).
            pattern("^scanning (.*)$", [](const auto &m) { return QCoreApplication::translate("CoreMessages", "scanning %1").arg(m.captured(1)); }),
            pattern("^loading (training|validation|test) images$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "loading %1 images").arg(part(m.captured(1))); }),
            pattern("^computing frozen features \\((training|validation|test)\\)$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "computing frozen features (%1)").arg(part(m.captured(1))); }),
            // The label review's stages (core/job/label_review.cpp).
            fixed("computing frozen features", QT_TRANSLATE_NOOP("CoreMessages", "computing frozen features")),
            fixed("cross-validating", QT_TRANSLATE_NOOP("CoreMessages", "cross-validating")),
            // The device (core/engine/runtime.cpp deviceDescription).
            pattern("^CPU, 1 threads?$", [](const auto &) { return QCoreApplication::translate("CoreMessages", "CPU, 1 thread"); }), // "threads": run.json before 12/2026
            pattern("^CPU, (\\d+) threads$", [](const auto &m) { return QCoreApplication::translate("CoreMessages", "CPU, %1 threads").arg(m.captured(1)); }),
            pattern("^CUDA device (\\d+)$", [](const auto &m) { return QCoreApplication::translate("CoreMessages", "CUDA device %1").arg(m.captured(1)); }),
            // The data set scan (core/data/dataset_scan.cpp, core/data/image_formats.cpp).
            fixed("scan cancelled", QT_TRANSLATE_NOOP("CoreMessages", "scan cancelled")),
            pattern("^data set folder (.*) does not exist or is not a folder$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "data set folder %1 does not exist or is not a folder").arg(m.captured(1)); }),
            pattern("^the data set needs at least 2 classes with 2 or more usable images each \\(found (\\d+)\\); expected one sub-folder per class in (.+?); "
                    "(\\d+) image file\\(s\\) could not be used, the first (.+?): (.+)$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "the data set needs at least 2 classes with 2 or more usable images each (found %1); expected one "
                                                                          "sub-folder per class in %2; %3 image file(s) could not be used, the first %4: %5")
                            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4), imageReasonText(m.captured(5)));
                    }),
            pattern("^the data set needs at least 2 classes with 2 or more usable images each \\(found (\\d+)\\); expected one sub-folder per class in (.+)$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "the data set needs at least 2 classes with 2 or more usable images each (found %1); expected one "
                                                                          "sub-folder per class in %2")
                            .arg(m.captured(1), m.captured(2));
                    }),
            pattern("^'(.*)' lies directly in the root, outside any class folder: ignored$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "'%1' lies directly in the root, outside any class folder: ignored").arg(m.captured(1)); }),
            pattern("^class '(.*)' has no usable images$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "class '%1' has no usable images").arg(m.captured(1)); }),
            pattern("^class '(.*)' has only 1 usable image: too few to split$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "class '%1' has only 1 usable image: too few to split").arg(m.captured(1)); }),
            pattern("^(\\d+) line\\(s\\) of the label manifest (.*) could not be read \\(torn by a crash\\?\\) and were skipped$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "%1 line(s) of the label manifest %2 could not be read (torn by a crash?) and were skipped")
                    .arg(m.captured(1), m.captured(2));
            }),
            pattern("^folder '(.*)' cannot be read \\((.*)\\): its images are not counted$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "folder '%1' cannot be read (%2): its images are not counted").arg(m.captured(1), m.captured(2));
            }),
            pattern("^folder '(.*)' could not be read to the end \\((.*)\\)$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "folder '%1' could not be read to the end (%2)").arg(m.captured(1), m.captured(2));
            }),
            pattern("^(.*) cannot be examined \\((.*)\\): not counted$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "%1 cannot be examined (%2): not counted").arg(m.captured(1), m.captured(2)); }),
            pattern("^(.*) is a link to a folder: not followed$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "%1 is a link to a folder: not followed").arg(m.captured(1)); }),
            // Why a model cannot be loaded (core/engine/checkpoint.cpp).
            pattern("^model folder (.*) does not exist$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "model folder %1 does not exist").arg(m.captured(1)); }),
            pattern("^model folder (.*) has no config.json$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "model folder %1 has no config.json").arg(m.captured(1)); }),
            pattern("^(.*) holds pytorch_model.bin \\(pickle\\); only model.safetensors is read. Convert it with transformers' "
                    "save_pretrained\\(safe_serialization=True\\).$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "%1 holds pytorch_model.bin (pickle); only model.safetensors is read. Convert it with "
                                                                           "transformers' save_pretrained(safe_serialization=True).")
                            .arg(m.captured(1));
                    }),
            pattern("^(.*) has no model weights \\(model.safetensors is a link to a file that does not exist\\)$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "%1 has no model weights (model.safetensors is a link to a file that does not exist)").arg(m.captured(1));
            }),
            pattern("^(.*): '(.*)' holds NaN or infinite values: the model cannot predict \\(a training run that diverged, or a damaged file\\)$",
                    [](const auto &m) {
                        return QCoreApplication::translate("CoreMessages", "%1: '%2' holds NaN or infinite values: the model cannot predict (a training run that "
                                                                           "diverged, or a damaged file)")
                            .arg(m.captured(1), m.captured(2));
                    }),
            pattern("^(.*): '(.*)' has shape (\\[[^\\]]*\\]) in the checkpoint but the config needs (\\[[^\\]]*\\])$", [](const auto &m) {
                return QCoreApplication::translate("CoreMessages", "%1: '%2' has shape %3 in the checkpoint but the config needs %4")
                    .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
            }),
            pattern("^(.*) lacks (\\d+) of the model's backbone weights \\((?:all of them|'(.*)' first)\\): random weights cannot predict; "
                    "is it the right file for this config.json\\?$",
                    [](const auto &m) {
                        return m.captured(3).isEmpty()
                                   ? QCoreApplication::translate("CoreMessages", "%1 lacks all %2 of the model's backbone weights: random weights cannot "
                                                                                 "predict; is it the right file for this config.json?")
                                         .arg(m.captured(1), m.captured(2))
                                   : QCoreApplication::translate("CoreMessages", "%1 lacks %2 of the model's backbone weights ('%3' first): random weights "
                                                                                 "cannot predict; is it the right file for this config.json?")
                                         .arg(m.captured(1), m.captured(2), m.captured(3));
                    }),
            // Why a job ended without a run.
            fixed("cancelled while preparing the data", QT_TRANSLATE_NOOP("CoreMessages", "cancelled while preparing the data")),
            pattern("^(.*) already holds a run: resume it or choose another folder$",
                    [](const auto &m) { return QCoreApplication::translate("CoreMessages", "%1 already holds a run: resume it or choose another folder").arg(m.captured(1)); }),
        };
    }();
    return table;
}

} // namespace

QString coreMessageText(const QString &message)
{
    return translateMessage(messages(), message);
}

} // namespace vitscope
