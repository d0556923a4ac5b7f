// e2e: identity document submission and staff verification, which destroys
// the stored images and keeps who decided and when.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

namespace {

// Uploads `data` in two chunks and returns the upload id.
std::string upload(ApiClient& c, const std::string& data, const std::string& name) {
    auto created = c.send_raw("POST", "/v1/uploads", "", "application/octet-stream",
                              {{"Upload-Length", std::to_string(data.size())},
                               {"Upload-Metadata", "filename " + b64(name) + ",sha256 " + b64(sha256_hex(data)) +
                                                       ",kind " + b64("identity_document")}});
    REQUIRE(created.status == 201);
    const std::string location = created.header("Location");
    const std::size_t half = data.size() / 2;
    REQUIRE(c.send_raw("PATCH", location, data.substr(0, half), "application/offset+octet-stream", {{"Upload-Offset", "0"}})
                .status == 204);
    REQUIRE(c.send_raw("PATCH", location, data.substr(half), "application/offset+octet-stream",
                       {{"Upload-Offset", std::to_string(half)}})
                .status == 204);
    return location.substr(std::string("/v1/uploads/").size());
}

std::string fake_jpeg(char fill) { return std::string("\xFF\xD8\xFF\xE0", 4) + std::string(4000, fill); }

}  // namespace

TEST_CASE("staff verification destroys the images and records who and when") {
    ServerProcess server({"--staff-token", "staff-secret"});
    ApiClient kiosk(server.port());
    kiosk.enroll();
    const std::string aid = sign_up(kiosk, "id_user");
    const std::string front = fake_jpeg('F'), back = fake_jpeg('B');
    const std::string front_id = upload(kiosk, front, "front.jpg"), back_id = upload(kiosk, back, "back.jpg");
    const std::string doc_id = ApiClient::new_key();
    const json doc = {{"type", "drivers_license"},
                      {"pages", {{{"side", "front"}, {"file_id", front_id}, {"sha256", sha256_hex(front)}},
                                 {{"side", "back"}, {"file_id", back_id}, {"sha256", sha256_hex(back)}}}},
                      {"captured_by_staff", "staff-007"}};
    auto put = kiosk.send("PUT", "/v1/accounts/" + aid + "/identity-documents/" + doc_id, doc);
    REQUIRE(put.status == 201);
    CHECK(put.body["status"] == "pending");
    auto mine = kiosk.get("/v1/accounts/" + aid + "/identity-documents");
    REQUIRE(mine.body["items"].size() == 1);
    CHECK(mine.body["items"][0]["status"] == "pending");

    ApiClient staff(server.port());
    CHECK(staff.get("/v1/staff/identity-documents?status=pending").status == 401);
    const httplib::Headers staff_h{{"X-Staff-Token", "staff-secret"}, {"X-Staff-Id", "staff-007"}};
    auto queue = staff.get("/v1/staff/identity-documents?status=pending", staff_h);
    REQUIRE(queue.status == 200);
    REQUIRE(queue.body["items"].size() == 1);
    CHECK(queue.body["items"][0]["username"] == "id_user");
    CHECK(queue.body["items"][0]["pages"].size() == 2);

    auto image = staff.get("/v1/staff/identity-documents/" + doc_id + "/pages/front", staff_h);
    REQUIRE(image.status == 200);
    CHECK(image.raw == front);
    CHECK(image.header("Content-Type") == "image/jpeg");
    CHECK(staff.get("/v1/staff/identity-documents/" + doc_id + "/pages/page9", staff_h).status == 404);

    const std::string front_file = server.data_dir() + "/uploads/" + front_id + ".bin";
    const std::string back_file = server.data_dir() + "/uploads/" + back_id + ".bin";
    CHECK(std::filesystem::exists(front_file));
    auto verified = staff.send("POST", "/v1/staff/identity-documents/" + doc_id + "/verify", {{"staff_id", "staff-007"}},
                               ApiClient::new_key(), staff_h);
    REQUIRE(verified.status == 200);
    CHECK(verified.body["status"] == "verified");
    CHECK(verified.body["decided_by"] == "staff-007");
    CHECK(verified.body["decided_at_ms"].get<std::int64_t>() > 0);
    CHECK(verified.body["images_deleted"] == true);
    CHECK(!std::filesystem::exists(front_file));
    CHECK(!std::filesystem::exists(back_file));
    CHECK(staff.get("/v1/staff/identity-documents/" + doc_id + "/pages/front", staff_h).status == 410);
    CHECK(staff.get("/v1/staff/identity-documents?status=pending", staff_h).body["items"].size() == 0);
    CHECK(staff.get("/v1/staff/identity-documents?status=verified", staff_h).body["items"].size() == 1);

    // The kiosk sees the result; re-submitting a verified document is refused.
    CHECK(kiosk.get("/v1/accounts/" + aid + "/identity-documents").body["items"][0]["status"] == "verified");
    CHECK(kiosk.send("PUT", "/v1/accounts/" + aid + "/identity-documents/" + doc_id, doc).status == 409);
    auto reject_late = staff.send("POST", "/v1/staff/identity-documents/" + doc_id + "/reject",
                                  {{"staff_id", "staff-008"}, {"reason", "不鮮明"}}, ApiClient::new_key(), staff_h);
    CHECK(reject_late.status == 409);
}

TEST_CASE("rejection also destroys the images; the user can resubmit new pages") {
    ServerProcess server;
    ApiClient kiosk(server.port());
    kiosk.enroll();
    const std::string aid = sign_up(kiosk, "id_reject");
    const std::string img = fake_jpeg('X');
    const std::string file_id = upload(kiosk, img, "card.jpg");
    const std::string doc_id = ApiClient::new_key();
    json doc = {{"type", "residence_card"}, {"pages", {{{"side", "front"}, {"file_id", file_id}, {"sha256", sha256_hex(img)}}}}};
    REQUIRE(kiosk.send("PUT", "/v1/accounts/" + aid + "/identity-documents/" + doc_id, doc).status == 201);

    ApiClient staff(server.port());
    const httplib::Headers staff_h{{"X-Staff-Token", "madoguchi-staff-dev"}};
    auto no_reason = staff.send("POST", "/v1/staff/identity-documents/" + doc_id + "/reject", {{"staff_id", "s1"}},
                                ApiClient::new_key(), staff_h);
    CHECK(no_reason.status == 422);
    auto rejected = staff.send("POST", "/v1/staff/identity-documents/" + doc_id + "/reject",
                               {{"staff_id", "s1"}, {"reason", "文字が読み取れません"}}, ApiClient::new_key(), staff_h);
    REQUIRE(rejected.status == 200);
    CHECK(rejected.body["status"] == "rejected");
    CHECK(!std::filesystem::exists(server.data_dir() + "/uploads/" + file_id + ".bin"));
    auto mine = kiosk.get("/v1/accounts/" + aid + "/identity-documents");
    CHECK(mine.body["items"][0]["rejection_reason"] == "文字が読み取れません");

    const std::string img2 = fake_jpeg('Y');
    doc["pages"][0]["file_id"] = upload(kiosk, img2, "card2.jpg");
    doc["pages"][0]["sha256"] = sha256_hex(img2);
    auto again = kiosk.send("PUT", "/v1/accounts/" + aid + "/identity-documents/" + doc_id, doc);
    CHECK(again.status == 200);
    CHECK(again.body["status"] == "pending");
}

TEST_CASE("identity document rules: completed uploads, matching checksums, no My Number back, old passports only") {
    ServerProcess server;
    ApiClient kiosk(server.port());
    kiosk.enroll();
    const std::string aid = sign_up(kiosk, "id_rules");
    const std::string img = fake_jpeg('Z');
    const std::string file_id = upload(kiosk, img, "p.jpg");
    const std::string base = "/v1/accounts/" + aid + "/identity-documents/";
    struct Row {
        json doc;
        std::string code;
    };
    const std::vector<Row> rows = {
        {{{"type", "residence_card"}, {"pages", {{{"side", "front"}, {"file_id", "missing-upload"}}}}}, "upload.not_found"},
        {{{"type", "residence_card"}, {"pages", {{{"side", "front"}, {"file_id", file_id}, {"sha256", sha256_hex("other")}}}}},
         "identity_document.page_checksum"},
        {{{"type", "my_number_card_front"}, {"pages", {{{"side", "back"}, {"file_id", file_id}}}}}, "identity.my_number_back"},
        {{{"type", "passport"}, {"passport_issued", "2021-05-01"}, {"pages", {{{"side", "page1"}, {"file_id", file_id}}}}},
         "identity.passport_too_new"},
        {{{"type", "drivers_license"}, {"pages", json::array()}}, "identity.no_pages"},
        {{{"type", "drivers_license"}, {"pages", {{{"side", "front"}, {"file_id", file_id}}}}}, "identity.both_sides"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.code);
        auto r = kiosk.send("PUT", base + ApiClient::new_key(), row.doc);
        CHECK(r.status == 422);
        CHECK(r.body["error"]["code"] == row.code);
    }
    json old_passport = {{"type", "passport"}, {"passport_issued", "2019-05-01"}, {"pages", {{{"side", "page1"}, {"file_id", file_id}}}}};
    CHECK(kiosk.send("PUT", base + ApiClient::new_key(), old_passport).status == 201);
}
