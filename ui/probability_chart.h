#pragma once
// The Predict view's chart: one horizontal bar per class, sorted so that the most probable is drawn
// on top, each labelled with its percentage. With nothing to show it shows no axes, only a line
// that says why (a 0-5 axis with no bars means nothing to a reader).
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QStackedLayout;

namespace vitscope {

class ProbabilityChart : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityChart(QWidget *parent = nullptr);

    void showProbabilities(const QStringList &labels, const QVector<double> &probabilities); // same order
    void showNothing(const QString &why);
    void clear(); // nothing chosen yet
    QVector<double> barValues() const { return m_values; } // shown probabilities, in bar order (tests)
    QStringList barLabels() const { return m_labels; }

    // "92.1 %" (as the language writes it), never broken between the number and the sign.
    static QString percent(double probability);

private:
    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QCustomPlot *m_plot;
    QVector<double> m_values;
    QStringList m_labels;
};

} // namespace vitscope
