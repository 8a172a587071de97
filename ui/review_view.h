#pragma once
// Review view: the annotator's loop. A queue of images, as a grid, either labelled ones ranked by
// how probably their label is wrong (k-fold review, or a run's held-out predictions from a
// confusion cell) or new frames ranked by how uncertain the model is. Keys 1-9 assign a class, X
// excludes, Space keeps (or confirms the suggestion), Ctrl+Z / Ctrl+Shift+Z undo and redo; each
// decision is a line of the label manifest, and no image file is ever touched.
#include "config/choices.h"
#include "job/label_review.h"

#include "ui/review_model.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vitscope {

class LabelManifest;
class Predictor;
class ReviewModel;
class ReviewSession;
struct Prediction;

class ReviewView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kExclude = -1, kKeep = -2;

    explicit ReviewView(QWidget *parent = nullptr);
    ~ReviewView() override;

    void setDataset(const QString &root);
    void setModel(const QString &folder); // k-fold review features and new-frame predictions
    QString dataset() const { return m_root; }

    void findLabelErrors();                                    // k-fold on the model's features
    // A confusion cell's images: `part` ("val" or "test") of the run, its calibrated probabilities.
    void reviewRun(const QString &run, const QString &part, int given, int predicted);
    void openFrames(const QString &folder);                    // new frames, predicted in the background
    void showResult(const ReviewResult &result);
    // Applies a decision to the selected tiles (label >= 0, kExclude or kKeep), then selects the next.
    void decide(int label);
    void undo();
    void redo();

    ReviewModel *model() const { return m_model; }
    QListView *grid() const { return m_grid; }
    QString statusText() const;
    QString labelsFile() const;

Q_SIGNALS:
    void retrainRequested(const QString &dataset);
    void labelsChanged(const QString &dataset);
    void busyChanged(bool busy);

private:
    void buildUi();
    void setBusy(bool busy, const QString &message = {});
    void ensureManifest();
    void refreshAfterChange(int nextEntry);
    void updateStatus();
    void fillPairFilter();
    void addFrame(const Prediction &p);
    void framesFinished();
    void resortFrames();
    void fail(const QString &message);

    QString m_root, m_modelFolder;
    QPair<int, int> m_pendingPair{-1, -1};
    std::unique_ptr<LabelManifest> m_manifest;
    ReviewSession *m_session;
    Predictor *m_framePredictor = nullptr; // its own worker: the Predict view's stays free
    QStringList m_frameClasses, m_framesToPredict;
    QVector<ReviewEntry> m_frameEntries;
    bool m_frames = false;
    ReviewModel *m_model;
    QListView *m_grid;
    QComboBox *m_pairs, *m_state, *m_sort;
    QSpinBox *m_folds;
    QPushButton *m_find, *m_open, *m_cancel, *m_undo, *m_redo, *m_retrain;
    QLabel *m_source, *m_status, *m_keys, *m_labels;
    QProgressBar *m_progress;
};

} // namespace vitscope
