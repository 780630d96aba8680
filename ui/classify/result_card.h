// ResultCard: one image on the Classify page — the image as the model sees
// it (after resizing and grey/RGB conversion) with the Grad-CAM heat map over
// it, the preprocessing applied, the top-k classes as clickable probability
// bars, a combo to pick the heat map's class and an opacity slider. A file
// that cannot be read becomes an error card naming it and the reason.
// The work runs on the page's thread pool (classify_jobs.h); the latest
// request wins, so a model change during training just reclassifies.
//
//   auto* card = new ResultCard({"boot.png", "/tmp/boot.png", {}}, pool);
//   card->classify(currentModel->current());
//   connect(card, &ResultCard::classified, ...);
#pragma once

#include "ui/classify/classify_jobs.h"
#include "ui/training/model_snapshot.h"

#include <QFrame>
#include <QImage>
#include <vector>

class QComboBox;
class QLabel;
class QSlider;
class QThreadPool;
class QToolButton;

namespace ui {

class ProbabilityBars;

class ResultCard : public QFrame {
    Q_OBJECT
public:
    ResultCard(ImageSource source, QThreadPool* pool, QWidget* parent = nullptr);

    const ImageSource& source() const { return source_; }
    QString name() const { return source_.name; }

    // (Re)classifies with `snapshot` in the background; classified() follows.
    void classify(ModelSnapshotPtr snapshot);
    void setTopK(int k);

    bool pending() const { return pending_; }
    bool hasResult() const { return !result_.probabilities.empty(); }
    bool hasError() const { return !result_.error.isEmpty(); }
    QString errorText() const { return result_.error; }
    const std::vector<double>& probabilities() const { return result_.probabilities; }
    int topClass() const; // -1 without a result
    QString className(int classIndex) const;
    QString preprocessingText() const { return result_.preprocessing; }
    int heatClass() const { return heatClass_; } // the class the heat map is (being) made for
    // The heat map on screen; null while none (no result, no spatial layer, computing).
    const cs::GradCam* heatMap() const { return heat_.ok ? &heat_.cam : nullptr; }
    QString heatMapNote() const;
    QImage shownImage() const { return shown_; } // the image with the heat map as drawn
    ProbabilityBars* bars() const { return bars_; }

public Q_SLOTS:
    // Recomputes the heat map for another class (a bar click, the combo).
    void setHeatClass(int classIndex);
    void setOpacity(int percent);

Q_SIGNALS:
    void classified();   // a result or an error is on the card
    void heatMapReady(); // the heat map for heatClass() is on the card
    void closeRequested();

private:
    void showClassification(const ImageClassification& result, const ModelSnapshotPtr& snapshot);
    void requestHeatMap(int classIndex);
    void showHeatMap(const HeatMapResult& heat);
    void refreshBars();
    void refreshCombo();
    void refreshImage();

    ImageSource source_;
    QThreadPool* pool_;
    ModelSnapshotPtr requested_; // the model of the newest classification request
    ModelSnapshotPtr snapshot_;  // the model that gave result_
    ImageClassification result_;
    HeatMapResult heat_;
    int heatClass_ = -1;   // of the heat map shown or being computed
    int chosenClass_ = -1; // picked by the person (not the top class); -1 follows the top class
    int topK_ = 5;
    bool pending_ = false;
    RequestCounter classifyLatest_, heatLatest_;
    QImage shown_;

    QLabel* image_;
    QLabel* title_;
    QLabel* preprocessing_;
    QLabel* verdict_;
    QLabel* error_;
    ProbabilityBars* bars_;
    QComboBox* classCombo_;
    QSlider* opacity_;
    QLabel* heatNote_;
    QWidget* heatRow_;
    QToolButton* close_;
};

} // namespace ui
