// The model editor driven like a person would: a layer dragged from the
// palette onto a connection of the canvas, undo, the inspector's spin box,
// Delete on a block, the issue bar's quick fix.
#include "tests/ui/ui_test_support.h"

#include "ui/document/project_document.h"
#include "ui/editor/attribute_editors.h"
#include "ui/editor/canvas_items.h"
#include "ui/editor/issue_bar.h"
#include "ui/editor/layer_inspector.h"
#include "ui/editor/layer_palette.h"
#include "ui/editor/layer_style.h"
#include "ui/editor/model_canvas.h"
#include "ui/editor/model_editor_page.h"
#include "ui/editor/summary_table.h"

#include "engine/layers/layer_registry.h"
#include "engine/model/model_summary.h"

#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>
#include <memory>
#include <set>

using namespace ui;

class ModelEditorTest : public QObject {
    Q_OBJECT

    std::unique_ptr<ProjectDocument> doc_;
    std::unique_ptr<ModelEditorPage> page_;

    // What a drag of this palette entry carries (the palette's own model builds it).
    QMimeData* paletteDrag(const QString& className) {
        QTreeWidgetItem* item = page_->palette()->itemFor(className);
        if (!item) return nullptr;
        QTreeWidget* tree = page_->palette()->tree();
        const QModelIndex index = tree->model()->index(
            item->parent()->indexOfChild(item), 0,
            tree->model()->index(tree->indexOfTopLevelItem(item->parent()), 0));
        return tree->model()->mimeData({index});
    }

    // Sends the drag-enter, drag-move and drop a real drag ends with.
    void dropOnCanvas(QMimeData* mime, QPoint pos) {
        QWidget* viewport = page_->canvas()->viewport();
        QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QVERIFY(drop.isAccepted());
    }

    static int64_t engineTotal(const ModelGraph& graph) {
        return cs::summarize(graph.toModel()).totalParameters;
    }

private Q_SLOTS:
    void init() {
        doc_ = std::make_unique<ProjectDocument>();
        doc_->load(ProjectDocument::defaultProject(), {});
        page_ = std::make_unique<ModelEditorPage>(doc_.get());
        page_->resize(1400, 900);
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
    }

    void cleanup() {
        page_.reset();
        doc_.reset();
    }

    void dropOnConnectionInsertsThereAndUndoRemovesIt() {
        const ModelGraph original = doc_->graph();
        const int64_t before = doc_->report().totalParameters;
        QCOMPARE(before, engineTotal(original));
        const int rowsBefore = page_->summary()->model()->rowCount();

        // Dense between flatten (1568 values) and dense (256 units).
        const auto where = page_->canvas()->connectionPosition("flatten", "dense");
        QVERIFY(where);
        std::unique_ptr<QMimeData> mime(paletteDrag("Dense"));
        QVERIFY(mime);
        dropOnCanvas(mime.get(), *where);

        const ModelGraph& g = doc_->graph();
        QCOMPARE(g.size(), original.size() + 1);
        const int at = original.indexOf("dense");
        QCOMPARE(QString::fromStdString(g.node(at).className), QString("Dense"));
        const std::string inserted = g.node(at).name();
        QCOMPARE(g.node(at).inputs, std::vector<std::string>{"flatten"});
        QCOMPARE(g.find("dense")->inputs, std::vector<std::string>{inserted});
        const int64_t units = cs::json::asInt(cs::layerSpec("Dense").attributes[0].defaultValue);
        const int64_t expectedDelta =
            (1568 * units + units) + (units * 256 + 256) - (1568 * 256 + 256);
        QCOMPARE(doc_->report().totalParameters, before + expectedDelta);
        QCOMPARE(doc_->report().totalParameters, engineTotal(g));
        QCOMPARE(page_->summary()->model()->rowCount(), rowsBefore + 1);
        QVERIFY(page_->summary()->totalsText().contains(withThousands(before + expectedDelta)));
        QVERIFY(page_->canvas()->block(QString::fromStdString(inserted)));
        QCOMPARE(doc_->focusedLayer(), QString::fromStdString(inserted));

        doc_->undoStack()->undo();
        QVERIFY(doc_->graph() == original);
        QCOMPARE(doc_->report().totalParameters, before);
        QVERIFY(!page_->canvas()->block(QString::fromStdString(inserted)));
        QVERIFY(page_->summary()->totalsText().contains(withThousands(before)));
    }

    void returnInTheFilterAppendsTheBestMatch() {
        QLineEdit* search = page_->palette()->search();
        const int n = doc_->graph().size();
        QTest::keyClicks(search, "flat");
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(doc_->graph().size(), n + 1);
        QCOMPARE(QString::fromStdString(doc_->graph().node(n).className), QString("Flatten"));
        search->clear();
        QTest::keyClicks(search, "maxpool");
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(QString::fromStdString(doc_->graph().node(n + 1).className), QString("MaxPooling2D"));
        // A filter that leaves nothing adds nothing.
        search->clear();
        QTest::keyClicks(search, "no such layer at all");
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(doc_->graph().size(), n + 2);
    }

    void automaticNamesTakeTheFirstFreeSuffix() {
        // Keras's scheme: "dense", then the lowest free "dense_N"; a gap left by
        // a removed layer is filled first, "dense_01" is not suffix 1.
        ModelGraph g = doc_->graph();
        QVERIFY(g.find("dense") && g.find("dense_1") && !g.find("dense_2"));
        auto named = [](const char* name) {
            cs::Json config = cs::Json::object();
            config["name"] = name;
            return config;
        };
        g.append("Dropout", named("dense_3"));
        g.append("Dropout", named("dense_01"));
        QCOMPARE(g.uniqueName("dense"), std::string("dense_2"));
        QCOMPARE(g.append("Dense", cs::Json::object()), std::string("dense_2"));
        QCOMPARE(g.append("Dense", cs::Json::object()), std::string("dense_4"));
        QCOMPARE(g.uniqueName("lambda"), std::string("lambda"));
        // Many unnamed layers: every name distinct, numbered without gaps.
        int dropouts = 0; // "dropout", "dropout_1" ... in the preset
        while (g.find(dropouts == 0 ? "dropout" : "dropout_" + std::to_string(dropouts))) ++dropouts;
        QVERIFY(dropouts > 0);
        for (int i = 0; i < 400; ++i) g.append("Dropout", cs::Json::object());
        std::set<std::string> names;
        for (const LayerNode& n : g.nodes()) names.insert(n.name());
        QCOMPARE(int(names.size()), g.size());
        QVERIFY(g.find("dropout_" + std::to_string(dropouts + 399)));
        QVERIFY(!g.find("dropout_" + std::to_string(dropouts + 400)));
    }

    void dropOnEmptySpaceAppends() {
        const int n = doc_->graph().size();
        std::unique_ptr<QMimeData> mime(paletteDrag("Dropout"));
        const QPoint below = page_->canvas()->blockPosition(
                                 QString::fromStdString(doc_->graph().node(n - 1).name())) +
                             QPoint(0, 80);
        dropOnCanvas(mime.get(), below);
        QCOMPARE(doc_->graph().size(), n + 1);
        QCOMPARE(QString::fromStdString(doc_->graph().node(n).className), QString("Dropout"));
        QCOMPARE(doc_->graph().node(n).inputs,
                 std::vector<std::string>{doc_->graph().node(n - 1).name()});
    }

    void draggedBlockMovesAlongTheChain() {
        // What dragging the first Dropout's block carries, dropped on the flatten -> dense arrow.
        auto mime = std::make_unique<QMimeData>();
        mime->setData(kLayerNodeMime, "dropout");
        dropOnCanvas(mime.get(), *page_->canvas()->connectionPosition("flatten", "dense"));
        const ModelGraph& g = doc_->graph();
        QCOMPARE(g.indexOf("dropout") + 1, g.indexOf("dense"));
        QCOMPARE(g.find("dropout")->inputs, std::vector<std::string>{"flatten"});
        QCOMPARE(g.find("conv2d_1")->inputs, std::vector<std::string>{"max_pooling2d"});
        QVERIFY(doc_->report().valid());
        QCOMPARE(doc_->report().layers[size_t(g.indexOf("dropout"))].outputShape.rank(), 1);
        doc_->undoStack()->undo();
        QCOMPARE(doc_->graph().find("conv2d_1")->inputs, std::vector<std::string>{"dropout"});
    }

    void inspectorSpinBoxChangesFiltersAsOneUndoStep() {
        QTest::mouseClick(page_->canvas()->viewport(), Qt::LeftButton, {},
                          page_->canvas()->blockPosition("conv2d"));
        QCOMPARE(doc_->focusedLayer(), QString("conv2d"));
        AttributeEditor* editor = page_->inspector()->editorFor("filters");
        QVERIFY(editor);
        auto* spin = editor->findChild<QSpinBox*>();
        QVERIFY(spin);
        QCOMPARE(spin->value(), 64);
        const int steps = doc_->undoStack()->count();
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(spin, Qt::Key_Down); // like dragging the spin box down
        QCOMPARE(cs::json::asInt(cs::json::at(doc_->graph().find("conv2d")->config, "filters")),
                 60);
        QCOMPARE(doc_->undoStack()->count(), steps + 1);
        // conv2d: 3·3·1·60 + 60; conv2d_1 now reads 60 channels: 3·3·60·32 + 32.
        const QTableView* table = page_->summary()->view();
        QCOMPARE(table->model()->index(0, 2).data().toString(), QString("600"));
        QCOMPARE(table->model()->index(3, 2).data().toString(),
                 withThousands(3 * 3 * 60 * 32 + 32));
        QCOMPARE(doc_->report().totalParameters, engineTotal(doc_->graph()));
        QVERIFY(
            page_->summary()->totalsText().contains(withThousands(doc_->report().totalParameters)));

        doc_->undoStack()->undo();
        QCOMPARE(cs::json::asInt(cs::json::at(doc_->graph().find("conv2d")->config, "filters")),
                 64);
        QCOMPARE(spin->value(), 64);
        QCOMPARE(table->model()->index(0, 2).data().toString(), QString("640"));
    }

    void invalidModelShowsErrorOnTheBlockAndQuickFixRepairsIt() {
        const int64_t valid = doc_->report().totalParameters;
        ModelCanvas* canvas = page_->canvas();
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, canvas->blockPosition("flatten"));
        QCOMPARE(doc_->focusedLayer(), QString("flatten"));
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(doc_->graph().indexOf("flatten"), -1);

        QVERIFY(!doc_->report().valid());
        QVERIFY(canvas->block("dense")->hasProblem());
        QVERIFY(canvas->block("dense")->content().problem.contains("flat input"));
        for (const char* fine : {"conv2d", "max_pooling2d", "dropout_1", "dense_1"})
            QVERIFY2(!canvas->block(fine)->hasProblem(), qPrintable(fine));
        QVERIFY(page_->issueBar()->isVisible());
        QVERIFY(page_->issueBar()->message().contains("dense"));
        QVERIFY(page_->issueBar()->message().contains("Flatten"));
        const QList<QPushButton*> fixes = page_->issueBar()->fixButtons();
        QVERIFY(!fixes.isEmpty());
        QVERIFY(fixes.first()->text().contains("Flatten"));
        // Every reasonable fix is offered: flatten, pool, or take the misplaced layer out (last).
        QStringList labels;
        for (QPushButton* b : fixes) labels << b->text().remove('&');
        QVERIFY2(labels.contains("Insert a GlobalAveragePooling2D before dense"), qPrintable(labels.join(" | ")));
        QCOMPARE(labels.last(), QString("Remove dense"));

        QTest::mouseClick(fixes.first(), Qt::LeftButton);
        QVERIFY(doc_->report().valid());
        const int dense = doc_->graph().indexOf("dense");
        QCOMPARE(QString::fromStdString(doc_->graph().node(dense - 1).className),
                 QString("Flatten"));
        QCOMPARE(doc_->report().totalParameters, valid);
        QVERIFY(!canvas->block("dense")->hasProblem());
        QTRY_VERIFY(!page_->issueBar()->isVisible());
        // The fix is one undo step; undoing it brings the problem back.
        doc_->undoStack()->undo();
        QVERIFY(!doc_->report().valid());

        // The layer inspector offers the same fixes for the focused layer; one click applies
        // one, and its row is rebuilt at once (no stale button left in the widget tree).
        doc_->setFocusedLayer("dense");
        auto inspectorFixes = [&] {
            QStringList texts;
            for (QPushButton* b : page_->inspector()->findChildren<QPushButton*>())
                if (labels.contains(b->text().remove('&'))) texts << b->text().remove('&');
            return texts;
        };
        QCOMPARE(inspectorFixes(), labels);
        for (QPushButton* b : page_->inspector()->findChildren<QPushButton*>())
            if (b->text().remove('&') == labels.first()) {
                QTest::mouseClick(b, Qt::LeftButton);
                break;
            }
        QVERIFY(doc_->report().valid());
        QVERIFY(inspectorFixes().isEmpty());
    }

    void handMadeSkipConnectionThroughAdd() {
        const int64_t before = doc_->report().totalParameters;
        // An Add after conv2d has one input: shown as a problem, not refused.
        std::unique_ptr<QMimeData> add(paletteDrag("Add"));
        dropOnCanvas(add.get(), *page_->canvas()->connectionPosition("conv2d", "max_pooling2d"));
        const QString merge = doc_->focusedLayer();
        QVERIFY(page_->canvas()->block(merge)->hasProblem());
        QVERIFY(page_->canvas()->block(merge)->content().problem.contains("two inputs"));
        // A ReLU on the main path, then conv2d connected straight to the Add: a skip connection.
        std::unique_ptr<QMimeData> relu(paletteDrag("Activation"));
        dropOnCanvas(relu.get(), *page_->canvas()->connectionPosition("conv2d", merge));
        QVERIFY(!doc_->connectLayers("max_pooling2d", merge)); // later than the Add: refused
        QVERIFY(doc_->connectLayers("conv2d", merge));
        QVERIFY(doc_->report().valid());
        QVERIFY(!doc_->graph().isChain());
        QCOMPARE(doc_->report().totalParameters, before);
        int skips = 0;
        for (ConnectionItem* c : page_->canvas()->connectionItems())
            skips += c->isSkip();
        QCOMPARE(skips, 1);
        QCOMPARE(page_->summary()->model()->columnCount(),
                 4); // "Connected to" for graphs, as Keras
    }
};

UI_TEST_CLASS(ModelEditorTest);
#include "test_model_editor.moc"
