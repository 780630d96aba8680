// Losses, optimizers, metrics, callbacks on scripted metric sequences, and the
// trainer's behaviour: determinism, validation split, stop flag, NaN loss.
#include "tests/engine/layer_test_support.h"
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/io/atomic_file.h"
#include "engine/training/csv_logger.h"
#include "engine/training/early_stopping.h"
#include "engine/training/model_checkpoint.h"
#include "engine/training/reduce_lr_on_plateau.h"
#include "engine/training/trainer.h"

#include <QtTest>
#include <mutex>
#include <set>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <cmath>

using namespace cs;
using namespace cs::test;

namespace {

const char* kTinyModel = R"({"layers": [
    {"class_name": "InputLayer", "config": {"shape": [8, 8, 1]}},
    {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
    {"class_name": "MaxPooling2D", "config": {}},
    {"class_name": "Dropout", "config": {"rate": 0.2}},
    {"class_name": "Flatten", "config": {}},
    {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}}]})";

// Three classes of 8x8 images: a bright horizontal bar, a vertical bar, or a
// bright square, at random places, over noise.
ImageSet syntheticSet(int count, uint64_t seed) {
    ImageSet s;
    s.height = s.width = 8;
    s.channels = 1;
    s.pixels.resize(size_t(count) * 64);
    Rng rng(seed);
    for (int i = 0; i < count; ++i) {
        const int label = i % 3;
        uint8_t* img = s.image(0) + size_t(i) * 64;
        for (int p = 0; p < 64; ++p) img[p] = uint8_t(rng.below(60));
        const int a = int(rng.below(4)) + 2, b = int(rng.below(4)) + 2;
        for (int k = -2; k <= 2; ++k) {
            if (label == 0) img[a * 8 + b + k] = 250;     // a horizontal bar of 5
            if (label == 1) img[(a + k) * 8 + b] = 250;   // a vertical bar of 5
            if (label == 2 && std::abs(k) <= 1)           // a 3x3 square
                for (int j = -1; j <= 1; ++j) img[(a + j) * 8 + b + k] = 250;
        }
        s.labels.push_back(label);
    }
    return s;
}

// A host for callbacks without a trainer: a tiny model and an SGD optimizer.
class FakeHost : public CallbackHost {
public:
    FakeHost() : model_(modelFromJson(kTinyModel)) { model_.build(1); }
    Model& model() override { return model_; }
    Optimizer& optimizer() override { return sgd_; }
    void stopTraining() override { stopped = true; }
    void report(const TrainingEvent& e) override { events.push_back(e); }
    void saveModel(const std::string& path) override { saved.push_back(path); }
    bool stopped = false;
    std::vector<TrainingEvent> events;
    std::vector<std::string> saved;
    SGD sgd_;

private:
    Model model_;
};

std::vector<float> allWeights(Model& m) {
    std::vector<float> w;
    for (Param* p : m.parameters()) w.insert(w.end(), p->value.data(), p->value.data() + p->value.size());
    return w;
}

} // namespace

class TrainingTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backgroundPoolsRunEveryThreadNiced() {
#ifdef __linux__
        // The GUI trains with niceness 5: every thread doing the work runs at that level.
        ThreadPool pool(2, 5);
        std::mutex mutex;
        std::set<int> levels;
        pool.run([&] {
            forEachChunk(64, 2, [&](int, ChunkRange) {
                const int level = getpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)));
                std::lock_guard lock(mutex);
                levels.insert(level);
            });
        });
        QCOMPARE(levels, (std::set<int>{5}));
#endif
    }

    void crossEntropyValuesAndFusedGradient() {
        Tensor p(Shape{2, 3});
        const float v[] = {0.7f, 0.2f, 0.1f, 0.1f, 0.3f, 0.6f};
        std::copy(std::begin(v), std::end(v), p.data());
        const int32_t labels[] = {0, 2};
        Tensor g;
        LossResult r = computeLoss(Loss::CategoricalCrossentropy, Activation::Softmax, p, labels, &g);
        QVERIFY(std::abs(r.loss - (-std::log(0.7) - std::log(0.6)) / 2) < 1e-6);
        QVERIFY(r.gradientIsPreActivation);
        QVERIFY(std::abs(g[0] - (0.7f - 1.0f) / 2) < 1e-7);
        QVERIFY(std::abs(g[1] - 0.2f / 2) < 1e-7);
        QVERIFY(std::abs(g[5] - (0.6f - 1.0f) / 2) < 1e-7);
        // Keras clips probabilities to [1e-7, 1 - 1e-7]: a zero probability costs -log(1e-7).
        p[0] = 0.0f;
        LossResult clipped = computeLoss(Loss::SparseCategoricalCrossentropy, Activation::Softmax, p, labels, nullptr);
        QVERIFY(std::abs(clipped.loss - (-std::log(1e-7) - std::log(0.6)) / 2) < 1e-4);
    }
    void binaryAndMseValues() {
        Tensor p(Shape{2, 1});
        p[0] = 0.8f;
        p[1] = 0.4f;
        const int32_t labels[] = {1, 0};
        LossResult b = computeLoss(Loss::BinaryCrossentropy, Activation::Sigmoid, p, labels, nullptr);
        QVERIFY(std::abs(b.loss - (-std::log(0.8) - std::log(0.6)) / 2) < 1e-6);
        LossResult m = computeLoss(Loss::MeanSquaredError, Activation::Sigmoid, p, labels, nullptr);
        QVERIFY(std::abs(m.loss - (0.04 + 0.16) / 2) < 1e-6);
        QVERIFY(!m.gradientIsPreActivation);
    }
    void lossMismatchIsExplained() {
        bool thrown = false;
        try {
            checkLossCompatible(Loss::CategoricalCrossentropy, 10, 2);
        } catch (const ConfigError& e) {
            thrown = QString(e.what()).contains("set the last Dense to 2 units");
        }
        QVERIFY(thrown);
    }

    void optimizerSteps_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("config");
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("expected");
        // w = 1, gradient 0.5 each step; expected values worked out by hand from Keras's rules.
        QTest::newRow("sgd") << "sgd" << R"({"learning_rate": 0.1})" << 1 << 0.95;
        QTest::newRow("sgd momentum") << "sgd" << R"({"learning_rate": 0.1, "momentum": 0.9})" << 2 << 0.855;
        QTest::newRow("sgd nesterov") << "SGD" << R"({"learning_rate": 0.1, "momentum": 0.9, "nesterov": true})" << 1 << 0.905;
        QTest::newRow("rmsprop") << "rmsprop" << "{}" << 1 << 1.0 - 0.001 * 0.5 / (std::sqrt(0.025) + 1e-7);
        QTest::newRow("adam") << "adam" << "{}" << 1
                              << 1.0 - 0.001 * std::sqrt(0.001) / 0.1 * 0.05 / (std::sqrt(0.00025) + 1e-7);
    }
    void optimizerSteps() {
        QFETCH(QString, name);
        QFETCH(QString, config);
        QFETCH(int, steps);
        QFETCH(double, expected);
        auto opt = createOptimizer(name.toStdString(), json::parse(config.toStdString()));
        Param p;
        p.value.resize(Shape{1});
        p.value[0] = 1.0f;
        p.grad.resize(Shape{1});
        p.grad[0] = 0.5f;
        for (int i = 0; i < steps; ++i) opt->step({{"w", &p}});
        QVERIFY2(std::abs(p.value[0] - expected) < 1e-6, qPrintable(QString::number(p.value[0], 'g', 9)));
    }

    void metricsFromConfusionMatrix() {
        ConfusionMatrix cm(3);
        // truth 0: 8 right, 2 as 1; truth 1: 5 right, 5 as 2; truth 2: 10 right.
        for (int i = 0; i < 8; ++i) cm.add(0, 0);
        for (int i = 0; i < 2; ++i) cm.add(0, 1);
        for (int i = 0; i < 5; ++i) cm.add(1, 1);
        for (int i = 0; i < 5; ++i) cm.add(1, 2);
        for (int i = 0; i < 10; ++i) cm.add(2, 2);
        QCOMPARE(cm.accuracy(), 23.0 / 30.0);
        auto per = cm.perClass();
        QCOMPARE(per[1].precision, 5.0 / 7.0);
        QCOMPARE(per[1].recall, 0.5);
        QVERIFY(std::abs(per[1].f1 - 2 * (5.0 / 7) * 0.5 / (5.0 / 7 + 0.5)) < 1e-12);
        QCOMPARE(per[2].precision, 10.0 / 15.0);
        QCOMPARE(per[0].support, int64_t(10));
        QVERIFY(std::abs(cm.macroAverage().recall - (0.8 + 0.5 + 1.0) / 3) < 1e-12);
        const QString text = QString::fromStdString(cm.reportText({"bag", "coat", "shirt"}));
        QVERIFY(text.contains("coat") && text.contains("macro avg"));
    }

    void earlyStoppingWaitsForPatience() {
        FakeHost host;
        EarlyStopping es("val_loss", 0.0, 2);
        es.onTrainBegin(host);
        const double seq[] = {1.0, 0.9, 0.95, 0.93, 0.91};
        int epoch = 0;
        for (; epoch < 5 && !host.stopped; ++epoch) es.onEpochEnd(epoch, {{"val_loss", seq[epoch]}}, host);
        QCOMPARE(es.stoppedEpoch(), 3);
        QCOMPARE(es.bestEpoch(), 1);
        QCOMPARE(int(host.events.size()), 1);
        QVERIFY(host.events[0].kind == TrainingEvent::Kind::EarlyStopping);
        QCOMPARE(host.events[0].monitor, std::string("val_loss")); // the curve the GUI marks
    }
    void earlyStoppingMinDeltaAndMaxMode() {
        FakeHost host;
        // Improvements smaller than min_delta do not count.
        EarlyStopping es("val_accuracy", 0.01, 1);
        es.onTrainBegin(host);
        es.onEpochEnd(0, {{"val_accuracy", 0.80}}, host);
        es.onEpochEnd(1, {{"val_accuracy", 0.805}}, host);
        QVERIFY(host.stopped);
        QCOMPARE(es.bestEpoch(), 0);
    }
    void earlyStoppingRestoresBestWeights() {
        FakeHost host;
        EarlyStopping es("val_loss", 0.0, 1, MonitorMode::Min, true);
        es.onTrainBegin(host);
        Param* k = host.model().parameters()[0];
        k->value[0] = 1.0f;
        es.onEpochEnd(0, {{"val_loss", 0.5}}, host); // best
        k->value[0] = 2.0f;
        es.onEpochEnd(1, {{"val_loss", 0.7}}, host); // worse: stop and restore
        QVERIFY(host.stopped);
        QCOMPARE(k->value[0], 1.0f);
        QCOMPARE(int(host.events.size()), 2);
        QVERIFY(host.events[1].kind == TrainingEvent::Kind::BestWeightsRestored);
        QCOMPARE(host.events[1].monitor, std::string("val_loss"));
    }
    void reduceLrOnPlateau() {
        FakeHost host;
        host.sgd_.learningRate = 1.0;
        ReduceLROnPlateau r("loss", 0.5, 1, 0.2);
        r.onTrainBegin(host);
        std::vector<double> rates;
        for (int e = 0; e < 5; ++e) {
            r.onEpochEnd(e, {{"loss", 1.0}}, host);
            rates.push_back(host.sgd_.learningRate);
        }
        QCOMPARE(rates, (std::vector<double>{1.0, 0.5, 0.25, 0.2, 0.2}));
        QCOMPARE(int(host.events.size()), 3);
        QCOMPARE(host.events[2].value, 0.2);
        QCOMPARE(host.events[2].monitor, std::string("loss"));
    }
    void modelCheckpointSavesBestOnly() {
        FakeHost host;
        ModelCheckpoint ck("ckpt-{epoch:02d}-{val_loss:.2f}.safetensors", "val_loss", true);
        ck.onTrainBegin(host);
        const double seq[] = {0.5, 0.6, 0.4, 0.45};
        for (int e = 0; e < 4; ++e) ck.onEpochEnd(e, {{"val_loss", seq[e]}}, host);
        QCOMPARE(host.saved, (std::vector<std::string>{"ckpt-01-0.50.safetensors", "ckpt-03-0.40.safetensors"}));
        QCOMPARE(int(host.events.size()), 2);
        QVERIFY(host.events[1].kind == TrainingEvent::Kind::CheckpointSaved);
        QCOMPARE(host.events[1].monitor, std::string("val_loss"));
    }
    void csvLoggerWritesHistory() {
        FakeHost host;
        const std::string path = tempDir() + "/history.csv";
        CSVLogger log(path);
        log.onTrainBegin(host);
        log.onEpochEnd(0, {{"loss", 0.5}, {"accuracy", 0.75}}, host);
        log.onEpochEnd(1, {{"loss", 0.25}, {"accuracy", 0.875}}, host);
        log.onTrainEnd(host);
        QCOMPARE(QString::fromStdString(readWholeFile(path, 1000)),
                 QString("epoch,accuracy,loss\n0,0.75,0.5\n1,0.875,0.25\n"));
    }
    void callbackMonitoringMissingValueIsRefused() {
        Model m = modelFromJson(kTinyModel);
        Adam adam;
        FitOptions o;
        Trainer t(m, adam, Loss::CategoricalCrossentropy, o);
        EarlyStopping es("val_loss", 0, 1);
        t.addCallback(&es);
        bool thrown = false;
        try {
            t.fit(syntheticSet(30, 1), 3);
        } catch (const ConfigError& e) {
            thrown = QString(e.what()).contains("set a validation split");
        }
        QVERIFY(thrown);
    }

    void trainingLearnsAndIsDeterministic() {
        const ImageSet data = syntheticSet(600, 3);
        auto run = [&](uint64_t seed, int threads) {
            Model m = modelFromJson(kTinyModel);
            Adam adam;
            adam.learningRate = 0.01;
            FitOptions o;
            o.epochs = 8;
            o.batchSize = 32;
            o.seed = seed;
            o.threads = threads;
            o.validationSplit = 0.2;
            Trainer t(m, adam, Loss::CategoricalCrossentropy, o);
            History h = t.fit(data, 3);
            return std::make_pair(allWeights(m), h);
        };
        auto [a, ha] = run(5, 2);
        auto [b, hb] = run(5, 2);
        QCOMPARE(a, b); // bit-identical for the same seed and thread count
        auto [c, hc] = run(6, 2);
        QVERIFY(a != c);
        QCOMPARE(int(ha.epochs.size()), 8);
        qInfo("validation accuracy after 8 epochs: %.3f", ha.epochs.back().at("val_accuracy"));
        QVERIFY2(ha.epochs.back().at("val_accuracy") > 0.9,
                 qPrintable(QString::number(ha.epochs.back().at("val_accuracy"))));
        QVERIFY(ha.epochs.back().at("loss") < ha.epochs.front().at("loss"));
    }

    void validationSplitTakesTheLastFraction() {
        const ImageSet data = syntheticSet(100, 4);
        Model m = modelFromJson(kTinyModel);
        Adam adam;
        FitOptions o;
        o.validationSplit = 0.2;
        o.threads = 1;
        Trainer t(m, adam, Loss::CategoricalCrossentropy, o);
        History h = t.fit(data, 3);
        Evaluation tail = evaluate(m, data.slice(80, 100), Preprocessing{}, Loss::CategoricalCrossentropy, 3, 64, 1);
        QVERIFY(std::abs(tail.loss - h.epochs[0].at("val_loss")) < 1e-6);
        QCOMPARE(tail.accuracy(), h.epochs[0].at("val_accuracy"));
    }

    void stopFlagIsHonouredBetweenBatches() {
        // The flag goes up while batch 3 reports: batch 4 never starts, the epoch is
        // kept as partial (3 of 10 batches) and gets neither validation nor an epoch end.
        struct StopAfter : TrainingObserver {
            std::atomic<bool>* flag;
            int batches = 0, validationBatches = 0, epochEnds = 0;
            void onBatchEnd(const BatchProgress&) override {
                if (++batches == 3) *flag = true;
            }
            void onValidationBatch(const PassProgress&) override { ++validationBatches; }
            void onEpochEnd(const EpochSummary&) override { ++epochEnds; }
        };
        std::atomic<bool> stop{false};
        StopAfter observer;
        observer.flag = &stop;
        Model m = modelFromJson(kTinyModel);
        Adam adam;
        FitOptions o;
        o.epochs = 5;
        o.batchSize = 10;
        o.validationSplit = 0.5;
        Trainer t(m, adam, Loss::CategoricalCrossentropy, o);
        t.setObserver(&observer);
        t.setStopFlag(&stop);
        History h = t.fit(syntheticSet(200, 5), 3);
        QVERIFY(h.stoppedByRequest);
        QCOMPARE(observer.batches, 3);
        QCOMPARE(adam.iterations, int64_t(3));
        QCOMPARE(observer.validationBatches, 0);
        QCOMPARE(observer.epochEnds, 0);
        QVERIFY(h.epochs.empty());
        QVERIFY(h.partial.has_value());
        QCOMPARE(h.partial->epoch, 0);
        QCOMPARE(h.partial->batchesDone, 3);
        QCOMPARE(h.partial->batches, 10);
        QVERIFY(!h.partial->validationInterrupted);
        QVERIFY(h.partial->loss > 0 && std::isfinite(h.partial->loss));
    }

    void stopDuringValidationEndsItBetweenBatches() {
        // Epoch 1 completes; epoch 2's validation pass (10 batches) is stopped after
        // its second batch: no third batch, no epoch end, the epoch kept as partial.
        struct StopInValidation : TrainingObserver {
            std::atomic<bool>* flag;
            std::vector<std::pair<int, int>> validation; // (epoch, batch)
            int epochEnds = 0;
            void onValidationBatch(const PassProgress& p) override {
                validation.emplace_back(p.epoch, p.batch);
                QCOMPARE(p.batches, 10);
                if (p.epoch == 1 && p.batch == 2) *flag = true;
            }
            void onEpochEnd(const EpochSummary&) override { ++epochEnds; }
        };
        std::atomic<bool> stop{false};
        StopInValidation observer;
        observer.flag = &stop;
        Model m = modelFromJson(kTinyModel);
        Adam adam;
        FitOptions o;
        o.epochs = 5;
        o.batchSize = 10;
        o.validationSplit = 0.5;
        Trainer t(m, adam, Loss::CategoricalCrossentropy, o);
        t.setObserver(&observer);
        t.setStopFlag(&stop);
        History h = t.fit(syntheticSet(200, 5), 3);
        QVERIFY(h.stoppedByRequest);
        QCOMPARE(int(observer.validation.size()), 12);
        QCOMPARE(observer.validation.back(), std::make_pair(1, 2));
        QCOMPARE(observer.epochEnds, 1);
        QCOMPARE(int(h.epochs.size()), 1);
        QVERIFY(h.partial.has_value());
        QCOMPARE(h.partial->epoch, 1);
        QCOMPARE(h.partial->batchesDone, 10);
        QVERIFY(h.partial->validationInterrupted);
        QCOMPARE(adam.iterations, int64_t(20));
    }

    void evaluationStopsBetweenBatches() {
        Model m = modelFromJson(kTinyModel);
        m.build(3);
        const ImageSet data = syntheticSet(100, 8);
        std::atomic<bool> stop{false};
        std::vector<int> seen;
        PassControl control;
        control.stop = &stop;
        control.afterBatch = [&](const PassProgress& p) {
            seen.push_back(p.batch);
            QCOMPARE(p.batches, 5);
            if (p.batch == 2) stop = true;
        };
        Evaluation ev = evaluate(m, data, Preprocessing{}, Loss::CategoricalCrossentropy, 3, 20, 1, control);
        QVERIFY(ev.interrupted);
        QCOMPARE(seen, (std::vector<int>{1, 2}));
        QCOMPARE(int(ev.predicted.size()), 40);
        QCOMPARE(ev.confusion.total(), int64_t(40));
        // The loss covers the 40 images evaluated, as a full pass over them gives.
        Evaluation first40 = evaluate(m, data.slice(0, 40), Preprocessing{}, Loss::CategoricalCrossentropy, 3, 20, 1);
        QVERIFY(!first40.interrupted);
        QVERIFY(std::abs(ev.loss - first40.loss) < 1e-9);
    }

    void trainingLossCarriesThePenaltyOfTheWeightsEachStepStartsFrom() {
        // One SGD step on the whole set: the reported loss is the one differentiated, the
        // data loss plus the L2 penalty at the starting weights (as Keras reports it),
        // i.e. what evaluate() says of the model before the step.
        Model m = modelFromJson(R"({"layers": [
            {"class_name": "InputLayer", "config": {"shape": [8, 8, 1]}},
            {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 3, "activation": "softmax", "kernel_regularizer": 0.05}}]})");
        m.build(11);
        const ImageSet data = syntheticSet(30, 4);
        Preprocessing pre;
        pre.rescale = 1.0f / 255.0f;
        const Evaluation before = evaluate(m, data, pre, Loss::CategoricalCrossentropy, 3, 30, 1);
        const double penaltyBefore = m.regularizationLoss();
        QVERIFY(penaltyBefore > 1e-3);
        SGD sgd;
        sgd.learningRate = 0.5;
        FitOptions o;
        o.epochs = 1;
        o.batchSize = 30;
        o.threads = 1;
        Trainer t(m, sgd, Loss::CategoricalCrossentropy, o);
        t.setPreprocessing(pre);
        History h = t.fit(data, 3);
        QVERIFY(std::abs(m.regularizationLoss() - penaltyBefore) > 1e-4); // the step moved the weights
        QVERIFY2(std::abs(h.epochs[0].at("loss") - before.loss) < 1e-6,
                 qPrintable(QString("%1 vs %2").arg(h.epochs[0].at("loss")).arg(before.loss)));
    }

    void nonFiniteLossStopsWithAMessage() {
        Model m = modelFromJson(kTinyModel);
        Adam adam;
        FitOptions o;
        o.epochs = 2;
        Trainer t(m, adam, Loss::CategoricalCrossentropy, o);
        Preprocessing absurd;
        absurd.rescale = 1e30f; // pixels of 1e32: the logits overflow
        t.setPreprocessing(absurd);
        History h = t.fit(syntheticSet(64, 6), 3);
        QVERIFY(h.diverged);
        // The epoch it diverged in is kept apart, as partial: it is not a complete epoch.
        QVERIFY(h.partial.has_value());
        QCOMPARE(h.partial->epoch, int(h.epochs.size()));
        QCOMPARE(h.partial->epoch, h.events.back().epoch);
        QVERIFY(!h.events.empty());
        QVERIFY(h.events.back().kind == TrainingEvent::Kind::NonFiniteLoss);
        QVERIFY(QString::fromStdString(h.events.back().message.english())
                    .contains("lower learning rate"));
    }

    void wrongDataShapeIsExplained() {
        Model m = modelFromJson(kTinyModel);
        Adam adam;
        Trainer t(m, adam, Loss::CategoricalCrossentropy, FitOptions{});
        ImageSet wrong = syntheticSet(10, 1);
        wrong.width = 4;
        wrong.height = 16;
        bool thrown = false;
        try {
            t.fit(wrong, 3);
        } catch (const ShapeError& e) {
            thrown = QString(e.what()).contains("(8, 8, 1)") && QString(e.what()).contains("(16, 4, 1)");
        }
        QVERIFY(thrown);
    }
};

CS_REGISTER_TEST(TrainingTest)
#include "test_training.moc"
