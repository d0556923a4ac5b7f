// Issue 5 end to end: a fresh kiosk (KioskBackend as app/main.cpp opens it,
// enrolling itself) against the real server on 127.0.0.1, driven through the
// touch screen: sign-up arrives with its verification mail in the server's
// maildir, the profile typed on the screens is what GET .../profile returns,
// and an e-mail change takes effect only once its link is followed.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "data/imaging/image_codec.hpp"
#include "data/store/store.hpp"
#include "services/account_service.hpp"
#include "services/device_enrolment.hpp"
#include "services/profile_service.hpp"
#include "services/section_service.hpp"
#include "tests/profile_e2e/backend_harness.hpp"
#include "tests/screens/profile_fixture.hpp"
#include "tests/server/server_process.hpp"

using namespace madoguchi;
using namespace madoguchi::testing;

namespace {

// The kiosk as main() wires it, plus the server it talks to.
struct E2eKiosk {
    // `camera_dir`: pictures the kiosk's camera (FileCamera) replays; empty = no camera.
    explicit E2eKiosk(const std::string& camera_dir = "") : server(dir / "server") {
        server.start(0);
        KioskBackendConfig config = backend_config(dir / "kiosk", server.base_url());
        if (!camera_dir.empty()) config.camera_source = "file:" + camera_dir;
        auto b = KioskBackend::open(config,
                                    [this](std::function<void()> task) { ui.app.run_queue().post(std::move(task)); });
        REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message_en));
        backend = std::move(*b);
        ui.app.services().accounts = &backend->accounts();
        ui.app.services().profiles = &backend->profiles();
        ui.app.services().on_session_end = [this](const std::string& id) { (void)backend->accounts().sign_out(id); };
        ui.app.keyboard().set_converter(converter.get());
    }
    ~E2eKiosk() {
        ui.app.keyboard().set_converter(nullptr);
        backend.reset();  // joins its workers while the app still takes their posts
    }

    UiDriver& d() { return *ui.driver; }

    // Frames (running the UI queue) until `done`, or fails after `timeout`.
    template <typename Pred>
    void wait_for(const char* what, Pred done, std::chrono::seconds timeout = std::chrono::seconds(60)) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, "timed out waiting for " << what);
            d().frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    bool outbox_drained() {
        auto c = backend->store().outbox().counts();
        REQUIRE(c.ok());
        return c->pending == 0 && c->sending == 0;
    }
    std::string device_token() {
        auto stored = stored_device_credentials(backend->store(), server.base_url());
        REQUIRE(stored.ok());
        REQUIRE(stored->has_value());
        return (*stored)->device_token;
    }
    // GET /v1/accounts/{id}: the server's view of the account.
    Account server_account(const std::string& account_id) {
        PlatformReader reader(server.base_url(), device_token());
        auto r = reader.api.call("GET", "/v1/accounts/" + account_id, "", account_id, "");
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.failure().error.message_en));
        auto a = parse_account_reply(r->body);
        REQUIRE(a.ok());
        return *a;
    }

    test::TempDir dir;
    test::ServerProcess server;
    UiFixture ui;
    std::unique_ptr<ime::KanaKanjiConverter> converter = open_converter();
    std::unique_ptr<KioskBackend> backend;
};

// The verification mails in the server's maildir/new addressed to `to`.
std::vector<std::string> mails_to(const std::string& server_dir, const std::string& to) {
    std::vector<std::string> out;
    const auto files = server_test::mail_files(server_dir);
    const auto bodies = server_test::mail_bodies(server_dir);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string raw = read_file_bytes(files[i]);
        if (raw.find("To: <" + to + ">") != std::string::npos)
            out.push_back(bodies[i]);
    }
    return out;
}

// A picture with detail (a flat colour compresses to almost nothing).
Image gradient_picture(int w, int h) {
    Image img = make_image(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* px = img.at(x, y);
            px[0] = static_cast<std::uint8_t>(x * 255 / w);
            px[1] = static_cast<std::uint8_t>(y * 255 / h);
            px[2] = static_cast<std::uint8_t>((x ^ y) & 0xFF);
        }
    return img;
}

void write_png_file(const std::string& path, const Image& image) {
    auto png = encode_png(image);
    REQUIRE(png.ok());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(png->data()), static_cast<std::streamsize>(png->size()));
}

}  // namespace

TEST_CASE("e2e: sign-up, profile and e-mail change through the screens arrive on the real server") {
    // The camera replays one picture: step 1's photo is taken on the screen.
    test::TempDir pictures;
    write_png_file(pictures / "photo.png", gradient_picture(1600, 1200));
    E2eKiosk k(pictures.path().string());
    auto& d = k.d();
    REQUIRE(k.backend->enrolment() != nullptr);
    k.wait_for("enrolment", [&] { return k.backend->enrolment()->state() == EnrolmentState::enrolled; });
    d.frames(2);  // the token reaches the services through the UI queue

    // Sign-up through the screens: queued locally, delivered by the sync engine.
    REQUIRE_OK(sign_up_through_screens(d, "e2etaro2026", "taro.e2e@example.jp"));
    const std::string account_id = k.ui.app.session().account_client_id;
    REQUIRE_FALSE(account_id.empty());
    k.wait_for("account.create delivered", [&] { return k.outbox_drained(); });
    CHECK(server_count(k.server, "SELECT COUNT(*) FROM accounts WHERE username='e2etaro2026'") == 1);
    const Account on_server = k.server_account(account_id);
    CHECK(on_server.username == "e2etaro2026");
    CHECK(on_server.email == "taro.e2e@example.jp");
    // The verification mail landed in the server's maildir, with its link.
    const auto welcome = mails_to(k.server.data_dir(), "taro.e2e@example.jp");
    REQUIRE(welcome.size() == 1);
    CHECK_FALSE(server_test::verification_token(welcome[0]).empty());

    // The profile, typed on the screens.
    REQUIRE_OK(d.tap("home.profile"));
    REQUIRE(d.screen() == "profile");
    REQUIRE_OK(tap_in_view(d, "profile.photo.take"));
    k.wait_for("photo preview", [&] { return d.value("profile.photo") == "preview"; });
    REQUIRE_OK(tap_in_view(d, "profile.photo.use"));
    REQUIRE(d.value("profile.photo") == "kept");
    REQUIRE_OK(fill(d, "profile.nickname", "たろう"));
    REQUIRE_OK(type_and_convert(d, "profile.family_name", "yamada", "山田"));
    REQUIRE_OK(type_and_convert(d, "profile.given_name", "tarou", "太郎"));
    REQUIRE_OK(fill(d, "profile.family_kana", "ヤマダ"));
    REQUIRE_OK(fill(d, "profile.given_kana", "タロウ"));
    REQUIRE_OK(tap_in_view(d, "profile.birth_date.set"));
    REQUIRE_OK(fill(d, "profile.postal", "100-0001"));
    REQUIRE_OK(tap_in_view(d, "profile.postal_lookup"));
    CHECK(d.value("profile.prefecture") == "東京都");
    REQUIRE_OK(fill(d, "profile.address_line", "1-1"));
    REQUIRE_OK(fill(d, "profile.phone", "09012345678"));
    REQUIRE_OK(tap_in_view(d, "profile.status.1"));
    REQUIRE_OK(tap_in_view(d, "profile.weekly_hours.3"));
    REQUIRE_OK(fill(d, "profile.hourly_rate", "1500"));
    REQUIRE_OK(tap_in_view(d, "profile.show_age"));
    REQUIRE_OK(tap_in_view(d, "profile.preferred_prefecture.0"));  // 北海道, JIS 01
    REQUIRE_OK(tap_in_view(d, "profile.save"));
    REQUIRE(d.error("profile.phone").empty());
    auto local = k.backend->profiles().load(account_id, "e2etaro2026");
    REQUIRE(local.ok());
    const std::string photo_id = local->photo_file_id;
    REQUIRE_FALSE(photo_id.empty());
    // The JPEG the kiosk encrypted (decrypted here to compare with the server's copy).
    auto kept_jpeg = k.backend->store().files().read(photo_id, account_id);
    REQUIRE(kept_jpeg.ok());
    REQUIRE(kept_jpeg->size() > 1000);
    CHECK((*kept_jpeg)[0] == 0xFF);
    CHECK((*kept_jpeg)[1] == 0xD8);
    k.wait_for("profile.put delivered", [&] { return k.outbox_drained(); });

    PlatformReader reader(k.server.base_url(), k.device_token());
    auto remote = reader.api.get_profile(account_id);
    REQUIRE_MESSAGE(remote.ok(), (remote.ok() ? "" : remote.failure().error.message_en));
    const Profile& p = *remote;
    CHECK(p.username == "e2etaro2026");
    CHECK(p.nickname == "たろう");
    CHECK(p.family_name == "山田");
    CHECK(p.given_name == "太郎");
    CHECK(p.family_name_kana == "ヤマダ");
    CHECK(p.given_name_kana == "タロウ");
    CHECK(p.postal_code == "1000001");
    CHECK(p.prefecture == "東京都");
    CHECK(p.city == "千代田区");
    CHECK(p.town == "千代田");
    CHECK(p.address_line == "1-1");
    CHECK(p.phone == "09012345678");
    CHECK(p.status == WorkStatus::depends_on_work);
    CHECK(p.weekly_hours == WeeklyHours::h10_to_20);
    REQUIRE(p.hourly_rate_yen.has_value());
    CHECK(*p.hourly_rate_yen == 1500);
    CHECK(p.show_age_bracket);
    CHECK(p.preferred_prefecture == "01");
    CHECK(p.birth_date == local->birth_date);
    // Every field equal to the kiosk's stored copy, not only those above.
    nlohmann::json remote_json = p, local_json = *local;
    remote_json.erase("meta");  // the server's own bookkeeping (times, version)
    local_json.erase("meta");
    // The photo travels as an upload: the server names it by its upload id.
    REQUIRE_FALSE(p.photo_file_id.empty());
    CHECK(p.photo_file_id != photo_id);
    remote_json.erase("photo_file_id");
    local_json.erase("photo_file_id");
    CHECK(remote_json.dump() == local_json.dump());
    // The server holds the very bytes the kiosk encrypted, complete.
    CHECK(server_count(k.server, "SELECT COUNT(*) FROM uploads WHERE upload_id='" + p.photo_file_id +
                                     "' AND state='complete'") == 1);
    const std::string photo_on_server =
        read_file_bytes(k.server.data_dir() + "/uploads/" + p.photo_file_id + ".bin");
    CHECK(photo_on_server.size() == kept_jpeg->size());
    CHECK(photo_on_server == std::string(kept_jpeg->begin(), kept_jpeg->end()));
    // Storage rule 2 (docs/storage.md): the profile still references the
    // photo, so while the person is in session the kiosk keeps it after the
    // ack (encrypted); rule 4: it goes with the person's data at sign-out.
    CHECK(k.backend->store().files().file_exists(photo_id));

    // 【6】 e-mail change through account settings: effective only after the link.
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE_OK(d.tap("home.account"));
    REQUIRE(d.screen() == "account_settings");
    REQUIRE_OK(fill(d, "account.new_email", "taro.new@example.jp"));
    REQUIRE_OK(fill(d, "account.new_email_confirm", "taro.new@example.jp"));
    REQUIRE_OK(tap_in_view(d, "account.send_verification"));
    CHECK(d.find("account.verification") != nullptr);
    k.wait_for("email_change.request delivered", [&] { return k.outbox_drained(); });
    CHECK(k.server_account(account_id).email == "taro.e2e@example.jp");  // not yet
    const auto change = mails_to(k.server.data_dir(), "taro.new@example.jp");
    REQUIRE(change.size() == 1);
    const std::string token = server_test::verification_token(change[0]);
    REQUIRE_FALSE(token.empty());
    CHECK(k.server_account(account_id).email == "taro.e2e@example.jp");  // reading the mail changes nothing
    auto followed = reader.api.confirm_email(token);
    REQUIRE_MESSAGE(followed.ok(), (followed.ok() ? "" : followed.failure().error.message_en));
    CHECK(k.server_account(account_id).email == "taro.new@example.jp");
    // Sign-in with the new address works; the old one no longer does.
    SignInOutcome with_new, with_old;
    bool done_new = false, done_old = false;
    REQUIRE(k.backend->accounts().sign_in({"taro.new@example.jp", "kiosk2024pass"}, [&](SignInOutcome o) {
        with_new = std::move(o);
        done_new = true;
    }));
    k.wait_for("sign-in (new e-mail)", [&] { return done_new; });
    CHECK(with_new.ok);
    REQUIRE(k.backend->accounts().sign_in({"taro.e2e@example.jp", "kiosk2024pass"}, [&](SignInOutcome o) {
        with_old = std::move(o);
        done_old = true;
    }));
    k.wait_for("sign-in (old e-mail)", [&] { return done_old; });
    CHECK_FALSE(with_old.ok);
    CHECK(with_old.error.code == "sign_in.invalid");

    // Signed out with everything acknowledged: the photo leaves the kiosk
    // with the rest of the person's data; the server keeps its copy.
    REQUIRE_OK(d.tap("header.back"));
    REQUIRE(d.screen() == "home");
    REQUIRE_OK(d.tap("home.sign_out"));
    d.frames(2);
    REQUIRE(d.screen() == "attract");
    k.wait_for("the person's data purged", [&] { return !k.backend->store().files().file_exists(photo_id); });
    CHECK(read_file_bytes(k.server.data_dir() + "/uploads/" + p.photo_file_id + ".bin").size() == kept_jpeg->size());

    // Back again, signed in on the screens (the kiosk no longer holds the
    // account): what the person saves stays on the kiosk while they are
    // here, even once delivered, and goes at sign-out. (Before sign-in
    // started a store session, a delivered record vanished mid-visit.)
    REQUIRE_OK(d.tap("attract.start"));
    REQUIRE_OK(d.tap("home.sign_in"));
    REQUIRE_OK(fill(d, "sign_in.login", "e2etaro2026"));
    REQUIRE_OK(fill(d, "sign_in.password", "kiosk2024pass"));
    REQUIRE_OK(d.tap("sign_in.submit"));
    k.wait_for("sign-in through the screens", [&] { return d.screen() == "home"; });
    REQUIRE(k.ui.app.session().account_client_id == account_id);
    Skill welding;
    welding.name = "溶接";
    welding.level = 3;
    auto saved_skill = k.backend->sections().skills.save(account_id, welding);
    REQUIRE(saved_skill.ok());
    k.wait_for("the skill delivered", [&] { return k.outbox_drained(); });
    CHECK(server_count(k.server, "SELECT COUNT(*) FROM records WHERE account_id='" + account_id + "' AND collection LIKE 'skill%'") == 1);
    auto kept_skills = k.backend->store().skills().list(account_id);
    REQUIRE(kept_skills.ok());
    CHECK(kept_skills->size() == 1);  // delivered, and still here for the person
    REQUIRE_OK(d.tap("home.sign_out"));
    d.frames(2);
    kept_skills = k.backend->store().skills().list(account_id);
    REQUIRE(kept_skills.ok());
    CHECK(kept_skills->empty());  // gone with the visit
}
