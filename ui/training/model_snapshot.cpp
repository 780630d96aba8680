#include "training/model_snapshot.h"

namespace ui {

ModelSnapshotPtr makeSnapshot(const cs::Model& model, std::vector<std::string> classNames,
                              cs::Preprocessing preprocessing, QString source) {
    auto s = std::make_shared<ModelSnapshot>();
    cs::Model copy = model.clone();
    // Only the values are looked at: gradient buffers would double a snapshot's memory.
    for (cs::Param* p : copy.parameters()) p->grad = cs::Tensor();
    s->model = std::make_shared<const cs::Model>(std::move(copy));
    s->classNames = std::move(classNames);
    s->preprocessing = std::move(preprocessing);
    s->source = std::move(source);
    return s;
}

} // namespace ui
