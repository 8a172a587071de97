#pragma once
// Predict view: drop (or open, or paste) images and read the model's softmax probabilities as
// sorted horizontal bars. Several files or a folder fill a list to step through and export.
#include "session/session_types.h"

#include <QWidget>

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
    QVector<Prediction> m_results;
    QVector<double> m_shownValues;
    QStringList m_shownLabels;
};

} // namespace vitscope
