// The real app + real store (AccountFixture) with the real NdaService and
// MyPageService wired as KioskBackend wires them, plus the finger gestures
// the NDA screen needs (reading by page, drawing on the signature pad).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "data/store/store.hpp"
#include "services/my_page_service.hpp"
#include "services/nda_service.hpp"
#include "tests/nda_mypage/nda_test_support.hpp"
#include "tests/screens/account_fixture.hpp"

namespace madoguchi::testing {

struct NdaUiFixture {
    explicit NdaUiFixture(std::string nda_dir = std::string(MADOGUCHI_ASSETS_DIR) + "/nda")
        : nda(*account.store, std::move(nda_dir), [this] { return account.store.now_ms; }),
          my_page(*account.store, &nda) {
        account.ui.app.services().nda = &nda;
        account.ui.app.services().my_page = &my_page;
    }
    AccountFixture account;
    NdaService nda;
    MyPageService my_page;

    UiDriver& d() { return account.d(); }
    Store& store() { return *account.store; }
    std::string owner() const { return account.ui.app.session().account_client_id; }
};

// Drags the page (from its left margin, away from the text box and the
// pad) until the widget is wholly on screen: the driver's own scrolling
// stops as soon as any part shows, and a tap lands on the widget's centre.
inline void reveal_wholly(UiDriver& d, const std::string& id) {
    const ImVec2 display = d.runner().display_size();
    for (int i = 0; i < 30; ++i) {
        d.frames(1);
        const WidgetRecord* r = d.find(id);
        REQUIRE_MESSAGE(r, "no widget " << id);
        const float top = 110.0f, bottom = display.y - 10.0f;
        float dy = 0;
        if (r->rect.y + r->rect.h > bottom) dy = bottom - (r->rect.y + r->rect.h) - 20.0f;
        else if (r->rect.y < top) dy = top - r->rect.y + 20.0f;
        else return;
        dy = std::clamp(dy, -250.0f, 250.0f);
        InjectedPointer p{12.0f, dy < 0 ? 600.0f : 250.0f, false};
        d.runner().run_frame(&p, 1.0f / 60);
        p.down = true;
        d.runner().run_frame(&p, 1.0f / 60);
        for (int step = 1; step <= 10; ++step) {
            p.y += dy / 10.0f;
            d.runner().run_frame(&p, 1.0f / 60);
        }
        p.down = false;
        d.runner().run_frame(&p, 1.0f / 60);
    }
    FAIL("cannot bring " << id << " wholly on screen");
}

inline Status open_section(UiDriver& d, const std::string& tile) {
    reveal_wholly(d, tile);
    return d.tap(tile);
}

// Sign-up through the screens (account_fixture.hpp), ending on My page.
inline void sign_up(UiDriver& d, const std::string& username) {
    REQUIRE_OK(sign_up_through_screens(d, username, username + "@example.jp"));
    REQUIRE(d.screen() == "home");
}

// Pages through the text with ▼ until its end has been on screen; returns
// how many pages it took.
inline int read_to_end(UiDriver& d) {
    int pages = 0;
    for (;;) {
        d.frames(1);  // a page scrolled by the last tap shows one frame later
        if (d.value("nda.text") == "end") break;
        REQUIRE(pages < 60);
        REQUIRE_OK(d.tap("nda.page_down"));
        ++pages;
    }
    return pages;
}

// A finger drawing through `points` (pad units) in one stroke.
inline void draw_on_pad(UiDriver& d, const std::vector<ui::SignaturePoint>& points) {
    reveal_wholly(d, "nda.signature");
    const WidgetRecord* r = d.find("nda.signature");
    REQUIRE(r);
    const WidgetRect rect = r->rect;
    const ImVec2 display = d.runner().display_size();
    INFO("pad at y " << rect.y << ".." << rect.y + rect.h);
    REQUIRE(r->visible);
    REQUIRE(rect.y >= 0);
    REQUIRE(rect.y + rect.h <= display.y);
    const auto at = [&](ui::SignaturePoint p, bool down) {
        return InjectedPointer{rect.x + p.x * rect.w, rect.y + p.y * rect.h, down};
    };
    InjectedPointer p = at(points.front(), false);
    d.runner().run_frame(&p, 1.0f / 60);
    p.down = true;
    d.runner().run_frame(&p, 1.0f / 60);
    for (std::size_t i = 1; i < points.size(); ++i) {
        p = at(points[i], true);
        d.runner().run_frame(&p, 1.0f / 60);
    }
    p.down = false;
    d.runner().run_frame(&p, 1.0f / 60);
    d.frames(1);
}

inline std::vector<ui::SignaturePoint> zigzag() {
    std::vector<ui::SignaturePoint> v;
    for (int i = 0; i <= 16; ++i) v.push_back({0.1f + 0.05f * static_cast<float>(i), i % 2 ? 0.25f : 0.7f});
    return v;
}

inline std::vector<OutboxRow> nda_rows(Store& s) {
    std::vector<OutboxRow> out;
    for (auto st : {OutboxState::pending, OutboxState::sending, OutboxState::done, OutboxState::dead_letter}) {
        auto rows = s.outbox().list(st);
        REQUIRE(rows.ok());
        for (auto& r : *rows)
            if (r.operation == "nda_agreement.create") out.push_back(r);
    }
    return out;
}

}  // namespace madoguchi::testing
