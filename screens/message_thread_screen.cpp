// MessageThreadScreen: history pages from SocialService, the person's queued
// messages from this kiosk's store (through SocialService), and 送信 through
// the outbox after a confirmation.
#include "screens/message_thread_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "data/model/social_rules.hpp"
#include "kiosk/ui/onscreen_keyboard.hpp"
#include "kiosk/ui/widgets.hpp"
#include "screens/worker_card_view.hpp"
#include "screens/messages_screen.hpp"
#include "services/social_service.hpp"

namespace madoguchi {
namespace {

constexpr ImU32 kMineBubble = IM_COL32(214, 230, 252, 255);  // kText on it: 14:1
constexpr ImU32 kPendingNote = IM_COL32(150, 95, 0, 255);    // the amber of 確認待ち elsewhere
// How often (in frames) the queued messages are looked at again while some
// are on their way: about twice a second on the device.
constexpr int kUnsentPollFrames = 30;
// The compose box keeps far more than may be sent, so a long paste stays
// whole for the person to shorten; 送信 refuses it with the rule's message.
constexpr int kComposeKeepChars = static_cast<int>(social_rules::kMessageTextMax) * 6;
// The confirmation panel is small: it shows the start of the text, at most
// this many characters and lines, and "…" when there is more.
constexpr std::size_t kConfirmChars = 120;
constexpr int kConfirmLines = 4;


std::string confirm_excerpt(const std::string& text) {
    std::size_t chars = 0, end = 0;
    int lines = 1;
    while (end < text.size() && chars < kConfirmChars) {
        if (text[end] == '\n' && ++lines > kConfirmLines) break;
        ++end;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // whole characters
        ++chars;
    }
    return end < text.size() ? text.substr(0, end) + "…" : text;
}

}  // namespace

MessageThreadScreen::MessageThreadScreen() : compose_(FieldKind::multiline, kComposeKeepChars, true) {}

void MessageThreadScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<int>(0);
    me_ = ctx.session.account_client_id;
    worker_id_ = ctx.session.social.worker_id;
    worker_name_ = ctx.session.social.worker_name;
    thread_id_ = ctx.session.social.thread_id;
    refresh(ctx);
}

void MessageThreadScreen::on_exit(ScreenContext&) { alive_.reset(); }

void MessageThreadScreen::refresh(ScreenContext& ctx) {
    load_unsent(ctx);
    if (!ctx.services.social || me_.empty() || worker_id_.empty()) return;
    if (thread_id_.empty()) find_thread(ctx, 0);
    else load_history(ctx, false);
}

void MessageThreadScreen::load_unsent(ScreenContext& ctx) {
    if (!ctx.services.social || me_.empty()) return;
    auto r = ctx.services.social->unsent_messages(me_);
    if (!r) return;  // kept as they were; the next look may succeed
    unsent_.clear();
    for (auto& m : *r)
        if (m.to_account_id == worker_id_ && m.job_id.empty()) unsent_.push_back(std::move(m));
}

// A thread opened from a person (contacts, a worker's page) is looked up
// among the person's threads; none = a new conversation, empty until the
// first message is delivered.
void MessageThreadScreen::find_thread(ScreenContext& ctx, std::int64_t offset) {
    loading_ = true;
    error_.reset();
    const int request = ++request_;
    std::weak_ptr<int> alive = alive_;
    SocialService* social = ctx.services.social;
    social->threads(me_, offset, [this, alive, request, social](SocialRead<MessageThreadPage> r) {
        if (alive.expired() || request != request_) return;
        if (!r.ok) {
            loading_ = false;
            loaded_ = true;
            error_ = r.error;
            history_.clear();
            next_before_.reset();
            return;
        }
        for (const auto& t : r.value.items) {
            if (t.other.account_id != worker_id_ || !t.job_id.empty()) continue;
            thread_id_ = t.thread_id;
            if (worker_name_.empty()) worker_name_ = worker_display_name(t.other);
            break;
        }
        if (thread_id_.empty() && r.value.next_offset) {
            // The next page, as the same request (nothing else may start meanwhile).
            const std::int64_t next = *r.value.next_offset;
            social->threads(me_, next, [this, alive, request](SocialRead<MessageThreadPage> more) {
                if (alive.expired() || request != request_) return;
                loading_ = false;
                loaded_ = true;
                if (!more.ok) {
                    error_ = more.error;
                    return;
                }
                for (const auto& t : more.value.items)
                    if (t.other.account_id == worker_id_ && t.job_id.empty()) thread_id_ = t.thread_id;
                if (!thread_id_.empty()) reload_pending_ = true;
            });
            return;
        }
        if (thread_id_.empty()) {
            loading_ = false;
            loaded_ = true;
            history_.clear();
            next_before_.reset();
            return;
        }
        reload_pending_ = true;  // the history is read from draw(), which has the context
        loading_ = false;
    });
}

void MessageThreadScreen::load_history(ScreenContext& ctx, bool older) {
    loading_ = true;
    error_.reset();
    const int request = ++request_;
    std::weak_ptr<int> alive = alive_;
    const std::optional<std::int64_t> before = older ? next_before_ : std::nullopt;
    ctx.services.social->history(me_, thread_id_, before, [this, alive, request, older](SocialRead<MessagePage> r) {
        if (alive.expired() || request != request_) return;
        loading_ = false;
        loaded_ = true;
        if (!r.ok) {
            error_ = r.error;
            history_.clear();  // never a stale copy beside the message
            next_before_.reset();
            return;
        }
        std::vector<ThreadMessage> page(r.value.items.rbegin(), r.value.items.rend());  // oldest first
        if (older) {
            page.insert(page.end(), history_.begin(), history_.end());
            history_ = std::move(page);
        } else {
            history_ = std::move(page);
            scroll_to_bottom_ = true;
        }
        next_before_ = r.value.next_before;
    });
}

void MessageThreadScreen::ask_to_send(Ui& ui, ScreenContext& ctx) {
    compose_.error.reset();
    const Errors errors = social_rules::check_message_text(compose_.value);
    if (!errors.empty()) {
        compose_.error = errors.front();  // the text stays as typed
        return;
    }
    // 【1】 Step 4 「確認してください」: the text as it will be sent.
    const std::string shown = confirm_excerpt(compose_.value);
    std::weak_ptr<int> alive = alive_;
    SocialService* social = ctx.services.social;
    ctx.nav.confirm(ui.t("thread.confirm_title"), ui.t("thread.confirm_to") + worker_name_ + "\n\n" + shown,
                    ui.t("thread.confirm_send"), [this, alive, social] {
                        if (alive.expired()) return;  // the person left meanwhile
                        send(social);
                    });
}

void MessageThreadScreen::send(SocialService* social) {
    if (!social) return;
    auto w = social->send_message(me_, worker_id_, compose_.value);
    if (!w.ok()) {
        compose_.error = w.errors.front();  // the text stays as typed
        return;
    }
    compose_.clear();
    unsent_.push_back(w.record);  // shown at once, 送信待ち
    sent_notice_ = true;
    scroll_to_bottom_ = true;
}

void MessageThreadScreen::draw_bubble(Ui& ui, const std::string& id, const std::string& text, bool mine,
                                      const std::string& note, bool pending) {
    const Metrics& m = ui.metrics;
    const float full = ImGui::GetContentRegionAvail().x;
    const float pad = m.em * 0.5f;
    const float wrap = full * 0.72f - pad * 2;
    ui.fonts.note(text);
    ui.fonts.note(note);
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float bw = ts.x + pad * 2, bh = ts.y + pad * 2;
    const float x0 = ImGui::GetCursorPosX();
    if (mine) ImGui::SetCursorPosX(x0 + full - bw);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + bw, p.y + bh), mine ? kMineBubble : theme::kSurface, m.em * 0.4f);
    if (!mine) dl->AddRect(p, ImVec2(p.x + bw, p.y + bh), theme::kBorder, m.em * 0.4f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + pad, p.y + pad), theme::kText, text.c_str(),
                nullptr, wrap);
    ImGui::Dummy(ImVec2(bw, bh));
    ui.registry.record({id, mine ? "mine" : "theirs", WidgetKind::text, {p.x, p.y, bw, bh}, true, true, text, note});
    const float note_w = ImGui::CalcTextSize(note.c_str()).x;
    ImGui::SetCursorPosX(mine ? x0 + full - note_w : x0);
    ui::text(ui, note, pending ? kPendingNote : theme::kMuted);
    ImGui::Dummy(ImVec2(0, m.gap() * 0.4f));
}

void MessageThreadScreen::draw_history(Ui& ui, ScreenContext& ctx) {
    const Metrics& m = ui.metrics;
    const bool ja = ctx.session.language == Language::ja;
    const auto now = std::chrono::system_clock::now();
    ui::title(ui, worker_name_.empty() ? ui.t("thread.title") : worker_name_);
    std::string status;
    if (loading_ && history_.empty()) status = ui.t("messages.loading");
    else if (error_) status = ui.msg(*error_);
    else if (loaded_ && history_.empty() && unsent_.empty()) status = ui.t("thread.empty");
    ui.registry.record({"thread.status", "", WidgetKind::text, {}, true, true, status,
                        error_ ? ui.msg(*error_) : std::string()});
    if (error_) {
        ui::error_text(ui, *error_);
        if (ui::button(ui, "thread.reload", ui.t("messages.reload"), {ui::ButtonStyle::primary, !loading_, 0, 0}))
            refresh(ctx);
    } else if (!status.empty()) {
        ui::text_wrapped(ui, status, theme::kMuted);
    }

    // The history takes what the compose block below leaves: its height as
    // drawn last frame (an error line comes and goes), a fair guess at first.
    const float compose_h =
        compose_h_ > 0 ? compose_h_ : m.em * 6.5f + m.button_h() + m.gap() * 3;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Less the region's own spacing and a little slack, so rounding never
    // makes the screen itself scroll.
    const float history_h = avail.y - compose_h - ImGui::GetStyle().ItemSpacing.y - m.gap();
    ui::begin_drag_scroll(ui, "thread.history", ImVec2(avail.x, std::max(m.touch_min() * 2, history_h)));
    if (next_before_ && !error_ &&
        ui::button(ui, "thread.older", ui.t("thread.older"), {ui::ButtonStyle::secondary, !loading_, -1, 0}))
        load_history(ctx, true);
    std::size_t shown = 0;
    for (const ThreadMessage& msg : history_) {
        const bool mine = msg.sender_id == me_;
        draw_bubble(ui, "thread.message." + std::to_string(shown++), msg.text, mine,
                    message_time_label(msg.sent_at_ms, now, ja), false);
    }
    // Queued here and not yet in the history (a delivered one may still be
    // marked unsent for a moment: its client id is then in the history).
    std::size_t pending = 0;
    for (const SocialMessage& msg : unsent_) {
        const bool delivered = std::any_of(history_.begin(), history_.end(),
                                           [&](const ThreadMessage& h) { return h.client_id == msg.meta.client_id; });
        if (delivered) continue;
        const bool attention = msg.meta.sync_state == SyncState::needs_attention;
        draw_bubble(ui, "thread.pending." + std::to_string(pending++), msg.text, true,
                    ui.t(attention ? "messages.needs_attention" : "messages.pending"), true);
    }
    if (scroll_to_bottom_) {
        ImGui::SetScrollHereY(1.0f);
        scroll_to_bottom_ = false;
    }
    ui::end_drag_scroll(ui);
}

void MessageThreadScreen::draw(Ui& ui, ScreenContext& ctx) {
    SocialService* social = ctx.services.social;
    if (!social || me_.empty() || worker_id_.empty()) {
        ui::text_wrapped(ui, ui.t(worker_id_.empty() ? "thread.no_counterpart" : "messages.sign_in_first"),
                         theme::kError);
        return;
    }
    if (reload_pending_) {
        reload_pending_ = false;
        load_history(ctx, false);
    }
    // Queued messages leave for the platform in the background: when one has
    // been delivered, the history (which now holds it) is read again.
    if (!unsent_.empty() && ImGui::GetFrameCount() % kUnsentPollFrames == 0) {
        const std::size_t before = unsent_.size();
        load_unsent(ctx);
        if (unsent_.size() < before && !loading_) refresh(ctx);
    }
    const Metrics& m = ui.metrics;
    // While the keyboard edits the compose box, the box is all there is room
    // for between the header and the keys (the history would push it under them).
    const bool composing = ui.keyboard.is_editing(compose_);
    if (!composing) {
        const float top = ImGui::GetCursorPosY();
        draw_history(ui, ctx);
        history_block_h_ = ImGui::GetCursorPosY() - top;
    } else if (!was_composing_) {
        // The keyboard opened last frame and scrolled the box into the band
        // with the history above it; without the history the box moves up
        // by that much, so the scroll follows to keep it in the band.
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - history_block_h_));
    }
    was_composing_ = composing;

    const float compose_top = ImGui::GetCursorPosY();
    ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    ui::text_field(ui, "thread.compose", ui.t("thread.compose"), compose_, ui.t("thread.compose_hint"));
    const std::size_t count = compose_.length();
    const bool over = count > social_rules::kMessageTextMax;
    const std::string counter = std::to_string(count) + " / " + std::to_string(social_rules::kMessageTextMax);
    if (ui::button(ui, "thread.send", ui.t("thread.send"), {ui::ButtonStyle::primary, true, m.em * 8, 0})) {
        sent_notice_ = false;
        ask_to_send(ui, ctx);
    }
    ImGui::SameLine(0, m.gap());
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (m.button_h() - ImGui::GetTextLineHeight()) * 0.5f);
    ui::text(ui, counter, over ? theme::kError : theme::kMuted);
    ui.registry.record({"thread.count", "", WidgetKind::text, {}, true, true, counter, {}});
    // A long paste would take thousands of ⌫ taps to undo: one button, asked first.
    if (!compose_.value.empty()) {
        ImGui::SameLine(0, m.gap() * 2);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (m.button_h() - ImGui::GetTextLineHeight()) * 0.5f);
        if (ui::button(ui, "thread.clear", ui.t("thread.clear"), {ui::ButtonStyle::quiet, true, 0, 0})) {
            std::weak_ptr<int> alive = alive_;
            ctx.nav.confirm(ui.t("thread.clear_title"), ui.t("thread.clear_body"), ui.t("thread.clear"),
                            [this, alive] {
                                if (!alive.expired()) compose_.clear();
                            });
        }
    }
    if (sent_notice_) {
        ui::text(ui, ui.t("thread.queued_notice"), kPendingNote);
        ui.registry.record({"thread.notice", "", WidgetKind::text, {}, true, true, ui.t("thread.queued_notice"), {}});
    }
    compose_h_ = ImGui::GetCursorPosY() - compose_top;  // includes the spacing after the last line
}

}  // namespace madoguchi
