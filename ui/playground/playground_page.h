// PlaygroundPage: the course's lessons on kernels, padding, strides and
// pooling made interactive. On the left the input (a typed matrix or an
// image), in the middle the operation (Convolution or Pooling tab), on the
// right the output and its size arithmetic. Every change recomputes: a matrix
// at once on the GUI thread (it is tiny), an image on a pool thread where the
// latest request wins. All computing is the engine's (engine/tools); this
// page only gathers the request and shows the answer or the error.
#pragma once

#include "ui/playground/playground_job.h"

#include <QFutureWatcher>
#include <QImage>
#include <QString>
#include <QWidget>

class QTabWidget;

namespace ui {

class ConvolutionPanel;
class InputPanel;
class OutputPanel;
class PoolingPanel;

class PlaygroundPage : public QWidget {
    Q_OBJECT
public:
    explicit PlaygroundPage(QWidget* parent = nullptr);
    ~PlaygroundPage() override;

    InputPanel* input() const { return input_; }
    ConvolutionPanel* convolution() const { return convolution_; }
    PoolingPanel* pooling() const { return pooling_; }
    OutputPanel* output() const { return output_; }

    // The last result shown (or the error that replaced it).
    const PlaygroundResult& result() const { return result_; }
    bool busy() const { return running_; }
    bool poolingMode() const;
    void setPoolingMode(bool pooling); // the Pooling tab, else Convolution

public Q_SLOTS:
    // Shows an image (from the data set, the Inspect page, a drop) as the input.
    void setImage(const QImage& image, const QString& caption);
    // Recomputes from the current widgets (they call it on every change).
    void recompute();

Q_SIGNALS:
    // After each result or error is on screen, matrix or image.
    void outputShown();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void openImage();
    void startImageJob(const PlaygroundRequest& request);
    void imageJobFinished();
    void showResult(const PlaygroundResult& result, const PlaygroundRequest& request);
    void outlineWindow(int row, int col);
    void saveSettings() const;
    void restoreSettings();

    QTabWidget* modes_;
    InputPanel* input_;
    ConvolutionPanel* convolution_;
    PoolingPanel* pooling_;
    OutputPanel* output_;
    PlaygroundResult result_;
    PlaygroundRequest shownRequest_; // what result_ answers (for outlining windows)

    // Image jobs: one runs at a time; a request arriving meanwhile waits in
    // pending_, replacing any older waiting one (the latest request wins).
    QFutureWatcher<PlaygroundResult> watcher_;
    PlaygroundRequest runningRequest_;
    PlaygroundRequest pending_;
    bool running_ = false;
    bool hasPending_ = false;
    bool restoring_ = false;
};

} // namespace ui
