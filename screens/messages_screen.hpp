// メッセージ (guide 【1】 マイページ「メッセージ」): the signed-in person's
// threads (counterpart, one-line excerpt, Japan time) read from the
// platform, and above them the messages queued on this kiosk and not yet
// sent (送信待ち), which are the person's own data and never vanish.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/model/social.hpp"
#include "data/result.hpp"
#include "kiosk/screen.hpp"

namespace madoguchi {

// 「今日 14:05」 / 「3月9日」 / 「2025年3月9日」 (en: Today 14:05, Mar 9, Mar 9, 2025)
// for a message sent at `sent_at_ms` (Unix ms), in Japan time at `now`.
std::string message_time_label(std::int64_t sent_at_ms, std::chrono::system_clock::time_point now, bool japanese);

// The first line of `text`, cut to `max_width` pixels of the current font
// with "…" when it is longer (by display width, so full-width text is cut
// as soon as half-width text of the same width).
std::string one_line_excerpt(const std::string& text, float max_width);

class MessagesScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::messages; }
    std::string title_key() const override { return "messages.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    void load(ScreenContext& ctx, bool more);
    void load_unsent(ScreenContext& ctx);
    std::string name_of(const std::string& account_id) const;

    std::vector<MessageThread> threads_;
    std::optional<std::int64_t> next_offset_;
    std::vector<SocialMessage> unsent_;
    bool loading_ = false;
    bool loaded_ = false;
    std::optional<Error> error_;
    std::optional<Error> local_error_;  // the store could not list the queued messages
    std::shared_ptr<int> alive_;
    int request_ = 0;
    int last_frame_ = -1;
};

}  // namespace madoguchi
