// ContactsScreen: four lists of people from SocialService, with the two
// actions the guide gives each person.
#include "screens/contacts_screen.hpp"

#include <imgui.h>

#include "kiosk/ui/widgets.hpp"
#include "screens/worker_card_view.hpp"
#include "services/social_service.hpp"

namespace madoguchi {

void ContactsScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<int>(0);
    load(ctx, false);
}

void ContactsScreen::on_exit(ScreenContext&) { alive_.reset(); }

void ContactsScreen::load(ScreenContext& ctx, bool more) {
    SocialService* social = ctx.services.social;
    const std::string viewer = ctx.session.account_client_id;
    if (!social || viewer.empty()) return;
    if (!more) {
        people_.clear();
        next_offset_.reset();
        loaded_ = false;
    }
    error_.reset();
    loading_ = true;
    const int request = ++request_;
    std::weak_ptr<int> alive = alive_;
    const Tab tab = tab_;
    // Every answer checks that the screen still exists and still waits for
    // this very request: a late answer never lands on another tab or person.
    auto accept = [this, alive, request] { return !alive.expired() && request == request_; };
    auto fail = [this](const Error& e) {
        error_ = e;
        people_.clear();  // never a stale copy beside the message
        next_offset_.reset();
    };
    if (tab == Tab::clients || tab == Tab::friends) {
        social->contacts(viewer, [this, accept, fail, tab](SocialRead<Contacts> r) {
            if (!accept()) return;
            loading_ = false;
            loaded_ = true;
            if (!r.ok) return fail(r.error);
            people_ = tab == Tab::clients ? r.value.clients : r.value.friends;
            next_offset_.reset();  // the platform sends every friend at once
        });
        return;
    }
    const std::int64_t offset = more && next_offset_ ? *next_offset_ : 0;
    auto page_done = [this, accept, fail](SocialRead<WorkerCardPage> r) {
        if (!accept()) return;
        loading_ = false;
        loaded_ = true;
        if (!r.ok) return fail(r.error);
        for (auto& c : r.value.items) people_.push_back(std::move(c));
        next_offset_ = r.value.next_offset;
    };
    if (tab == Tab::following) social->following(viewer, offset, page_done);
    else social->followers(viewer, offset, page_done);
}

void ContactsScreen::draw_person(Ui& ui, ScreenContext& ctx, std::size_t i) {
    const WorkerCard& c = people_[i];
    const Metrics& m = ui.metrics;
    const std::string row = "contacts.person." + std::to_string(i);
    const std::string name = worker_display_name(c.who);
    // The invitation sheet lives on the worker's page (another screen);
    // until that screen exists the button would lead nowhere, so it hides.
    const bool can_invite =
        ctx.services.screen_available && ctx.services.screen_available(static_cast<int>(ScreenId::worker_detail));
    const ImVec2 top = ImGui::GetCursorScreenPos();
    // The same card as ワーカーを探す, with this screen's two actions in it.
    draw_worker_card(ui, row, c, WorkerCardLayout::summary, [&] {
        if (ui::button(ui, row + ".message", ui.t("contacts.send_message"), {ui::ButtonStyle::primary, true, 0, 0})) {
            ctx.session.social.worker_id = c.who.account_id;
            ctx.session.social.worker_name = name;
            ctx.session.social.thread_id.clear();
            ctx.nav.push(ScreenId::message_thread);
        }
        if (!can_invite) return;
        ImGui::SameLine(0, m.gap());
        if (ui::button(ui, row + ".invite", ui.t("contacts.invite"))) {
            ctx.session.social.worker_id = c.who.account_id;
            ctx.session.social.worker_name = name;
            ctx.session.social.open_invite = true;
            ctx.nav.push(ScreenId::worker_detail);
        }
    });
    const ImVec2 bottom = ImGui::GetCursorScreenPos();
    ui.registry.record({row, name, WidgetKind::list_item, {top.x, top.y, ImGui::GetContentRegionAvail().x, bottom.y - top.y},
                        true, true, name + " @" + c.who.username, {}});
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
}

void ContactsScreen::draw(Ui& ui, ScreenContext& ctx) {
    const int frame = ImGui::GetFrameCount();
    if (last_frame_ >= 0 && frame > last_frame_ + 1 && !loading_) load(ctx, false);  // back from a thread
    last_frame_ = frame;

    SocialService* social = ctx.services.social;
    if (!social || ctx.session.account_client_id.empty()) {
        ui::text_wrapped(ui, ui.t("messages.sign_in_first"), theme::kError);
        return;
    }
    int tab = static_cast<int>(tab_);
    if (ui::segmented(ui, "contacts.tab", ui.t("contacts.tab_label"),
                      {ui.t("contacts.tab.clients"), ui.t("contacts.tab.friends"), ui.t("contacts.tab.following"),
                       ui.t("contacts.tab.followers")},
                      tab)) {
        tab_ = static_cast<Tab>(tab);
        load(ctx, false);
    }

    std::string status;
    if (loading_ && people_.empty()) status = ui.t("messages.loading");
    else if (error_) status = ui.msg(*error_);
    else if (loaded_ && people_.empty())
        status = ui.t(tab_ == Tab::clients    ? "contacts.empty.clients"
                      : tab_ == Tab::friends  ? "contacts.empty.friends"
                      : tab_ == Tab::following ? "contacts.empty.following"
                                               : "contacts.empty.followers");
    ui.registry.record({"contacts.status", "", WidgetKind::text, {}, true, true, status,
                        error_ ? ui.msg(*error_) : std::string()});
    if (error_) {
        ui::error_text(ui, *error_);
        if (ui::button(ui, "contacts.reload", ui.t("messages.reload"), {ui::ButtonStyle::primary, !loading_, 0, 0}))
            load(ctx, false);
        return;
    }
    if (!status.empty()) ui::text_wrapped(ui, status, theme::kMuted);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ui::begin_drag_scroll(ui, "contacts.list", ImVec2(avail.x, avail.y));
    for (std::size_t i = 0; i < people_.size(); ++i) draw_person(ui, ctx, i);
    if (next_offset_ &&
        ui::button(ui, "contacts.more", ui.t("messages.more"), {ui::ButtonStyle::secondary, !loading_, -1, 0}))
        load(ctx, true);
    ui::end_drag_scroll(ui);
}

}  // namespace madoguchi
