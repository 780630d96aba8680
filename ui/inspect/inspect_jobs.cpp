#include "ui/inspect/inspect_jobs.h"

#include "ui/window/engine_text.h"

#include "engine/core/errors.h"
#include "ui/imaging/image_converter.h"
#include "engine/inspect/feature_maps.h"
#include "engine/inspect/model_input.h"

#include <QImageReader>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

QString kernelToolTip(const cs::ConvKernels& k, int filter, int channel) {
    QString tip = QObject::tr("filter %1, input channel %2").arg(filter).arg(channel);
    if (k.height > 7 || k.width > 7) return tip;
    for (int y = 0; y < k.height; ++y) {
        tip += "\n";
        for (int x = 0; x < k.width; ++x)
            tip += QString("%1 ").arg(double(k.at(filter, channel, y, x)), 7, 'f', 3);
    }
    if (!k.bias.empty()) tip += QObject::tr("\nbias %1").arg(double(k.bias[size_t(filter)]), 0, 'f', 4);
    return tip;
}

// A flat output (Dense, Flatten) as a near-square image of its values.
QImage squareOfValues(const cs::LayerActivation& a) {
    const std::vector<uint8_t> strip = cs::featureMapPixels(a, 0, a.min, a.max);
    const int n = int(strip.size());
    const int side = std::max(1, int(std::ceil(std::sqrt(double(n)))));
    const int rows = (n + side - 1) / side;
    std::vector<uint8_t> square(size_t(side) * size_t(rows), 128);
    std::copy(strip.begin(), strip.end(), square.begin());
    return imageFromPixels(square.data(), rows, side, 1);
}

QString shapeText(const cs::Shape& s) {
    QStringList dims;
    for (int i = 0; i < s.rank(); ++i) dims << QString::number(s[i]);
    return dims.join(QChar(0x00D7));
}

} // namespace

KernelPicture computeKernels(const KernelRequest& r) {
    KernelPicture out;
    try {
        if (!r.snapshot) throw cs::ConfigError("no model");
        const cs::ConvKernels k = cs::convKernels(*r.snapshot->model, r.node);
        out.node = r.node;
        out.layer = QObject::tr("%1 — %2 filters of %3×%4×%5")
                        .arg(QString::fromStdString(k.layer))
                        .arg(k.filters)
                        .arg(k.height)
                        .arg(k.width)
                        .arg(k.channels);
        out.histogram = cs::histogramOf(k.values, 40);
        out.rgb = r.channels == KernelChannels::Rgb && k.channels == 3;
        std::vector<int> channels;
        if (!out.rgb) {
            if (r.channels == KernelChannels::All)
                for (int c = 0; c < k.channels; ++c) channels.push_back(c);
            else
                channels.push_back(std::clamp(r.channel, 0, k.channels - 1));
        }
        out.columns = out.rgb ? 0 : (channels.size() > 1 ? int(channels.size()) : 0);
        out.scale = k.maxAbs;
        for (int f = 0; f < k.filters; ++f) {
            const float scale = r.perFilter ? k.filterMaxAbs(f) : k.maxAbs;
            if (out.rgb) {
                const std::vector<uint8_t> px = cs::kernelRgbPixels(k, f, scale);
                QString tip = QObject::tr("filter %1 (RGB), largest |w| %2").arg(f).arg(double(k.filterMaxAbs(f)), 0, 'g', 3);
                out.cells.push_back({imageFromPixels(px.data(), k.height, k.width, 3), QObject::tr("filter %1").arg(f), tip});
                continue;
            }
            for (int c : channels) {
                const std::vector<uint8_t> px = cs::kernelChannelPixels(k, f, c, scale);
                const QString caption = channels.size() > 1 ? QString("%1 · %2").arg(f).arg(c) : QObject::tr("filter %1").arg(f);
                out.cells.push_back({imageFromPixels(px.data(), k.height, k.width, 3), caption, kernelToolTip(k, f, c)});
            }
        }
    } catch (const std::exception& e) {
        out = KernelPicture{};
        out.error = errorText(e);
    }
    return out;
}

FeaturePicture computeFeatureMaps(const ModelSnapshotPtr& snapshot, const InspectImage& image) {
    FeaturePicture out;
    out.imageCaption = image.caption;
    try {
        if (!snapshot) throw cs::ConfigError("no model");
        cs::Model model = snapshot->model->clone(); // running changes the model's buffers
        const cs::ImageSet pixels =
            image.pixels.empty()
                ? cs::modelPixelsFromFile(image.filePath.toStdString(), model)
                : cs::modelPixelsFromPixels(image.pixels.data(), image.height, image.width, image.channels, model);
        out.modelInput = imageFromSet(pixels, 0);
        const QSize original = image.pixels.empty() ? QImageReader(image.filePath).size()
                                                    : QSize(image.width, image.height);
        out.preprocessing = describeModelInput(original, pixels, snapshot->preprocessing);
        const cs::Tensor x = cs::modelInputFromSet(pixels, 0, model, snapshot->preprocessing);
        const std::vector<cs::LayerActivation> acts = cs::featureMaps(model, x);
        const cs::Tensor& output = model.nodeOutput(model.nodeCount() - 1);
        out.top = cs::topClasses(cs::classProbabilities(output, 0), snapshot->classNames, 3);
        for (const cs::LayerActivation& a : acts) {
            LayerMaps l;
            l.node = a.node;
            l.name = QString::fromStdString(a.name);
            l.className = QString::fromStdString(a.className);
            l.shapeText = shapeText(a.shape);
            l.spatial = a.spatial();
            l.maps = a.maps();
            l.mapHeight = a.mapHeight();
            l.mapWidth = a.mapWidth();
            l.min = a.min;
            l.max = a.max;
            if (!a.spatial()) {
                l.cells.push_back({squareOfValues(a), QObject::tr("%1 values").arg(a.values.size()),
                                   QObject::tr("%1: %2 values, %3 … %4 (black lowest, white highest)")
                                       .arg(l.name)
                                       .arg(a.values.size())
                                       .arg(double(a.min), 0, 'g', 4)
                                       .arg(double(a.max), 0, 'g', 4)});
            } else {
                for (int c = 0; c < a.maps(); ++c) {
                    const float lo = a.channelMin[size_t(c)], hi = a.channelMax[size_t(c)];
                    const std::vector<uint8_t> px = cs::featureMapPixels(a, c, lo, hi);
                    l.cells.push_back({imageFromPixels(px.data(), a.mapHeight(), a.mapWidth(), 1),
                                       QObject::tr("map %1").arg(c),
                                       QObject::tr("%1, map %2: %3×%4, values %5 … %6")
                                           .arg(l.name)
                                           .arg(c)
                                           .arg(a.mapWidth())
                                           .arg(a.mapHeight())
                                           .arg(double(lo), 0, 'g', 4)
                                           .arg(double(hi), 0, 'g', 4)});
                }
            }
            out.layers.push_back(std::move(l));
        }
    } catch (const std::exception& e) {
        out.layers.clear();
        out.error = errorText(e);
    }
    return out;
}

} // namespace ui
