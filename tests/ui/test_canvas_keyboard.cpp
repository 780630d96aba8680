// The model canvas without a mouse (issue 14, item 7): arrow keys walk the
// graph (Up/Down along it, Left/Right between parallel branches), Return
// opens the selected block's editing in the inspector, Delete removes and
// Ctrl+D duplicates through the undo stack, and the selected block shows a
// focus ring while the canvas has the keyboard. Also the drag picture: it
// sits beside the cursor, so the insert marker under the cursor stays visible.
#include "tests/ui/ui_test_support.h"

#include "ui/document/project_document.h"
#include "ui/editor/attribute_editors.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/graph_navigation.h"
#include "ui/editor/layer_inspector.h"
#include "ui/editor/layer_palette.h"
#include "ui/editor/layer_style.h"
#include "ui/editor/model_canvas.h"
#include "ui/editor/model_editor_page.h"

#include <QApplication>
#include <QDrag>
#include <QLineEdit>
#include <QMimeData>
#include <QSpinBox>
#include <QtTest>
#include <memory>

using namespace ui;

namespace {

// The first CNN with two parallel branches between conv2d and an Add:
// conv2d -> activation -> activation_1 -> add, and conv2d -> dropout_3 -> add
// (the preset has dropout ... dropout_2 already).
ModelGraph branchedGraph() {
    ModelGraph g = ProjectDocument::defaultProject().graph;
    const std::string add =
        g.insertOnConnection("Add", cs::Json::object(), "conv2d", "max_pooling2d");
    const std::string a1 = g.insertOnConnection("Activation", cs::Json::object(), "conv2d", add);
    g.insertOnConnection("Activation", cs::Json::object(), a1, add);
    if (!g.connect("conv2d", add).empty()) return {};
    g.insertOnConnection("Dropout", cs::Json::object(), "conv2d", add); // the second branch
    return g;
}

cs::Json withoutName(cs::Json config) {
    config.erase("name");
    return config;
}

} // namespace

class CanvasKeyboardTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ProjectDocument> doc_;
    std::unique_ptr<ModelEditorPage> page_;

    ModelCanvas* canvas() const { return page_->canvas(); }
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
        QTest::keyClick(canvas(), k, mods);
    }

private Q_SLOTS:
    void init() {
        doc_ = std::make_unique<ProjectDocument>();
        doc_->load(ProjectDocument::defaultProject(), {});
        page_ = std::make_unique<ModelEditorPage>(doc_.get());
        page_->resize(1400, 900);
        page_->show();
        QVERIFY(QTest::qWaitForWindowActive(page_.get()));
        canvas()->setFocus();
        QVERIFY(canvas()->hasFocus());
    }

    void cleanup() {
        page_.reset();
        doc_.reset();
    }

    void stepsFollowTheGraphAndItsBranches() {
        const ModelGraph g = branchedGraph();
        QVERIFY(g.size() > 0);
        // The column: ... conv2d, activation, activation_1, dropout_3, add, max_pooling2d ...
        QCOMPARE(g.indexOf("activation") + 1, g.indexOf("activation_1"));
        QCOMPARE(g.indexOf("activation_1") + 1, g.indexOf("dropout_3"));
        QCOMPARE(g.indexOf("dropout_3") + 1, g.indexOf("add"));
        auto step = [&](const char* from, GraphStep s) {
            return QString::fromStdString(stepFrom(g, from, s));
        };
        QCOMPARE(step("conv2d", GraphStep::Down), QString("activation")); // nearest consumer
        QCOMPARE(step("activation", GraphStep::Down), QString("activation_1"));
        QCOMPARE(step("activation_1", GraphStep::Down),
                 QString("add"));                                   // not the parallel dropout_3
        QCOMPARE(step("add", GraphStep::Up), QString("dropout_3")); // its nearest input
        QCOMPARE(step("dropout_3", GraphStep::Up), QString("conv2d"));
        QCOMPARE(step("add", GraphStep::Down), QString("max_pooling2d"));
        // Left/Right: the nearest block on a parallel branch, above / below.
        QCOMPARE(step("activation", GraphStep::Right), QString("dropout_3"));
        QCOMPARE(step("activation_1", GraphStep::Right), QString("dropout_3"));
        QCOMPARE(step("dropout_3", GraphStep::Left), QString("activation_1"));
        QCOMPARE(step("dropout_3", GraphStep::Right),
                 QString("dropout_3"));                               // nothing parallel below
        QCOMPARE(step("conv2d", GraphStep::Left), QString("conv2d")); // on the trunk: no branch
        QCOMPARE(step("add", GraphStep::Right), QString("add"));
        // The ends stay; an unknown name starts at the top.
        QCOMPARE(step("input", GraphStep::Up), QString("input"));
        const std::string last = g.node(g.size() - 1).name();
        QCOMPARE(stepFrom(g, last, GraphStep::Down), last);
        QCOMPARE(step("no such layer", GraphStep::Down), QString("input"));
    }

    void arrowKeysMoveTheSelectionOnTheCanvas() {
        doc_->replaceModel(branchedGraph(), "branches");
        doc_->setFocusedLayer({});
        key(Qt::Key_Down); // nothing selected: the first block
        QCOMPARE(doc_->focusedLayer(), QString("input"));
        key(Qt::Key_Down);
        QCOMPARE(doc_->focusedLayer(), QString("conv2d"));
        QVERIFY(canvas()->block("conv2d")->isCurrent());
        key(Qt::Key_Down);
        key(Qt::Key_Right);
        QCOMPARE(doc_->focusedLayer(), QString("dropout_3"));
        key(Qt::Key_Left);
        QCOMPARE(doc_->focusedLayer(), QString("activation_1"));
        key(Qt::Key_Down);
        QCOMPARE(doc_->focusedLayer(), QString("add"));
        key(Qt::Key_Up);
        QCOMPARE(doc_->focusedLayer(), QString("dropout_3"));
        QVERIFY(canvas()->block("dropout_3")->isCurrent());
        QVERIFY(!canvas()->block("add")->isCurrent());
        // Moving the selection is not an edit.
        QCOMPARE(doc_->undoStack()->index(), 1);
    }

    void theSelectedBlockShowsFocusWhileTheCanvasHasTheKeyboard() {
        doc_->setFocusedLayer("conv2d");
        QVERIFY(canvas()->block("conv2d")->hasFocusRing());
        QVERIFY(!canvas()->block("dense")->hasFocusRing());
        key(Qt::Key_Down);
        QVERIFY(canvas()->block("max_pooling2d")->hasFocusRing());
        QVERIFY(!canvas()->block("conv2d")->hasFocusRing());
        page_->palette()->search()->setFocus();
        QVERIFY(!canvas()->block("max_pooling2d")->hasFocusRing());
        QVERIFY(canvas()->block("max_pooling2d")->isCurrent()); // still selected, only not focused
        canvas()->setFocus();
        QVERIFY(canvas()->block("max_pooling2d")->hasFocusRing());
    }

    void returnEditsTheBlockInTheInspectorAndEscapeComesBack() {
        doc_->setFocusedLayer("conv2d");
        key(Qt::Key_Return);
        AttributeEditor* filters = page_->inspector()->editorFor("filters");
        QVERIFY(filters);
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY2(filters->isAncestorOf(focus), focus->metaObject()->className());
        // Typing replaces the value at once (the text is selected).
        QTest::keyClicks(focus, "48");
        QTest::keyClick(focus, Qt::Key_Return);
        QCOMPARE(cs::json::asInt(cs::json::at(doc_->graph().find("conv2d")->config, "filters")),
                 48);
        QTest::keyClick(focus, Qt::Key_Escape);
        QVERIFY(canvas()->hasFocus());
        // A layer without attributes (Flatten) edits its name.
        doc_->setFocusedLayer("flatten");
        key(Qt::Key_Enter);
        auto* name = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(name);
        QCOMPARE(name->text(), QString("flatten"));
        QVERIFY(page_->inspector()->isAncestorOf(name));
    }

    void deleteRemovesAndSelectsTheNextBlock() {
        doc_->setFocusedLayer("max_pooling2d");
        const ModelGraph before = doc_->graph();
        key(Qt::Key_Delete);
        QCOMPARE(doc_->graph().indexOf("max_pooling2d"), -1);
        QCOMPARE(doc_->graph().size(), before.size() - 1);
        QCOMPARE(doc_->focusedLayer(),
                 QString("dropout")); // the next block, to go on with the keys
        key(Qt::Key_Delete);
        QCOMPARE(doc_->graph().indexOf("dropout"), -1);
        QCOMPARE(doc_->focusedLayer(), QString("conv2d_1"));
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QVERIFY(doc_->graph() == before);
        QCOMPARE(doc_->focusedLayer(), QString("max_pooling2d"));
        // The InputLayer stays.
        doc_->setFocusedLayer("input");
        key(Qt::Key_Delete);
        QVERIFY(doc_->graph() == before);
    }

    void ctrlDDuplicatesTheSelectedBlockAfterItAsOneUndoStep() {
        doc_->setLayerAttribute("conv2d", "filters", 48);
        doc_->setFocusedLayer("conv2d");
        const ModelGraph before = doc_->graph();
        const int steps = doc_->undoStack()->count();
        key(Qt::Key_D, Qt::ControlModifier);
        const ModelGraph& g = doc_->graph();
        QCOMPARE(g.size(), before.size() + 1);
        const int at = g.indexOf("conv2d") + 1;
        const LayerNode& copy = g.node(at);
        QCOMPARE(copy.className, std::string("Conv2D"));
        QCOMPARE(copy.name(), std::string("conv2d_2")); // Keras's next free name
        QVERIFY(withoutName(copy.config) ==
                withoutName(g.find("conv2d")->config)); // 48 filters too
        QCOMPARE(copy.inputs, std::vector<std::string>{"conv2d"});
        QCOMPARE(g.find("max_pooling2d")->inputs, std::vector<std::string>{"conv2d_2"});
        QCOMPARE(doc_->focusedLayer(), QString("conv2d_2"));
        QVERIFY(canvas()->block("conv2d_2"));
        QCOMPARE(doc_->undoStack()->count(), steps + 1);
        // The last layer duplicates at the end; the InputLayer is refused.
        const std::string last = g.node(g.size() - 1).name();
        doc_->setFocusedLayer(QString::fromStdString(last));
        key(Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc_->graph().node(doc_->graph().size() - 1).inputs,
                 std::vector<std::string>{last});
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QVERIFY(doc_->graph() == before);
        QCOMPARE(doc_->focusedLayer(), QString("conv2d"));
        doc_->setFocusedLayer("input");
        QSignalSpy refused(doc_.get(), &ProjectDocument::editRefused);
        key(Qt::Key_D, Qt::ControlModifier);
        QVERIFY(doc_->graph() == before);
        QCOMPARE(refused.count(), 1);
        // The Edit menu's entry does the same.
        QCOMPARE(page_->duplicateAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    }

    void theDragPictureLeavesTheInsertMarkerVisible() {
        ModelCanvas* c = canvas();
        const QPoint cursor = *c->connectionPosition("flatten", "dense");
        QTreeWidgetItem* item = page_->palette()->itemFor("Dense");
        QVERIFY(item);
        std::unique_ptr<QDrag> drag(page_->palette()->createDrag(item));
        QVERIFY(drag);
        QCOMPARE(QString::fromUtf8(drag->mimeData()->data(kLayerTypeMime)), QString("Dense"));
        QVERIFY(!drag->pixmap().isNull());

        // Hovering the arrow shows the "+" marker on it...
        QDragEnterEvent enter(cursor, Qt::CopyAction, drag->mimeData(), Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(c->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(cursor, Qt::CopyAction, drag->mimeData(), Qt::LeftButton,
                            Qt::NoModifier);
        QApplication::sendEvent(c->viewport(), &move);
        QVERIFY(move.isAccepted());
        ConnectionItem* target = nullptr;
        for (ConnectionItem* item : c->connectionItems())
            if (item->isDropTarget()) target = item;
        QVERIFY(target);
        QCOMPARE(target->connection(), (Connection{"flatten", "dense"}));
        // ... a circle of 10 scene units around the middle of the arrow ...
        const QPoint centre = c->mapFromScene(target->dropPoint());
        const int radius = qCeil(11 * c->zoom());
        const QRect marker(centre - QPoint(radius, radius), QSize(2 * radius, 2 * radius));
        QVERIFY((centre - cursor).manhattanLength() <= 2);
        // ... and the picture, drawn at cursor - hot spot, keeps clear of it and of the arrow's
        // line.
        const QRect picture(cursor - drag->hotSpot(),
                            drag->pixmap().deviceIndependentSize().toSize());
        QVERIFY2(!picture.intersects(marker), qPrintable(QString("picture %1,%2 %3x%4")
                                                             .arg(picture.x())
                                                             .arg(picture.y())
                                                             .arg(picture.width())
                                                             .arg(picture.height())));
        QVERIFY(picture.left() > centre.x() + radius);
        // The same for a block dragged to another place.
        std::unique_ptr<QDrag> moveDrag(c->createMoveDrag("dropout"));
        QVERIFY(moveDrag);
        const QRect blockPicture(cursor - moveDrag->hotSpot(),
                                 moveDrag->pixmap().deviceIndependentSize().toSize());
        QVERIFY(!blockPicture.intersects(marker));
        QDragLeaveEvent leave;
        QApplication::sendEvent(c->viewport(), &leave);
        QVERIFY(!target->isDropTarget());
    }
};

UI_TEST_CLASS(CanvasKeyboardTest);
#include "test_canvas_keyboard.moc"
