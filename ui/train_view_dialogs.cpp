// The Train view's questions to the user: the recipe before a start, and the way back when a
// resume finds the last checkpoint damaged.
#include "ui/train_view.h"

#include "job/recipe_advice.h"

#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>


namespace vitscope {

bool TrainView::confirmRecipe(const JobConfig &config)
{
    RecipeAdvice a;
    try {
        a = adviseRecipe(config);
    } catch (const std::exception &) {
        return true; // the job itself reports a missing model or data set, with its reason
    }
    if (!a.any())
        return true;
    QStringList problems;
    if (a.warmupDominates)
        problems << tr("The warm-up takes %1 of the run's %2 steps (%3 training images, batch %4, %5 epochs): the learning rate "
                       "only reaches %6 instead of %7, and the model may hardly learn.")
                        .arg(a.warmupSteps)
                        .arg(a.totalSteps)
                        .arg(a.trainImages)
                        .arg(config.train.batchSize)
                        .arg(config.train.epochs)
                        .arg(QLocale().toString(a.peakLr, 'g', 2), QLocale().toString(config.train.lr, 'g', 2));
    if (a.fromScratch)
        problems << tr("The model has no pretrained weights (config.json only): it trains from scratch, which needs a larger learning rate "
                       "than fine-tuning.");
    else if (a.smallModel)
        problems << tr("The model is small (%1 M parameters): the notebook's learning rate is meant for fine-tuning ViT-B/16.")
                        .arg(QLocale().toString(static_cast<double>(a.parameters) / 1e6, 'f', 1));
    if (a.frozenRandomBody)
        problems << tr("Only part of the model would train, on a frozen part that has no pretrained weights: its weights stay random, "
                       "so what trains has nothing to learn from. Freezing pays off with a pretrained model.");
    const TrainConfig &t = config.train;
    const bool schedule = a.suggested.lr != t.lr || a.suggested.warmupSteps != t.warmupSteps || a.suggested.warmupRatio != t.warmupRatio;
    const bool wholeNetwork = a.suggested.fineTune != t.fineTune;
    QStringList suggestion;
    if (schedule)
        suggestion << tr("Suggested: learning rate %1 with %2 warm-up steps (a tenth of the run).")
                          .arg(QLocale().toString(a.suggested.lr, 'g', 2))
                          .arg(a.suggested.warmupSteps);
    if (wholeNetwork)
        suggestion << tr("Suggested: train the whole network.");
    QMessageBox box(QMessageBox::Warning, tr("Check the recipe"), problems.join(QStringLiteral("\n\n")), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("recipeWarning"));
    box.setInformativeText(suggestion.join(QLatin1Char(' ')));
    auto *suggested = box.addButton(tr("Use the suggested recipe"), QMessageBox::AcceptRole);
    auto *asIs = box.addButton(tr("Start as it is"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(suggested);
    box.exec();
    if (box.clickedButton() == suggested) {
        JobConfig c = formConfig();
        c.train = a.suggested;
        setFormConfig(c);
        if (schedule)
            m_log->appendPlainText(tr("Using learning rate %1 and %2 warm-up steps.").arg(QLocale().toString(a.suggested.lr, 'g', 2)).arg(a.suggested.warmupSteps));
        if (wholeNetwork)
            m_log->appendPlainText(tr("Training the whole network."));
        return true;
    }
    return box.clickedButton() == asIs;
}

void TrainView::offerBestCheckpoint(const QString &run, const QString &message, int bestEpoch)
{
    QMessageBox box(QMessageBox::Warning, tr("Damaged checkpoint"),
                    tr("The last checkpoint of run %1 is damaged, so the run cannot continue from it.").arg(QFileInfo(run).fileName()),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("damagedCheckpoint"));
    box.setInformativeText(tr("The run kept a complete checkpoint at the end of its best epoch, epoch %1. Continue from there? "
                              "The epochs after it are trained again, with the same result as before the damage.")
                               .arg(bestEpoch));
    box.setDetailedText(message);
    auto *fromBest = box.addButton(tr("Resume from epoch %1").arg(bestEpoch), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(fromBest);
    box.exec();
    if (box.clickedButton() != fromBest)
        return;
    m_out->setText(run);
    resumeRun(ResumePoint::Best); // the job's log says where it resumed
}

} // namespace vitscope
