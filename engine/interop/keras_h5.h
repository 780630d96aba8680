// Reading a Keras 2 HDF5 model file (model.save("x.h5"), ModelCheckpoint("x.h5")):
// the layout of Keras's keras/saving/legacy/hdf5_format.py, read with the HDF5
// C library (whose headers stay in keras_h5.cpp):
//
//   /                      attributes model_config (JSON text), training_config
//                          (JSON text, when compiled), keras_version, backend
//   /model_weights         attribute layer_names (strings; or layer_names0,
//                          layer_names1 ... when Keras split a long list)
//   /model_weights/<layer> attribute weight_names ("conv2d/kernel:0", ...), each
//                          a float dataset at that path below the layer's group
//
// Only what ConvStudio needs is read; the optimizer_weights group is left alone.
// libhdf5 crashes or loops on some damaged files, so the reading runs in a
// forked child process and only its result (or its error) comes back.
//
//   KerasH5File f = readKerasH5("mejor_modelo.h5");
//   Json config = json::parse(f.modelConfig);
//   const KerasH5Weight& w = f.layers[0].weights[0];  // w.name "conv2d/kernel:0"
#pragma once

#include "engine/core/tensor.h"

#include <string>
#include <vector>

namespace cs {

struct KerasH5Weight {
    std::string name; // as in weight_names: "conv2d/kernel:0"
    Tensor value;     // float32, the dataset's shape
};

struct KerasH5Layer {
    std::string name;                   // as in layer_names
    std::vector<KerasH5Weight> weights; // in weight_names order
};

struct KerasH5File {
    std::string modelConfig;          // the model_config attribute (JSON text)
    std::string trainingConfig;       // the training_config attribute, or "" when absent
    std::string kerasVersion;         // "2.11.0", or "" when absent
    std::vector<KerasH5Layer> layers; // in layer_names order
};

// True when the file starts with the HDF5 signature (\x89HDF\r\n\x1a\n).
bool hasHdf5Signature(const std::string& path);

// Reads the whole file. Every error is a FormatError (ResourceError for a
// weight over the memory limit) starting with the path and naming the object:
// "m.h5: not an HDF5 file", "m.h5: no 'model_config' attribute: a weights-only
// file (save_weights)? ...", "m.h5: dataset 'model_weights/dense/dense/kernel:0'
// cannot be read: the file is truncated or damaged (HDF5: ...)".
KerasH5File readKerasH5(const std::string& path);

} // namespace cs
