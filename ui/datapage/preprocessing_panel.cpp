#include "ui/datapage/preprocessing_panel.h"

#include "ui/document/project_document.h"
#include "ui/editor/attribute_editors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {
enum Preset { Rescale, Normalize, Raw, Custom };

QString joinNumbers(const std::vector<float>& v) {
    QStringList parts;
    for (float x : v)
        parts << QString::number(double(x), 'g', 6);
    return parts.join(", ");
}

std::vector<float> parseNumbers(const QString& text) {
    std::vector<float> out;
    for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const float v = part.trimmed().toFloat(&ok);
        if (ok) out.push_back(v);
    }
    return out;
}

int presetOf(const cs::Preprocessing& p) {
    const bool noMean = p.mean.empty() && p.std.empty();
    if (std::abs(p.rescale - 1.0f / 255.0f) < 1e-9f && noMean) return Rescale;
    if (p.rescale == 1.0f && noMean) return Raw;
    auto all = [](const std::vector<float>& v, float x) {
        return !v.empty() && std::all_of(v.begin(), v.end(), [x](float y) { return y == x; });
    };
    if (std::abs(p.rescale - 1.0f / 255.0f) < 1e-9f && all(p.mean, 0.5f) && all(p.std, 0.5f))
        return Normalize;
    return Custom;
}
} // namespace

PreprocessingPanel::PreprocessingPanel(ProjectDocument* document, QWidget* parent)
    : QGroupBox(tr("Preprocessing (every split)"), parent), document_(document) {
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    preset_ = new QComboBox(this);
    preset_->addItem(tr("Rescale to [0, 1] (Keras rescale=1./255)"));
    preset_->addItem(tr("Normalize to [-1, 1] (torchvision mean 0.5, std 0.5)"));
    preset_->addItem(tr("Raw pixel values 0–255"));
    preset_->addItem(tr("Custom"));
    rescale_ = new CompactDoubleSpinBox(this);
    rescale_->setRange(1e-6, 10);
    rescale_->setSingleStep(0.001);
    mean_ = new QLineEdit(this);
    std_ = new QLineEdit(this);
    for (QLineEdit* e : {mean_, std_}) {
        e->setValidator(new QRegularExpressionValidator(QRegularExpression(R"([-0-9.,\se]*)"), e));
        e->setPlaceholderText(tr("per channel, e.g. 0.5, 0.5, 0.5"));
    }
    range_ = new QLabel(this);
    range_->setWordWrap(true);
    range_->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(preset_);
    form->addRow(tr("rescale"), rescale_);
    form->addRow(tr("mean"), mean_);
    form->addRow(tr("std"), std_);
    form->addRow(range_);
    connect(preset_, &QComboBox::activated, this, &PreprocessingPanel::presetChosen);
    connect(rescale_, &QDoubleSpinBox::valueChanged, this, [this] { commit("rescale"); });
    connect(rescale_, &QDoubleSpinBox::editingFinished, document_, &ProjectDocument::endGesture);
    connect(mean_, &QLineEdit::editingFinished, this, [this] { commit({}); });
    connect(std_, &QLineEdit::editingFinished, this, [this] { commit({}); });
    connect(document_, &ProjectDocument::preprocessingChanged, this, &PreprocessingPanel::refresh);
    refresh();
}

QString PreprocessingPanel::rangeText() const {
    return range_->text();
}

void PreprocessingPanel::refresh() {
    const cs::Preprocessing& p = document_->settings().preprocessing;
    const QSignalBlocker b1(preset_), b2(rescale_);
    preset_->setCurrentIndex(presetOf(p));
    rescale_->setValue(double(p.rescale));
    if (!mean_->hasFocus()) mean_->setText(joinNumbers(p.mean));
    if (!std_->hasFocus()) std_->setText(joinNumbers(p.std));
    const float m = p.mean.empty() ? 0.0f : p.mean[0], s = p.std.empty() ? 1.0f : p.std[0];
    const double lo = (0.0 - m) / s, hi = (255.0 * p.rescale - m) / s;
    range_->setText(tr("A pixel of 0 enters the network as %1 and 255 as %2%3.")
                        .arg(QString::number(lo, 'g', 4), QString::number(hi, 'g', 4),
                             p.mean.size() > 1 ? tr(" (first channel)") : QString()));
}

void PreprocessingPanel::presetChosen(int row) {
    cs::Preprocessing p = document_->settings().preprocessing;
    switch (row) {
    case Rescale:
        p = cs::Preprocessing{};
        break;
    case Normalize: {
        const int channels =
            document_->dataShape().channels > 0 ? document_->dataShape().channels : 1;
        p = cs::Preprocessing{};
        p.mean.assign(size_t(channels), 0.5f);
        p.std.assign(size_t(channels), 0.5f);
        break;
    }
    case Raw:
        p = cs::Preprocessing{1.0f, {}, {}};
        break;
    default:
        return; // Custom: edit the fields
    }
    document_->setPreprocessing(p);
}

void PreprocessingPanel::commit(const QString& mergeKey) {
    cs::Preprocessing p = document_->settings().preprocessing;
    p.rescale = float(rescale_->value());
    p.mean = parseNumbers(mean_->text());
    p.std = parseNumbers(std_->text());
    for (float& s : p.std)
        if (s == 0.0f) s = 1.0f; // a zero std would divide by zero
    document_->setPreprocessing(p, mergeKey);
}

} // namespace ui
