// CSVLogger (Keras): one row per epoch — epoch (0-based, as Keras writes it)
// and every log value in sorted column order. The file is flushed after each
// row so a run that is stopped still leaves its history. A write that fails
// (a full disk, /dev/full) is reported once as a LogWriteFailed event naming the
// file; the log stops there and the run goes on.
#pragma once

#include "engine/training/callback.h"

#include <cstdio>
#include <memory>

namespace cs {

class CSVLogger : public Callback {
public:
    explicit CSVLogger(std::string filename, char separator = ',', bool append = false);
    ~CSVLogger() override;
    std::string name() const override { return "CSVLogger"; }
    void onTrainBegin(CallbackHost& host) override;
    void onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) override;
    void onTrainEnd(CallbackHost& host) override;

    bool failed() const { return failed_; }

private:
    void reportFailure(int epoch, int error, CallbackHost& host);

    std::string filename_;
    char separator_;
    bool append_;
    std::FILE* file_ = nullptr;
    std::vector<std::string> columns_;
    int lastEpoch_ = 0;
    bool failed_ = false;
};

} // namespace cs
