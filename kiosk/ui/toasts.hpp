// Short messages at the top of the screen that disappear on their own
// ("保存しました", "送信待ちです"); cleared with the session.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/ui/ui_context.hpp"

namespace madoguchi {

enum class ToastKind { info, success, error };

class Toasts {
public:
    void show(std::string text, ToastKind kind, std::int64_t now_ms, std::int64_t duration_ms = 4000);
    void clear() { items_.clear(); }
    // Error toasts speak of the screen being left: they go with it.
    void clear_errors();
    bool empty() const { return items_.empty(); }
    // Earliest expiry, so the event loop wakes to remove it (0 = none).
    std::int64_t next_expiry_ms() const;
    void draw(Ui& ui, float display_w);

private:
    struct Item {
        std::string text;
        ToastKind kind;
        std::int64_t expires_ms;
    };
    std::vector<Item> items_;
};

}  // namespace madoguchi
