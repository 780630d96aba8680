#include "ui/playground/input_panel.h"

#include "ui/imaging/image_converter.h"
#include "ui/playground/matrix_grid.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {

constexpr int kPictureSide = 280;

QPushButton* button(const char* name, const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolTip(tip);
    return b;
}

} // namespace

InputPanel::InputPanel(QWidget* parent) : QWidget(parent) {
    source_ = new QTabWidget(this);
    source_->setObjectName(QStringLiteral("inputSourceTabs"));

    // Matrix tab: size, the lessons' examples, the grid.
    auto* matrixPage = new QWidget(source_);
    rows_ = new QSpinBox(matrixPage);
    rows_->setObjectName(QStringLiteral("inputRows"));
    cols_ = new QSpinBox(matrixPage);
    cols_->setObjectName(QStringLiteral("inputCols"));
    for (QSpinBox* box : {rows_, cols_}) {
        box->setRange(1, 12);
        box->setValue(5);
    }
    rows_->setToolTip(tr("Height: rows"));
    cols_->setToolTip(tr("Width: columns"));
    grid_ = new MatrixGrid(true, matrixPage);
    grid_->setObjectName(QStringLiteral("inputMatrix"));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(new QLabel(tr("Size:"), matrixPage));
    sizeRow->addWidget(cols_); // width × height, like every size on the page
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), matrixPage));
    sizeRow->addWidget(rows_);
    sizeRow->addStretch();
    auto* examples = new QHBoxLayout;
    auto* convExample =
        button("courseConvolutionExample", tr("Kernel lesson 5×5"),
               tr("The 5×5 image of the lesson \"El kernel en acción\""), matrixPage);
    auto* poolExample =
        button("coursePoolingExample", tr("Pooling lesson 4×4"),
               tr("The 4×4 feature map of the lesson \"Capa de pooling\""), matrixPage);
    examples->addWidget(convExample);
    examples->addWidget(poolExample);
    examples->addStretch();
    auto* matrixLayout = new QVBoxLayout(matrixPage);
    matrixLayout->addLayout(sizeRow);
    matrixLayout->addLayout(examples);
    matrixLayout->addWidget(grid_, 0, Qt::AlignHCenter);
    auto* hint = new QLabel(tr("Type numbers in the cells. Click an output cell to see "
                               "the window that produced it."),
                            matrixPage);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    matrixLayout->addWidget(hint);
    matrixLayout->addStretch();
    source_->addTab(matrixPage, tr("Matrix"));

    // Image tab: open, colour handling, the picture.
    auto* imagePage = new QWidget(source_);
    auto* open = button("openImageButton", tr("Open image…"),
                        tr("Or drop an image file anywhere on this page"), imagePage);
    colour_ = new QComboBox(imagePage);
    colour_->setObjectName(QStringLiteral("imageColour"));
    colour_->addItem(tr("Colour: each channel"), QStringLiteral("colour"));
    colour_->addItem(tr("Greyscale"), QStringLiteral("grey"));
    picture_ = new QLabel(tr("Drop an image here\nor open one"), imagePage);
    picture_->setObjectName(QStringLiteral("inputImage"));
    picture_->setAlignment(Qt::AlignCenter);
    picture_->setMinimumSize(kPictureSide, kPictureSide);
    picture_->setForegroundRole(QPalette::PlaceholderText);
    caption_ = new QLabel(imagePage);
    caption_->setObjectName(QStringLiteral("imageCaption"));
    caption_->setWordWrap(true);
    caption_->setAlignment(Qt::AlignCenter);
    auto* imageTop = new QHBoxLayout;
    imageTop->addWidget(open);
    imageTop->addWidget(colour_);
    imageTop->addStretch();
    auto* imageLayout = new QVBoxLayout(imagePage);
    imageLayout->addLayout(imageTop);
    imageLayout->addWidget(picture_, 0, Qt::AlignHCenter);
    imageLayout->addWidget(caption_);
    imageLayout->addStretch();
    source_->addTab(imagePage, tr("Image"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(source_);

    showConvolutionExample();
    connect(rows_, &QSpinBox::valueChanged, this, &InputPanel::sizeChanged);
    connect(cols_, &QSpinBox::valueChanged, this, &InputPanel::sizeChanged);
    connect(grid_, &MatrixGrid::edited, this, &InputPanel::changed);
    connect(convExample, &QPushButton::clicked, this, &InputPanel::showConvolutionExample);
    connect(poolExample, &QPushButton::clicked, this, &InputPanel::showPoolingExample);
    connect(open, &QPushButton::clicked, this, &InputPanel::openImageRequested);
    connect(colour_, &QComboBox::currentIndexChanged, this, [this] {
        showImage();
        Q_EMIT changed();
    });
    connect(source_, &QTabWidget::currentChanged, this, &InputPanel::changed);
}

bool InputPanel::imageMode() const {
    return source_->currentIndex() == 1;
}

cs::PlaygroundMatrix InputPanel::matrix() const {
    return grid_->matrix(tr("input"));
}

QImage InputPanel::image() const {
    if (image_.isNull()) return {};
    if (colour_->currentData().toString() == QLatin1String("grey"))
        return image_.convertToFormat(QImage::Format_Grayscale8);
    return image_;
}

void InputPanel::setMatrix(const cs::PlaygroundMatrix& m) {
    {
        const QSignalBlocker r(rows_), c(cols_);
        rows_->setValue(m.rows);
        cols_->setValue(m.cols);
    }
    grid_->setMatrix(m);
    grid_->setHighlight({});
    if (imageMode())
        source_->setCurrentIndex(0); // emits changed()
    else
        Q_EMIT changed();
}

void InputPanel::showConvolutionExample() {
    setMatrix(cs::parseMatrix("1 2 3 0 1; 4 5 6 2 1; 7 8 9 1 2; 1 3 2 1 3; 2 4 1 3 0"));
}

void InputPanel::showPoolingExample() {
    setMatrix(cs::parseMatrix("1 3 2 4; 5 6 1 2; 8 9 4 1; 3 7 5 6"));
}

void InputPanel::sizeChanged() {
    grid_->setDimensions(rows_->value(), cols_->value());
    grid_->setHighlight({});
    Q_EMIT changed();
}

void InputPanel::setImage(const QImage& image, const QString& caption) {
    image_ = image;
    captionText_ = caption;
    const int side = std::max(image.width(), image.height());
    if (side > kMaxImageSide) {
        // A photo of several megapixels would make every change take seconds;
        // the lesson's point shows just as well at this size.
        image_ = image.scaled(kMaxImageSide, kMaxImageSide, Qt::KeepAspectRatio,
                              Qt::SmoothTransformation);
        captionText_ +=
            tr(" (scaled to %1×%2 for the playground)").arg(image_.width()).arg(image_.height());
    }
    showImage();
    if (!imageMode())
        source_->setCurrentIndex(1); // emits changed()
    else
        Q_EMIT changed();
}

bool InputPanel::openImageFile(const QString& path, QString* error) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        if (error) *error = tr("%1: %2").arg(QFileInfo(path).fileName(), reader.errorString());
        return false;
    }
    setImage(image, QFileInfo(path).fileName());
    return true;
}

void InputPanel::showImage() {
    const QImage shown = image();
    if (shown.isNull()) return;
    picture_->setPixmap(crispPixmap(shown, kPictureSide, devicePixelRatioF()));
    const bool grey = shown.isGrayscale();
    caption_->setText(tr("%1\n%2×%3, %4")
                          .arg(captionText_)
                          .arg(shown.width())
                          .arg(shown.height())
                          .arg(grey ? tr("1 channel (grey)") : tr("3 channels (R, G, B)")));
}

void InputPanel::saveSettings(QSettings& settings) const {
    try {
        settings.setValue("inputMatrix", QString::fromStdString(cs::formatMatrix(matrix(), 6)));
    } catch (const std::exception&) {
        // A cell being typed does not parse: the last good matrix stays saved.
    }
    settings.setValue("imageColour", colour_->currentData().toString());
}

void InputPanel::restoreSettings(const QSettings& settings) {
    const QSignalBlocker block(this);
    const int colour = colour_->findData(settings.value("imageColour", "colour").toString());
    if (colour >= 0) colour_->setCurrentIndex(colour);
    try {
        const cs::PlaygroundMatrix m =
            cs::parseMatrix(settings.value("inputMatrix").toString().toStdString());
        if (m.rows <= rows_->maximum() && m.cols <= cols_->maximum()) setMatrix(m);
    } catch (const std::exception&) {
        // No saved matrix (first start) or an unreadable one: the lesson's example stays.
    }
}

} // namespace ui
