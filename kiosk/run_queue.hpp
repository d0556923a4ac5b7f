// Main-thread run queue: worker threads (sync, scanner, camera) post results
// here; the UI thread runs the batch once per frame. Posting wakes the event
// loop (glfwPostEmptyEvent in the shell) so results show without polling.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace madoguchi {

class RunQueue {
public:
    using Task = std::function<void()>;

    // `wake` is called after each post, from the posting thread.
    void set_wake(std::function<void()> wake);
    void post(Task task);
    // Runs every queued task on the calling (UI) thread; returns how many ran.
    std::size_t run_pending();
    bool empty() const;

private:
    mutable std::mutex mutex_;
    std::vector<Task> tasks_;
    std::function<void()> wake_;
};

}  // namespace madoguchi
