// コンタクト (guide 【1】【2】): クライアント / 友達 (mutual follows) / フォロー /
// フォロワー, each person with 「メッセージを送る」 and 「チームに招待する」.
// Read from the platform every time (never a stale copy); offline says so.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/model/social.hpp"
#include "data/result.hpp"
#include "kiosk/screen.hpp"

namespace madoguchi {

class ContactsScreen final : public Screen {
public:
    enum class Tab { clients, friends, following, followers };

    ScreenId id() const override { return ScreenId::contacts; }
    std::string title_key() const override { return "contacts.title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    // Reads the current tab from the start (more = the next page of it).
    void load(ScreenContext& ctx, bool more);
    void draw_person(Ui& ui, ScreenContext& ctx, std::size_t i);

    Tab tab_ = Tab::friends;
    std::vector<WorkerCard> people_;
    std::optional<std::int64_t> next_offset_;
    bool loading_ = false;
    bool loaded_ = false;
    std::optional<Error> error_;  // offline or refused: shown with 再読み込み, nothing stale
    // A read answers after the screen may be gone or the tab changed: the
    // callback holds this weakly and compares the request number.
    std::shared_ptr<int> alive_;
    int request_ = 0;
    int last_frame_ = -1;  // a gap = another screen was on top: read again
};

}  // namespace madoguchi
