#include "app/cli/progress_bar.h"

#include "engine/model/model_summary.h"

#include <cmath>
#include <cstdio>

namespace cli {

std::string formatDuration(double s) {
    if (!std::isfinite(s) || s < 0) s = 0;
    const long t = std::lround(s);
    char buf[32];
    if (t < 60) std::snprintf(buf, sizeof buf, "%lds", t);
    else if (t < 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return buf;
}

ProgressBar::ProgressBar(bool interactive) : interactive_(interactive) {}

std::string ProgressBar::barLine(const cs::BatchProgress& p) const {
    const int width = 30;
    const int filled = p.batches ? int(double(width) * p.batch / p.batches) : width;
    std::string bar(size_t(filled), '=');
    if (filled < width) bar += '>';
    bar.resize(size_t(width), '.');
    char buf[256];
    std::snprintf(buf, sizeof buf, "%d/%d [%s] %s - loss: %.4f - accuracy: %.4f - %s img/s - ETA %s", p.batch,
                  p.batches, bar.c_str(), formatDuration(p.epochSeconds).c_str(), p.loss, p.accuracy,
                  cs::withThousands(std::llround(p.imagesPerSecond)).c_str(), formatDuration(p.etaSeconds).c_str());
    return buf;
}

void ProgressBar::onBatchEnd(const cs::BatchProgress& p) {
    last_ = p;
    if (p.epoch != shownEpoch_) {
        shownEpoch_ = p.epoch;
        std::printf("Epoch %d/%d\n", p.epoch + 1, p.epochs);
        std::fflush(stdout);
    }
    if (!interactive_) return;
    const auto now = std::chrono::steady_clock::now();
    if (p.batch != p.batches && now - lastDraw_ < std::chrono::milliseconds(100)) return;
    lastDraw_ = now;
    std::printf("\r%s\033[K", barLine(p).c_str());
    std::fflush(stdout);
}

void ProgressBar::onEpochEnd(const cs::EpochSummary& s) {
    if (interactive_) std::printf("\r\033[K");
    std::string line = std::to_string(last_.batch) + "/" + std::to_string(last_.batches) + " - " +
                       formatDuration(s.seconds);
    char buf[96];
    for (const auto& [key, value] : s.logs) {
        if (key == "learning_rate") continue;
        std::snprintf(buf, sizeof buf, " - %s: %.4f", key.c_str(), value);
        line += buf;
    }
    std::printf("%s - %s img/s\n", line.c_str(), cs::withThousands(std::llround(s.imagesPerSecond)).c_str());
    std::fflush(stdout);
}

void ProgressBar::onEvent(const cs::TrainingEvent& e) {
    if (interactive_) std::printf("\r\033[K");
    std::printf("%s\n", e.message.english().c_str());
    std::fflush(stdout);
}

} // namespace cli
