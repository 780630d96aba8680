// ClassifyPage: new images through the current model (a run's latest epoch,
// its trained model, or an opened .safetensors file — CurrentModel). Images
// dropped on the page, pasted (Ctrl+V) or added with "Add Images…" become
// result cards: the image as the model sees it with a Grad-CAM heat map, the
// preprocessing applied and the top-k classes; a folder dropped or chosen
// with "Classify Folder…" fills a sortable table exportable as CSV. Without a
// model the page says how to get one and offers "Open Model…".
// Every computation runs on a pool thread (the GUI stays responsive while a
// run trains); when the model changes, the cards are classified again.
//
//   auto* page = new ClassifyPage(currentModel);
//   connect(page, &ClassifyPage::openModelRequested, window, &MainWindow::openModel);
#pragma once

#include "ui/classify/classify_jobs.h"
#include "ui/training/current_model.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QThreadPool;

namespace ui {

class FolderClassifierPanel;
class ImageDropArea;
class ResultCard;

class ClassifyPage : public QWidget {
    Q_OBJECT
public:
    explicit ClassifyPage(CurrentModel* model, QWidget* parent = nullptr);
    ~ClassifyPage() override;

protected:
    void showEvent(QShowEvent* event) override;

public:

    // Image files become cards (newest on top); folders are classified into the table.
    void addPaths(const QStringList& paths);
    void addImageFiles(const QStringList& paths);
    // A picture in memory (pasted, dragged from a browser) becomes a card named `name`.
    void addImage(const QImage& image, const QString& name);

    int resultCount() const;
    ResultCard* result(int index) const; // 0 = the newest
    bool busy() const;                   // a card is still being classified
    int topK() const;
    ImageDropArea* dropArea() const { return dropArea_; }
    FolderClassifierPanel* folderPanel() const { return folder_; }

public Q_SLOTS:
    void paste();
    void clearResults();
    void setTopK(int k);

Q_SIGNALS:
    void openModelRequested();
    void resultsReady();   // every card shows its result (after adding images or a model change)
    void folderFinished(); // the folder table holds its result

private:
    void modelChanged();
    void addCard(ImageSource source);
    void cardClassified();
    void pickImages();

    CurrentModel* model_;
    ModelSnapshotPtr shown_; // the snapshot the cards were last classified with
    QThreadPool* pool_;
    int pasted_ = 0;

    QStackedWidget* stack_;
    QLabel* emptyState_;
    QPushButton* openModel_;
    QLabel* modelLabel_;
    QSpinBox* topK_;
    ImageDropArea* dropArea_;
    FolderClassifierPanel* folder_;
};

} // namespace ui
