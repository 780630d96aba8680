// Evaluation of a model on a data set's test split (on its validation images
// for image folders without a test/ folder): loss, confusion matrix and each
// image's prediction — after a training run, or on demand for a saved model
// file. Slow for big sets: call these off the GUI thread.
//
//   TestEvaluation ev = evaluateOnTestSplit(model, pre, loss, data, 64, 0, 0);
//   TrainingOutcome out = evaluateModelFile("model.safetensors", data); // throws cs::Error
#pragma once

#include "ui/training/training_progress.h"

#include "engine/core/user_text.h"
#include "engine/data/preprocessing.h"
#include "engine/model/model.h"
#include "engine/training/loss.h"
#include "engine/training/trainer.h"

#include <memory>
#include <string>

namespace ui {

class LoadedDataset;

// testLimit > 0: only the split's first testLimit images. threads 0 = every core.
// A stop through `control` ends the pass between batches: the result is not `done`.
TestEvaluation evaluateOnTestSplit(cs::Model& model, const cs::Preprocessing& preprocessing,
                                   cs::Loss loss, const std::shared_ptr<const LoadedDataset>& data,
                                   int batchSize, int testLimit, int threads,
                                   const cs::PassControl& control = {});

// Throws cs::DataError when no data set is loaded.
void requireData(const std::shared_ptr<const LoadedDataset>& data);
// Throws cs::ShapeError `takes` (%1 the model's input shape, %2 the data set, %3x%4x%5 its
// images' height, width and channels) unless `model` takes the data set's images.
void checkModelTakesData(const cs::Model& model, const LoadedDataset& data, cs::UserText takes);

// Loads a .safetensors model and evaluates it on `data` with the file's own
// preprocessing. The outcome holds the loaded model (trained) and the evaluation.
// Throws cs::Error when the file cannot be read or the model does not fit the data.
TrainingOutcome evaluateModelFile(const std::string& path,
                                  const std::shared_ptr<const LoadedDataset>& data,
                                  int testLimit = 0, int threads = 0,
                                  const cs::PassControl& control = {});

} // namespace ui
