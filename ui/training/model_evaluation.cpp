#include "ui/training/model_evaluation.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/training/training_job.h"

#include "engine/core/errors.h"
#include "engine/data/streaming_folder_source.h"
#include "engine/model/model_file.h"
#include "engine/training/trainer.h"
#include "engine/training/training_session.h"

#include <chrono>

namespace ui {

TestEvaluation evaluateOnTestSplit(cs::Model& model, const cs::Preprocessing& preprocessing,
                                   cs::Loss loss, const std::shared_ptr<const LoadedDataset>& data_,
                                   int batchSize, int testLimit, int threads,
                                   const cs::PassControl& control) {
    TestEvaluation result;
    const int classes = data_->classCount();
    if (auto memory = data_->inMemory()) {
        cs::ImageSet test = memory->test;
        if (testLimit > 0 && testLimit < test.count()) test = test.slice(0, testLimit);
        if (test.count() == 0) return result;
        cs::Evaluation ev =
            cs::evaluate(model, test, preprocessing, loss, classes, batchSize, threads, control);
        if (ev.interrupted) return result;
        result.done = true;
        result.split = "test";
        result.loss = ev.loss;
        result.confusion = ev.confusion;
        result.predicted = ev.predicted;
        result.truth.assign(test.labels.begin(), test.labels.end());
        result.data = data_;
        return result;
    }
    const cs::ImageFolderIndex* index = data_->folderIndex();
    const bool hasTest = index && !index->test.empty();
    std::vector<cs::FolderImage> files = !index    ? std::vector<cs::FolderImage>{}
                                         : hasTest ? index->test
                                                   : index->validation;
    if (testLimit > 0 && size_t(testLimit) < files.size()) files.resize(size_t(testLimit));
    if (files.empty()) return result;
    cs::StreamingFolderSource source(files, data_->settings().imageFolders, {});
    cs::Evaluation ev =
        cs::evaluate(model, source, preprocessing, loss, classes, batchSize, threads, control);
    if (ev.interrupted) return result;
    result.done = true;
    result.split = hasTest ? "test" : "validation";
    result.loss = ev.loss;
    result.confusion = ev.confusion;
    result.predicted = ev.predicted;
    for (const cs::FolderImage& f : files)
        result.truth.push_back(f.label);
    result.data = data_;
    return result;
}

void requireData(const std::shared_ptr<const LoadedDataset>& data) {
    if (!data)
        throw cs::DataError(
            CS_TEXT("ui::TrainPage", "no data set is loaded yet (the Data page chooses one)"));
}

void checkModelTakesData(const cs::Model& model, const LoadedDataset& data, cs::UserText takes) {
    const cs::Shape in = model.inputShape();
    if (in.rank() == 3 && in[0] == data.height() && in[1] == data.width() && in[2] == data.channels()) return;
    throw cs::ShapeError(takes.arg(in.toString())
                             .arg(data.title().toStdString())
                             .arg(data.height())
                             .arg(data.width())
                             .arg(data.channels()));
}

TrainingOutcome evaluateModelFile(const std::string& path,
                                  const std::shared_ptr<const LoadedDataset>& data, int testLimit,
                                  int threads, const cs::PassControl& control) {
    requireData(data);
    const auto start = std::chrono::steady_clock::now();
    cs::LoadedModel loaded = cs::loadAnyModel(path); // .safetensors or Keras .h5
    auto trained = std::make_shared<TrainedModel>();
    trained->model = std::move(loaded.model);
    trained->optimizer = std::move(loaded.optimizer);
    trained->metadata = loaded.metadata;
    checkModelTakesData(trained->model, *data,
                        CS_TEXT("ui::TrainPage", "the model takes %1 but %2 images are %3x%4x%5").about(path));
    const int units = int(trained->model.outputShape().numel());
    if (units != data->classCount() && !(units == 1 && data->classCount() == 2))
        throw cs::ShapeError(
            CS_TEXT("ui::TrainPage", "the model has %1 outputs but %2 has %3 classes")
                .arg(units)
                .arg(data->title().toStdString())
                .arg(data->classCount())
                .about(path));
    trained->loss = cs::trainedLoss(trained->metadata.training, units);
    if (trained->metadata.classNames.empty()) trained->metadata.classNames = data->classNames();

    TrainingOutcome out;
    out.test = evaluateOnTestSplit(trained->model, trained->metadata.preprocessing, trained->loss,
                                   data, 64, testLimit, threads, control);
    out.trained = trained;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

} // namespace ui
