#include "ui/classify/classify_page.h"

#include "ui/classify/folder_classifier_panel.h"
#include "ui/classify/image_drop_area.h"
#include "ui/classify/result_card.h"
#include "ui/imaging/image_converter.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace ui {

namespace {
// A softmax of n units gives n classes; a single sigmoid unit gives two.
int classCount(const ModelSnapshot& snapshot) {
    const cs::Shape out = snapshot.model->outputShape();
    const int units = out.rank() > 0 ? int(out[out.rank() - 1]) : 0;
    return units == 1 ? 2 : std::max(units, 1);
}
} // namespace

ClassifyPage::ClassifyPage(CurrentModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    // One image at a time: the other core belongs to a training run, if any.
    pool_ = new QThreadPool(this);
    pool_->setMaxThreadCount(1);

    // Without a model: what to do about it.
    auto* empty = new QWidget(this);
    emptyState_ =
        new QLabel(tr("<p style='font-size:x-large'><b>No model to classify with yet</b></p>"
                      "<p>Train a model on the Train page, or open a .safetensors model.</p>"),
                   empty);
    emptyState_->setObjectName("emptyStateLabel");
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setWordWrap(true);
    openModel_ = new QPushButton(tr("Open Model…"), empty);
    openModel_->setObjectName("openModelButton");
    connect(openModel_, &QPushButton::clicked, this, &ClassifyPage::openModelRequested);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyState_);
    emptyLayout->addWidget(openModel_, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    // With a model: the tool row, the cards, the folder table.
    auto* content = new QWidget(this);
    modelLabel_ = new QLabel(content);
    modelLabel_->setObjectName("modelLabel");
    modelLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* addImages = new QPushButton(tr("Add Images…"), content);
    addImages->setObjectName("addImagesButton");
    connect(addImages, &QPushButton::clicked, this, &ClassifyPage::pickImages);
    auto* pasteButton = new QPushButton(tr("Paste"), content);
    pasteButton->setObjectName("pasteButton");
    pasteButton->setToolTip(tr("Classify the image or the image files on the clipboard (Ctrl+V)"));
    connect(pasteButton, &QPushButton::clicked, this, &ClassifyPage::paste);
    auto* clear = new QPushButton(tr("Clear"), content);
    clear->setObjectName("clearResultsButton");
    connect(clear, &QPushButton::clicked, this, &ClassifyPage::clearResults);
    auto* otherModel = new QPushButton(tr("Open Model…"), content);
    otherModel->setObjectName("openOtherModelButton");
    connect(otherModel, &QPushButton::clicked, this, &ClassifyPage::openModelRequested);
    topK_ = new QSpinBox(content);
    topK_->setObjectName("topKSpin");
    topK_->setRange(1, 10);
    topK_->setValue(5);
    topK_->setToolTip(tr("How many of the most probable classes each image shows"));
    connect(topK_, &QSpinBox::valueChanged, this, &ClassifyPage::setTopK);
    auto* tools = new QHBoxLayout;
    tools->addWidget(modelLabel_, 1);
    tools->addWidget(otherModel);
    tools->addSpacing(16);
    tools->addWidget(new QLabel(tr("Top"), content));
    tools->addWidget(topK_);
    tools->addWidget(new QLabel(tr("classes"), content));
    tools->addSpacing(16);
    tools->addWidget(addImages);
    tools->addWidget(pasteButton);
    tools->addWidget(clear);

    dropArea_ = new ImageDropArea(content);
    connect(dropArea_, &ImageDropArea::pathsDropped, this, &ClassifyPage::addPaths);
    connect(dropArea_, &ImageDropArea::imageDropped, this, [this](const QImage& image) {
        addImage(image, tr("dropped image %1").arg(++pasted_));
    });
    folder_ = new FolderClassifierPanel(content);
    connect(folder_, &FolderClassifierPanel::finished, this, &ClassifyPage::folderFinished);
    connect(folder_, &FolderClassifierPanel::imageRequested, this,
            [this](const QString& path) { addImageFiles({path}); });
    auto* splitter = new QSplitter(Qt::Vertical, content);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(dropArea_);
    splitter->addWidget(folder_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 220}); // the cards first; the table grows when dragged
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(8, 8, 8, 8);
    contentLayout->addLayout(tools);
    contentLayout->addWidget(splitter, 1);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(empty);
    stack_->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    // Only while the page is shown (Qt ignores shortcuts of hidden widgets).
    auto* pasteShortcut = new QShortcut(QKeySequence::Paste, this);
    connect(pasteShortcut, &QShortcut::activated, this, &ClassifyPage::paste);

    connect(model_, &CurrentModel::changed, this, &ClassifyPage::modelChanged);
    modelChanged();
}

ClassifyPage::~ClassifyPage() {
    // Jobs hold their own copies (snapshot, pixels); wait so none outlives the page.
    pool_->clear();
    pool_->waitForDone();
}

void ClassifyPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    modelChanged();
}

void ClassifyPage::modelChanged() {
    const ModelSnapshotPtr snapshot = model_->current();
    folder_->setModel(snapshot);
    stack_->setCurrentIndex(snapshot ? 1 : 0);
    if (!snapshot) {
        const bool waiting = model_->waitingForRun();
        emptyState_->setText(waiting ? tr("<p style='font-size:x-large'><b>Waiting for the first snapshot</b></p>"
                                          "<p>Your images are classified again with the new run's model about a "
                                          "second after its first batch.</p>")
                                     : tr("<p style='font-size:x-large'><b>No model to classify with yet</b></p>"
                                          "<p>Train a model on the Train page, or open a .safetensors model.</p>"));
        openModel_->setVisible(!waiting);
        return;
    }
    const cs::Shape in = snapshot->model->inputShape();
    const int classes = classCount(*snapshot);
    const QString input =
        in.rank() == 3
            ? QString("%1×%2 %3").arg(in[1]).arg(in[0]).arg(in[2] == 1 ? tr("grey") : tr("RGB"))
            : QString::fromStdString(in.toString());
    modelLabel_->setText(tr("Model: <b>%1</b> · %2 images · %3 classes")
                             .arg(snapshot->source.toHtmlEscaped(), input)
                             .arg(classes));
    topK_->setMaximum(std::max(1, classes));
    // A hidden page does not follow a run's snapshots every second: showEvent catches up.
    if (!isVisible() || snapshot == shown_) return;
    shown_ = snapshot;
    for (QWidget* w : dropArea_->cards())
        static_cast<ResultCard*>(w)->classify(snapshot);
}

void ClassifyPage::addPaths(const QStringList& paths) {
    QStringList files;
    for (const QString& path : paths) {
        if (QFileInfo(path).isDir())
            folder_->classifyFolder(path, true); // the last folder wins
        else
            files << path;
    }
    addImageFiles(files);
}

void ClassifyPage::addImageFiles(const QStringList& paths) {
    // Added in order, each on top: the last file ends up first, as if dropped one by one.
    for (const QString& path : paths)
        addCard(ImageSource{QFileInfo(path).fileName(), path, {}});
}

void ClassifyPage::addImage(const QImage& image, const QString& name) {
    addCard(ImageSource{name, {}, matFromImage(image)});
}

void ClassifyPage::addCard(ImageSource source) {
    auto* card = new ResultCard(std::move(source), pool_);
    card->setTopK(topK_->value());
    connect(card, &ResultCard::classified, this, &ClassifyPage::cardClassified);
    connect(card, &ResultCard::closeRequested, this, [this, card] { dropArea_->removeCard(card); });
    dropArea_->insertCard(card);
    card->classify(model_->current());
}

void ClassifyPage::cardClassified() {
    if (!busy()) Q_EMIT resultsReady();
}

int ClassifyPage::resultCount() const {
    return int(dropArea_->cards().size());
}

ResultCard* ClassifyPage::result(int index) const {
    const QList<QWidget*> cards = dropArea_->cards();
    return index >= 0 && index < cards.size() ? static_cast<ResultCard*>(cards[index]) : nullptr;
}

bool ClassifyPage::busy() const {
    for (QWidget* w : dropArea_->cards())
        if (static_cast<ResultCard*>(w)->pending()) return true;
    return false;
}

int ClassifyPage::topK() const {
    return topK_->value();
}

void ClassifyPage::setTopK(int k) {
    if (topK_->value() != k) {
        topK_->setValue(k); // comes back through valueChanged
        return;
    }
    for (QWidget* w : dropArea_->cards())
        static_cast<ResultCard*>(w)->setTopK(k);
}

void ClassifyPage::paste() {
    QStringList paths;
    QImage image;
    if (!ImageDropArea::readMime(QApplication::clipboard()->mimeData(), &paths, &image)) return;
    if (!paths.isEmpty())
        addPaths(paths);
    else
        addImage(image, tr("pasted image %1").arg(++pasted_));
}

void ClassifyPage::clearResults() {
    for (QWidget* w : dropArea_->cards())
        dropArea_->removeCard(w);
}

void ClassifyPage::pickImages() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        patterns << "*." + QString::fromLatin1(format);
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add Images"), {}, tr("Images (%1);;All files (*)").arg(patterns.join(' ')));
    addImageFiles(paths);
}

} // namespace ui
