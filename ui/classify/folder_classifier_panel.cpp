#include "ui/classify/folder_classifier_panel.h"

#include "ui/window/elided_label.h"

#include "ui/window/engine_text.h"

#include "engine/inspect/class_scores.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <exception>

namespace ui {

namespace {
// Numbers sort as numbers, text as text: every cell keeps its sort key here.
constexpr int kSortRole = Qt::UserRole + 1;

QStandardItem* textItem(const QString& text) {
    auto* item = new QStandardItem(text);
    item->setData(text.toLower(), kSortRole);
    item->setEditable(false);
    return item;
}

QStandardItem* percentItem(double probability) {
    auto* item = new QStandardItem(QString::number(100.0 * probability, 'f', 1) + " %");
    item->setData(probability, kSortRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setEditable(false);
    return item;
}

QStandardItem* emptyNumberItem() {
    auto* item = new QStandardItem;
    item->setData(-1.0, kSortRole); // unreadable files sort below every probability
    item->setEditable(false);
    return item;
}
} // namespace

FolderClassifierPanel::FolderClassifierPanel(QWidget* parent) : QWidget(parent) {
    pool_ = new QThreadPool(this);
    pool_->setMaxThreadCount(1);
    classifyButton_ = new QPushButton(tr("Classify Folder…"), this);
    classifyButton_->setObjectName("classifyFolderButton");
    classifyButton_->setToolTip(tr("Classify every image of a folder into the table below"));
    connect(classifyButton_, &QPushButton::clicked, this, &FolderClassifierPanel::pickFolder);
    recursive_ = new QCheckBox(tr("Include sub-folders"), this);
    recursive_->setObjectName("recursiveCheck");
    recursive_->setChecked(true);
    progress_ = new QProgressBar(this);
    progress_->setObjectName("folderProgress");
    progress_->setFormat("%v / %m");
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->hide();
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setObjectName("cancelFolderButton");
    cancelButton_->hide();
    connect(cancelButton_, &QPushButton::clicked, this, &FolderClassifierPanel::cancel);
    exportButton_ = new QPushButton(tr("Export CSV…"), this);
    exportButton_->setObjectName("exportCsvButton");
    exportButton_->setEnabled(false);
    connect(exportButton_, &QPushButton::clicked, this, &FolderClassifierPanel::pickCsvFile);
    status_ = new ElidedLabel(this, Qt::ElideMiddle); // the folder's path gives way first
    status_->setFullText(tr("Classify a whole folder: one row per image, sortable by any column."));
    status_->setObjectName("folderStatus");
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    model_ = new QStandardItemModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(kSortRole);
    table_ = new QTableView(this);
    table_->setObjectName("folderTable");
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setStretchLastSection(
        true); // the reason a file failed reads in full
    table_->horizontalHeader()->setResizeContentsPrecision(200); // big folders stay quick
    table_->setToolTip(tr("Double-click a row to see the image with its Grad-CAM above"));
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const int row = proxy_->mapToSource(index).row();
        if (row >= 0 && row < int(result_.rows.size()))
            Q_EMIT imageRequested(QString::fromStdString(result_.rows[size_t(row)].path));
    });

    progressTimer_ = new QTimer(this);
    progressTimer_->setInterval(100); // a person reads progress at ~10 Hz
    connect(progressTimer_, &QTimer::timeout, this, &FolderClassifierPanel::showProgress);

    auto* controls = new QHBoxLayout;
    controls->addWidget(classifyButton_);
    controls->addWidget(recursive_);
    controls->addWidget(progress_, 1);
    controls->addWidget(cancelButton_);
    controls->addWidget(status_, 1);
    controls->addWidget(exportButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(table_, 1);
    setModel(nullptr);
}

FolderClassifierPanel::~FolderClassifierPanel() {
    cancel();
    pool_->waitForDone(); // the job ends at its next batch
}

void FolderClassifierPanel::setModel(ModelSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    classifyButton_->setEnabled(bool(snapshot_));
    // The table is not reclassified on its own (a folder can take minutes): say whose rows they are.
    if (resultSnapshot_ && !result_.rows.empty()) {
        setStatus(snapshot_ == resultSnapshot_
                      ? resultText_
                      : resultText_ + tr(" — not the current model: Classify Folder… again to use it"),
                  false);
    }
}

QString FolderClassifierPanel::statusText() const {
    return status_->fullText();
}

void FolderClassifierPanel::setStatus(const QString& text, bool error) {
    status_->setFullText(text);
    status_->setStyleSheet(error ? "color: #d32f2f;" : "");
}

void FolderClassifierPanel::pickFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Classify Folder"));
    if (!folder.isEmpty()) classifyFolder(folder, recursive_->isChecked());
}

void FolderClassifierPanel::pickCsvFile() {
    const QString suggested = QDir(result_.folder).filePath("classifications.csv");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), suggested, tr("CSV (*.csv)"));
    if (!path.isEmpty()) exportCsv(path);
}

void FolderClassifierPanel::classifyFolder(const QString& folder, bool recursive) {
    if (!snapshot_) {
        setStatus(tr("No model to classify with: train one or open a .safetensors model."), true);
        return;
    }
    cancel(); // latest request wins; the old job's rows are dropped when it ends
    auto job = std::make_shared<Job>();
    job_ = job;
    const ModelSnapshotPtr snapshot = snapshot_;
    // Leave a core to the GUI (and to a training run on the other core).
    const int threads = std::max(1, QThread::idealThreadCount() - 1);
    progress_->setRange(0, 0); // busy until the files are counted
    progress_->show();
    cancelButton_->show();
    status_->hide();
    progressTimer_->start();
    runInBackground<FolderClassification>(
        this, pool_,
        [snapshot, folder, recursive, threads, job] {
            return ui::classifyFolder(snapshot, folder, recursive, threads,
                                      [job](int done, int total) {
                                          job->done = done;
                                          job->total = total;
                                          return !job->cancel.load();
                                      });
        },
        [this, job, snapshot](const FolderClassification& result) {
            if (job == job_) showResult(result, snapshot);
        });
}

void FolderClassifierPanel::cancel() {
    if (job_) job_->cancel = true;
}

void FolderClassifierPanel::showProgress() {
    if (!job_ || job_->total.load() == 0) return;
    progress_->setRange(0, job_->total.load());
    progress_->setValue(job_->done.load());
}

void FolderClassifierPanel::showResult(const FolderClassification& result,
                                       const ModelSnapshotPtr& snapshot) {
    job_.reset();
    progressTimer_->stop();
    progress_->hide();
    cancelButton_->hide();
    status_->show();
    if (!result.error.isEmpty()) {
        setStatus(result.error, true);
        Q_EMIT finished();
        return;
    }
    result_ = result;
    resultSnapshot_ = snapshot;
    fillTable();
    int unreadable = 0;
    for (const cs::FileClassification& row : result_.rows)
        unreadable += row.ok() ? 0 : 1;
    QString text = result_.cancelled ? tr("Cancelled: %1 of %2 images classified")
                                           .arg(result_.rows.size())
                                           .arg(result_.total)
                                     : tr("%1 images classified").arg(result_.rows.size());
    if (unreadable > 0) text += tr(" (%1 could not be read)").arg(unreadable);
    text += tr(" · %1 · with %2").arg(QDir::toNativeSeparators(result_.folder), snapshot->source);
    resultText_ = text;
    setStatus(text, false);
    exportButton_->setEnabled(!result_.rows.empty());
    Q_EMIT finished();
}

void FolderClassifierPanel::fillTable() {
    table_->setSortingEnabled(false); // filling a sorted table re-sorts on every row
    model_->clear();
    const std::vector<std::string>& names = resultSnapshot_->classNames;
    const int classes = result_.rows.empty() ? 0 : [&] {
        for (const auto& row : result_.rows)
            if (row.ok()) return int(row.probabilities.size());
        return int(names.size());
    }();
    QStringList header{tr("File"), tr("Predicted class"), tr("Confidence")};
    for (int c = 0; c < classes; ++c)
        header << QString::fromStdString(cs::className(names, c));
    header << tr("Error");
    model_->setHorizontalHeaderLabels(header);
    const QDir folder(result_.folder);
    for (const cs::FileClassification& row : result_.rows) {
        QList<QStandardItem*> items;
        const QString path = QString::fromStdString(row.path);
        QStandardItem* file = textItem(folder.relativeFilePath(path));
        file->setToolTip(path);
        items << file;
        if (row.ok()) {
            items << textItem(QString::fromStdString(cs::className(names, row.best)))
                  << percentItem(row.probabilities[size_t(row.best)]);
            for (int c = 0; c < classes; ++c)
                items << (c < int(row.probabilities.size())
                              ? percentItem(row.probabilities[size_t(c)])
                              : emptyNumberItem());
            items << textItem({});
        } else {
            items << textItem(tr("unreadable")) << emptyNumberItem();
            for (int c = 0; c < classes; ++c)
                items << emptyNumberItem();
            // The engine's message starts with the path, which the File column already shows.
            const QString whole = engineText(row.error);
            QString reason = whole;
            if (reason.startsWith(path + ": ")) reason = reason.mid(path.size() + 2);
            QStandardItem* error = textItem(reason);
            error->setToolTip(whole);
            error->setForeground(QColor(0xd3, 0x2f, 0x2f));
            items << error;
        }
        model_->appendRow(items);
    }
    table_->setSortingEnabled(true);
    table_->sortByColumn(-1, Qt::AscendingOrder); // the folder's order until a header is clicked
    table_->resizeColumnsToContents();
}

bool FolderClassifierPanel::exportCsv(const QString& path) {
    if (!resultSnapshot_ || result_.rows.empty()) {
        setStatus(tr("Nothing to export: classify a folder first."), true);
        return false;
    }
    try {
        cs::writeClassificationsCsv(path.toStdString(), result_.rows, resultSnapshot_->classNames);
    } catch (const std::exception& e) {
        setStatus(tr("Could not export: %1").arg(errorText(e)), true);
        return false;
    }
    setStatus(
        tr("Exported %1 rows to %2").arg(result_.rows.size()).arg(QDir::toNativeSeparators(path)),
        false);
    return true;
}

} // namespace ui
