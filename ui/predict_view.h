#pragma once
// Predict view: drop (or open, add, or paste) images and read the model's softmax probabilities as
// sorted horizontal bars. Several files or a folder fill a list to step through and export; the
// image, chart and message always describe the selected item of the list.
#include "engine/model_calibration.h"
#include "session/session_types.h"

#include <QImage>
#include <QTemporaryDir>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace vitscope {

class ImagePreview;
class Predictor;
class ProbabilityChart;

class PredictView : public QWidget {
    Q_OBJECT
public:
    enum class ListMode { Replace, Add }; // what new images do to the list
    Q_ENUM(ListMode)
    explicit PredictView(Predictor *predictor, QWidget *parent = nullptr);

    void predictFiles(const QStringList &paths, ListMode mode = ListMode::Replace); // files and/or folders
    QVector<double> barValues() const;           // shown probabilities, in bar order (tests)
    QStringList barLabels() const;
    QString message() const;
    QString modelWarning() const;
    bool attentionShown() const; // rollout drawn for the current image (tests)
    bool gradCamShown() const;
    void setAttentionVisible(bool on);
    void setGradCamVisible(bool on, int target = -1); // -1: the predicted class
    bool calibratedShown() const;                     // the bars are calibrated probabilities
    QString setLine() const;                          // "90 % set: ..." of the current image
    QString reviewLine() const;                       // the review flag, empty when not flagged
    int resultCount() const;

Q_SIGNALS:
    void messageChanged(const QString &message);
    void predictionShown(const QString &path);
    void exported(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // What a prediction shows: calibrated probabilities unless raw ones are asked for or there is
    // no calibration, its set and its review flag.
    struct Shown {
        QVector<double> probabilities, calibrated;
        QVector<int> set;
        bool review = false, trusted = false;
    };
    Shown shown(const Prediction &p) const;
    static QString dropHint();
    static QString noModelHint();
    static QString errorColour(const QWidget *widget); // a red that reads on the palette in use
    void onPredicted(const vitscope::Prediction &p);
    void setModel(const QString &folder, const QStringList &labels);
    void updateItem(int row);
    void refreshResults();
    void showRow(int row);
    void updateMaps();
    int camTarget() const; // the class Grad-CAM explains; -1 the predicted one
    void onAttention(const vitscope::AttentionMap &map);
    void updateMessage();
    void setMessage(const QString &message, bool error);
    void openFiles(ListMode mode);
    void paste();
    void exportCsv();

    Predictor *m_predictor;
    ImagePreview *m_preview;
    QLabel *m_top, *m_message, *m_modelWarning, *m_set, *m_review, *m_calibrationNote;
    ProbabilityChart *m_chart;
    QListWidget *m_list;
    QPushButton *m_export;
    QComboBox *m_overlay, *m_camClass;
    QDoubleSpinBox *m_level, *m_reviewBelow;
    QCheckBox *m_raw;
    QString m_currentPath;
    std::optional<ModelCalibration> m_calibration; // the loaded model's calibration.json
    QString m_calibrationProblem;
    QVector<Prediction> m_results; // one per row of m_list
    QStringList m_requested;       // the list's files, answered or not: predicted again by a new model
    int m_outstanding = 0;         // results still to come for the list
    int m_superseded = 0;          // results still to come for lists since replaced: dropped
    QTemporaryDir m_pasted;        // pasted images, as files the predictor can read
    int m_pastedCount = 0;
};

} // namespace vitscope
