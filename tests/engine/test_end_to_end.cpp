// End to end on real data: the course's first Fashion-MNIST CNN, one epoch on
// the full training set, must reach 85% test accuracy (Keras gets ~86-88%).
#include "tests/engine/test_registry.h"

#include "engine/data/dataset_loader.h"
#include "engine/model/model_file.h"
#include "engine/training/trainer.h"

#include <QtTest>

using namespace cs;

class EndToEndTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fashionMnistFirstCnnOneEpoch() {
        CS_REQUIRE_DATA(test::fashionMnistDir());
        Dataset data = loadDataset(test::fashionMnistDir());
        QCOMPARE(data.train.count(), 60000);
        Model model = loadArchitectureFile(std::string(CONVSTUDIO_SOURCE_DIR) +
                                           "/resources/presets/fashion_mnist_first_cnn.json");
        auto adam = createOptimizer("adam", Json::object());
        FitOptions options;
        options.epochs = 1;
        options.batchSize = 64;
        options.seed = 42;
        Trainer trainer(model, *adam, Loss::CategoricalCrossentropy, options);
        History h = trainer.fit(data.train, data.classCount());
        QCOMPARE(int(h.epochs.size()), 1);
        Evaluation test = evaluate(model, data.test, Preprocessing{}, Loss::CategoricalCrossentropy,
                                   data.classCount());
        qInfo("test accuracy after one epoch: %.4f (train loss %.4f)", test.accuracy(), h.epochs[0].at("loss"));
        QVERIFY2(test.accuracy() >= 0.85, qPrintable(QString::number(test.accuracy())));
    }
};

CS_REGISTER_TEST(EndToEndTest)
#include "test_end_to_end.moc"
