// App: frame composition (header, screen, keyboard, overlays), navigation
// and the idle wipe.
#include "kiosk/app.hpp"

#include <imgui_internal.h>

#include <cstdio>

#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"

namespace madoguchi {

const char* screen_code(ScreenId id) {
    switch (id) {
        case ScreenId::attract: return "attract";
        case ScreenId::home: return "home";
        case ScreenId::sign_up: return "sign_up";
        case ScreenId::sign_in: return "sign_in";
        case ScreenId::staff_pin: return "staff_pin";
        case ScreenId::staff_home: return "staff_home";
        case ScreenId::technician_pin: return "technician_pin";
        case ScreenId::technician_settings: return "technician_settings";
        case ScreenId::profile: return "profile";
        case ScreenId::account_settings: return "account_settings";
        case ScreenId::password_change: return "password_change";
        case ScreenId::profile_preview: return "profile_preview";
        case ScreenId::skills: return "skills";
        case ScreenId::qualifications: return "qualifications";
        case ScreenId::careers: return "careers";
        case ScreenId::hobbies: return "hobbies";
        case ScreenId::company: return "company";
        case ScreenId::bank_account: return "bank_account";
        case ScreenId::identity_status: return "identity_status";
        case ScreenId::nda: return "nda";
        case ScreenId::staff_registrant: return "staff_registrant";
        case ScreenId::staff_capture: return "staff_capture";
        case ScreenId::worker_search: return "worker_search";
        case ScreenId::worker_detail: return "worker_detail";
        case ScreenId::contacts: return "contacts";
        case ScreenId::messages: return "messages";
        case ScreenId::message_thread: return "message_thread";
        case ScreenId::teams: return "teams";
        case ScreenId::team_edit: return "team_edit";
        case ScreenId::invitations: return "invitations";
    }
    return "";
}

App::App(KioskConfig config, StringCatalog strings, const Clock& clock, ScreenFactory factory)
    : config_(std::move(config)),
      strings_(std::move(strings)),
      clock_(clock),
      factory_(std::move(factory)),
      fonts_(config_.font_path, config_.font_size_px),
      idle_(config_.idle_timeout_s * 1000LL, config_.idle_countdown_s * 1000LL) {
    services_.config = &config_;
    services_.fonts = &fonts_;
    wipe_session();
}

void App::apply_config(const KioskConfig& config) {
    // Font settings need a restart; everything else applies at once.
    const auto font_path = config_.font_path;
    const auto font_size = config_.font_size_px;
    config_ = config;
    config_.font_path = font_path;
    config_.font_size_px = font_size;
    idle_.set_timeouts(config_.idle_timeout_s * 1000LL, config_.idle_countdown_s * 1000LL);
}

App::~App() = default;

Status App::init_fonts() {
    if (auto s = fonts_.open(); !s) return s;
    for (const auto& t : strings_.all_texts()) fonts_.add_base_text(t);
    return ok_status();
}

Ui App::make_ui() {
    Metrics m;
    m.em = config_.font_size_px;
    return Ui{registry_, fonts_, strings_, clock_, keyboard_, toasts_, m};
}

ScreenId App::current_screen() const { return stack_.empty() ? ScreenId::attract : stack_.back()->id(); }

bool App::countdown_visible() const {
    return current_screen() != ScreenId::attract && idle_.state(clock_.now_ms()) == IdleState::counting_down;
}

void App::show_toast(const std::string& text, ToastKind kind) { toasts_.show(text, kind, clock_.now_ms()); }

void App::wipe_session() {
    // Order matters: the keyboard points into a screen's fields, so it lets go first.
    keyboard_.detach();
    confirm_.reset();
    pending_.clear();
    if (session_ && !stack_.empty()) {
        ScreenContext ctx{*this, *session_, services_};
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) (*it)->on_exit(ctx);
    }
    stack_.clear();
    toasts_.clear();
    // The store session ends with the person's (idle wipe as well as sign-out).
    if (session_ && !session_->account_client_id.empty() && services_.on_session_end)
        services_.on_session_end(session_->account_client_id);
    session_ = std::make_unique<Session>();
    session_->serial = ++session_serial_;
    session_->language = config_.language == "en" ? Language::en : Language::ja;
    strings_.set_language(session_->language);
    fonts_.reset_to_base();  // no glyph of the previous user's name stays in the atlas
    if (ImGui::GetCurrentContext()) {
        // Scroll positions and widget states are per-window ImGui storage: drop them too.
        ImGui::ClearActiveID();
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            w->StateStorage.Clear();
            w->Scroll = ImVec2(0, 0);
            w->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
        }
    }
    stack_.push_back(factory_(ScreenId::attract));
    ScreenContext ctx{*this, *session_, services_};
    stack_.back()->on_enter(ctx);
    idle_.set_timeouts(config_.idle_timeout_s * 1000LL, config_.idle_countdown_s * 1000LL);
    idle_.reset(clock_.now_ms());
}

void App::push(ScreenId id) { pending_.push_back({PendingNav::push, id}); }
void App::replace(ScreenId id) { pending_.push_back({PendingNav::replace, id}); }
void App::pop() { pending_.push_back({PendingNav::pop, ScreenId::attract}); }
void App::end_session() { pending_.push_back({PendingNav::end_session, ScreenId::attract}); }

void App::confirm(std::string title, std::string body, std::string ok_label, std::function<void()> on_confirm) {
    confirm_ = std::make_unique<ConfirmRequest>(
        ConfirmRequest{std::move(title), std::move(body), std::move(ok_label), std::move(on_confirm)});
}

void App::apply_navigation() {
    auto pending = std::move(pending_);
    pending_.clear();
    for (const auto& nav : pending) {
        ScreenContext ctx{*this, *session_, services_};
        if (nav.kind == PendingNav::end_session) {
            wipe_session();
            return;
        }
        // Leaving a screen closes its keyboard (the field belongs to that
        // screen) and its toasts (see Toasts::leave_screen).
        keyboard_.close();
        toasts_.leave_screen();
        if (nav.kind == PendingNav::pop || nav.kind == PendingNav::replace) {
            if (stack_.size() > 1) {
                stack_.back()->on_exit(ctx);
                stack_.pop_back();
            } else if (nav.kind == PendingNav::pop) {
                continue;  // the root stays
            }
        }
        if (nav.kind == PendingNav::push || nav.kind == PendingNav::replace) {
            if (stack_.size() >= 16) continue;  // bounded back stack
            auto screen = factory_(nav.id);
            if (!screen) continue;
            stack_.push_back(std::move(screen));
            stack_.back()->on_enter(ctx);
        }
    }
}

void App::track_activity() {
    const ImGuiIO& io = ImGui::GetIO();
    bool touched = false;
    for (bool c : io.MouseClicked) touched |= c;
    for (bool d : io.MouseDown) touched |= d;
    touched |= io.MouseWheel != 0.0f || !io.InputQueueCharacters.empty();
    for (bool k : io.KeysDown) touched |= k;
    // During the countdown only its own buttons continue the session: a stray
    // touch by the next person must not keep the previous session alive.
    if (touched && !countdown_visible()) idle_.reset(clock_.now_ms());
}

std::int64_t App::next_wake_ms() const {
    std::int64_t next = 0;
    const auto now = clock_.now_ms();
    if (current_screen() != ScreenId::attract) next = idle_.next_deadline_ms(now);
    const auto toast = toasts_.next_expiry_ms();
    if (toast && (!next || toast < next)) next = toast;
    return next;
}

void App::draw_header(Ui& ui, ImVec2 display, Screen& screen) {
    const auto& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, m.header_h()), theme::kPrimary);
    ImGui::SetCursorPos(ImVec2(m.pad(), (m.header_h() - m.button_h()) * 0.5f));
    if (screen.can_go_back() && stack_.size() > 1) {
        if (ui::button(ui, "header.back", ui.t("common.back"))) pop();
        ImGui::SameLine();
    }
    const std::string& title = ui.t(screen.title_key());
    ui.fonts.note(title, FontRole::title);
    ImGui::PushFont(ui.fonts.title());
    ImVec2 ts = ImGui::CalcTextSize(title.c_str());
    dl->AddText(ImVec2((display.x - ts.x) * 0.5f, (m.header_h() - ts.y) * 0.5f), IM_COL32_WHITE, title.c_str());
    ImGui::PopFont();
    // "終了" ends the session from anywhere (after a confirmation).
    const std::string& end = ui.t("common.end_session");
    ui.fonts.note(end);
    float end_w = ImGui::CalcTextSize(end.c_str()).x + m.em * 1.6f;
    ImGui::SetCursorPos(ImVec2(display.x - end_w - m.pad(), (m.header_h() - m.button_h()) * 0.5f));
    if (ui::button(ui, "header.end", end))
        confirm(ui.t("confirm.end_session.title"), ui.t("confirm.end_session.body"), ui.t("common.end_session"),
                [this] { end_session(); });
}

namespace {

// A dimmed full-screen window with a centred panel holding a title, a body
// and a row of buttons (the idle countdown and confirm dialogs). RAII: the
// destructor closes what the constructor opened.
class ModalPanel {
public:
    ModalPanel(Ui& ui, ImVec2 display, const char* window, float width_em, float height_em,
               const std::string& title, const std::string& body) {
        const auto& m = ui.metrics;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(display);
        ImGui::SetNextWindowFocus();
        ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::kDim);
        ImGui::Begin(window, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings);
        const float w = std::min(display.x * 0.7f, m.em * width_em), h = m.em * height_em;
        rect_ = {(display.x - w) * 0.5f, (display.y - h) * 0.5f, w, h};
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(rect_.x, rect_.y), ImVec2(rect_.x + w, rect_.y + h),
                                                  theme::kSurface, m.em * 0.6f);
        ImGui::SetCursorScreenPos(ImVec2(rect_.x + m.pad(), rect_.y + m.pad()));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(rect_.x + w - m.pad());
        ui::title(ui, title);
        ui::text_wrapped(ui, body);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, m.gap()));
    }
    ~ModalPanel() {
        ImGui::EndGroup();
        ImGui::End();
        ImGui::PopStyleColor();
    }
    ModalPanel(const ModalPanel&) = delete;
    ModalPanel& operator=(const ModalPanel&) = delete;
    const WidgetRect& rect() const { return rect_; }

private:
    WidgetRect rect_;
};

}  // namespace

void App::draw_countdown(Ui& ui, ImVec2 display) {
    const int left = idle_.seconds_left(clock_.now_ms());
    char body[256];
    std::snprintf(body, sizeof body, ui.t("idle.body").c_str(), left);
    ModalPanel panel(ui, display, "##idle", 28, 9.5f, ui.t("idle.title"), body);
    if (ui::button(ui, "idle.continue", ui.t("idle.continue"), {ui::ButtonStyle::primary, true, 0, 0}))
        idle_.reset(clock_.now_ms());
    ImGui::SameLine();
    if (ui::button(ui, "idle.end", ui.t("common.end_session"))) end_session();
    ui.registry.record({"idle.countdown", ui.t("idle.title"), WidgetKind::text, panel.rect(), true, true,
                        std::to_string(left), {}});
}

void App::draw_confirm(Ui& ui, ImVec2 display) {
    bool ok = false, cancel = false;
    {
        ModalPanel panel(ui, display, "##confirm", 26, 11, confirm_->title, confirm_->body);
        ok = ui::button(ui, "confirm.ok", confirm_->ok_label, {ui::ButtonStyle::primary, true, 0, 0});
        ImGui::SameLine();
        cancel = ui::button(ui, "confirm.cancel", ui.t("common.cancel"));
    }
    if (ok) {
        auto action = std::move(confirm_->on_confirm);
        confirm_.reset();
        if (action) action();
    } else if (cancel) {
        confirm_.reset();
    }
}

void App::frame(ImVec2 display) {
    registry_.begin_frame();
    run_queue_.run_pending();
    track_activity();
    const auto now = clock_.now_ms();
    if (current_screen() != ScreenId::attract && idle_.state(now) == IdleState::expired) wipe_session();
    if (current_screen() == ScreenId::attract) idle_.reset(now);  // nothing to wipe on the attract screen
    strings_.set_language(session_->language);

    Ui ui = make_ui();
    Screen& screen = *stack_.back();
    ScreenContext ctx{*this, *session_, services_};

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const bool header = !screen.title_key().empty();
    if (header) draw_header(ui, display, screen);
    const float top = header ? ui.metrics.header_h() : 0.0f;
    const float bottom = keyboard_.height(ui.metrics);
    ImGui::SetCursorPos(ImVec2(0, top));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.metrics.pad(), ui.metrics.pad()));
    ui::begin_drag_scroll(ui, "##content", ImVec2(display.x, display.y - top - bottom));
    screen.draw(ui, ctx);
    ui::end_drag_scroll(ui);
    ImGui::PopStyleVar();
    ImGui::End();
    ImGui::PopStyleVar();

    keyboard_.draw(ui, display);
    if (countdown_visible()) draw_countdown(ui, display);
    else if (confirm_) draw_confirm(ui, display);
    toasts_.draw(ui, display.x);
    ui.registry.record({"screen", screen_code(screen.id()), WidgetKind::text, {}, true, true,
                        screen_code(screen.id()), {}});
    apply_navigation();
}

}  // namespace madoguchi
