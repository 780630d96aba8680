#include "ui/playground/playground_page.h"

#include "ui/playground/convolution_panel.h"
#include "ui/playground/input_panel.h"
#include "ui/playground/matrix_grid.h"
#include "ui/playground/output_panel.h"
#include "ui/playground/pooling_panel.h"
#include "ui/window/engine_text.h"

#include "engine/core/errors.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImageReader>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

namespace {

QGroupBox* group(const QString& title, QWidget* content, QWidget* parent) {
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content);
    return box;
}

// Width × height, as images are described, everywhere on the page (a matrix's columns are its width).
QString sizeText(int width, int height) {
    return QStringLiteral("%1×%2").arg(width).arg(height);
}

// The first dropped file that Qt can read as an image, or an empty string.
QString droppedImage(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile()) continue;
        const QByteArray suffix = QFileInfo(url.toLocalFile()).suffix().toLower().toLatin1();
        if (formats.contains(suffix)) return url.toLocalFile();
    }
    return {};
}

} // namespace

PlaygroundPage::PlaygroundPage(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);
    input_ = new InputPanel(this);
    modes_ = new QTabWidget(this);
    modes_->setObjectName(QStringLiteral("playgroundModeTabs"));
    convolution_ = new ConvolutionPanel(modes_);
    pooling_ = new PoolingPanel(modes_);
    modes_->addTab(convolution_, tr("Convolution"));
    modes_->addTab(pooling_, tr("Pooling"));
    output_ = new OutputPanel(this);

    auto* inputBox = group(tr("Input"), input_, this);
    auto* operationBox = group(tr("Operation"), modes_, this);
    auto* outputBox = group(tr("Output"), output_, this);
    inputBox->setMinimumWidth(330);
    operationBox->setMinimumWidth(360); // a form with labels and choices ("Relleno (padding):")
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(inputBox, 3);
    layout->addWidget(operationBox, 4);
    layout->addWidget(outputBox, 5);

    connect(input_, &InputPanel::changed, this, &PlaygroundPage::recompute);
    connect(input_, &InputPanel::openImageRequested, this, &PlaygroundPage::openImage);
    connect(convolution_, &ConvolutionPanel::changed, this, &PlaygroundPage::recompute);
    connect(pooling_, &PoolingPanel::changed, this, &PlaygroundPage::recompute);
    connect(modes_, &QTabWidget::currentChanged, this, &PlaygroundPage::recompute);
    connect(output_, &OutputPanel::cellSelected, this, &PlaygroundPage::outlineWindow);
    connect(&watcher_, &QFutureWatcher<PlaygroundResult>::finished, this,
            &PlaygroundPage::imageJobFinished);

    restoreSettings();
    recompute();
}

PlaygroundPage::~PlaygroundPage() {
    // The job holds copies of its inputs only; waiting keeps it from outliving the page's thread
    // pool use.
    watcher_.waitForFinished();
}

void PlaygroundPage::setImage(const QImage& image, const QString& caption) {
    input_->setImage(image, caption); // emits changed() -> recompute()
}

bool PlaygroundPage::poolingMode() const { return modes_->currentIndex() == 1; }
void PlaygroundPage::setPoolingMode(bool pooling) { modes_->setCurrentIndex(pooling ? 1 : 0); }

void PlaygroundPage::recompute() {
    if (restoring_) return;
    PlaygroundRequest request;
    request.pooling = modes_->currentIndex() == 1;
    request.useImage = input_->imageMode();
    try {
        if (request.pooling) {
            request.pool = pooling_->settings();
        } else {
            request.kernel = convolution_->kernel();
            request.convolution = convolution_->settings();
        }
        if (!request.useImage) request.matrix = input_->matrix();
    } catch (const cs::Error& e) {
        PlaygroundResult failed;
        failed.error = errorText(e);
        showResult(failed, request);
        return;
    }
    saveSettings();
    if (!request.useImage) {
        showResult(computePlayground(request), request);
        return;
    }
    request.image = input_->image();
    if (request.image.isNull()) {
        // Not an error: the Image tab was just opened. Say what to do next.
        output_->showNote(tr("No image yet: open one, or drop an image file on this page."));
        Q_EMIT outputShown();
        return;
    }
    startImageJob(request);
}

void PlaygroundPage::startImageJob(const PlaygroundRequest& request) {
    if (running_) {
        pending_ = request;
        hasPending_ = true;
        return;
    }
    running_ = true;
    runningRequest_ = request;
    output_->showBusy();
    watcher_.setFuture(QtConcurrent::run([request] { return computePlayground(request); }));
}

void PlaygroundPage::imageJobFinished() {
    running_ = false;
    if (hasPending_) {
        // A newer request came while this one ran: its answer is the one to show.
        hasPending_ = false;
        startImageJob(pending_);
        return;
    }
    showResult(watcher_.result(), runningRequest_);
}

void PlaygroundPage::showResult(const PlaygroundResult& result, const PlaygroundRequest& request) {
    if (!result.ok()) {
        result_.error = result.error;
        output_->showError(result.error);
        input_->grid()->setHighlight({});
        Q_EMIT outputShown();
        return;
    }
    result_ = result;
    shownRequest_ = request;
    const QString in =
        request.useImage
            ? tr("%1 input, %2")
                  .arg(sizeText(request.image.width(), request.image.height()),
                       result.images.size() == 1 ? tr("1 channel")
                                                 : tr("%1 channels").arg(result.images.size()))
            : tr("%1 input").arg(sizeText(request.matrix.cols, request.matrix.rows));
    const QString window =
        request.pooling
            ? tr("%1 %2 pool")
                  .arg(sizeText(result.cols.kernel, result.rows.kernel),
                       request.pool.kind == cs::PoolingKind::Max ? tr("max") : tr("average"))
            : tr("%1 kernel").arg(sizeText(request.kernel.cols, request.kernel.rows));
    output_->showResult(
        result,
        tr("%1, %2, stride %3").arg(in, window, sizeText(result.cols.stride, result.rows.stride)));
    input_->grid()->setHighlight({});
    Q_EMIT outputShown();
}

void PlaygroundPage::outlineWindow(int row, int col) {
    if (!result_.ok() || shownRequest_.useImage || row >= result_.output.rows ||
        col >= result_.output.cols)
        return;
    // The window's top-left in input coordinates; padding puts it partly outside.
    const int top = row * result_.rows.stride - result_.rows.padBefore;
    const int left = col * result_.cols.stride - result_.cols.padBefore;
    const QRect window(left, top, result_.cols.kernel, result_.rows.kernel);
    input_->grid()->setHighlight(window);
    const QRect inside =
        window.intersected(QRect(0, 0, shownRequest_.matrix.cols, shownRequest_.matrix.rows));
    QString note = tr("Output row %1, column %2 = %3 comes from input rows %4–%5, columns %6–%7")
                       .arg(row + 1)
                       .arg(col + 1)
                       .arg(QString::number(result_.output.at(row, col), 'g', 6))
                       .arg(top + 1)
                       .arg(top + window.height())
                       .arg(left + 1)
                       .arg(left + window.width());
    if (inside != window)
        note += shownRequest_.pooling ? tr(" (the part outside is padding, left out)")
                                      : tr(" (the part outside is zero padding)");
    if (!shownRequest_.pooling &&
        shownRequest_.convolution.mode == cs::ConvolutionMode::Convolution)
        note += tr("; the kernel is turned 180° before it is laid on the window");
    output_->setWindowNote(note + QLatin1Char('.'));
}

void PlaygroundPage::openImage() {
    QSettings settings;
    settings.beginGroup("playground");
    const QString folder =
        settings
            .value("imageFolder",
                   QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .toString();
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        patterns << QStringLiteral("*.%1").arg(QString::fromLatin1(format));
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open image"), folder, tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))));
    if (path.isEmpty()) return;
    settings.setValue("imageFolder", QFileInfo(path).absolutePath());
    QString error;
    if (!input_->openImageFile(path, &error)) output_->showError(error);
}

void PlaygroundPage::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedImage(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void PlaygroundPage::dropEvent(QDropEvent* event) {
    const QString path = droppedImage(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    QString error;
    if (!input_->openImageFile(path, &error)) output_->showError(error);
}

void PlaygroundPage::saveSettings() const {
    QSettings settings;
    settings.beginGroup("playground");
    settings.setValue("mode", modes_->currentIndex() == 1 ? "pooling" : "convolution");
    input_->saveSettings(settings);
    convolution_->saveSettings(settings);
    pooling_->saveSettings(settings);
}

void PlaygroundPage::restoreSettings() {
    restoring_ = true;
    QSettings settings;
    settings.beginGroup("playground");
    modes_->setCurrentIndex(settings.value("mode").toString() == QLatin1String("pooling") ? 1 : 0);
    input_->restoreSettings(settings);
    convolution_->restoreSettings(settings);
    pooling_->restoreSettings(settings);
    restoring_ = false;
}

} // namespace ui
