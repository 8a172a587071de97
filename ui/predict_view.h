#pragma once
// Predict view: drop (or open, add, or paste) images and read the model's softmax probabilities as
// sorted horizontal bars. Several files or a folder fill a list to step through and export; the
// image, chart and message always describe the selected item of the list.
#include "session/session_types.h"

#include <QImage>
#include <QTemporaryDir>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace vitscope {

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
    bool attentionShown() const { return m_attentionShown; } // overlay drawn for the current image (tests)
    void setAttentionVisible(bool on);
    int resultCount() const;

Q_SIGNALS:
    void messageChanged(const QString &message);
    void predictionShown(const QString &path);
    void exported(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onPredicted(const vitscope::Prediction &p);
    void showRow(int row);
    void updatePreview();
    void onAttention(const vitscope::AttentionMap &map);
    void updateMessage();
    void setMessage(const QString &message, bool error);
    void openFiles(ListMode mode);
    void paste();
    void exportCsv();

    Predictor *m_predictor;
    QLabel *m_image, *m_top, *m_message, *m_modelWarning;
    ProbabilityChart *m_chart;
    QListWidget *m_list;
    QPushButton *m_export;
    QCheckBox *m_attention;
    QString m_currentPath;
    QImage m_currentImage, m_heat; // the image shown, and the rollout for it (grid size)
    bool m_attentionShown = false;
    QVector<Prediction> m_results; // one per row of m_list
    int m_outstanding = 0;         // results still to come for the list
    int m_superseded = 0;          // results still to come for lists since replaced: dropped
    QTemporaryDir m_pasted;        // pasted images, as files the predictor can read
    int m_pastedCount = 0;
};

} // namespace vitscope
