// The data page on Fashion-MNIST as Debian installs it: the summary and chart
// show its 10 classes, the grid shows labelled images and filters by class,
// and changing an augmentation setting re-renders the preview.
#include "tests/ui/ui_test_support.h"

#include "ui/charts/bar_chart.h"
#include "ui/datapage/augmentation_panel.h"
#include "ui/datapage/augmentation_preview_view.h"
#include "ui/datapage/data_page.h"
#include "ui/datapage/dataset_controller.h"
#include "ui/datapage/dataset_summary_panel.h"
#include "ui/datapage/sample_grid.h"
#include "ui/document/project_document.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QListView>
#include <QPixmap>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>
#include <memory>

using namespace ui;

class DataPageTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ProjectDocument> doc_;
    std::unique_ptr<DatasetController> controller_;
    std::unique_ptr<DataPage> page_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(
            QDir(uitest::fashionMnistDir()).exists(),
            "Fashion-MNIST is missing: install dataset-fashion-mnist (scripts/install-deps.sh)");
        doc_ = std::make_unique<ProjectDocument>();
        ProjectContent content = ProjectDocument::defaultProject();
        content.settings.data.folder = uitest::fashionMnistDir().toStdString();
        doc_->load(content, {});
        controller_ = std::make_unique<DatasetController>();
        page_ = std::make_unique<DataPage>(doc_.get(), controller_.get());
        page_->resize(1400, 900);
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
        QSignalSpy loaded(controller_.get(), &DatasetController::loaded);
        QSignalSpy pageShown(page_->samples(), &SampleGrid::pageShown);
        QSignalSpy rendered(page_->preview(), &AugmentationPreviewView::rendered);
        controller_->load(doc_->settings().data);
        QVERIFY(loaded.wait(600000));
        QVERIFY(pageShown.count() > 0 || pageShown.wait(600000));
        QVERIFY(rendered.count() > 0 || rendered.wait(600000));
    }

    void cleanupTestCase() {
        page_.reset();
        controller_.reset();
        doc_.reset();
    }

    void summaryShowsTheTenClasses() {
        const BarChart* chart = page_->summary()->chart();
        QCOMPARE(chart->categories().size(), 10);
        QCOMPARE(chart->categories().first(), QString("T-shirt/top"));
        QCOMPARE(chart->categories().last(), QString("Ankle boot"));
        QCOMPARE(chart->seriesCount(), 2); // train and test
        QCOMPARE(chart->value(0, 0), 6000.0);
        QCOMPARE(chart->value(1, 9), 1000.0);
        const QString facts = page_->summary()->factsText();
        QVERIFY(facts.contains("Fashion-MNIST"));
        QVERIFY(facts.contains("60,000"));
        QVERIFY(facts.contains("10,000"));
    }

    void gridShowsLabelledImagesAndFiltersByClass() {
        SampleGrid* grid = page_->samples();
        QCOMPARE(grid->split(), QString("train"));
        QCOMPARE(int(grid->filtered().size()), 60000);
        const SampleGridModel* model = grid->model();
        QVERIFY(model->rowCount() > 0);
        const QString first = model->index(0, 0).data(Qt::DisplayRole).toString();
        QVERIFY(QStringList({"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                             "Shirt", "Sneaker", "Bag", "Ankle boot"})
                    .contains(first));
        const QPixmap thumb = model->index(0, 0).data(Qt::DecorationRole).value<QPixmap>();
        QVERIFY(!thumb.isNull());
        QCOMPARE(model->item(0).image.size(), QSize(28, 28));

        QSignalSpy pageShown(grid, &SampleGrid::pageShown);
        grid->setClassFilter(9); // Ankle boot
        QVERIFY(pageShown.wait(600000));
        QCOMPARE(int(grid->filtered().size()), 6000);
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(model->item(row).label, 9);
            QCOMPARE(model->index(row, 0).data().toString(), QString("Ankle boot"));
        }
        grid->setPage(2);
        QVERIFY(pageShown.wait(600000));
        QCOMPARE(grid->page(), 2);
        QCOMPARE(model->item(0).index, grid->filtered()[size_t(2 * model->rowCount())]);
        grid->setClassFilter(-1);
        QVERIFY(pageShown.wait(600000));
    }

    void augmentationSettingReRendersThePreview() {
        AugmentationPreviewView* preview = page_->preview();
        const QVector<QImage> before = preview->images();
        QCOMPARE(before.size(), 3 * 6); // three images, each with five draws
        QCOMPARE(before[1], before[0]); // no augmentation yet: draws equal the original
        QCOMPARE(preview->captions()[1], QString("unchanged")); // in words, not a code
        const int renders = preview->renderCount();

        auto* rotation =
            qobject_cast<QDoubleSpinBox*>(page_->augmentation()->editor("rotation_range"));
        QVERIFY(rotation);
        QSignalSpy rendered(preview, &AugmentationPreviewView::rendered);
        rotation->setValue(40);
        QCOMPARE(doc_->settings().augmentation.rotationRange, 40.0);
        QVERIFY(rendered.wait(600000));
        QVERIFY(preview->renderCount() > renders);
        const QVector<QImage> after = preview->images();
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after[0], before[0]);  // the original stays
        QVERIFY(after[1] != before[1]); // the draws are rotated
        QVERIFY(preview->captions()[1].startsWith("r"));
        QCOMPARE(page_->tabs()->currentWidget(), static_cast<QWidget*>(preview));
    }
};

UI_TEST_CLASS(DataPageTest);
#include "test_data_page.moc"
