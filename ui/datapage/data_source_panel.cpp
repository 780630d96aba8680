#include "ui/datapage/data_source_panel.h"

#include "ui/datapage/loaded_dataset.h"
#include "ui/document/project_document.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace ui {

namespace {
// Combo rows: Fashion-MNIST is IDX in Debian's folder; the others ask for a folder.
enum Row { FashionMnist, IdxFolder, Cifar, ImageFolder };

cs::DatasetKind kindOfRow(int row) {
    return row == Cifar         ? cs::DatasetKind::Cifar10
           : row == ImageFolder ? cs::DatasetKind::ImageFolders
                                : cs::DatasetKind::Idx;
}

int rowOf(const DataSettings& d) {
    if (d.kind == cs::DatasetKind::Cifar10) return Cifar;
    if (d.kind == cs::DatasetKind::ImageFolders) return ImageFolder;
    return d.folder == cs::kDefaultDatasetDir ? FashionMnist : IdxFolder;
}

QString settingsKey(int row) {
    return QString("data/lastFolder%1").arg(row);
}

const int kBinaryRow = 2; // of the class_mode combo
} // namespace

DataSourcePanel::DataSourcePanel(ProjectDocument* document, QWidget* parent)
    : QGroupBox(tr("Data set"), parent), document_(document) {
    auto* layout = new QVBoxLayout(this);
    kind_ = new QComboBox(this);
    kind_->addItem(tr("Fashion-MNIST (installed)"));
    kind_->addItem(tr("MNIST or another IDX folder…"));
    kind_->addItem(tr("CIFAR-10 binary folder…"));
    kind_->addItem(tr("Image folder (one sub-folder per class)…"));
    kind_->setItemData(FashionMnist,
                       tr("60,000 + 10,000 grey 28×28 images of clothes in 10 classes, from "
                          "Debian's dataset-fashion-mnist package"),
                       Qt::ToolTipRole);
    kind_->setItemData(IdxFolder,
                       tr("A folder with train/t10k images and labels in IDX format (.gz or raw)"),
                       Qt::ToolTipRole);
    kind_->setItemData(Cifar, tr("data_batch_*.bin, test_batch.bin and batches.meta.txt"),
                       Qt::ToolTipRole);
    kind_->setItemData(
        ImageFolder,
        tr("train/ + validation/ (+ test/) with a folder per class, or one folder of "
           "class folders split by validation_split"),
        Qt::ToolTipRole);
    folder_ = new QLineEdit(this);
    folder_->setReadOnly(true);
    browse_ = new QPushButton(tr("Browse…"), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse_);

    folderOptions_ = new QWidget(this);
    auto* form = new QFormLayout(folderOptions_);
    form->setContentsMargins(0, 0, 0, 0);
    targetHeight_ = new QSpinBox(folderOptions_);
    targetWidth_ = new QSpinBox(folderOptions_);
    for (QSpinBox* s : {targetHeight_, targetWidth_}) {
        s->setRange(1, 4096);
        s->setKeyboardTracking(false);
    }
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(targetHeight_, 1);
    sizeRow->addWidget(new QLabel("\u00d7", folderOptions_));
    sizeRow->addWidget(targetWidth_, 1);
    colorMode_ = new QComboBox(folderOptions_);
    colorMode_->addItems({"rgb", "grayscale"});
    interpolation_ = new QComboBox(folderOptions_);
    interpolation_->addItems({"auto", "nearest", "bilinear", "bicubic", "area", "lanczos"});
    interpolation_->setToolTip(
        tr("auto: area averaging to shrink, bilinear to enlarge (as predict does)"));
    classMode_ = new QComboBox(folderOptions_);
    classMode_->addItems({"categorical", "sparse", "binary"});
    validationSplit_ = new QDoubleSpinBox(folderOptions_);
    validationSplit_->setRange(0, 0.9);
    validationSplit_->setSingleStep(0.05);
    validationSplit_->setKeyboardTracking(false);
    form->addRow(tr("target_size"), sizeRow);
    form->addRow(tr("color_mode"), colorMode_);
    form->addRow(tr("interpolation"), interpolation_);
    form->addRow(tr("class_mode"), classMode_);
    splitSeed_ = new QSpinBox(folderOptions_);
    splitSeed_->setRange(0, 2147483647);
    splitSeed_->setKeyboardTracking(false);
    form->addRow(tr("validation_split"), validationSplit_);
    form->addRow(tr("seed"), splitSeed_);

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reload_ = new QPushButton(tr("Reload"), this);
    reload_->setToolTip(tr("Read the folder again (after adding images)"));
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(status_, 1);
    statusRow->addWidget(reload_, 0, Qt::AlignTop);
    layout->addWidget(kind_);
    layout->addLayout(folderRow);
    layout->addWidget(folderOptions_);
    layout->addLayout(statusRow);

    connect(kind_, &QComboBox::activated, this, &DataSourcePanel::kindChosen);
    connect(browse_, &QPushButton::clicked, this, &DataSourcePanel::browse);
    connect(reload_, &QPushButton::clicked, this, &DataSourcePanel::reloadRequested);
    for (QSpinBox* s : {targetHeight_, targetWidth_})
        connect(s, &QSpinBox::valueChanged, this, &DataSourcePanel::commitFolderOptions);
    for (QComboBox* c : {colorMode_, interpolation_, classMode_})
        connect(c, &QComboBox::activated, this, &DataSourcePanel::commitFolderOptions);
    connect(validationSplit_, &QDoubleSpinBox::valueChanged, this,
            &DataSourcePanel::commitFolderOptions);
    connect(document_, &ProjectDocument::dataSettingsChanged, this, &DataSourcePanel::refresh);
    refresh();
}

void DataSourcePanel::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? "color: #d32f2f;" : "");
}

void DataSourcePanel::refresh() {
    const DataSettings& d = document_->settings().data;
    const QSignalBlocker b1(kind_), b2(targetHeight_), b3(targetWidth_), b4(colorMode_),
        b5(interpolation_), b6(classMode_), b7(validationSplit_), b8(splitSeed_);
    kind_->setCurrentIndex(rowOf(d));
    folder_->setText(QString::fromStdString(d.folder));
    folder_->setToolTip(folder_->text());
    browse_->setEnabled(rowOf(d) != FashionMnist);
    folderOptions_->setVisible(d.kind == cs::DatasetKind::ImageFolders);
    targetHeight_->setValue(d.imageFolders.height);
    targetWidth_->setValue(d.imageFolders.width);
    colorMode_->setCurrentText(QString::fromStdString(cs::colorModeName(d.imageFolders.colorMode)));
    interpolation_->setCurrentText(
        QString::fromStdString(cs::interpolationName(d.imageFolders.interpolation)));
    classMode_->setCurrentText(QString::fromStdString(cs::classModeName(d.imageFolders.classMode)));
    validationSplit_->setValue(d.imageFolders.validationSplit);
    splitSeed_->setValue(int(d.imageFolders.seed));
    refreshApplicability();
}

QWidget* DataSourcePanel::editor(const QString& name) const {
    const QHash<QString, QWidget*> editors = {
        {"target_height", targetHeight_}, {"target_width", targetWidth_},
        {"color_mode", colorMode_},       {"interpolation", interpolation_},
        {"class_mode", classMode_},       {"validation_split", validationSplit_},
        {"seed", splitSeed_}};
    return editors.value(name);
}

void DataSourcePanel::setLoaded(std::shared_ptr<const LoadedDataset> data) {
    loaded_ = std::move(data);
    refreshApplicability();
}

void DataSourcePanel::refreshApplicability() {
    const DataSettings& d = document_->settings().data;
    // What the folder holds is known once it is listed, and only for the folder chosen now.
    const cs::ImageFolderIndex* index =
        loaded_ && loaded_->settings().folder == d.folder ? loaded_->folderIndex() : nullptr;
    const bool validationFolder = index && index->validationFolder;
    validationSplit_->setEnabled(!validationFolder);
    validationSplit_->setToolTip(
        validationFolder
            ? tr("Not used: the validation/ folder holds the validation images. Choose the train/ "
                 "folder itself as the data set to split it instead.")
            : tr("For one folder of classes: this fraction becomes validation data"));
    const bool split = !validationFolder && d.imageFolders.validationSplit > 0;
    splitSeed_->setEnabled(split);
    splitSeed_->setToolTip(split ? tr("Shuffles the single folder before validation_split cuts it")
                           : validationFolder
                               ? tr("Not used: the validation/ folder holds the validation images")
                               : tr("Not used: validation_split is 0 (nothing is split off)"));
    // class_mode binary reads a 0/1 label per image: only for two classes.
    auto* modes = qobject_cast<QStandardItemModel*>(classMode_->model());
    if (QStandardItem* binary = modes ? modes->item(kBinaryRow) : nullptr) {
        const int classes = index ? int(index->classNames.size()) : 2;
        const bool applies = classes == 2 || d.imageFolders.classMode == cs::ClassMode::Binary;
        binary->setEnabled(applies);
        binary->setToolTip(applies ? tr("A 0/1 label per image, for one sigmoid unit (2 classes)")
                                   : tr("Needs exactly 2 classes; this data set has %1").arg(classes));
    }
}

QString DataSourcePanel::chooseFolder(const QString& start) {
    return QFileDialog::getExistingDirectory(this, tr("Choose the data set folder"), start);
}

void DataSourcePanel::kindChosen(int row) {
    DataSettings d = document_->settings().data;
    if (row == FashionMnist) {
        d.kind = cs::DatasetKind::Idx;
        d.folder = cs::kDefaultDatasetDir;
        document_->setDataSettings(d);
        return;
    }
    const QString remembered = QSettings().value(settingsKey(row)).toString();
    const QString folder = chooseFolder(remembered.isEmpty() ? QDir::homePath() : remembered);
    if (folder.isEmpty()) {
        refresh(); // cancelled: show the current choice again
        return;
    }
    QSettings().setValue(settingsKey(row), folder);
    d.kind = kindOfRow(row);
    d.folder = folder.toStdString();
    // The folder's content decides: a CIFAR folder picked as "image folder" is read as CIFAR-10.
    try {
        d.kind = cs::detectDatasetKind(d.folder);
    } catch (const cs::Error&) {
    }
    if (d.kind == cs::DatasetKind::ImageFolders && document_->graph().size() > 0) {
        // Default target size: what the model's input takes.
        const cs::Json& shape = cs::json::at(document_->graph().node(0).config, "shape");
        if (shape.size() == 3 && document_->settings().data.kind != cs::DatasetKind::ImageFolders) {
            d.imageFolders.height = cs::json::asInt(shape[0]);
            d.imageFolders.width = cs::json::asInt(shape[1]);
            d.imageFolders.colorMode =
                cs::json::asInt(shape[2]) == 1 ? cs::ColorMode::Grayscale : cs::ColorMode::Rgb;
        }
    }
    document_->setDataSettings(d);
    refresh();
}

void DataSourcePanel::browse() {
    kindChosen(kind_->currentIndex());
}

void DataSourcePanel::commitFolderOptions() {
    DataSettings d = document_->settings().data;
    d.imageFolders.height = targetHeight_->value();
    d.imageFolders.width = targetWidth_->value();
    d.imageFolders.colorMode = cs::colorModeFromName(colorMode_->currentText().toStdString());
    d.imageFolders.interpolation =
        cs::interpolationFromName(interpolation_->currentText().toStdString());
    d.imageFolders.classMode = cs::classModeFromName(classMode_->currentText().toStdString());
    d.imageFolders.validationSplit = validationSplit_->value();
    d.imageFolders.seed = uint64_t(splitSeed_->value());
    document_->setDataSettings(d);
}

} // namespace ui
