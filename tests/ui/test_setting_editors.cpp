// The editors made from the engine's spec tables: the Train panel's
// learning-rate box takes the whole range the engine accepts (1e-12 to 10) in
// scientific form and says so when it clamps a typed value; ranges and the
// momentum editor follow the specs; the layer blocks' summaries are made from
// the layer specs' display data and read as before.
#include "tests/ui/ui_test_support.h"

#include "ui/document/project_document.h"
#include "ui/editor/layer_style.h"
#include "ui/training/scientific_spin_box.h"
#include "ui/training/training_settings_panel.h"

#include "engine/layers/layer_registry.h"
#include "engine/training/optimizer.h"
#include "engine/training/training_specs.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QtTest>

using namespace ui;

class SettingEditorsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ProjectDocument> document_;
    std::unique_ptr<TrainingSettingsPanel> panel_;

    QDoubleSpinBox* learningRate() {
        return qobject_cast<QDoubleSpinBox*>(panel_->editor("learning_rate"));
    }
    // Types `text` into the learning-rate box as a person does and presses Enter.
    void typeLearningRate(const QString& text) {
        QLineEdit* edit = learningRate()->findChild<QLineEdit*>();
        QVERIFY(edit);
        learningRate()->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    double configuredRate() const { return document_->settings().training.learningRate; }

    static LayerNode node(const char* className, const char* config, int inputs = 1) {
        LayerNode n;
        n.className = className;
        n.config = cs::completeConfig(cs::layerSpec(className), cs::json::parse(config));
        for (int i = 0; i < inputs; ++i) n.inputs.push_back("in" + std::to_string(i));
        return n;
    }

private Q_SLOTS:
    void init() {
        document_ = std::make_unique<ProjectDocument>();
        panel_ = std::make_unique<TrainingSettingsPanel>(document_.get());
        panel_->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
    }

    void cleanup() {
        panel_.reset();
        document_.reset();
    }

    void learningRateBoxTakesTheEnginesRange() {
        const cs::SettingSpec& spec = cs::optimizerSpec("adam").setting("learning_rate");
        QCOMPARE(learningRate()->minimum(), spec.min); // 1e-12, not 1e-6 as before
        QCOMPARE(learningRate()->maximum(), spec.max);
        QCOMPARE(learningRate()->text(), QString("0.001"));
        typeLearningRate("1e-9");
        QCOMPARE(configuredRate(), 1e-9);
        QCOMPARE(learningRate()->text(), QString("1e-09"));
        typeLearningRate("2.5e-7");
        QCOMPARE(configuredRate(), 2.5e-7); // every digit kept, no rounding to decimals
        auto* note = qobject_cast<QLabel*>(panel_->editor("learning_rate.note"));
        QVERIFY(note);
        QVERIFY(note->isHidden());
    }

    void learningRateOutsideTheRangeIsClampedVisibly() {
        typeLearningRate("1e-13");
        QCOMPARE(configuredRate(), 1e-12);
        auto* note = qobject_cast<QLabel*>(panel_->editor("learning_rate.note"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains("1e-13") && note->text().contains("1e-12"), qPrintable(note->text()));
        typeLearningRate("0.01"); // the next good value takes the note away
        QCOMPARE(configuredRate(), 0.01);
        QVERIFY(note->isHidden());
        typeLearningRate("50");
        QCOMPARE(configuredRate(), 10.0);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains("50"), qPrintable(note->text()));
    }

    void learningRateStepsAlongOneTwoFive() {
        QCOMPARE(ScientificSpinBox::nextStep(0.001, true), 0.002);
        QCOMPARE(ScientificSpinBox::nextStep(0.002, true), 0.005);
        QCOMPARE(ScientificSpinBox::nextStep(0.005, true), 0.01);
        QCOMPARE(ScientificSpinBox::nextStep(0.001, false), 0.0005);
        QCOMPARE(ScientificSpinBox::nextStep(0.003, false), 0.002);
        learningRate()->stepBy(1);
        QCOMPARE(configuredRate(), 0.002);
        learningRate()->stepBy(-2);
        QCOMPARE(configuredRate(), 0.0005);
    }

    void rangesAndMomentumFollowTheSpecs() {
        auto* epochs = qobject_cast<QSpinBox*>(panel_->editor("epochs"));
        QCOMPARE(double(epochs->maximum()), cs::fitSpec("epochs").max);
        auto* momentum = panel_->editor("momentum");
        QVERIFY(!momentum->isEnabled()); // adam takes no momentum
        TrainingSettings t = document_->settings().training;
        t.optimizer = "sgd";
        document_->setTrainingSettings(t);
        QVERIFY(momentum->isEnabled());
        QVERIFY(panel_->editor("nesterov")->isEnabled());
    }

    // The blocks read as before the summaries moved into the layer specs.
    void layerSummariesComeFromTheSpecs() {
        QCOMPARE(configSummary(node("InputLayer", R"({"shape": [28, 28, 1]})", 0)), QString("28×28×1"));
        QCOMPARE(configSummary(node("Conv2D", R"({"filters": 64, "padding": "same", "activation": "relu"})")),
                 QString("64 filters · 3×3 · same · relu"));
        QCOMPARE(configSummary(node("Conv2D", R"({"strides": 2})")), QString("32 filters · 3×3 · stride 2×2 · valid"));
        QCOMPARE(configSummary(node("MaxPooling2D", "{}")), QString("2×2 · valid"));
        QCOMPARE(configSummary(node("MaxPooling2D", R"({"strides": 2})")), QString("2×2 · valid"));
        QCOMPARE(configSummary(node("AveragePooling2D", R"({"strides": 1})")), QString("2×2 · stride 1×1 · valid"));
        QCOMPARE(configSummary(node("Dense", R"({"units": 10, "activation": "softmax"})")),
                 QString("10 units · softmax"));
        QCOMPARE(configSummary(node("Dense", R"({"units": 1000000})")), QString("1000000 units"));
        QCOMPARE(configSummary(node("Dropout", R"({"rate": 0.3})")), QString("rate 0.3"));
        QCOMPARE(configSummary(node("BatchNormalization", "{}")), QString("momentum 0.99"));
        QCOMPARE(configSummary(node("Activation", R"({"activation": "linear"})")), QString("linear"));
        QCOMPARE(configSummary(node("Flatten", "{}")), QString());
        QCOMPARE(configSummary(node("Add", "{}", 3)), QString("3 inputs"));
        QCOMPARE(configSummary(node("Dense", R"({"units": 4, "trainable": false})")), QString("4 units · frozen"));
        QVERIFY(isInputLayer("InputLayer"));
        QVERIFY(!isInputLayer("Dense"));
        QVERIFY(!isInputLayer("NoSuchLayer"));
    }
};

UI_TEST_CLASS(SettingEditorsTest);
#include "test_setting_editors.moc"
