// One message thread (guide 【1】 Steps 3–5): the history with the newest at
// the bottom (「以前のメッセージ」 loads older), the person's own messages on
// the right, those queued here marked 送信待ち, and a multi-line compose box
// whose 送信 asks 「確認してください」 before the message is queued.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/model/social.hpp"
#include "data/result.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class SocialService;

class MessageThreadScreen final : public Screen {
public:
    MessageThreadScreen();
    ScreenId id() const override { return ScreenId::message_thread; }
    std::string title_key() const override { return "thread.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    // Reloads from the newest message (finding the thread first when only
    // the counterpart is known).
    void refresh(ScreenContext& ctx);
    void find_thread(ScreenContext& ctx, std::int64_t offset);
    void load_history(ScreenContext& ctx, bool older);
    void load_unsent(ScreenContext& ctx);
    void ask_to_send(Ui& ui, ScreenContext& ctx);
    void send(SocialService* social);
    void draw_history(Ui& ui, ScreenContext& ctx);
    void draw_bubble(Ui& ui, const std::string& id, const std::string& text, bool mine, const std::string& note,
                     bool pending);

    std::string me_;
    std::string worker_id_;
    std::string worker_name_;
    std::string thread_id_;
    std::vector<ThreadMessage> history_;  // oldest first
    std::optional<std::int64_t> next_before_;
    std::vector<SocialMessage> unsent_;   // queued here, to this counterpart
    TextField compose_;
    bool loading_ = false;
    bool loaded_ = false;
    bool scroll_to_bottom_ = false;
    bool reload_pending_ = false;  // the thread was found: read its history next frame
    bool sent_notice_ = false;     // 「送信待ちに入れました」 after the last 送信
    float compose_h_ = 0;          // the compose block's height as last drawn
    float history_block_h_ = 0;    // title, status and history as last drawn
    bool was_composing_ = false;   // the keyboard edited the compose box last frame
    std::optional<Error> error_;
    std::shared_ptr<int> alive_;
    int request_ = 0;
};

}  // namespace madoguchi
