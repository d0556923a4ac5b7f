// Guide 【1】【2】 on the touch screen: コンタクト, メッセージ (thread list) and
// one thread, on the real app, store, SocialService, sync engine and
// madoguchi-server (tests/social/screens/social_screens_fixture.hpp): a
// message from contacts reaches the other person once, the reply comes back
// in order, wrong input is refused with the text kept, offline is said and
// queued messages stay visible, and nothing of one person reaches the next.
#include <doctest/doctest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "data/store/store.hpp"
#include "screens/messages_screen.hpp"
#include "tests/social/screens/social_screens_fixture.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

// Two people known to the platform, with nicknames, following each other
// (友達) when `friends`.
struct Pair {
    std::string alice, bob;
};
Pair alice_and_bob(SocialScreensKiosk& k, bool friends) {
    Pair p{k.sign_up("msg_alice"), k.sign_up("msg_bob")};
    k.give_profile(p.alice, "msg_alice", "アリス", {});
    k.give_profile(p.bob, "msg_bob", "ボブ", {});
    k.wait_on_server({p.alice, p.bob});
    if (friends) {
        REQUIRE(k.social().set_following(p.alice, p.bob, true).ok());
        REQUIRE(k.social().set_following(p.bob, p.alice, true).ok());
        k.wait_delivered();
    }
    return p;
}

// From My page to one of its tiles, then until that screen's reads answered.
void open_tile(SocialScreensKiosk& k, const std::string& tile, const std::string& screen) {
    REQUIRE(k.d().screen() == "home");
    REQUIRE_OK(tap_in_view(k.d(), tile));
    REQUIRE(k.d().screen() == screen);
    k.settle_reads();
}

// コンタクト -> 友達 -> the first person's 「メッセージを送る」.
void open_thread_from_contacts(SocialScreensKiosk& k) {
    open_tile(k, "home.contacts", "contacts");
    REQUIRE_OK(k.d().tap("contacts.person.0.message"));
    REQUIRE(k.d().screen() == "message_thread");
    k.settle_reads();
}

// Puts `text` into the compose box (a paste: what a hardware keyboard or a
// long text arrives as) and closes the keyboard.
void compose(UiDriver& d, const std::string& text) {
    if (!d.value("thread.compose").empty()) {  // 文章を消す, asked first
        REQUIRE_OK(d.tap("thread.clear"));
        REQUIRE_OK(d.tap("confirm.ok"));
        d.frames(2);
        REQUIRE(d.value("thread.compose").empty());
    }
    REQUIRE_OK(d.tap("thread.compose"));
    REQUIRE_OK(d.paste(text));
    REQUIRE_OK(d.tap("kbd.done"));
    d.frames(2);
}

// 送信, then 「送信する」 on the confirmation, which shows the text.
void send_confirmed(UiDriver& d) {
    REQUIRE_OK(d.tap("thread.send"));
    REQUIRE(d.find("confirm.ok") != nullptr);
    REQUIRE_OK(d.tap("confirm.ok"));
    d.frames(2);
}

// The history's bubbles as drawn now: (mine|theirs, text), oldest first.
std::vector<std::pair<std::string, std::string>> bubbles(UiDriver& d) {
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0;; ++i) {
        const WidgetRecord* r = d.find("thread.message." + std::to_string(i));
        if (!r) return out;
        out.emplace_back(r->label, r->value);
    }
}

// Counted once by id: the sync engine may move a row from pending to
// sending or done between the reads of two states.
std::int64_t outbox_rows(Store& s, const std::string& operation) {
    std::set<std::int64_t> ids;
    for (OutboxState state : {OutboxState::pending, OutboxState::sending, OutboxState::done, OutboxState::dead_letter}) {
        auto rows = s.outbox().list(state);
        REQUIRE(rows.ok());
        for (const auto& r : *rows)
            if (r.operation == operation) ids.insert(r.id);
    }
    return static_cast<std::int64_t>(ids.size());
}

// Nothing anywhere on the display shows `text`.
bool shown_anywhere(UiDriver& d, const std::string& text) {
    for (const WidgetRecord& r : d.app().registry().all())
        if (r.value.find(text) != std::string::npos || r.label.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("messages: friends in コンタクト, a message from there reaches the other once, the reply comes back in order") {
    SocialScreensKiosk k;
    auto& d = k.d();
    const Pair p = alice_and_bob(k, true);

    k.sign_in("msg_alice");
    open_tile(k, "home.contacts", "contacts");
    // 友達 first: Bob, by nickname and username.
    REQUIRE(d.find("contacts.person.0") != nullptr);
    CHECK(d.find("contacts.person.0")->value == "ボブ @msg_bob");
    CHECK(d.find("contacts.person.1") == nullptr);
    const Metrics m{static_cast<float>(d.app().config().font_size_px)};
    for (const char* id : {"contacts.person.0.message", "contacts.tab.0", "contacts.tab.3"}) {
        INFO(id);
        REQUIRE(d.find(id) != nullptr);
        CHECK(d.find(id)->rect.h >= m.touch_min() - 0.5f);
    }
    // クライアント: nobody yet, said in words.
    REQUIRE_OK(d.tap("contacts.tab.0"));
    k.settle_reads();
    CHECK(d.find("contacts.person.0") == nullptr);
    CHECK(d.find("contacts.status")->value.find("お仕事の機能はまだない") != std::string::npos);
    // フォロー and フォロワー: Bob both ways.
    for (const char* tab : {"contacts.tab.2", "contacts.tab.3"}) {
        INFO(tab);
        REQUIRE_OK(d.tap(tab));
        k.settle_reads();
        REQUIRE(d.find("contacts.person.0") != nullptr);
        CHECK(d.find("contacts.person.0")->value == "ボブ @msg_bob");
    }
    REQUIRE_OK(d.tap("contacts.tab.1"));
    k.settle_reads();
    // 「チームに招待する」 opens Bob's page with the invitation sheet already open.
    REQUIRE_OK(d.tap("contacts.person.0.invite"));
    REQUIRE(d.screen() == "worker_detail");
    k.settle_reads();
    CHECK(d.find("invite.cancel") != nullptr);
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE(d.screen() == "contacts");
    k.settle_reads();
    REQUIRE_OK(d.tap("contacts.person.0.message"));
    REQUIRE(d.screen() == "message_thread");
    k.settle_reads();
    CHECK(d.find("thread.status")->value.find("まだメッセージはありません") != std::string::npos);

    // Line breaks are kept; the message shows at once as 送信待ち.
    const std::string hello = "はじめまして、アリスです。\n溶接の件でご相談があります。";
    compose(d, hello);
    CHECK(d.find("thread.count")->value == "28 / 2000");
    send_confirmed(d);
    CHECK(d.value("thread.compose").empty());
    REQUIRE(d.find("thread.pending.0") != nullptr);
    CHECK(d.find("thread.pending.0")->value == hello);
    CHECK(d.find("thread.pending.0")->error == "送信待ち");
    CHECK(outbox_rows(k.store(), "message.send") == 1);

    // Delivered once; the thread then shows it from the platform's history.
    k.wait_delivered();
    k.wait_for("the delivered message in the history", [&] { return d.find("thread.message.0") != nullptr; });
    CHECK(bubbles(d) == std::vector<std::pair<std::string, std::string>>{{"mine", hello}});
    CHECK(d.find("thread.pending.0") == nullptr);
    CHECK(k.server_count("SELECT COUNT(*) FROM messages") == 1);  // stored once

    // Bob's thread list: Alice, the first line as the excerpt, today's time.
    k.sign_in("msg_bob");
    open_tile(k, "home.messages", "messages");
    REQUIRE(d.find("messages.thread.0") != nullptr);
    CHECK(d.find("messages.thread.0")->label == "アリス");
    CHECK(d.find("messages.thread.0")->value == "はじめまして、アリスです。…");
    CHECK(d.find("messages.thread.0")->error.rfind("今日 ", 0) == 0);
    CHECK(d.find("messages.thread.1") == nullptr);
    REQUIRE_OK(d.tap("messages.thread.0"));
    REQUIRE(d.screen() == "message_thread");
    k.settle_reads();
    k.wait_for("Alice's message", [&] { return d.find("thread.message.0") != nullptr; });
    CHECK(bubbles(d) == std::vector<std::pair<std::string, std::string>>{{"theirs", hello}});
    const std::string reply = "ボブです。ありがとうございます。\n詳しく教えてください。";
    compose(d, reply);
    send_confirmed(d);
    CHECK(d.find("thread.pending.0") != nullptr);
    k.wait_delivered();
    k.wait_for("the reply in the history", [&] { return d.find("thread.message.1") != nullptr; });

    // Alice sees both, in order, hers on her side.
    k.sign_in("msg_alice");
    open_tile(k, "home.messages", "messages");
    REQUIRE(d.find("messages.thread.0") != nullptr);
    CHECK(d.find("messages.thread.0")->value == "ボブです。ありがとうございます。…");
    REQUIRE_OK(d.tap("messages.thread.0"));
    k.settle_reads();
    k.wait_for("both messages", [&] { return d.find("thread.message.1") != nullptr; });
    CHECK(bubbles(d) == std::vector<std::pair<std::string, std::string>>{{"mine", hello}, {"theirs", reply}});
    // Own messages on the right.
    CHECK(d.find("thread.message.0")->rect.x > d.find("thread.message.1")->rect.x);
    CHECK(k.server_count("SELECT COUNT(*) FROM messages") == 2);
    CHECK(k.store().outbox().counts()->dead_letter == 0);
    (void)p;
}

TEST_CASE("messages: empty, blank and 10 kB messages are refused inline and the text is kept") {
    SocialScreensKiosk k;
    auto& d = k.d();
    const Pair p = alice_and_bob(k, true);
    k.sign_in("msg_alice");
    open_thread_from_contacts(k);

    REQUIRE_OK(d.tap("thread.send"));  // nothing typed
    CHECK(d.find("confirm.ok") == nullptr);
    CHECK(d.error("thread.compose").find("入力してください") != std::string::npos);

    compose(d, "  \n  ");
    REQUIRE_OK(d.tap("thread.send"));
    CHECK(d.find("confirm.ok") == nullptr);
    CHECK(!d.error("thread.compose").empty());

    std::string ten_kb;
    while (ten_kb.size() < 10 * 1024) ten_kb += "溶接の件です。";
    compose(d, ten_kb);
    CHECK(d.value("thread.compose") == ten_kb);  // the paste is kept whole, to shorten
    REQUIRE_OK(d.tap("thread.send"));
    CHECK(d.find("confirm.ok") == nullptr);
    CHECK(d.error("thread.compose").find("2000文字以内") != std::string::npos);
    CHECK(d.value("thread.compose") == ten_kb);

    // Shortened to the limit exactly: accepted after the confirmation.
    std::string at_limit;
    for (int i = 0; i < 2000; ++i) at_limit += "あ";
    compose(d, at_limit);
    CHECK(d.error("thread.compose").empty());
    CHECK(d.find("thread.count")->value == "2000 / 2000");
    // 「キャンセル」 on the confirmation sends nothing and keeps the text.
    REQUIRE_OK(d.tap("thread.send"));
    REQUIRE_OK(d.tap("confirm.cancel"));
    d.frames(2);
    CHECK(d.value("thread.compose") == at_limit);
    CHECK(outbox_rows(k.store(), "message.send") == 0);
    send_confirmed(d);
    CHECK(d.value("thread.compose").empty());
    CHECK(outbox_rows(k.store(), "message.send") == 1);
    auto unsent = k.social().unsent_messages(p.alice);
    REQUIRE(unsent.ok());
    if (!unsent->empty()) CHECK(unsent->front().text == at_limit);
}

TEST_CASE("messages: offline the lists say so, a message sent offline waits as 送信待ち and arrives when the server is back") {
    SocialScreensKiosk k;
    auto& d = k.d();
    const Pair p = alice_and_bob(k, true);
    k.sign_in("msg_alice");
    open_thread_from_contacts(k);

    k.go_offline();
    const std::string text = "電波が悪いところから送ります。";
    compose(d, text);
    send_confirmed(d);
    REQUIRE(d.find("thread.pending.0") != nullptr);
    CHECK(d.find("thread.pending.0")->error == "送信待ち");
    REQUIRE(d.find("thread.notice") != nullptr);
    CHECK(d.find("thread.notice")->value.find("送信待ち") != std::string::npos);

    // Back to My page, then メッセージ: the offline message with 再読み込み,
    // nothing stale, and the queued message still listed as 送信待ち.
    REQUIRE_OK(d.tap("header.back"));
    k.settle_reads();
    CHECK(d.find("contacts.status")->error.find("通信できないため表示できません") != std::string::npos);
    CHECK(d.find("contacts.person.0") == nullptr);
    CHECK(d.find("contacts.reload") != nullptr);
    REQUIRE_OK(d.tap("header.back"));
    open_tile(k, "home.messages", "messages");
    CHECK(d.find("messages.status")->error.find("通信できないため表示できません") != std::string::npos);
    CHECK(d.find("messages.reload") != nullptr);
    CHECK(d.find("messages.thread.0") == nullptr);
    REQUIRE(d.find("messages.unsent.0") != nullptr);
    CHECK(d.find("messages.unsent.0")->value == text);
    CHECK(d.find("messages.unsent.0")->error == "送信待ち");
    // The queued message opens its thread: offline too, the message still shown.
    REQUIRE_OK(d.tap("messages.unsent.0"));
    REQUIRE(d.screen() == "message_thread");
    k.settle_reads();
    CHECK(d.find("thread.status")->error.find("通信できないため表示できません") != std::string::npos);
    CHECK(d.find("thread.reload") != nullptr);
    REQUIRE(d.find("thread.pending.0") != nullptr);
    CHECK(d.find("thread.pending.0")->value == text);

    k.go_online();
    k.wait_delivered(/*none dead-lettered*/);
    // The screen reads the history again by itself once its message is
    // delivered; if that read already answered, there is no 再読み込み left.
    if (d.find("thread.reload") != nullptr) REQUIRE_OK(d.tap("thread.reload"));
    k.settle_reads();
    k.wait_for("the delivered message", [&] { return d.find("thread.message.0") != nullptr; });
    CHECK(bubbles(d) == std::vector<std::pair<std::string, std::string>>{{"mine", text}});
    CHECK(d.find("thread.pending.0") == nullptr);
    REQUIRE_OK(d.tap("header.back"));
    k.settle_reads();
    REQUIRE(d.screen() == "messages");
    REQUIRE(d.find("messages.thread.0") != nullptr);
    CHECK(d.find("messages.thread.0")->value == text);
    CHECK(d.find("messages.unsent.0") == nullptr);
    CHECK(k.server_count("SELECT COUNT(*) FROM messages WHERE sender_id='" + p.alice + "'") == 1);
}

TEST_CASE("messages: 以前のメッセージ loads older pages, oldest at the top") {
    SocialScreensKiosk k;
    auto& d = k.d();
    const Pair p = alice_and_bob(k, true);
    // 23 messages (the platform sends 20 per page), delivered in order.
    for (int i = 1; i <= 23; ++i)
        REQUIRE(k.social().send_message(i % 2 ? p.alice : p.bob, i % 2 ? p.bob : p.alice, std::to_string(i) + "通目").ok());
    k.wait_delivered();
    k.sign_in("msg_alice");
    open_tile(k, "home.messages", "messages");
    REQUIRE(d.find("messages.thread.0") != nullptr);
    CHECK(d.find("messages.thread.0")->value == "23通目");
    REQUIRE_OK(d.tap("messages.thread.0"));
    k.settle_reads();
    k.wait_for("the first page", [&] { return d.find("thread.message.19") != nullptr; });
    CHECK(d.find("thread.message.20") == nullptr);
    CHECK(d.find("thread.message.0")->value == "4通目");
    CHECK(d.find("thread.message.19")->value == "23通目");
    REQUIRE_OK(tap_in_view(d, "thread.older"));
    k.settle_reads();
    k.wait_for("the older page", [&] { return d.find("thread.message.22") != nullptr; });
    const auto all = bubbles(d);
    REQUIRE(all.size() == 23);
    for (int i = 0; i < 23; ++i) {
        CAPTURE(i);
        CHECK(all[i].second == std::to_string(i + 1) + "通目");
        CHECK(all[i].first == (i % 2 == 0 ? "mine" : "theirs"));
    }
    CHECK(d.find("thread.older") == nullptr);
}

TEST_CASE("messages: after sign-out the next person never sees the last one's threads, even from a late read") {
    SocialScreensKiosk k;
    auto& d = k.d();
    const Pair p = alice_and_bob(k, false);
    const std::string carol = k.sign_up("msg_carol");
    k.wait_on_server({carol});
    REQUIRE(k.social().send_message(p.alice, p.bob, "秘密の相談です。").ok());
    k.wait_delivered();

    k.sign_in("msg_alice");
    open_tile(k, "home.messages", "messages");
    REQUIRE(d.find("messages.thread.0") != nullptr);
    CHECK(d.find("messages.thread.0")->value == "秘密の相談です。");
    // A read of Alice's threads is under way when her session ends: its
    // answer is posted to the UI after the wipe and must go nowhere.
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE_OK(d.tap("home.messages"));  // a new read, and the wipe before its answer
    k.ui.app.wipe_session();
    k.settle_reads();
    d.frames(3);
    CHECK(d.screen() == "attract");
    CHECK(!shown_anywhere(d, "秘密"));

    k.sign_in("msg_carol");
    open_tile(k, "home.messages", "messages");
    CHECK(d.find("messages.thread.0") == nullptr);
    CHECK(d.find("messages.unsent.0") == nullptr);
    CHECK(d.find("messages.status")->value.find("メッセージはまだありません") != std::string::npos);
    CHECK(!shown_anywhere(d, "秘密"));
    REQUIRE_OK(d.tap("header.back"));
    open_tile(k, "home.contacts", "contacts");
    CHECK(d.find("contacts.person.0") == nullptr);
    CHECK(!shown_anywhere(d, "アリス"));
}

TEST_CASE("messages: times are labelled in Japan time, excerpts cut to the row's width on whole characters") {
    using namespace std::chrono;
    auto utc_ms = [](int y, int mo, int d, int h, int mi) {
        const sys_days day = year{y} / mo / d;
        return duration_cast<milliseconds>((day + hours{h} + minutes{mi}).time_since_epoch()).count();
    };
    // 2026-11-27 17:00 in Japan.
    const system_clock::time_point now{milliseconds(utc_ms(2026, 11, 27, 8, 0))};
    struct Row {
        std::int64_t sent;
        const char* ja;
        const char* en;
    };
    const Row rows[] = {
        {utc_ms(2026, 11, 27, 0, 30), "今日 09:30", "Today 09:30"},
        {utc_ms(2026, 11, 26, 15, 0), "今日 00:00", "Today 00:00"},        // midnight in Japan, still the 26th in UTC
        {utc_ms(2026, 11, 26, 14, 59), "11月26日", "Nov 26"},
        {utc_ms(2025, 12, 31, 16, 0), "1月1日", "Jan 1"},                 // already 2026 in Japan
        {utc_ms(2025, 12, 31, 14, 0), "2025年12月31日", "Dec 31, 2025"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.ja);
        CHECK(message_time_label(r.sent, now, true) == r.ja);
        CHECK(message_time_label(r.sent, now, false) == r.en);
    }

    UiFixture ui;  // the real fonts, for widths
    ui.driver->frames(1);
    ImGui::NewFrame();
    ImGui::PushFont(ui.app.fonts().body());
    CHECK(one_line_excerpt("はじめまして", 2000) == "はじめまして");
    CHECK(one_line_excerpt("一行目\n二行目", 2000) == "一行目…");
    std::string long_text;
    for (int i = 0; i < 200; ++i) long_text += "溶接abc";
    const std::string cut = one_line_excerpt(long_text, 300);
    CHECK(cut.size() < long_text.size());
    CHECK(cut.substr(cut.size() - 3) == "…");
    CHECK(ImGui::CalcTextSize(cut.c_str()).x <= 300.0f);
    CHECK(long_text.rfind(cut.substr(0, cut.size() - 3), 0) == 0);  // a prefix: no character split
    CHECK(one_line_excerpt("", 300).empty());
    ImGui::PopFont();
    ImGui::EndFrame();
}
