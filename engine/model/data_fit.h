// How a model fits the data bound to it: the images the data set feeds
// against the model's input, its classes (and, for image folders, class_mode)
// against the model's output. Each mismatch is a warning on the input or the
// output layer with the fixes on both sides: the model's (set the input
// shape, change the head's units) and, where the loader can do it, the
// data's — image folders are resized, converted and labelled while loading
// (Keras's flow_from_directory target_size, color_mode, class_mode), IDX and
// CIFAR-10 images load as stored. A fix is offered only when it removes the
// mismatch without breaking the model. analyzeModel() runs this check; the
// Model page, the Data page and `convstudio-cli summary --data` show it.
//
//   DataShape data = withLoadOptions(loaded, project.data); // after a binding change
//   checkDataFit(graph, data, report);                      // adds the warnings and fixes
#pragma once

#include "engine/data/data_binding.h"
#include "engine/model/model_analysis.h"

namespace cs {

// Adds the data mismatches to the input and output layers of `report` (layers
// that already have a problem are left alone).
void checkDataFit(const ModelGraph& graph, const DataShape& data, ModelReport& report);

// What `data` feeds once its binding is `binding`: for image folders the
// binding's target size, colour mode and class mode (the classes stay);
// other kinds load as stored, so `data` is returned as it is.
DataShape withLoadOptions(DataShape data, const DataBinding& binding);

} // namespace cs
