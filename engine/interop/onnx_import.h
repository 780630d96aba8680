// ONNX import: CNNs exported by PyTorch (torch.onnx.export) or by ConvStudio
// itself become ConvStudio models, NCHW weights turned into Keras's layouts.
//
// Accepted operators: onnxImportOperators() (Conv, pooling, Gemm/MatMul+Add,
// Flatten/Reshape, BatchNormalization, Dropout, Add, Concat, activations ...).
// A graph using any other is refused with the full list of what it uses that
// is not supported; nothing is returned half-made. Every error is a
// FormatError (ResourceError for sizes over the limits) that starts with the
// file's path; its text() is translatable (CS_TEXT, context "cs::Files"), the
// path and the node ("Conv 'conv1'") places shown as they are.
// docs/formats.md §6 describes the mapping.
//
//   if (looksLikeOnnxFile(path)) LoadedModel m = importOnnx(path);
#pragma once

#include "engine/model/model_file.h"

#include <string>
#include <vector>

namespace cs {

// True when the file's name ends in ".onnx" or its first bytes are those of an
// ONNX model (protobuf field 1, ir_version, then another ModelProto field) and
// not of a safetensors file.
bool looksLikeOnnxFile(const std::string& path);

// The model, its weights, and from metadata_props the class names and
// preprocessing (ConvStudio's own exports carry them; for other files the
// classes are named "0", "1", ... and the preprocessing is rescale 1/255).
// A model from elsewhere that ends in a linear Dense of several units (a
// PyTorch classifier's logits) gets a softmax there: ConvStudio shows probabilities.
LoadedModel importOnnx(const std::string& path);

// The ONNX operators importOnnx() understands, sorted.
const std::vector<std::string>& onnxImportOperators();

} // namespace cs
