// RunQueue: swap the batch out under the lock, run it outside the lock so a
// task may post again without deadlocking.
#include "kiosk/run_queue.hpp"

namespace madoguchi {

void RunQueue::set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void RunQueue::post(Task task) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        wake = wake_;
    }
    if (wake) wake();
}

std::size_t RunQueue::run_pending() {
    std::vector<Task> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(tasks_);
    }
    for (auto& t : batch) t();
    return batch.size();
}

bool RunQueue::empty() const {
    std::lock_guard lock(mutex_);
    return tasks_.empty();
}

}  // namespace madoguchi
