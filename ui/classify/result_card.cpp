#include "ui/classify/result_card.h"

#include "ui/classify/probability_bars.h"
#include "ui/export/export_target.h"
#include "ui/imaging/image_converter.h"

#include "engine/inspect/class_scores.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ui {

namespace {
constexpr int kImageSide = 200;

QLabel* dimLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText); // dimmer text that follows the theme
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

ResultCard::ResultCard(ImageSource source, QThreadPool* pool, QWidget* parent)
    : QFrame(parent), source_(std::move(source)), pool_(pool),
      classifyLatest_(std::make_shared<std::atomic<int>>(0)),
      heatLatest_(std::make_shared<std::atomic<int>>(0)) {
    setObjectName("resultCard");
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    image_ = new QLabel(this);
    image_->setObjectName("cardImage");
    image_->setFixedSize(kImageSide, kImageSide);
    image_->setAlignment(Qt::AlignCenter);
    image_->setToolTip(source_.path.isEmpty() ? source_.name : source_.path);

    title_ = new QLabel(source_.name, this);
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    title_->setFont(titleFont);
    title_->setToolTip(source_.path);
    close_ = new QToolButton(this);
    close_->setText("✕");
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Remove this image"));
    connect(close_, &QToolButton::clicked, this, &ResultCard::closeRequested);
    auto* header = new QHBoxLayout;
    header->addWidget(title_, 1);
    header->addWidget(close_);

    preprocessing_ = dimLabel(this);
    preprocessing_->setObjectName("preprocessingLabel");
    verdict_ = new QLabel(tr("Classifying…"), this);
    verdict_->setObjectName("verdictLabel");
    QFont verdictFont = verdict_->font();
    verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.25);
    verdict_->setFont(verdictFont);
    error_ = new QLabel(this);
    error_->setObjectName("errorLabel");
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet("color: #d32f2f;");
    error_->hide();

    bars_ = new ProbabilityBars(this);
    bars_->setObjectName("probabilityBars");
    connect(bars_, &ProbabilityBars::classClicked, this, &ResultCard::setHeatClass);

    heatRow_ = new QWidget(this);
    classCombo_ = new QComboBox(heatRow_);
    classCombo_->setObjectName("gradCamClassCombo");
    classCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(classCombo_, &QComboBox::activated, this,
            [this](int i) { setHeatClass(classCombo_->itemData(i).toInt()); });
    opacity_ = new QSlider(Qt::Horizontal, heatRow_);
    opacity_->setObjectName("heatOpacity");
    opacity_->setRange(0, 100);
    opacity_->setValue(45);
    opacity_->setMaximumWidth(160);
    opacity_->setToolTip(tr("Heat map opacity"));
    connect(opacity_, &QSlider::valueChanged, this, &ResultCard::setOpacity);
    auto* heatLayout = new QHBoxLayout(heatRow_);
    heatLayout->setContentsMargins(0, 0, 0, 0);
    heatLayout->addWidget(new QLabel(tr("Grad-CAM of"), heatRow_));
    heatLayout->addWidget(classCombo_);
    heatLayout->addSpacing(12);
    heatLayout->addWidget(new QLabel(tr("Opacity"), heatRow_));
    heatLayout->addWidget(opacity_);
    heatLayout->addStretch(1);
    heatNote_ = dimLabel(this);
    heatNote_->setObjectName("heatNote");
    heatNote_->setWordWrap(true);

    auto* right = new QVBoxLayout;
    right->setSpacing(4);
    right->addLayout(header);
    right->addWidget(preprocessing_);
    right->addWidget(verdict_);
    right->addWidget(error_);
    right->addSpacing(2);
    right->addWidget(bars_);
    right->addSpacing(4);
    right->addWidget(heatRow_);
    right->addWidget(heatNote_);
    right->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(14);
    layout->addWidget(image_, 0, Qt::AlignTop);
    layout->addLayout(right, 1);
    bars_->hide();
    heatRow_->hide();
    const QString stem = QFileInfo(source_.name).completeBaseName();
    auto* target = ExportTarget::attach(this, tr("Classification of %1").arg(source_.name),
                                        (stem.isEmpty() ? QStringLiteral("image") : stem) + QStringLiteral("_gradcam"));
    target->addTable(tr("probabilities"), [this] {
        DataTable t;
        t.header = {"class_index", "class", "probability"};
        for (size_t c = 0; c < result_.probabilities.size(); ++c)
            t.rows.append({QString::number(c), className(int(c)), cellNumber(result_.probabilities[c])});
        return t;
    });
}

int ResultCard::topClass() const {
    const auto& p = result_.probabilities;
    return p.empty() ? -1 : int(std::max_element(p.begin(), p.end()) - p.begin());
}

QString ResultCard::className(int classIndex) const {
    const ModelSnapshotPtr s = snapshot_ ? snapshot_ : requested_;
    return QString::fromStdString(
        cs::className(s ? s->classNames : std::vector<std::string>{}, classIndex));
}

QString ResultCard::heatMapNote() const {
    return heatNote_->text();
}

void ResultCard::classify(ModelSnapshotPtr snapshot) {
    if (!snapshot) return;
    requested_ = snapshot;
    pending_ = true;
    const int request = ++*classifyLatest_;
    ++*heatLatest_; // a heat map of the previous model would not match the new bars
    if (!hasResult() && !hasError()) verdict_->setText(tr("Classifying…"));
    const ImageSource source = source_;
    const RequestCounter latest = classifyLatest_;
    runInBackground<ImageClassification>(
        this, pool_,
        [snapshot, source, latest, request] {
            return classifyImage(snapshot, source, latest, request);
        },
        [this, snapshot](const ImageClassification& r) {
            if (!r.stale) showClassification(r, snapshot);
        });
}

void ResultCard::showClassification(const ImageClassification& result,
                                    const ModelSnapshotPtr& snapshot) {
    if (snapshot != requested_) return; // a newer model was asked for meanwhile
    pending_ = false;
    snapshot_ = snapshot;
    result_ = result;
    heat_ = result.heat; // the top class's
    heatClass_ = heat_.classIndex;
    if (chosenClass_ >= int(result_.probabilities.size())) chosenClass_ = -1;

    const bool ok = !hasError();
    error_->setVisible(!ok);
    bars_->setVisible(ok);
    heatRow_->setVisible(ok);
    heatNote_->setVisible(ok);
    if (!ok) {
        verdict_->setText(tr("Could not classify %1").arg(source_.name));
        error_->setText(result_.error);
        preprocessing_->clear();
        image_->setText("⚠");
        Q_EMIT classified();
        return;
    }
    const int top = topClass();
    verdict_->setText(QString("<b>%1</b> · %2 %")
                          .arg(className(top).toHtmlEscaped())
                          .arg(100.0 * result_.probabilities[size_t(top)], 0, 'f', 1));
    preprocessing_->setText(result_.preprocessing);
    refreshBars();
    refreshCombo();
    // A class the person picked stays picked when the model changes (training goes on).
    if (chosenClass_ >= 0 && chosenClass_ != heatClass_)
        requestHeatMap(chosenClass_);
    else
        showHeatMap(heat_);
    Q_EMIT classified();
}

void ResultCard::setTopK(int k) {
    topK_ = std::max(1, k);
    if (hasResult()) refreshBars();
}

void ResultCard::refreshBars() {
    const std::vector<std::string> noNames;
    bars_->setScores(
        cs::topClasses(result_.probabilities, snapshot_ ? snapshot_->classNames : noNames, topK_));
    bars_->setMarkedClass(heatClass_);
}

void ResultCard::refreshCombo() {
    // Every class, most probable first: the heat map of any class can be asked for.
    const int classes = int(result_.probabilities.size());
    const std::vector<std::string> noNames;
    const auto ranked =
        cs::topClasses(result_.probabilities, snapshot_ ? snapshot_->classNames : noNames, classes);
    QSignalBlocker block(classCombo_);
    classCombo_->clear();
    for (const cs::ClassScore& s : ranked)
        classCombo_->addItem(QString("%1 (%2 %)")
                                 .arg(QString::fromStdString(s.name))
                                 .arg(100.0 * s.probability, 0, 'f', 1),
                             s.index);
    classCombo_->setCurrentIndex(classCombo_->findData(heatClass_));
}

void ResultCard::setHeatClass(int classIndex) {
    if (!hasResult() || classIndex < 0 || classIndex >= int(result_.probabilities.size())) return;
    chosenClass_ = classIndex == topClass() ? -1 : classIndex;
    if (classIndex == heatClass_) return; // shown or on its way
    requestHeatMap(classIndex);
}

void ResultCard::requestHeatMap(int classIndex) {
    heatClass_ = classIndex;
    heat_ = HeatMapResult{};
    bars_->setMarkedClass(classIndex);
    {
        QSignalBlocker block(classCombo_);
        classCombo_->setCurrentIndex(classCombo_->findData(classIndex));
    }
    heatNote_->setText(tr("Computing the Grad-CAM of %1…").arg(className(classIndex)));
    const int request = ++*heatLatest_;
    const ModelSnapshotPtr snapshot = snapshot_;
    const cs::ImageSet pixels = result_.pixels;
    const RequestCounter latest = heatLatest_;
    runInBackground<HeatMapResult>(
        this, pool_,
        [snapshot, pixels, classIndex, latest, request] {
            return computeHeatMap(snapshot, pixels, classIndex, latest, request);
        },
        [this, classIndex, snapshot](const HeatMapResult& heat) {
            // Not for a result that a newer model has replaced meanwhile.
            if (!heat.stale && classIndex == heatClass_ && snapshot == snapshot_) showHeatMap(heat);
        });
}

void ResultCard::showHeatMap(const HeatMapResult& heat) {
    heat_ = heat;
    if (heat_.ok) {
        QString note =
            tr("Grad-CAM of %1 on %2 (%3×%4 maps)")
                .arg(className(heat_.classIndex), QString::fromStdString(heat_.cam.layer))
                .arg(heat_.cam.width)
                .arg(heat_.cam.height);
        if (heat_.cam.peak <= 0) note += tr(": nothing in this image speaks for the class");
        heatNote_->setText(note);
    } else {
        heatNote_->setText(tr("No heat map: %1").arg(heat_.error));
    }
    refreshImage();
    Q_EMIT heatMapReady();
}

void ResultCard::setOpacity(int percent) {
    if (opacity_->value() != percent) {
        opacity_->setValue(percent); // comes back here through valueChanged
        return;
    }
    refreshImage();
}

void ResultCard::refreshImage() {
    shown_ = heatOverlayImage(result_.pixels, heatMap(), opacity_->value() / 100.0, kImageSide);
    image_->setPixmap(crispPixmap(shown_, kImageSide, devicePixelRatioF()));
}

} // namespace ui
