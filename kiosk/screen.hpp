// A screen: state + draw + actions, with a small lifecycle. Screens request
// navigation through the Navigator; the shell applies it after the frame.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "kiosk/services.hpp"
#include "kiosk/session.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace madoguchi {

enum class ScreenId {
    attract,             // root: touch to start, choose 日本語 / English
    home,                // my page: the sections that exist
    sign_up,
    sign_in,
    staff_pin,
    staff_home,
    technician_pin,
    technician_settings,
    profile,             // guide 【5】: the 18 steps
    account_settings,    // guide 【6】: e-mail change
    password_change,     // guide 【6】: password change
    profile_preview,     // what clients and workers see of the profile
    skills,              // guide 【7】
    qualifications,      // guide 【8】
    careers,             // guide 【9】
    hobbies,             // guide 【10】
    company,             // guide 【11】: search, choose or register
    bank_account,        // guide 【12】
    identity_status,     // guide 【13】: the registrant's document status
    nda,                 // guide 【14】
    staff_registrant,    // staff: one registrant, document type choice
    staff_capture,       // staff: scan / photograph, quality check, masking
    worker_search,       // guide 【1】【2】【4】 ワーカーを探す: search, cards
    worker_detail,       // one worker: 相談をする, フォローする, チームに招待する
    contacts,            // guide 【1】【2】 コンタクト: friends, clients, follows, followers
    messages,            // guide 【1】 マイページ「メッセージ」: the thread list
    message_thread,      // one thread: history and 送信
    teams,               // guide 【3】 my teams: 新しくチームを作る, edit, leave
    team_edit,           // guide 【3】 Steps 2–6: logo, URL, name, introduction
    invitations,         // guide 【4】 承認待ち一覧: 承認 / 却下
};

const char* screen_code(ScreenId id);

class Navigator {
public:
    virtual ~Navigator() = default;
    virtual void push(ScreenId id) = 0;
    virtual void replace(ScreenId id) = 0;
    virtual void pop() = 0;
    // Ends the session: wipes every per-session state, back to attract.
    virtual void end_session() = 0;
    // Asks the person to confirm; `on_confirm` runs on the UI thread after "OK".
    virtual void confirm(std::string title, std::string body, std::string ok_label,
                         std::function<void()> on_confirm) = 0;
    // Technician "safe exit": leaves the kiosk loop (the service manager restarts it).
    virtual void quit_app() = 0;
};

struct ScreenContext {
    Navigator& nav;
    Session& session;
    Services& services;
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual ScreenId id() const = 0;
    // Catalog key of the header title; empty = no header (attract).
    virtual std::string title_key() const { return {}; }
    virtual bool can_go_back() const { return true; }
    virtual void on_enter(ScreenContext&) {}
    virtual void on_exit(ScreenContext&) {}
    virtual void draw(Ui& ui, ScreenContext& ctx) = 0;
};

using ScreenFactory = std::function<std::unique_ptr<Screen>(ScreenId)>;

}  // namespace madoguchi
