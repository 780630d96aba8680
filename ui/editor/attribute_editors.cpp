#include "ui/editor/attribute_editors.h"

#include "ui/window/engine_text.h"
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <climits>

namespace ui {

namespace {

int clampInt(double v) {
    return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : int(v);
}

QSpinBox* makeIntSpin(const cs::AttributeSpec& spec, QWidget* parent) {
    auto* spin = new QSpinBox(parent);
    spin->setRange(clampInt(spec.min), clampInt(spec.max));
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    return spin;
}

class IntEditor : public AttributeEditor {
public:
    IntEditor(const cs::AttributeSpec& spec, QWidget* parent) : AttributeEditor(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        spin_ = makeIntSpin(spec, this);
        layout->addWidget(spin_);
        setFocusProxy(spin_);
        connect(spin_, &QSpinBox::valueChanged, this,
                [this](int v) { Q_EMIT edited(cs::Json(v)); });
        connect(spin_, &QSpinBox::editingFinished, this, &AttributeEditor::gestureFinished);
    }
    void setValue(const cs::Json& v) override {
        QSignalBlocker block(spin_);
        spin_->setValue(v.is_number() ? cs::json::asInt(v) : 0);
    }
    QSpinBox* spin_;
};

class FloatEditor : public AttributeEditor {
public:
    FloatEditor(const cs::AttributeSpec& spec, QWidget* parent) : AttributeEditor(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        spin_ = new CompactDoubleSpinBox(this);
        spin_->setRange(spec.min, spec.max);
        spin_->setSingleStep(spec.max - spec.min <= 1.0 ? 0.01 : 0.1);
        layout->addWidget(spin_);
        setFocusProxy(spin_);
        connect(spin_, &QDoubleSpinBox::valueChanged, this,
                [this](double v) { Q_EMIT edited(cs::Json(v)); });
        connect(spin_, &QDoubleSpinBox::editingFinished, this, &AttributeEditor::gestureFinished);
    }
    void setValue(const cs::Json& v) override {
        QSignalBlocker block(spin_);
        spin_->setValue(v.is_number() ? cs::json::asNumber(v) : 0.0);
    }
    CompactDoubleSpinBox* spin_;
};

class BoolEditor : public AttributeEditor {
public:
    BoolEditor(const cs::AttributeSpec&, QWidget* parent) : AttributeEditor(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        box_ = new QCheckBox(this);
        layout->addWidget(box_);
        setFocusProxy(box_);
        connect(box_, &QCheckBox::toggled, this, [this](bool on) {
            Q_EMIT edited(cs::Json(on));
            Q_EMIT gestureFinished();
        });
    }
    void setValue(const cs::Json& v) override {
        QSignalBlocker block(box_);
        box_->setChecked(v.is_boolean() && cs::json::asBool(v));
    }
    QCheckBox* box_;
};

class ChoiceEditor : public AttributeEditor {
public:
    ChoiceEditor(const cs::AttributeSpec& spec, QWidget* parent) : AttributeEditor(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        combo_ = new QComboBox(this);
        for (const std::string& c : spec.choices)
            combo_->addItem(QString::fromStdString(c));
        layout->addWidget(combo_);
        setFocusProxy(combo_);
        connect(combo_, &QComboBox::activated, this, [this](int) {
            Q_EMIT edited(cs::Json(combo_->currentText().toStdString()));
            Q_EMIT gestureFinished();
        });
    }
    void setValue(const cs::Json& v) override {
        QSignalBlocker block(combo_);
        combo_->setCurrentText(v.is_string() ? QString::fromStdString(cs::json::asString(v))
                                             : QString());
    }
    QComboBox* combo_;
};

class IntPairEditor : public AttributeEditor {
public:
    IntPairEditor(const cs::AttributeSpec& spec, QWidget* parent) : AttributeEditor(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        nullable_ = spec.defaultValue.is_null();
        if (nullable_) {
            asDefault_ = new QCheckBox(AttributeEditor::tr("same as pool"), this);
            asDefault_->setToolTip(
                AttributeEditor::tr("Keras's None: the stride equals the pool size"));
            layout->addWidget(asDefault_);
            connect(asDefault_, &QCheckBox::toggled, this, [this](bool) {
                sync();
                emitValue();
                Q_EMIT gestureFinished();
            });
        }
        for (QSpinBox*& s : spins_) {
            s = makeIntSpin(spec, this);
            connect(s, &QSpinBox::valueChanged, this, [this](int) { emitValue(); });
            connect(s, &QSpinBox::editingFinished, this, &AttributeEditor::gestureFinished);
        }
        layout->addWidget(spins_[0], 1);
        layout->addWidget(new QLabel("\u00d7", this));
        layout->addWidget(spins_[1], 1);
        setFocusProxy(spins_[0]);
    }
    void setValue(const cs::Json& v) override {
        const bool none = v.is_null();
        if (asDefault_) {
            QSignalBlocker b(asDefault_);
            asDefault_->setChecked(none);
        }
        for (int i = 0; i < 2; ++i) {
            QSignalBlocker b(spins_[i]);
            if (!none && v.is_array() && v.size() == 2)
                spins_[i]->setValue(cs::json::asInt(v[size_t(i)]));
        }
        sync();
    }

private:
    void sync() {
        const bool none = asDefault_ && asDefault_->isChecked();
        for (QSpinBox* s : spins_)
            s->setEnabled(!none);
    }
    void emitValue() {
        if (asDefault_ && asDefault_->isChecked())
            Q_EMIT edited(cs::Json());
        else
            Q_EMIT edited(cs::Json(std::vector<int>{spins_[0]->value(), spins_[1]->value()}));
    }
    bool nullable_ = false;
    QCheckBox* asDefault_ = nullptr;
    QSpinBox* spins_[2] = {};
};

class IntListEditor : public AttributeEditor {
public:
    IntListEditor(const cs::AttributeSpec&, QWidget* parent) : AttributeEditor(parent) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        edit_ = new QLineEdit(this);
        edit_->setValidator(new QRegularExpressionValidator(
            QRegularExpression(R"(\s*\d+(\s*[,x×]\s*\d+)*\s*)"), edit_));
        edit_->setPlaceholderText("28, 28, 1");
        layout->addWidget(edit_);
        setFocusProxy(edit_);
        connect(edit_, &QLineEdit::editingFinished, this, [this] {
            std::vector<int> dims;
            for (const QString& part :
                 edit_->text().split(QRegularExpression("[,x×]"), Qt::SkipEmptyParts))
                dims.push_back(part.trimmed().toInt());
            if (!dims.empty()) Q_EMIT edited(cs::Json(dims));
            Q_EMIT gestureFinished();
        });
    }
    void setValue(const cs::Json& v) override {
        QStringList parts;
        if (v.is_array())
            for (int d : cs::json::asIntVector(v))
                parts << QString::number(d);
        edit_->setText(parts.join(", "));
    }
    QLineEdit* edit_;
};

} // namespace

CompactDoubleSpinBox::CompactDoubleSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    setDecimals(12);
    setKeyboardTracking(false);
    setAccelerated(true);
}

QString CompactDoubleSpinBox::textFromValue(double value) const {
    return QString::number(value, 'g', 6);
}

double CompactDoubleSpinBox::valueFromText(const QString& text) const {
    return text.trimmed().toDouble();
}

QValidator::State CompactDoubleSpinBox::validate(QString& text, int&) const {
    const QString t = text.trimmed();
    if (t.isEmpty() || t == "-" || t.endsWith('e') || t.endsWith("e-") || t == ".")
        return QValidator::Intermediate;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok) return QValidator::Invalid;
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

AttributeEditor* createAttributeEditor(const cs::AttributeSpec& spec, QWidget* parent) {
    AttributeEditor* editor = nullptr;
    switch (spec.type) {
    case cs::AttributeType::Int:
        editor = new IntEditor(spec, parent);
        break;
    case cs::AttributeType::Float:
        editor = new FloatEditor(spec, parent);
        break;
    case cs::AttributeType::Bool:
        editor = new BoolEditor(spec, parent);
        break;
    case cs::AttributeType::Choice:
        editor = new ChoiceEditor(spec, parent);
        break;
    case cs::AttributeType::IntPair:
        editor = new IntPairEditor(spec, parent);
        break;
    case cs::AttributeType::IntList:
        editor = new IntListEditor(spec, parent);
        break;
    }
    editor->setToolTip(specText("cs::LayerSpec", spec.help));
    editor->setObjectName(QString::fromStdString(spec.key));
    return editor;
}

} // namespace ui
