#include "tests/engine/op_coverage.h"

#include "engine/layers/layer_registry.h"
#include "engine/model/model.h"

#include <QMetaMethod>
#include <QtTest>

namespace cs::test {

void OpCoverage::noteModel(const Model& model) {
    for (int k = 0; k < model.nodeCount(); ++k) noteLayerType(model.layer(k).className());
}

void OpCoverage::noteFunction() {
    functions_.insert(QTest::currentTestFunction());
}

void OpCoverage::checkEveryLayerType(const QObject& test, const char* what) const {
    const QMetaObject* meta = test.metaObject();
    for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
        const QMetaMethod m = meta->method(i);
        const std::string name = m.name().toStdString();
        const bool special = name == "initTestCase" || name == "cleanupTestCase" || name == "init" ||
                             name == "cleanup" || name.ends_with("_data");
        if (m.methodType() == QMetaMethod::Slot && m.access() == QMetaMethod::Private && !special &&
            !functions_.count(name))
            return; // only some functions ran: no verdict on coverage
    }
    std::string missing;
    for (const LayerSpec& spec : layerSpecs())
        if (!types_.count(spec.className)) missing += (missing.empty() ? "" : ", ") + spec.className;
    if (!missing.empty())
        QFAIL(qPrintable(QString("layer types without %1: %2").arg(what, QString::fromStdString(missing))));
}

OpCoverage& referenceCoverage() {
    static OpCoverage c;
    return c;
}

OpCoverage& gradientCoverage() {
    static OpCoverage c;
    return c;
}

} // namespace cs::test
