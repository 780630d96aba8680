#include "engine/training/csv_logger.h"

#include "engine/core/errors.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace cs {

CSVLogger::CSVLogger(std::string filename, char separator, bool append)
    : filename_(std::move(filename)), separator_(separator), append_(append) {}

CSVLogger::~CSVLogger() {
    if (file_) std::fclose(file_);
}

void CSVLogger::onTrainBegin(CallbackHost&) {
    struct stat st {};
    const bool hadRows = append_ && ::stat(filename_.c_str(), &st) == 0 && st.st_size > 0;
    file_ = std::fopen(filename_.c_str(), append_ ? "a" : "w");
    if (!file_)
        throw IoError(CS_TEXT("cs::Training", "%1: cannot write the CSV log: %2")
                          .arg(filename_)
                          .arg(std::strerror(errno)));
    columns_.clear();
    failed_ = false;
    if (hadRows) columns_.push_back(""); // the header is already there
}

void CSVLogger::reportFailure(int epoch, int error, CallbackHost& host) {
    failed_ = true;
    TrainingEvent e;
    e.kind = TrainingEvent::Kind::LogWriteFailed;
    e.epoch = epoch;
    e.path = filename_;
    e.message =
        CS_TEXT("cs::Training", "%1: cannot write the CSV log: %2; the run goes on without it")
            .arg(filename_)
            .arg(std::strerror(error));
    host.report(e);
}

void CSVLogger::onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) {
    if (!file_) return;
    if (columns_.empty() || (columns_.size() == 1 && columns_[0].empty())) {
        const bool writeHeader = columns_.empty();
        columns_.clear();
        for (auto& [key, value] : logs) columns_.push_back(key);
        if (writeHeader) {
            std::fprintf(file_, "epoch");
            for (auto& c : columns_) std::fprintf(file_, "%c%s", separator_, c.c_str());
            std::fprintf(file_, "\n");
        }
    }
    std::fprintf(file_, "%d", epoch);
    for (auto& c : columns_) {
        auto it = logs.find(c);
        if (it == logs.end()) std::fprintf(file_, "%c", separator_);
        else std::fprintf(file_, "%c%.17g", separator_, it->second);
    }
    std::fprintf(file_, "\n");
    lastEpoch_ = epoch;
    // A failed fprintf leaves the stream's error flag set; fflush gives the errno.
    errno = 0;
    if (std::fflush(file_) != 0 || std::ferror(file_)) {
        const int error = errno ? errno : EIO;
        std::fclose(file_);
        file_ = nullptr;
        reportFailure(epoch, error, host);
    }
}

void CSVLogger::onTrainEnd(CallbackHost& host) {
    if (!file_) return;
    errno = 0;
    const bool closed =
        std::fclose(file_) == 0; // a network file system may report a lost write only now
    const int error = errno ? errno : EIO;
    file_ = nullptr;
    if (!closed) reportFailure(lastEpoch_, error, host);
}

} // namespace cs
