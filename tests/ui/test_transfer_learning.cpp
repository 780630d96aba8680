// Transfer learning through the real window: the course's mejor_modelo.h5
// (trained on Fashion-MNIST) opened with File > Open, frozen up to its
// Flatten and given a new classifier from the canvas's right-click menu (each
// one undo step, shown on the blocks), then trained: the run starts from the
// opened model's weights and the frozen layers come out bit for bit unchanged.
#include "tests/ui/ui_test_support.h"

#include "ui/datapage/dataset_controller.h"
#include "ui/document/project_document.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/model_canvas.h"
#include "ui/editor/model_editor_page.h"
#include "ui/training/current_model.h"
#include "ui/training/train_page.h"
#include "ui/training/training_controller.h"
#include "ui/window/main_window.h"
#include "ui/window/project_actions.h"

#include "engine/io/json.h"

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>
#include <cstring>
#include <memory>

using namespace ui;

namespace {

constexpr int kHang = 600000; // only a hang (or a very slow machine loading data) takes this long

QAction* actionStartingWith(QMenu& menu, const QString& text) {
    for (QAction* a : menu.actions())
        if (a->text().startsWith(text)) return a;
    return nullptr;
}

bool trainable(const ProjectDocument& doc, const char* name) {
    return cs::json::getBool(doc.graph().find(name)->config, "trainable", true);
}

bool sameParameters(const cs::Layer& a, const cs::Layer& b) {
    if (a.params().size() != b.params().size()) return false;
    for (size_t p = 0; p < a.params().size(); ++p) {
        const cs::Tensor& x = a.params()[p].value;
        const cs::Tensor& y = b.params()[p].value;
        if (!(x.shape() == y.shape()) ||
            std::memcmp(x.data(), y.data(), sizeof(float) * size_t(x.size())) != 0)
            return false;
    }
    return true;
}

} // namespace

class TransferLearningUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fineTuningAnOpenedKerasModel() {
        StartupOptions options;
        options.restoreSession = false;
        options.page = MainWindow::ModelPage;
        MainWindow window(options);
        window.resize(1300, 850);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.datasetController()->current() != nullptr, kHang);

        const QString h5 = QString(CONVSTUDIO_SOURCE_DIR) + "/tests/engine/fixtures/keras/mejor_modelo.h5";
        QVERIFY(window.projectActions()->openFile(h5));
        ProjectDocument& doc = *window.document();
        QVERIFY(window.currentModel()->hasModel());
        const ModelSnapshotPtr opened = window.currentModel()->current();
        QCOMPARE(doc.dataShape().classCount, 10);

        ModelCanvas* canvas = window.modelPage()->canvas();
        const int steps = doc.undoStack()->count();
        {
            QMenu menu;
            canvas->fillBlockMenu(menu, "flatten");
            QAction* freeze = actionStartingWith(menu, "Freeze This");
            QVERIFY(freeze && freeze->isEnabled());
            QVERIFY(!actionStartingWith(menu, "Unfreeze")); // nothing is frozen yet
            freeze->trigger();
        }
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QVERIFY(!trainable(doc, "conv2d") && !trainable(doc, "batch_normalization_1") &&
                !trainable(doc, "flatten"));
        QVERIFY(trainable(doc, "dense") && trainable(doc, "dense_1"));
        QVERIFY(canvas->block("conv2d")->content().frozen && !canvas->block("dense")->content().frozen);
        QVERIFY2(canvas->block("conv2d")->content().settings.contains("frozen"),
                 qPrintable(canvas->block("conv2d")->content().settings));
        doc.undoStack()->undo();
        QVERIFY(trainable(doc, "conv2d"));
        doc.undoStack()->redo();
        QVERIFY(!trainable(doc, "conv2d"));

        {
            QMenu menu;
            canvas->fillBlockMenu(menu, "dense");
            QAction* head = actionStartingWith(menu, "New Classifier for This Data Set");
            QVERIFY(head && head->isEnabled());
            QVERIFY(head->text().contains("10"));
            QVERIFY(actionStartingWith(menu, "Unfreeze"));
            head->trigger();
        }
        QCOMPARE(doc.undoStack()->count(), steps + 2);
        QVERIFY(!doc.graph().find("dense") && !doc.graph().find("dense_1"));
        const cs::LayerNode& last = doc.graph().node(doc.graph().size() - 1);
        QCOMPARE(last.name(), std::string("classifier"));
        QCOMPARE(last.inputs, std::vector<std::string>{"flatten"});
        QCOMPARE(cs::json::asInt(cs::json::at(last.config, "units")), 10);
        QVERIFY(doc.report().valid());
        doc.undoStack()->undo();
        QVERIFY(doc.graph().find("dense_1"));
        doc.undoStack()->redo();

        // A short run starts from the opened model: the frozen layers stay as they were.
        TrainingSettings t = doc.settings().training;
        t.epochs = 1;
        t.batchSize = 32;
        doc.setTrainingSettings(t);
        TrainPage* train = window.trainPage();
        TrainingJobOptions quick;
        quick.trainLimit = 320;
        quick.testLimit = 64;
        train->setJobOptions(quick);
        QSignalSpy started(window.trainingController(), &TrainingController::started);
        QSignalSpy finished(window.trainingController(), &TrainingController::finished);
        window.showPage(MainWindow::TrainPage);
        QVERIFY(train->startButton()->isEnabled());
        train->startButton()->click();
        QCOMPARE(started.count(), 1);
        QVERIFY2(train->progressLabel()->text().contains("fine-tuning"), qPrintable(train->progressLabel()->text()));
        QVERIFY(finished.wait(kHang));
        // Still said after the run (the batch progress replaced it while training).
        QVERIFY2(train->progressLabel()->text().contains("fine-tuning"), qPrintable(train->progressLabel()->text()));
        const TrainingOutcome& out = window.trainingController()->lastOutcome();
        QVERIFY2(!out.failed, qPrintable(out.error));
        QVERIFY(out.trained);
        const cs::Model& tuned = out.trained->model;
        for (const char* frozen : {"conv2d", "batch_normalization", "conv2d_1", "batch_normalization_1"})
            QVERIFY2(sameParameters(opened->model->layer(opened->model->findNode(frozen)),
                                    tuned.layer(tuned.findNode(frozen))),
                     frozen);
        doc.undoStack()->setClean(); // no "save?" question
    }
};

UI_TEST_CLASS(TransferLearningUiTest);
#include "test_transfer_learning.moc"
