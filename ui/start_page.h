#pragma once
// The start page: what a first run opens on instead of an empty view (and Help -> Start page later).
// Three large actions (the demo, my data set with a diagram of its folder layout, a pretrained
// model), the research-use notice and the keyboard shortcuts. It only asks; the main window acts.
#include <QWidget>

class QPushButton;

namespace vitscope {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    QPushButton *demoButton() const { return m_demo; } // tests
    QPushButton *datasetButton() const { return m_dataset; }
    QPushButton *pretrainedButton() const { return m_pretrained; }

Q_SIGNALS:
    void demoRequested();
    void openDatasetRequested();
    void pretrainedRequested();

private:
    QPushButton *m_demo, *m_dataset, *m_pretrained;
};

// The layout a data set must have, drawn: a folder, and in it one folder of images per class.
class FolderDiagram : public QWidget {
    Q_OBJECT
public:
    explicit FolderDiagram(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace vitscope
