#pragma once
// Predict view: drop (or open, or paste) images and read the model's softmax probabilities as
// sorted horizontal bars. Several files or a folder fill a list to step through and export.
#include "session/session_types.h"

#include <QImage>
#include <QWidget>

class QCheckBox;
class QCustomPlot;
class QCPBars;
class QLabel;
class QListWidget;
class QPushButton;

namespace vitscope {

class Predictor;

class PredictView : public QWidget {
    Q_OBJECT
public:
    explicit PredictView(Predictor *predictor, QWidget *parent = nullptr);

    void predictFiles(const QStringList &paths); // files and/or folders
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

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onPredicted(const vitscope::Prediction &p);
    void show(int row);
    void updatePreview();
    void onAttention(const vitscope::AttentionMap &map);
    void setMessage(const QString &message, bool error);
    void openFiles();
    void pasteImage();
    void exportCsv();

    Predictor *m_predictor;
    QLabel *m_image, *m_top, *m_message, *m_modelWarning;
    QCustomPlot *m_plot;
    QCPBars *m_bars = nullptr;
    QListWidget *m_list;
    QPushButton *m_export;
    QCheckBox *m_attention;
    QString m_currentPath;
    QImage m_currentImage, m_heat; // the image shown, and the rollout for it (grid size)
    bool m_attentionShown = false;
    QVector<Prediction> m_results;
    QVector<double> m_shownValues;
    QStringList m_shownLabels;
};

} // namespace vitscope
