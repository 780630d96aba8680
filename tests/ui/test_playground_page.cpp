// The playground page driven as a learner would: the course's 5x5 matrix with
// the vertical-edge kernel gives the engine's numbers (valid, same, stride 2,
// full, correlation vs convolution), the 4x4 pooling example gives the
// lesson's [[6,4],[9,6]], an output cell outlines its input window, images
// (set by another page or dropped as a file) are computed off the GUI thread
// at the engine's size with the latest request winning, errors show on the
// page and go away when fixed, and settings persist.
#include "tests/ui/ui_test_support.h"

#include "ui/playground/input_panel.h"
#include "ui/playground/matrix_grid.h"
#include "ui/playground/playground_page.h"

#include "engine/tools/convolution_playground.h"
#include "engine/tools/pooling_playground.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QtTest>
#include <memory>

using namespace ui;

namespace {

const char* kLessonMatrix = "1 2 3 0 1; 4 5 6 2 1; 7 8 9 1 2; 1 3 2 1 3; 2 4 1 3 0";

cs::PlaygroundMatrix gridValues(const MatrixGrid* grid) {
    cs::PlaygroundMatrix m(grid->rowCount(), grid->columnCount());
    for (int r = 0; r < m.rows; ++r)
        for (int c = 0; c < m.cols; ++c)
            m.at(r, c) = grid->value(r, c);
    return m;
}

// A 28x28 image like an MNIST digit: black with a white vertical bar.
QImage barImage(int width, int height, QImage::Format format) {
    QImage image(width, height, format);
    image.fill(Qt::black);
    QPainter painter(&image);
    painter.fillRect(QRect(width / 3, 2, width / 4, height - 4), Qt::white);
    return image;
}

} // namespace

class PlaygroundPageTest : public QObject {
    Q_OBJECT

    std::unique_ptr<PlaygroundPage> page_;

    template <typename T> T* child(const char* name) const {
        T* widget = page_->findChild<T*>(QString::fromLatin1(name));
        if (!widget) qFatal("no widget named %s", name);
        return widget;
    }
    MatrixGrid* output() const { return child<MatrixGrid>("outputMatrix"); }
    QString arithmetic() const { return child<QLabel>("arithmeticLabel")->text(); }
    void choose(const char* combo, const QString& data) {
        auto* box = child<QComboBox>(combo);
        const int index = box->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        box->setCurrentIndex(index);
    }
    // The lesson's setup: its matrix, its kernel, valid padding, stride 1.
    void lessonSetup() {
        child<QPushButton>("courseConvolutionExample")->click();
        choose("kernelPreset", "vertical_edge");
        choose("paddingCombo", "valid");
        choose("convolutionMode", "correlation");
        child<QSpinBox>("strideRows")->setValue(1);
        child<QSpinBox>("strideCols")->setValue(1);
    }

private Q_SLOTS:
    void init() {
        QSettings().remove("playground"); // each test starts from the defaults
        page_ = std::make_unique<PlaygroundPage>();
        page_->resize(1200, 800);
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
    }
    void cleanup() { page_.reset(); }

    void lessonMatrixValidGivesTheEnginesNumbers() {
        lessonSetup();
        const cs::PlaygroundMatrix expected =
            cs::convolve(cs::parseMatrix(kLessonMatrix), cs::kernelFromText("vertical_edge"), {})
                .output;
        QCOMPARE(output()->rowCount(), 3);
        QCOMPARE(output()->columnCount(), 3);
        QCOMPARE(gridValues(output()), expected);
        // By hand: (3 - 1) + (6 - 4) + (9 - 7) = 6 at the top left, and
        // (1 - 6) + (2 - 9) + (3 - 2) = -11 at row 2, column 3 (1-based).
        QCOMPARE(output()->value(0, 0), 6.0);
        QCOMPARE(output()->value(1, 2), -11.0);
        QVERIFY(arithmetic().contains("floor((5 - 3) / 1) + 1 = 3"));
        QVERIFY(child<QLabel>("presetDescription")->text().contains("vertical edges"));
        QVERIFY(!child<QLabel>("errorLabel")->isVisible());
    }

    void paddingAndStrideChangeTheSizeAndTheArithmetic() {
        lessonSetup();
        choose("paddingCombo", "same");
        QCOMPARE(output()->rowCount(), 5);
        QCOMPARE(output()->columnCount(), 5);
        QVERIFY(arithmetic().contains("ceil(5 / 1) = 5"));
        // Same padding: the corner's window is half zeros: (2 - 0) + (5 - 0) = 7.
        QCOMPARE(output()->value(0, 0), 7.0);

        choose("paddingCombo", "valid");
        child<QSpinBox>("strideRows")->setValue(2);
        child<QSpinBox>("strideCols")->setValue(2);
        QCOMPARE(output()->rowCount(), 2);
        QCOMPARE(output()->columnCount(), 2);
        QVERIFY(arithmetic().contains("floor((5 - 3) / 2) + 1 = 2"));
        cs::ConvolutionSettings s;
        s.strideRows = s.strideCols = 2;
        QCOMPARE(gridValues(output()), cs::convolve(cs::parseMatrix(kLessonMatrix),
                                                    cs::kernelFromText("vertical_edge"), s)
                                           .output);

        child<QSpinBox>("strideCols")->setValue(1);
        choose("paddingCombo", "full");
        QCOMPARE(output()->rowCount(), 4); // floor((5 + 4 - 3) / 2) + 1
        QCOMPARE(output()->columnCount(), 7);
        // Width × height, like the images on the page: 7 columns, 4 rows.
        QVERIFY2(child<QLabel>("outputShapeLabel")->text().contains("output 7×4"),
                 qPrintable(child<QLabel>("outputShapeLabel")->text()));
    }

    void convolutionFlipsTheSignOfAnEdgeKernel() {
        lessonSetup();
        const cs::PlaygroundMatrix correlation = gridValues(output());
        choose("convolutionMode", "convolution");
        const cs::PlaygroundMatrix convolution = gridValues(output());
        QCOMPARE(convolution.rows, 3);
        for (size_t i = 0; i < correlation.values.size(); ++i)
            QCOMPARE(convolution.values[i], -correlation.values[i]);
        QCOMPARE(convolution.at(0, 0), -6.0); // scipy's convolve2d(image, kernel, 'valid')[0, 0]
        QVERIFY(child<QLabel>("modeDescription")->text().contains("180 degrees"));
    }

    void poolingTheLessonsMapGivesItsNumbers() {
        child<QTabWidget>("playgroundModeTabs")->setCurrentIndex(1);
        child<QPushButton>("coursePoolingExample")->click();
        choose("poolKind", "max");
        QCOMPARE(gridValues(output()), cs::parseMatrix("6 4; 9 6"));
        QVERIFY(arithmetic().contains("floor((4 - 2) / 2) + 1 = 2"));
        choose("poolKind", "average");
        QCOMPARE(gridValues(output()), cs::parseMatrix("3.75 2.25; 6.75 4"));
        child<QSpinBox>("poolStrideRows")->setValue(1);
        child<QSpinBox>("poolStrideCols")->setValue(1);
        QCOMPARE(output()->rowCount(), 3);
        QCOMPARE(output()->value(0, 0), 3.75);
        QCOMPARE(output()->value(2, 2), 4.0); // (4 + 1 + 5 + 6) / 4
    }

    void anOutputCellOutlinesItsInputWindow() {
        lessonSetup();
        output()->setCurrentCell(1, 2);
        QCOMPARE(page_->input()->grid()->highlight(), QRect(2, 1, 3, 3));
        QVERIFY(child<QLabel>("windowNote")->text().contains("= -11"));
        choose("paddingCombo", "same");
        output()->setCurrentCell(0, 0);
        // Same padding: the window starts one cell before the input; the outline is clipped.
        QCOMPARE(page_->input()->grid()->highlight(), QRect(0, 0, 2, 2));
        QVERIFY(child<QLabel>("windowNote")->text().contains("padding"));
    }

    void anImageIsConvolvedOffTheGuiThreadAtTheEnginesSize() {
        lessonSetup();
        QSignalSpy shown(page_.get(), &PlaygroundPage::outputShown);
        const QImage grey = barImage(28, 28, QImage::Format_Grayscale8);
        page_->setImage(grey, "bar");
        QVERIFY(page_->busy());
        QVERIFY(shown.wait(600000));
        const PlaygroundResult& r = page_->result();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.images.size(), 1);
        QCOMPARE(r.images[0].size(), QSize(26, 26));
        // The engine's numbers and the signed display scale: the bar's left edge is +765.
        const cs::PlaygroundMatrix expected =
            cs::convolveImage(cv::Mat(28, 28, CV_8UC1, const_cast<uchar*>(grey.constBits()),
                                      size_t(grey.bytesPerLine())),
                              cs::kernelFromText("vertical_edge"), {})
                .channels[0];
        QCOMPARE(r.maxValue, 765.0);
        QCOMPARE(r.minValue, -765.0);
        QCOMPARE(r.lo, -765.0);
        // The bar spans columns 9..15: the window at column 7 sees its left edge (+765,
        // white), the one at column 13 sees none of it (0, mid grey), column 14 the right edge.
        QCOMPARE(expected.at(13, 7), 765.0);
        QCOMPARE(expected.at(13, 10), 0.0);
        QCOMPARE(expected.at(13, 14), -765.0);
        QCOMPARE(qGray(r.images[0].pixel(7, 13)), 255);
        QVERIFY(std::abs(qGray(r.images[0].pixel(10, 13)) - 128) <= 1);
        QCOMPARE(qGray(r.images[0].pixel(14, 13)), 0);
        QVERIFY(child<QLabel>("outputLegendText")->text().contains("mid grey"));
        QVERIFY(arithmetic().contains("floor((28 - 3) / 1) + 1 = 26"));

        // Colour: three channels, each convolved; same padding and stride 2 give 14x14.
        choose("paddingCombo", "same");
        child<QSpinBox>("strideRows")->setValue(2);
        child<QSpinBox>("strideCols")->setValue(2);
        shown.clear();
        page_->setImage(barImage(28, 28, QImage::Format_RGB32).copy(), "colour bar");
        QVERIFY(shown.wait(600000));
        // The image is grey in colour clothing: Qt reports it grey, so it is one channel.
        QCOMPARE(page_->result().images.size(), 1);
        QImage colour = barImage(28, 28, QImage::Format_RGB32);
        colour.setPixel(0, 0, qRgb(255, 0, 0));
        shown.clear();
        page_->setImage(colour, "red dot");
        QVERIFY(shown.wait(600000));
        QCOMPARE(page_->result().images.size(), 3);
        for (const QImage& image : page_->result().images)
            QCOMPARE(image.size(), QSize(14, 14));
        QCOMPARE(page_->result().channelNames, QStringList({"R", "G", "B"}));
    }

    void theLatestImageRequestWins() {
        QSignalSpy shown(page_.get(), &PlaygroundPage::outputShown);
        page_->setImage(barImage(200, 200, QImage::Format_Grayscale8), "first");
        page_->setImage(barImage(100, 90, QImage::Format_Grayscale8), "second");
        page_->setImage(barImage(40, 30, QImage::Format_Grayscale8), "third");
        while (page_->busy())
            QVERIFY(shown.wait(600000));
        QCOMPARE(page_->result().images.size(), 1);
        QCOMPARE(page_->result().images[0].size(),
                 QSize(38, 28));     // width 40 - 3 + 1, height 30 - 3 + 1
        QVERIFY(shown.count() <= 2); // the second request never reached the screen
    }

    void droppingAnImageFileShowsItsConvolution() {
        const QString path = uitest::tempDir() + "/playground-drop.png";
        QVERIFY(barImage(20, 16, QImage::Format_Grayscale8).save(path));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = page_->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(page_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy shown(page_.get(), &PlaygroundPage::outputShown);
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(page_.get(), &drop);
        QVERIFY(shown.wait(600000));
        QCOMPARE(page_->result().images.size(), 1);
        QCOMPARE(page_->result().images[0].size(), QSize(18, 14));
        QVERIFY(child<QLabel>("imageCaption")->text().contains("playground-drop.png"));
        QCOMPARE(child<QTabWidget>("inputSourceTabs")->currentIndex(), 1);
    }

    void errorsShowOnThePageAndGoAwayWhenFixed() {
        lessonSetup();
        auto* error = child<QLabel>("errorLabel");
        page_->input()->grid()->item(2, 3)->setText("abc");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains("input row 3, column 4: 'abc' is not a number"),
                 qPrintable(error->text()));
        page_->input()->grid()->item(2, 3)->setText("1");
        QVERIFY(!error->isVisible());
        QCOMPARE(output()->rowCount(), 3);

        child<QSpinBox>("inputRows")->setValue(2);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains("does not fit in 2"), qPrintable(error->text()));
        choose("paddingCombo", "same"); // the page stays usable: same padding fits anything
        QVERIFY(!error->isVisible());
        QCOMPARE(output()->rowCount(), 2);
        QCOMPARE(output()->columnCount(), 5);

        page_->findChild<MatrixGrid*>("kernelMatrix")->item(0, 0)->setText("1/0");
        QVERIFY(error->isVisible());
        QVERIFY(error->text().startsWith("kernel row 1, column 1"));
        QCOMPARE(child<QComboBox>("kernelPreset")->currentData().toString(), QString());
    }

    void settingsPersist() {
        child<QTabWidget>("playgroundModeTabs")->setCurrentIndex(1);
        choose("poolKind", "average");
        child<QSpinBox>("poolRows")->setValue(3);
        child<QTabWidget>("playgroundModeTabs")->setCurrentIndex(0);
        choose("kernelPreset", "sobel_x");
        choose("paddingCombo", "full");
        page_.reset();
        page_ = std::make_unique<PlaygroundPage>();
        QCOMPARE(child<QComboBox>("poolKind")->currentData().toString(), QString("average"));
        QCOMPARE(child<QSpinBox>("poolRows")->value(), 3);
        QCOMPARE(child<QComboBox>("kernelPreset")->currentData().toString(), QString("sobel_x"));
        QCOMPARE(child<QComboBox>("paddingCombo")->currentData().toString(), QString("full"));
        QCOMPARE(output()->rowCount(), 7); // computed at start-up from the restored settings
    }
};

UI_TEST_CLASS(PlaygroundPageTest);
#include "test_playground_page.moc"
