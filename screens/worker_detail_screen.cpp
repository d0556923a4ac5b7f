// WorkerDetailScreen: the card, the follow state and the three actions.
#include "screens/worker_detail_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/toasts.hpp"
#include "kiosk/ui/widgets.hpp"
#include "screens/worker_card_view.hpp"
#include "services/social_service.hpp"

namespace madoguchi {
namespace {

// While a follow change waits in the outbox, the card is read again this
// often (a small GET) so 送信待ち turns into the platform's state.
constexpr std::int64_t kPendingCheckMs = 3000;

}  // namespace

void WorkerDetailScreen::on_enter(ScreenContext& ctx) {
    worker_id_ = ctx.session.social.worker_id;
    worker_name_ = ctx.session.social.worker_name;
    load(ctx);
    // The contacts screen asks for the invitation at once.
    if (ctx.session.social.open_invite) {
        ctx.session.social.open_invite = false;
        invite_.open(ctx, worker_id_, worker_name_);
    }
}

void WorkerDetailScreen::load(ScreenContext& ctx) {
    if (!ctx.services.social || worker_id_.empty()) {
        load_ = Load::failed;
        return;
    }
    if (!card_) load_ = Load::loading;
    reading_ = true;
    std::weak_ptr<int> alive = alive_;
    ctx.services.social->worker(ctx.session.account_client_id, worker_id_, [this, alive](SocialRead<WorkerCard> r) {
        if (alive.expired()) return;
        reading_ = false;
        if (!r.ok) {
            // Offline: no stale card, the reason and 再読み込み.
            card_.reset();
            load_ = r.offline ? Load::offline : Load::failed;
            message_ = r.error.message_ja.empty() ? std::string() : r.error.message_ja + "\n" + r.error.message_en;
            return;
        }
        card_ = std::move(r.value);
        worker_name_ = worker_display_name(card_->who);
        if (follow_pending_ && card_->followed_by_me == *follow_pending_) follow_pending_.reset();
        message_.clear();
        load_ = Load::loaded;
    });
}

void WorkerDetailScreen::toggle_follow(Ui& ui, ScreenContext& ctx) {
    if (!ctx.services.social || !card_) return;
    const bool now_following = follow_pending_ ? *follow_pending_ : card_->followed_by_me;
    auto out = ctx.services.social->set_following(ctx.session.account_client_id, worker_id_, !now_following);
    if (!out.ok()) {
        ui.toasts.show(ui.msg(out.errors.front()), ToastKind::error, ui.clock.now_ms());
        return;
    }
    // Back to what the platform already shows = nothing left to wait for
    // (the outbox sends the change and its reversal in order anyway).
    if (!now_following == card_->followed_by_me) follow_pending_.reset();
    else follow_pending_ = !now_following;
    last_check_ms_ = ui.clock.now_ms();
    ui.toasts.show(ui.t(!now_following ? "workers.follow_queued" : "workers.unfollow_queued"), ToastKind::success,
                   ui.clock.now_ms());
}

void WorkerDetailScreen::draw_actions(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    const float w = m.em * 11;
    // 「相談をする」 opens the thread with this worker once that screen exists.
    if (ctx.services.screen_available &&
        ctx.services.screen_available(static_cast<int>(ScreenId::message_thread))) {
        if (ui::button(ui, "worker.consult", ui.t("workers.consult"), {ui::ButtonStyle::primary, true, w, 0})) {
            ctx.session.social.worker_id = worker_id_;
            ctx.session.social.worker_name = worker_name_;
            ctx.session.social.thread_id.clear();
            ctx.nav.push(ScreenId::message_thread);
        }
        ImGui::SameLine();
    }
    const bool following = follow_pending_ ? *follow_pending_ : card_->followed_by_me;
    if (ui::button(ui, "worker.follow", ui.t(following ? "workers.unfollow" : "workers.follow"),
                   {following ? ui::ButtonStyle::secondary : ui::ButtonStyle::primary, true, w, 0}))
        toggle_follow(ui, ctx);
    ImGui::SameLine();
    if (ui::button(ui, "worker.invite", ui.t("workers.invite"), {ui::ButtonStyle::secondary, true, w, 0}))
        invite_.open(ctx, worker_id_, worker_name_);
}

void WorkerDetailScreen::draw(Ui& ui, ScreenContext& ctx) {
    const auto& m = ui.metrics;
    if (invite_.is_open()) {
        invite_.draw(ui, ctx);
        return;
    }
    std::string state;
    switch (load_) {
        case Load::loading: state = "loading"; break;
        case Load::loaded: state = "loaded"; break;
        case Load::offline: state = "offline"; break;
        case Load::failed: state = "failed"; break;
    }
    ui.registry.record({"worker.state", "", WidgetKind::text, {}, true, true, state, message_});
    if (load_ == Load::loading) {
        ui::title(ui, worker_name_);
        ui::text(ui, ui.t("workers.loading"), theme::kMuted);
        return;
    }
    if (load_ != Load::loaded || !card_) {
        ui::title(ui, worker_name_);
        ui::text_wrapped(ui, "⚠ " + ui.t(load_ == Load::offline ? "workers.offline" : "workers.read_failed"),
                         theme::kError);
        if (load_ == Load::failed && !message_.empty()) ui::text_wrapped(ui, message_, theme::kError);
        if (ui::button(ui, "worker.reload", ui.t("workers.reload"),
                       {ui::ButtonStyle::secondary, !reading_, m.em * 10, 0}))
            load(ctx);
        return;
    }
    // While a follow change waits, look again now and then (never in a tight loop).
    if (follow_pending_ && !reading_ && ui.clock.now_ms() - last_check_ms_ >= kPendingCheckMs) {
        last_check_ms_ = ui.clock.now_ms();
        load(ctx);
    }

    WorkerCard shown = *card_;
    if (follow_pending_) shown.followed_by_me = *follow_pending_;
    draw_worker_card(ui, "worker.card", shown, WorkerCardLayout::full);
    std::string follow_state = shown.followed_by_me ? "following" : "not_following";
    if (follow_pending_) {
        follow_state += ",pending";
        ui::text_wrapped(ui, ui.t(*follow_pending_ ? "workers.follow_pending" : "workers.unfollow_pending"),
                         theme::kMuted);
    }
    if (shown.follows_me) follow_state += ",follows_me";
    ui.registry.record({"worker.follow_state", "", WidgetKind::text, {}, true, true, follow_state, {}});
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    draw_actions(ui, ctx);
}

}  // namespace madoguchi
