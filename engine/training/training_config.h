// TrainingConfig: everything a training run is set up with, as one value —
// the optimizer, the loss, Keras's fit() options, the callbacks
// (TrainingSettings), the data it is bound to and the augmentation of the
// training split. The window (a project's settings) and convstudio-cli (its
// flags) both fill one in and hand it to a TrainingSession.
//
// JSON: TrainingSettings::toJson() is the "training" member of a project file
// (docs/formats.md §4); TrainingConfig::toJson() adds "data" and
// "augmentation" and is, with "loss" resolved and a "history", the
// "training" metadata of a trained model (§2.4). fromJson() also reads the
// form convstudio-cli wrote before ("optimizer": "Adam", no callbacks).
//
//   cs::TrainingConfig config;
//   config.training.epochs = 5;
//   config.validate(); // ConfigError naming the setting
#pragma once

#include "engine/data/augmentation.h"
#include "engine/data/data_binding.h"
#include "engine/io/json.h"
#include "engine/training/trainer.h"

#include <cstdint>
#include <string>

namespace cs {

// Keras's compile() and fit() settings and the callbacks.
struct TrainingSettings {
    std::string optimizer = "adam"; // a name of optimizerNames(): adam, sgd, rmsprop
    double learningRate = 1e-3;
    double momentum = 0.0;     // SGD
    bool nesterov = false;     // SGD
    std::string loss = "auto"; // auto: from the output layer and class mode
    int batchSize = 64;
    int epochs = 10;
    int stepsPerEpoch = 0; // 0 = every batch
    bool shuffle = true;
    double validationSplit = 0.2;
    uint64_t seed = 42;
    int threads = 0; // 0 = every core, -1 = every core but one, N = N (see effectiveThreads)

    // The callbacks, with Keras's parameters. The defaults are the window's
    // (a callback switched on there); convstudio-cli fills in Keras's own.
    struct EarlyStopping {
        bool enabled = false;
        std::string monitor = "val_loss";
        double minDelta = 0.0;
        int patience = 3;
        std::string mode = "auto";
        bool restoreBestWeights = true;
    } earlyStopping;
    struct Checkpoint {
        bool enabled = false;
        std::string filepath = "best_model.safetensors";
        std::string monitor = "val_loss";
        bool saveBestOnly = true;
        std::string mode = "auto";
    } checkpoint;
    struct ReduceLrOnPlateau {
        bool enabled = false;
        std::string monitor = "val_loss";
        double factor = 0.1;
        int patience = 10;
        double minLr = 0.0;
        double minDelta = 1e-4;
        int cooldown = 0;
        std::string mode = "auto";
    } reduceLr;
    struct CsvLogger {
        bool enabled = false;
        std::string filename;
    } csvLogger;

    Json toJson() const;
    // Missing keys keep their defaults. Throws FormatError for a malformed value.
    static TrainingSettings fromJson(const Json& v);
    // The "callbacks" member: each callback's parameters, missing ones the
    // defaults above; a callback not named is switched off.
    void readCallbacks(const Json& callbacks);
    // Throws ConfigError naming the first setting out of its range.
    void validate() const;
    // The Trainer's options for these settings (threads resolved by effectiveThreads).
    FitOptions fitOptions() const;
};

struct TrainingConfig {
    TrainingSettings training;
    DataBinding data;
    AugmentationOptions augmentation;

    // training's keys, then "data", then "augmentation" (only when it changes images).
    Json toJson() const;
    static TrainingConfig fromJson(const Json& v);
    void validate() const; // ConfigError
};

// The threads a run uses for a threads setting: 0 = every core, -1 = every
// core but one (the window keeps one), N = N (at most the cores there are).
int effectiveThreads(int setting);

} // namespace cs
