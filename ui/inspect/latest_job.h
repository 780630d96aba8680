// LatestJob: one background computation at a time for a view that asks again
// whenever its input changes (a new model snapshot every second while
// training, another layer, another image). A request made while one runs
// waits, replacing any older waiting one, so the view never queues stale work
// and always ends on its newest request. Results come back on the GUI thread.
//
//   LatestJob<Picture> job_{[this](Picture p) { show(p); }};
//   job_.request([state] { return compute(state); });
#pragma once

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace ui {

template <typename Result> class LatestJob {
public:
    explicit LatestJob(std::function<void(Result)> deliver) : deliver_(std::move(deliver)) {
        QObject::connect(&watcher_, &QFutureWatcher<Result>::finished, &watcher_, [this] { finished(); });
    }
    ~LatestJob() { watcher_.waitForFinished(); }
    LatestJob(const LatestJob&) = delete;
    LatestJob& operator=(const LatestJob&) = delete;

    // Running or waiting (until the newest request's result was delivered).
    bool busy() const { return running_ || bool(waiting_); }

    void request(std::function<Result()> work) {
        discard_ = false;
        if (running_) {
            waiting_ = std::move(work);
            return;
        }
        start(std::move(work));
    }

    // Nothing running or waiting will be delivered (the view shows something else now).
    void discard() {
        waiting_ = nullptr;
        discard_ = running_;
    }

private:
    void start(std::function<Result()> work) {
        running_ = true; // until finished() ran: the watcher's own state changes earlier
        watcher_.setFuture(QtConcurrent::run(std::move(work)));
    }

    void finished() {
        running_ = false;
        if (waiting_) {
            std::function<Result()> next = std::move(waiting_);
            waiting_ = nullptr;
            start(std::move(next));
            return;
        }
        if (discard_) {
            discard_ = false;
            return;
        }
        deliver_(watcher_.result());
    }

    std::function<void(Result)> deliver_;
    QFutureWatcher<Result> watcher_;
    std::function<Result()> waiting_;
    bool running_ = false, discard_ = false;
};

} // namespace ui
