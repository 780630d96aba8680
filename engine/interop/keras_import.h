// Keras models into ConvStudio: a model.to_json() document (Sequential or
// Functional, Keras 2 or 3) and a Keras 2 .h5 file (architecture + weights,
// interop/keras_h5.h). The Keras config is translated into ConvStudio's
// architecture (docs/formats.md §1.8); every layer type and option ConvStudio
// cannot compute exactly is collected, and the model is refused with the whole
// list ("m.h5: not supported by ConvStudio: layer 'lstm' (LSTM); layer 'c'
// (Conv2D): Conv2D attribute 'dilation_rate' = [2,2] ...") — nothing is half
// loaded. Keras's weight layouts are ConvStudio's (HWIO kernels, Dense (in,
// out), BatchNormalization gamma/beta/moving_mean/moving_variance), so the
// weights are copied as they are, matched by layer and weight name.
//
//   if (isKerasModelJson(doc)) Model m = Model::fromJson(architectureFromKeras(doc));
//   LoadedModel best = loadKerasH5File("mejor_modelo.h5");
#pragma once

#include "engine/io/json.h"
#include "engine/model/model_file.h"

#include <string>

namespace cs {

// A Keras model document: top-level "class_name" and a "config" that holds
// the "layers" (ConvStudio's own architecture has "layers" at the top).
bool isKerasModelJson(const Json& doc);

// ConvStudio's architecture document (§1.1) for a Keras model document.
// FormatError listing every unsupported layer and option, or saying that the
// document is not a Keras model.
Json architectureFromKeras(const Json& kerasModel);

// True for a JSON file (up to 64 MB) that isKerasModelJson(); false for anything else.
bool looksLikeKerasJsonFile(const std::string& path);

// A to_json() file: the architecture only (no weights, no class names).
LoadedModel loadKerasJsonFile(const std::string& path);
LoadedModel loadKerasJsonDocument(const std::string& path, const Json& doc);

// A Keras .h5 model: architecture and weights. Keras stores no class names
// nor preprocessing: the classes are named "0", "1", ... and the input is
// taken as pixel / 255, as in the course; the loss and optimizer of
// training_config are kept when ConvStudio has them.
LoadedModel loadKerasH5File(const std::string& path);

} // namespace cs
