#include "ui/datapage/augmentation_preview_view.h"

#include "ui/imaging/image_converter.h"
#include "ui/window/engine_text.h"

#include "engine/data/augmentation_preview.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <algorithm>

namespace ui {

void AugmentationCanvas::setCells(QVector<QImage> images, QStringList captions, int columns) {
    images_ = std::move(images);
    captions_ = std::move(captions);
    columns_ = std::max(1, columns);
    update();
}

void AugmentationCanvas::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (images_.isEmpty()) return;
    const int rows = int((images_.size() + columns_ - 1) / columns_);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const int captionHeight = QFontMetrics(small).height() + 4;
    const int gap = 10;
    const int cellWidth = (width() - gap) / columns_;
    const int cellHeight = (height() - gap) / rows;
    const int side = std::max(8, std::min(cellWidth - gap, cellHeight - gap - captionHeight));
    p.setFont(small);
    for (int i = 0; i < images_.size(); ++i) {
        const int r = i / columns_, c = i % columns_;
        const QRect cell(gap + c * cellWidth, gap + r * cellHeight, side, side);
        const QImage& image = images_[i];
        if (!image.isNull()) {
            // Whole-number enlargement keeps small images' pixels square.
            const double scale =
                std::min(double(side) / image.width(), double(side) / image.height());
            const QSize size(int(image.width() * scale), int(image.height() * scale));
            p.setRenderHint(QPainter::SmoothPixmapTransform, scale < 1.0);
            p.drawImage(QRect(cell.topLeft() +
                                  QPoint((side - size.width()) / 2, (side - size.height()) / 2),
                              size),
                        image);
        }
        if (c == 0) {
            p.setPen(palette().color(QPalette::Highlight));
            p.drawRect(cell.adjusted(-1, -1, 0, 0));
        }
        p.setPen(palette().color(QPalette::WindowText));
        const QRect text(cell.left(), cell.bottom() + 2, cellWidth - gap, captionHeight);
        p.drawText(text, Qt::AlignLeft | Qt::AlignTop,
                   p.fontMetrics().elidedText(i < captions_.size() ? captions_[i] : QString(),
                                              Qt::ElideRight, text.width()));
    }
}

AugmentationPreviewView::AugmentationPreviewView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* header = new QHBoxLayout;
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    auto* again = new QPushButton(tr("New draws"), this);
    again->setToolTip(tr("Draw other random transforms of the same images"));
    header->addWidget(note_, 1);
    header->addWidget(again);
    canvas_ = new AugmentationCanvas(this);
    layout->addLayout(header);
    layout->addWidget(canvas_, 1);
    connect(again, &QPushButton::clicked, this, &AugmentationPreviewView::newDraws);
}

void AugmentationPreviewView::setDataset(std::shared_ptr<const LoadedDataset> data) {
    data_ = std::move(data);
    render();
}

void AugmentationPreviewView::setOptions(const cs::AugmentationOptions& options) {
    options_ = options;
    render();
}

void AugmentationPreviewView::newDraws() {
    ++seed_;
    render();
}

namespace {
struct PreviewResult {
    QVector<QImage> images;
    QStringList captions;
    QString error;
};
} // namespace

void AugmentationPreviewView::render() {
    note_->setText(
        options_.enabled()
            ? tr("Each row: a training image (framed), then random draws of the settings: "
                 "r rotation°, t shift px, s shear°, z zoom, b brightness.")
            : tr("No augmentation: the training images are used as they are. Set a range on the "
                 "left to see random transforms here."));
    const int generation = ++generation_;
    auto* watcher = new QFutureWatcher<PreviewResult>(this);
    connect(watcher, &QFutureWatcher<PreviewResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) return;
        PreviewResult r = watcher->result();
        images_ = r.images;
        captions_ = r.captions;
        canvas_->setCells(images_, captions_, kDraws + 1);
        if (!r.error.isEmpty()) note_->setText(r.error);
        ++renderCount_;
        Q_EMIT rendered();
    });
    watcher->setFuture(QtConcurrent::run([data = data_, options = options_, seed = seed_]() {
        PreviewResult r;
        if (!data) return r;
        try {
            // One image of each of the first classes, for variety; the engine draws the transforms
            // exactly as training's batch transform would (seeded per row and column).
            cs::ImageSet sources;
            sources.height = data->height();
            sources.width = data->width();
            sources.channels = data->channels();
            std::vector<uint8_t> pixels;
            for (int cls = 0; sources.count() < kRows && cls < std::max(1, data->classCount());
                 ++cls) {
                const std::vector<int> indices = data->indicesOf("train", cls);
                if (indices.empty() || !data->pixels("train", indices.front(), pixels)) continue;
                sources.pixels.insert(sources.pixels.end(), pixels.begin(), pixels.end());
                sources.labels.push_back(cls);
            }
            const cs::AugmentationPreview preview =
                cs::makeAugmentationPreview(sources, options, kDraws, seed);
            for (int row = 0; row < preview.sources.count(); ++row) {
                r.images << imageFromSet(preview.sources, row);
                r.captions << QString::fromStdString(
                    data->classNames()[size_t(preview.sources.labels[size_t(row)])]);
                for (int k = 0; k < kDraws; ++k) {
                    const int i = row * kDraws + k;
                    r.images << imageFromSet(preview.transformed, i);
                    const cs::TransformParams& params = preview.params[size_t(i)];
                    // The draw's short codes (r+23 t-1,+5 …) are the same in every language;
                    // a draw that changed nothing says so in words.
                    r.captions << (params.isIdentity() ? AugmentationPreviewView::tr("unchanged")
                                                       : QString::fromStdString(params.describe()));
                }
            }
        } catch (const std::exception& e) {
            r.error = errorText(e);
        }
        return r;
    }));
}

} // namespace ui
