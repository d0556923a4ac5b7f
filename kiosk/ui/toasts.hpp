// Short messages at the top of the screen that disappear on their own
// ("保存しました", "送信待ちです"); they belong to the screen they were shown
// on (leave_screen) and are cleared with the session.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/ui/ui_context.hpp"

namespace madoguchi {

enum class ToastKind { info, success, error };

class Toasts {
public:
    // The same message again (a second tap on 更新する with the same errors)
    // is not stacked twice: the shown one moves last and lives longer.
    void show(std::string text, ToastKind kind, std::int64_t now_ms, std::int64_t duration_ms = 4000);
    void clear() { items_.clear(); }
    // Called when the user leaves a screen: a toast speaks of the screen it
    // was shown on, so it goes with it ("会社を選びました" must not sit over
    // the next screen). Kept: a success/info toast shown in the very frame
    // that navigates, because it reports the action that navigated (保存して
    // 戻る). Error toasts always go.
    void leave_screen();
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }
    // Earliest expiry, so the event loop wakes to remove it (0 = none).
    std::int64_t next_expiry_ms() const;
    void draw(Ui& ui, float display_w);

private:
    struct Item {
        std::string text;
        ToastKind kind;
        std::int64_t expires_ms;
        std::uint64_t shown_in_frame;  // frames_drawn_ when shown
    };
    std::vector<Item> items_;
    std::uint64_t frames_drawn_ = 0;  // draw() calls: the frame boundary
};

}  // namespace madoguchi
