// The Classify page on a small CNN trained for a moment on Fashion-MNIST:
// dropped files give the engine's probabilities and top class, k bars with
// the class names and the engine's Grad-CAM (which follows the chosen
// class); a broken file gives an error card; a pasted picture is classified
// as the engine classifies it; a folder fills a numerically sortable table
// and exports the CLI's CSV; a model change reclassifies; without a model
// the page says how to get one.
#include "tests/ui/ui_test_support.h"

#include "ui/classify/classify_page.h"
#include "ui/classify/folder_classifier_panel.h"
#include "ui/classify/image_drop_area.h"
#include "ui/classify/probability_bars.h"
#include "ui/classify/result_card.h"
#include "ui/imaging/image_converter.h"
#include "ui/training/current_model.h"

#include "engine/data/dataset_loader.h"
#include "engine/inspect/class_scores.h"
#include "engine/inspect/grad_cam.h"
#include "engine/inspect/model_input.h"
#include "engine/model/model_file.h"
#include "engine/training/trainer.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QUrl>
#include <QtTest>
#include <algorithm>
#include <memory>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace ui;

class ClassifyPageTest : public QObject {
    Q_OBJECT

    cs::Dataset data_;
    ModelSnapshotPtr trained_;
    QString dir_;
    QStringList images_; // Fashion-MNIST test images as PNG: 28x28 and one enlarged to 100x80 RGB
    std::unique_ptr<CurrentModel> current_;
    std::unique_ptr<ClassifyPage> page_;

    static std::vector<double> engineProbabilities(const ModelSnapshot& s, const cs::Tensor& x) {
        cs::Model m = s.model->clone();
        return cs::classProbabilities(cs::predict(m, x, 1), 0);
    }
    static int argmax(const std::vector<double>& p) {
        return int(std::max_element(p.begin(), p.end()) - p.begin());
    }
    static cs::GradCam engineCam(const ModelSnapshot& s, const cs::Tensor& x, int cls) {
        cs::Model m = s.model->clone();
        return cs::gradCam(m, x, cls);
    }
    static bool sameHeat(const cs::GradCam& a, const cs::GradCam& b) {
        if (a.height != b.height || a.width != b.width || a.heat.size() != b.heat.size())
            return false;
        for (size_t i = 0; i < a.heat.size(); ++i)
            if (std::abs(a.heat[i] - b.heat[i]) > 1e-5f) return false;
        return true;
    }
    void drop(QWidget* target, QMimeData* mime) {
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
    }
    QString writeBroken(const QString& name) {
        // A PNG signature and then nothing: listed as an image, unreadable as one.
        QFile source(images_[0]);
        if (!source.open(QIODevice::ReadOnly)) return {};
        const QByteArray head = source.read(40);
        const QString path = QDir(dir_).filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) return {};
        out.write(head);
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        data_ = cs::loadDataset(uitest::fashionMnistDir().toStdString());
        cs::Model model = cs::loadArchitectureFile(std::string(CONVSTUDIO_SOURCE_DIR) +
                                                   "/resources/presets/mnist_kernel_model.json");
        model.build(7);
        auto adam = cs::createOptimizer("adam", cs::Json::object());
        cs::FitOptions options;
        options.epochs = 1;
        options.batchSize = 64;
        options.threads = 1;
        cs::Trainer trainer(model, *adam, cs::Loss::CategoricalCrossentropy, options);
        trainer.fit(data_.train.slice(0, 1500), data_.classCount());
        trained_ = makeSnapshot(model, data_.classNames, cs::Preprocessing{}, "test model");

        dir_ = QDir(uitest::tempDir()).filePath("classify");
        QVERIFY(QDir().mkpath(dir_));
        for (int i : {0, 1, 2}) {
            const cv::Mat img(28, 28, CV_8UC1, data_.test.image(i));
            const QString path = QDir(dir_).filePath(QString("test_%1.png").arg(i));
            QVERIFY(cv::imwrite(path.toStdString(), img));
            images_ << path;
        }
        cv::Mat big;
        cv::resize(cv::Mat(28, 28, CV_8UC1, data_.test.image(3)), big, cv::Size(100, 80));
        cv::cvtColor(big, big, cv::COLOR_GRAY2BGR);
        images_ << QDir(dir_).filePath("big_colour.png");
        QVERIFY(cv::imwrite(images_.back().toStdString(), big));
    }

    void init() {
        current_ = std::make_unique<CurrentModel>();
        current_->setModel(trained_);
        page_ = std::make_unique<ClassifyPage>(current_.get());
        page_->resize(1280, 800);
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
    }

    void cleanup() {
        page_.reset();
        current_.reset();
    }

    void withoutModelTheEmptyStateOffersOpenModel() {
        page_.reset();
        current_ = std::make_unique<CurrentModel>();
        page_ = std::make_unique<ClassifyPage>(current_.get());
        page_->show();
        auto* label = page_->findChild<QLabel*>("emptyStateLabel");
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains("Train a model on the Train page"));
        QVERIFY(!page_->findChild<QWidget*>("classifyDropArea")->isVisible());
        QSignalSpy open(page_.get(), &ClassifyPage::openModelRequested);
        auto* button = page_->findChild<QPushButton*>("openModelButton");
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        // A model arrives: the page shows it and takes images.
        current_->setModel(trained_);
        QVERIFY(!label->isVisible());
        QVERIFY(page_->findChild<QWidget*>("classifyDropArea")->isVisible());
        QVERIFY(page_->findChild<QLabel*>("modelLabel")->text().contains("test model"));
    }

    void droppedFilesGiveTheEnginesProbabilitiesAndTopClass() {
        auto* area = page_->findChild<ImageDropArea*>("classifyDropArea");
        QVERIFY(area);
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(images_[0]), QUrl::fromLocalFile(images_[3])});
        drop(area, mime);
        QVERIFY(ready.wait(600000));
        QCOMPARE(page_->resultCount(), 2);
        for (int i = 0; i < 2; ++i) {
            ResultCard* card = page_->result(i);
            QVERIFY(!card->hasError());
            const QString path = card->source().path;
            const cs::Tensor x = cs::modelInputFromFile(path.toStdString(), *trained_->model,
                                                        trained_->preprocessing);
            const std::vector<double> expected = engineProbabilities(*trained_, x);
            const std::vector<double>& p = card->probabilities();
            QCOMPARE(int(p.size()), 10);
            QVERIFY(std::abs(std::accumulate(p.begin(), p.end(), 0.0) - 1.0) < 1e-5);
            for (size_t c = 0; c < p.size(); ++c)
                QVERIFY(std::abs(p[c] - expected[c]) < 1e-6);
            QCOMPARE(card->topClass(), argmax(expected));
            const QString topName =
                QString::fromStdString(data_.classNames[size_t(argmax(expected))]);
            QVERIFY(
                card->findChild<QLabel*>("verdictLabel")->text().contains(topName.toHtmlEscaped()));
            // k bars, best first, with the class names.
            ProbabilityBars* bars = card->bars();
            QCOMPARE(bars->count(), 5);
            const auto top5 = cs::topClasses(expected, data_.classNames, 5);
            for (int r = 0; r < 5; ++r)
                QCOMPARE(bars->classNames()[r], QString::fromStdString(top5[size_t(r)].name));
            // The top class's Grad-CAM, as the engine makes it.
            QVERIFY(card->heatMap());
            QCOMPARE(card->heatClass(), card->topClass());
            QVERIFY(sameHeat(*card->heatMap(), engineCam(*trained_, x, card->topClass())));
        }
        // Newest on top; the preprocessing is spelled out.
        QCOMPARE(page_->result(0)->name(), QString("big_colour.png"));
        QCOMPARE(page_->result(0)->preprocessingText(),
                 QString("resized 100×80 → 28×28, grey, ×1/255"));
        QCOMPARE(page_->result(1)->preprocessingText(), QString("28×28, grey, ×1/255"));

        // Top-k follows the spin box.
        page_->findChild<QSpinBox*>("topKSpin")->setValue(3);
        QCOMPARE(page_->result(0)->bars()->count(), 3);
    }

    void anotherClassRecomputesTheHeatMap() {
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        page_->addImageFiles({images_[1]});
        QVERIFY(ready.wait(600000));
        ResultCard* card = page_->result(0);
        const cs::Tensor x = cs::modelInputFromFile(images_[1].toStdString(), *trained_->model,
                                                    trained_->preprocessing);
        const cs::GradCam top = *card->heatMap();
        const QImage topImage = card->shownImage();

        // The combo's second entry: the second most probable class.
        auto* combo = card->findChild<QComboBox*>("gradCamClassCombo");
        QCOMPARE(combo->count(), 10);
        const int second = combo->itemData(1).toInt();
        QSignalSpy heat(card, &ResultCard::heatMapReady);
        combo->setCurrentIndex(1);
        Q_EMIT combo->activated(1);
        QVERIFY(heat.wait(600000));
        QCOMPARE(card->heatClass(), second);
        QCOMPARE(card->bars()->markedClass(), second);
        const cs::GradCam expected = engineCam(*trained_, x, second);
        QVERIFY(sameHeat(*card->heatMap(), expected));
        QVERIFY(!sameHeat(*card->heatMap(), top));
        QVERIFY(card->shownImage() != topImage);

        // Clicking the third bar shows the third class's heat map.
        ProbabilityBars* bars = card->bars();
        const int third = bars->scores()[2].index;
        QTest::mouseClick(bars, Qt::LeftButton, Qt::NoModifier, bars->rowRect(2).center());
        QVERIFY(heat.wait(600000));
        QCOMPARE(card->heatClass(), third);
        QVERIFY(sameHeat(*card->heatMap(), engineCam(*trained_, x, third)));
        QCOMPARE(combo->currentData().toInt(), third);

        // Opacity 0 shows the plain image; more shows the heat over it.
        auto* opacity = card->findChild<QSlider*>("heatOpacity");
        opacity->setValue(0);
        const QImage plain = card->shownImage();
        opacity->setValue(80);
        QVERIFY(card->shownImage() != plain);
        QCOMPARE(card->shownImage().size(), plain.size());
    }

    void aBrokenFileGivesAnErrorCard() {
        const QString broken = writeBroken("broken_card.png");
        QVERIFY(!broken.isEmpty());
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        page_->addImageFiles({broken, QDir(dir_).filePath("missing.png"), images_[2]});
        QVERIFY(ready.wait(600000));
        QCOMPARE(page_->resultCount(), 3);
        for (int i : {1, 2}) { // the two bad ones, below the good one
            ResultCard* card = page_->result(i);
            QVERIFY(card->hasError());
            auto* error = card->findChild<QLabel*>("errorLabel");
            QVERIFY(error->isVisible());
            QVERIFY2(error->text().contains(card->name()), qPrintable(error->text()));
            QVERIFY(!card->bars()->isVisible());
        }
        QVERIFY(!page_->result(0)->hasError());
    }

    void aPastedPictureIsClassifiedAsTheEngineDoes() {
        // A colour picture in memory, as a browser puts it on the clipboard.
        QImage picture(60, 45, QImage::Format_RGB32);
        picture.fill(Qt::black);
        for (int y = 10; y < 35; ++y)
            for (int x = 15; x < 45; ++x)
                picture.setPixelColor(x, y, QColor(200, 180, 160));
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        page_->addImage(picture, "pasted");
        QVERIFY(ready.wait(600000));
        ResultCard* card = page_->result(0);
        QVERIFY(!card->hasError());
        const cs::ImageSet pixels =
            cs::modelPixelsFromImage(ui::matFromImage(picture), *trained_->model);
        const cs::Tensor x =
            cs::modelInputFromSet(pixels, 0, *trained_->model, trained_->preprocessing);
        const std::vector<double> expected = engineProbabilities(*trained_, x);
        QCOMPARE(card->topClass(), argmax(expected));
        QVERIFY(std::abs(card->probabilities()[0] - expected[0]) < 1e-6);
        QCOMPARE(card->preprocessingText(), QString("resized 60×45 → 28×28, grey, ×1/255"));
    }

    void ctrlVPastesTheClipboard() {
        page_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page_.get()));
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(images_[2])});
        QApplication::clipboard()->setMimeData(mime); // file URLs, as a file manager copies
        QTest::keyClick(page_.get(), Qt::Key_V, Qt::ControlModifier);
        QVERIFY(ready.wait(600000));
        QCOMPARE(page_->resultCount(), 1);
        QCOMPARE(page_->result(0)->name(), QString("test_2.png"));
        QApplication::clipboard()->setImage(QImage(images_[0])); // a picture, as a browser copies
        QTest::keyClick(page_.get(), Qt::Key_V, Qt::ControlModifier);
        QVERIFY(ready.wait(600000));
        QCOMPARE(page_->resultCount(), 2);
        QVERIFY(page_->result(0)->name().startsWith("pasted image"));
        // The same pixels as the file: the same probabilities.
        const cs::Tensor x = cs::modelInputFromFile(images_[0].toStdString(), *trained_->model,
                                                    trained_->preprocessing);
        const std::vector<double> expected = engineProbabilities(*trained_, x);
        for (size_t c = 0; c < expected.size(); ++c)
            QVERIFY(std::abs(page_->result(0)->probabilities()[c] - expected[c]) < 1e-6);
    }

    void aModelChangeReclassifiesTheCards() {
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        page_->addImageFiles({images_[0]});
        QVERIFY(ready.wait(600000));
        cs::Model other = trained_->model->clone();
        other.build(99); // fresh weights: other probabilities
        current_->setModel(
            makeSnapshot(other, data_.classNames, cs::Preprocessing{}, "another model"));
        QVERIFY(ready.wait(600000));
        const ModelSnapshotPtr s = current_->current();
        const cs::Tensor x =
            cs::modelInputFromFile(images_[0].toStdString(), *s->model, s->preprocessing);
        const std::vector<double> expected = engineProbabilities(*s, x);
        QVERIFY(std::abs(page_->result(0)->probabilities()[3] - expected[3]) < 1e-6);
        QVERIFY(page_->findChild<QLabel*>("modelLabel")->text().contains("another model"));
    }

    void aFolderFillsASortableTableAndExportsCsv() {
        const QString folder = QDir(dir_).filePath("folder");
        QVERIFY(QDir().mkpath(folder + "/sub"));
        for (int i = 0; i < 6; ++i) {
            const QString path = QDir(folder).filePath(i == 5 ? QString("sub/image_%1.png").arg(i)
                                                              : QString("image_%1.png").arg(i));
            QVERIFY(cv::imwrite(path.toStdString(),
                                cv::Mat(28, 28, CV_8UC1, data_.test.image(10 + i))));
        }
        QFile::copy(writeBroken("folder_broken.png"), QDir(folder).filePath("broken.png"));

        FolderClassifierPanel* panel = page_->folderPanel();
        QSignalSpy finished(page_.get(), &ClassifyPage::folderFinished);
        panel->classifyFolder(folder, true);
        QVERIFY(finished.wait(600000));
        auto* table = page_->findChild<QTableView*>("folderTable");
        QCOMPARE(table->model()->rowCount(), 7);
        QCOMPARE(table->model()->columnCount(), 3 + 10 + 1);
        QCOMPARE(table->model()->headerData(3, Qt::Horizontal).toString(), QString("T-shirt/top"));

        // Confidence, highest first: numbers, not text ("9.5 %" after "10.2 %").
        table->sortByColumn(2, Qt::DescendingOrder);
        std::vector<double> shown;
        for (int r = 0; r < 7; ++r) {
            const QString text = table->model()->index(r, 2).data().toString();
            shown.push_back(text.isEmpty() ? -1.0 : text.chopped(2).toDouble());
        }
        QVERIFY(std::is_sorted(shown.rbegin(), shown.rend()));
        QCOMPARE(shown.back(), -1.0); // the unreadable file last
        QCOMPARE(table->model()->index(6, 0).data().toString(), QString("broken.png"));
        QVERIFY(table->model()->index(6, 13).data().toString().contains("not an image"));
        // The top row is the engine's most confident file.
        double best = 0;
        for (const auto& row : panel->rows())
            if (row.ok()) best = std::max(best, row.probabilities[size_t(row.best)]);
        QVERIFY(std::abs(shown.front() - 100.0 * best) <= 0.051);

        const QString csv = QDir(dir_).filePath("out.csv");
        QVERIFY(panel->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 8);
        QVERIFY(lines[0].startsWith("file,predicted,confidence,p(T-shirt/top)"));
        QVERIFY(lines[0].endsWith(",error"));

        // Double-clicking a row shows that image as a card.
        const QModelIndex first = table->model()->index(0, 0);
        const QString name = QFileInfo(first.data(Qt::ToolTipRole).toString()).fileName();
        QSignalSpy ready(page_.get(), &ClassifyPage::resultsReady);
        table->scrollTo(first);
        const QPoint at = table->visualRect(first).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                          at); // as a person does
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QVERIFY(ready.wait(600000));
        QCOMPARE(page_->resultCount(), 1);
        QCOMPARE(page_->result(0)->name(), name);
        QVERIFY(page_->result(0)->heatMap());

        // Another model: the table says its rows are the earlier model's.
        QVERIFY(!panel->statusText().contains("not the current model"));
        current_->setModel(makeSnapshot(*trained_->model, data_.classNames, cs::Preprocessing{}, "newer"));
        QVERIFY2(panel->statusText().contains("not the current model"), qPrintable(panel->statusText()));
    }

    void cancelStopsAFolderAndKeepsTheRowsDone() {
        const QString folder = QDir(dir_).filePath("many");
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < 200; ++i)
            QVERIFY(cv::imwrite(QDir(folder)
                                    .filePath(QString("img_%1.png").arg(i, 3, 10, QChar('0')))
                                    .toStdString(),
                                cv::Mat(28, 28, CV_8UC1, data_.test.image(i))));
        FolderClassifierPanel* panel = page_->folderPanel();
        QSignalSpy finished(page_.get(), &ClassifyPage::folderFinished);
        panel->classifyFolder(folder, false);
        QTest::mouseClick(page_->findChild<QPushButton*>("cancelFolderButton"), Qt::LeftButton);
        QVERIFY(finished.wait(600000));
        QVERIFY(!panel->running());
        QVERIFY(int(panel->rows().size()) < 200);
        QCOMPARE(page_->findChild<QTableView*>("folderTable")->model()->rowCount(),
                 int(panel->rows().size()));
        QVERIFY2(panel->statusText().startsWith("Cancelled"), qPrintable(panel->statusText()));
    }
};

UI_TEST_CLASS(ClassifyPageTest);
#include "test_classify_page.moc"
