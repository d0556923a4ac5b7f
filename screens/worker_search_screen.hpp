// ワーカーを探す (guide 【1】【2】【4】 Step 1–2): search by nickname/username
// and by skill on the platform (a network read, started by a button, never
// per keystroke), 20 cards per page with 「もっと見る」, 「詳細を見る」 on
// each card. Offline or refused: said so with 再読み込み, never a stale list.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/model/social.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/text_field.hpp"

namespace madoguchi {

class WorkerSearchScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::worker_search; }
    std::string title_key() const override { return "workers.title"; }
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class State { idle, searching, done, offline, failed };
    // `more` = the next page of the same search (appended), else a new one.
    void search(Ui& ui, ScreenContext& ctx, bool more);
    void draw_results(Ui& ui, ScreenContext& ctx);

    TextField text_{FieldKind::text, 50, false};
    TextField skill_{FieldKind::text, 50, false};
    State state_ = State::idle;
    bool loading_more_ = false;
    std::string message_;                   // the read's error when offline/failed
    std::string searched_text_, searched_skill_;  // what the shown results are for
    std::vector<WorkerCard> results_;
    std::optional<std::int64_t> next_offset_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // replies check it
};

}  // namespace madoguchi
