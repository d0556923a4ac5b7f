// WorkerSearchScreen: the search form, the result cards and paging.
#include "screens/worker_search_screen.hpp"

#include <imgui.h>

#include "data/model/social_rules.hpp"
#include "kiosk/ui/toasts.hpp"
#include "kiosk/ui/widgets.hpp"
#include "screens/worker_card_view.hpp"
#include "services/social_service.hpp"

namespace madoguchi {

void WorkerSearchScreen::search(Ui& ui, ScreenContext& ctx, bool more) {
    if (!ctx.services.social) {
        ui.toasts.show(ui.t("service.unavailable"), ToastKind::error, ui.clock.now_ms());
        return;
    }
    WorkerQuery query;
    if (more) {
        if (!next_offset_ || loading_more_) return;
        query.text = searched_text_;
        query.skill = searched_skill_;
        query.offset = *next_offset_;
    } else {
        text_.error.reset();
        skill_.error.reset();
        // The server's own limits, checked before anything is sent.
        if (auto s = social_rules::check_search_text("q", text_.value); !s) text_.error = s.error();
        if (auto s = social_rules::check_search_text("skill", skill_.value); !s) skill_.error = s.error();
        if (text_.error || skill_.error) return;
        query.text = text_.value;
        query.skill = skill_.value;
    }
    query.limit = 20;
    // Only the latest search may fill the list: a new token drops the
    // replies of earlier ones (and of the previous person's, with the screen).
    if (!more) alive_ = std::make_shared<int>(0);
    std::weak_ptr<int> alive = alive_;
    ctx.services.social->search_workers(
        ctx.session.account_client_id, query, [this, alive, more, query](SocialRead<WorkerCardPage> r) {
            if (alive.expired()) return;
            loading_more_ = false;
            if (!r.ok) {
                // Never a stale list: what was shown goes, the reason shows.
                results_.clear();
                next_offset_.reset();
                state_ = r.offline ? State::offline : State::failed;
                message_ = r.error.message_ja.empty() ? std::string() : r.error.message_ja + "\n" + r.error.message_en;
                return;
            }
            if (!more) results_.clear();
            for (WorkerCard& c : r.value.items) results_.push_back(std::move(c));
            next_offset_ = r.value.next_offset;
            searched_text_ = query.text;
            searched_skill_ = query.skill;
            message_.clear();
            state_ = State::done;
        });
    if (more) {
        loading_more_ = true;
    } else {
        state_ = State::searching;
        loading_more_ = false;  // a page of the previous search is dropped
        results_.clear();
        next_offset_.reset();
    }
}

void WorkerSearchScreen::draw_results(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    std::string status;
    switch (state_) {
        case State::idle: status = "idle"; break;
        case State::searching: status = "searching"; break;
        case State::done: status = results_.empty() ? "none" : "found"; break;
        case State::offline: status = "offline"; break;
        case State::failed: status = "failed"; break;
    }
    ui.registry.record({"workers.status", "", WidgetKind::text, {}, true, true, status, message_});
    ui.registry.record({"workers.count", "", WidgetKind::text, {}, true, true, std::to_string(results_.size()), {}});

    if (state_ == State::searching) {
        ui::text(ui, ui.t("workers.searching"), theme::kMuted);
        return;
    }
    if (state_ == State::offline || state_ == State::failed) {
        ui::text_wrapped(ui, "⚠ " + ui.t(state_ == State::offline ? "workers.offline" : "workers.read_failed"),
                         theme::kError);
        if (state_ == State::failed && !message_.empty()) ui::text_wrapped(ui, message_, theme::kError);
        if (ui::button(ui, "workers.reload", ui.t("workers.reload"), {ui::ButtonStyle::secondary, true, m.em * 10, 0}))
            search(ui, ctx, false);
        return;
    }
    if (state_ == State::done && results_.empty()) {
        ui::text_wrapped(ui, ui.t("workers.no_results"), theme::kMuted);
        return;
    }
    for (std::size_t i = 0; i < results_.size(); ++i) {
        const WorkerCard& card = results_[i];
        const std::string id = "workers.result." + std::to_string(i);
        draw_worker_card(ui, id, card, WorkerCardLayout::summary, [&] {
            // Step 2: 「詳細を見る」.
            if (ui::button(ui, id + ".detail", ui.t("workers.see_detail"),
                           {ui::ButtonStyle::primary, true, m.em * 9, m.button_h()})) {
                ctx.session.social.worker_id = card.who.account_id;
                ctx.session.social.worker_name = worker_display_name(card.who);
                ctx.nav.push(ScreenId::worker_detail);
            }
        });
        ui.registry.record({id, worker_display_name(card.who), WidgetKind::list_item, {}, true, true,
                            card.who.account_id, {}});
    }
    if (next_offset_) {
        if (ui::button(ui, "workers.more", ui.t(loading_more_ ? "workers.loading_more" : "workers.more"),
                       {ui::ButtonStyle::secondary, !loading_more_, -1, 0}))
            search(ui, ctx, true);
    }
}

void WorkerSearchScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    ui::text_wrapped(ui, ui.t("workers.intro"), theme::kMuted);
    ui::text_field(ui, "workers.query", ui.t("workers.query"), text_, ui.t("workers.query_hint"));
    ui::text_field(ui, "workers.skill", ui.t("workers.skill"), skill_, ui.t("workers.skill_hint"));
    const bool searching = state_ == State::searching;
    if (ui::button(ui, "workers.search", ui.t(searching ? "workers.searching" : "workers.search"),
                   {ui::ButtonStyle::primary, !searching, m.em * 10, 0}))
        search(ui, ctx, false);
    ImGui::Dummy(ImVec2(0, m.gap()));
    draw_results(ui, ctx);
}

}  // namespace madoguchi
