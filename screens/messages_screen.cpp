// MessagesScreen: the thread list from SocialService plus this kiosk's
// queued messages; also the time label and one-line excerpt both message
// screens draw with.
#include "screens/messages_screen.hpp"

#include <imgui.h>

#include <cstdio>

#include "data/rules/age.hpp"
#include "kiosk/ui/widgets.hpp"
#include "screens/worker_card_view.hpp"
#include "services/social_service.hpp"

namespace madoguchi {
namespace {

constexpr std::int64_t kJapanOffsetMs = 9LL * 3600 * 1000;  // UTC+9, no daylight saving
constexpr const char* kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Length in bytes of the UTF-8 sequence starting with `b` (1 for stray bytes).
std::size_t utf8_step(unsigned char b) {
    if (b >= 0xF0) return 4;
    if (b >= 0xE0) return 3;
    if (b >= 0xC0) return 2;
    return 1;
}


}  // namespace

std::string message_time_label(std::int64_t sent_at_ms, std::chrono::system_clock::time_point now, bool japanese) {
    const CivilDate day = japan_date(std::chrono::system_clock::time_point(std::chrono::milliseconds(sent_at_ms)));
    const CivilDate today = japan_date(now);
    char buf[64];
    if (day == today) {
        std::int64_t minutes = ((sent_at_ms + kJapanOffsetMs) / 60000) % (24 * 60);
        if (minutes < 0) minutes += 24 * 60;
        std::snprintf(buf, sizeof buf, japanese ? "今日 %02d:%02d" : "Today %02d:%02d", static_cast<int>(minutes / 60),
                      static_cast<int>(minutes % 60));
    } else if (day.year == today.year) {
        if (japanese) std::snprintf(buf, sizeof buf, "%d月%d日", day.month, day.day);
        else std::snprintf(buf, sizeof buf, "%s %d", kMonthsEn[(day.month + 11) % 12], day.day);
    } else {
        if (japanese) std::snprintf(buf, sizeof buf, "%d年%d月%d日", day.year, day.month, day.day);
        else std::snprintf(buf, sizeof buf, "%s %d, %d", kMonthsEn[(day.month + 11) % 12], day.day, day.year);
    }
    return buf;
}

std::string one_line_excerpt(const std::string& text, float max_width) {
    std::string line = text.substr(0, text.find('\n'));
    const bool cut_lines = line.size() < text.size();
    if (!cut_lines && ImGui::CalcTextSize(line.c_str()).x <= max_width) return line;
    const float ellipsis_w = ImGui::CalcTextSize("…").x;
    // Whole characters only, as many as fit before the ellipsis.
    std::size_t end = 0;
    while (end < line.size()) {
        const std::size_t next = std::min(line.size(), end + utf8_step(static_cast<unsigned char>(line[end])));
        if (ImGui::CalcTextSize(line.data(), line.data() + next).x + ellipsis_w > max_width) break;
        end = next;
    }
    return line.substr(0, end) + "…";
}

void MessagesScreen::on_enter(ScreenContext& ctx) {
    alive_ = std::make_shared<int>(0);
    load(ctx, false);
}

void MessagesScreen::on_exit(ScreenContext&) { alive_.reset(); }

void MessagesScreen::load_unsent(ScreenContext& ctx) {
    local_error_.reset();
    unsent_.clear();
    if (!ctx.services.social || ctx.session.account_client_id.empty()) return;
    auto r = ctx.services.social->unsent_messages(ctx.session.account_client_id);
    if (r) unsent_ = std::move(*r);
    else local_error_ = r.error();
}

void MessagesScreen::load(ScreenContext& ctx, bool more) {
    load_unsent(ctx);
    SocialService* social = ctx.services.social;
    const std::string viewer = ctx.session.account_client_id;
    if (!social || viewer.empty()) return;
    if (!more) {
        threads_.clear();
        next_offset_.reset();
        loaded_ = false;
    }
    error_.reset();
    loading_ = true;
    const int request = ++request_;
    std::weak_ptr<int> alive = alive_;
    const std::int64_t offset = more && next_offset_ ? *next_offset_ : 0;
    social->threads(viewer, offset, [this, alive, request](SocialRead<MessageThreadPage> r) {
        // The screen may be gone (another person at the kiosk by now) or a
        // newer read under way: this answer is then dropped.
        if (alive.expired() || request != request_) return;
        loading_ = false;
        loaded_ = true;
        if (!r.ok) {
            error_ = r.error;
            threads_.clear();  // never a stale copy beside the message
            next_offset_.reset();
            return;
        }
        for (auto& t : r.value.items) threads_.push_back(std::move(t));
        next_offset_ = r.value.next_offset;
    });
}

std::string MessagesScreen::name_of(const std::string& account_id) const {
    for (const auto& t : threads_)
        if (t.other.account_id == account_id) return worker_display_name(t.other);
    return {};
}

void MessagesScreen::draw(Ui& ui, ScreenContext& ctx) {
    const int frame = ImGui::GetFrameCount();
    if (last_frame_ >= 0 && frame > last_frame_ + 1 && !loading_) load(ctx, false);  // back from a thread
    last_frame_ = frame;

    SocialService* social = ctx.services.social;
    if (!social || ctx.session.account_client_id.empty()) {
        ui::text_wrapped(ui, ui.t("messages.sign_in_first"), theme::kError);
        return;
    }
    const Metrics& m = ui.metrics;
    const bool ja = ctx.session.language == Language::ja;
    const auto now = std::chrono::system_clock::now();

    std::string status;
    if (loading_ && threads_.empty()) status = ui.t("messages.loading");
    else if (error_) status = ui.msg(*error_);
    else if (loaded_ && threads_.empty() && unsent_.empty()) status = ui.t("messages.empty");
    ui.registry.record({"messages.status", "", WidgetKind::text, {}, true, true, status,
                        error_ ? ui.msg(*error_) : std::string()});
    if (error_) {
        ui::error_text(ui, *error_);
        if (ui::button(ui, "messages.reload", ui.t("messages.reload"), {ui::ButtonStyle::primary, !loading_, 0, 0}))
            load(ctx, false);
    } else if (!status.empty()) {
        ui::text_wrapped(ui, status, theme::kMuted);
    }
    if (local_error_) ui::error_text(ui, *local_error_);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ui::begin_drag_scroll(ui, "messages.list", ImVec2(avail.x, avail.y));
    const float row_w = ImGui::GetContentRegionAvail().x;
    const float text_w = row_w - m.em * 1.5f;
    // The person's own messages still on this kiosk come first: they are
    // shown even offline, since they are not a copy of the platform's data.
    if (!unsent_.empty()) ui::text(ui, ui.t("messages.unsent_heading"), theme::kMuted);
    for (std::size_t i = 0; i < unsent_.size(); ++i) {
        const SocialMessage& msg = unsent_[i];
        const std::string id = "messages.unsent." + std::to_string(i);
        std::string to = name_of(msg.to_account_id);
        const std::string state = ui.t(msg.meta.sync_state == SyncState::needs_attention ? "messages.needs_attention"
                                                                                         : "messages.pending");
        const std::string head = (to.empty() ? ui.t("messages.to_someone") : to) + "  ·  " + state;
        const std::string excerpt = one_line_excerpt(msg.text, text_w);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushID(id.c_str());
        const bool tapped = ImGui::InvisibleButton("row", ImVec2(row_w, m.em * 2.6f > m.touch_min() ? m.em * 2.6f : m.touch_min()));
        ImGui::PopID();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + row_w, p.y + ImGui::GetItemRectSize().y), theme::kSecondary, m.em * 0.3f);
        ui.fonts.note(head + excerpt + "…");
        dl->AddText(ImVec2(p.x + m.em * 0.5f, p.y + m.em * 0.15f), theme::kMuted, head.c_str());
        dl->AddText(ImVec2(p.x + m.em * 0.5f, p.y + m.em * 1.3f), theme::kText, excerpt.c_str());
        const ImVec2 sz = ImGui::GetItemRectSize();
        ui.registry.record({id, head, WidgetKind::list_item, {p.x, p.y, sz.x, sz.y}, true, true, excerpt, state});
        if (tapped) {
            ctx.session.social.worker_id = msg.to_account_id;
            ctx.session.social.worker_name = to;
            ctx.session.social.thread_id.clear();
            ctx.nav.push(ScreenId::message_thread);
        }
        ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    }
    if (!unsent_.empty() && !threads_.empty()) ImGui::Dummy(ImVec2(0, m.gap()));
    for (std::size_t i = 0; i < threads_.size(); ++i) {
        const MessageThread& t = threads_[i];
        const std::string id = "messages.thread." + std::to_string(i);
        const std::string name = worker_display_name(t.other);
        const std::string when = t.last_message.sent_at_ms > 0 ? message_time_label(t.last_message.sent_at_ms, now, ja) : "";
        const std::string excerpt = one_line_excerpt(t.last_message.text, text_w);
        const float h = m.em * 2.8f > m.touch_min() ? m.em * 2.8f : m.touch_min();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::PushID(id.c_str());
        const bool tapped = ImGui::InvisibleButton("row", ImVec2(row_w, h));
        const bool held = ImGui::IsItemActive();
        ImGui::PopID();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + row_w, p.y + h), held ? theme::kSecondary : theme::kSurface, m.em * 0.3f);
        dl->AddRect(p, ImVec2(p.x + row_w, p.y + h), theme::kBorder, m.em * 0.3f);
        ui.fonts.note(when + excerpt + "…");
        ui.fonts.note(name + "…", FontRole::title);
        ImGui::PushFont(ui.fonts.title());
        const std::string title = one_line_excerpt(name, row_w - m.em * 8.0f);
        dl->AddText(ImVec2(p.x + m.em * 0.5f, p.y + m.em * 0.15f), theme::kText, title.c_str());
        ImGui::PopFont();
        const float when_w = ImGui::CalcTextSize(when.c_str()).x;
        dl->AddText(ImVec2(p.x + row_w - when_w - m.em * 0.5f, p.y + m.em * 0.25f), theme::kMuted, when.c_str());
        dl->AddText(ImVec2(p.x + m.em * 0.5f, p.y + m.em * 1.45f), theme::kMuted, excerpt.c_str());
        ui.registry.record({id, name, WidgetKind::list_item, {p.x, p.y, row_w, h}, true, true, excerpt, when});
        if (tapped) {
            ctx.session.social.thread_id = t.thread_id;
            ctx.session.social.worker_id = t.other.account_id;
            ctx.session.social.worker_name = name;
            ctx.nav.push(ScreenId::message_thread);
        }
        ImGui::Dummy(ImVec2(0, m.gap() * 0.5f));
    }
    if (next_offset_ && !error_ &&
        ui::button(ui, "messages.more", ui.t("messages.more"), {ui::ButtonStyle::secondary, !loading_, -1, 0}))
        load(ctx, true);
    ui::end_drag_scroll(ui);
}

}  // namespace madoguchi
