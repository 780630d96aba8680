// ONNX export: a built model (any layer type, chains and graphs) as an ONNX
// file that OpenCV's DNN module, ONNX Runtime or PyTorch tooling can run.
//
// The graph is NCHW, as PyTorch and OpenCV expect (input [batch, C, H, W] or
// [batch, features]); weights are converted from Keras's layouts, 'same'
// padding becomes explicit (uneven) pads, average pooling excludes padded
// cells, BatchNormalization is exported in inference form (moving statistics).
// A Flatten keeps Keras's H, W, C order: when its output only reaches Dense
// layers (through Dropout/Activation), the first Dense's rows are permuted to
// ONNX's C, H, W order; otherwise a Transpose to NHWC precedes the Flatten.
// Class names, preprocessing and the data set go into metadata_props.
// docs/formats.md §6 describes the mapping.
//
//   exportOnnx("model.onnx", loaded.model, loaded.metadata);
#pragma once

#include "engine/model/model_file.h"

#include <string>

namespace cs {

// The ONNX operator set the exporter writes (OpenCV 4.6 reads it).
constexpr int kOnnxExportOpset = 13;

// The model as the bytes of an ONNX ModelProto. ShapeError when the model has no weights.
std::string onnxModelBytes(const Model& model, const ModelMetadata& metadata);
// The same, written atomically to `path` (IoError when it cannot be written).
void exportOnnx(const std::string& path, const Model& model, const ModelMetadata& metadata);

} // namespace cs
