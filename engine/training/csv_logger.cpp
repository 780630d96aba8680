#include "training/csv_logger.h"

#include "core/errors.h"

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
    if (!file_) throw IoError(filename_ + ": cannot write the CSV log: " + std::strerror(errno));
    columns_.clear();
    if (hadRows) columns_.push_back(""); // the header is already there
}

void CSVLogger::onEpochEnd(int epoch, const Logs& logs, CallbackHost&) {
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
    std::fflush(file_);
}

void CSVLogger::onTrainEnd(CallbackHost&) {
    if (file_) std::fclose(file_);
    file_ = nullptr;
}

} // namespace cs
