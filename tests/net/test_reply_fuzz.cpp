// Fuzzing the reply parsers: mutated and type-scrambled bodies must give a
// value or a malformed_reply Failure, never a crash, a throw or UB.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "net/api_client.hpp"
#include "net/api_reply.hpp"
#include "net/http_failure.hpp"
#include "tests/net/fuzz_iterations.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

const std::vector<std::string>& seeds() {
    static const std::vector<std::string> s = {
        R"({"device_id":"d-1","device_token":"tok"})",
        R"({"account":{"client_id":"c1","username":"taro","email":"t@example.jp","registration_number":"R-1"}})",
        R"({"token":"s","expires_at_ms":1700000000000,"account":{"client_id":"c1","username":"taro","email":"t@example.jp"}})",
        R"({"client_id":"p1","photo_file_id":"","username":"taro","nickname":"たろう","self_introduction":"よろしく",
            "family_name":"山田","given_name":"太郎","family_name_kana":"ヤマダ","given_name_kana":"タロウ","gender":"male",
            "birth_date":"1990-04-01","postal_code":"1000001","prefecture":"東京都","city":"千代田区","town":"千代田",
            "address_line":"1-1","phone":"0312345678","status":"available","weekly_hours":"10_to_20",
            "hourly_rate_yen":1500,"show_age_bracket":true,"preferred_prefecture":"13","preferred_municipality":"131016",
            "hometown":"","schools":""})",
        R"([{"client_id":"s1","name":"C++","level":4,"years_experience":10,"notes":""},{"client_id":"s2","name":"Go","level":2,"years_experience":1,"notes":"x"}])",
        R"({"items":[{"client_id":"k1","category":"正社員","period_from":"2015-04","period_to":"","company_name":"株式会社例",
            "duties":"開発","company_url":"","role":"PM","environment":"Linux","team_size":5,
            "attachments":[{"file_id":"f1","file_name":"a.pdf","mime_type":"application/pdf"}]}]})",
        R"({"documents":[{"client_id":"i1","user_client_id":"c1","type":"passport","passport_issued":"2019-01-01",
            "pages":[{"side":"page1","file_id":"u1","sha256":"ab"}],"status":"pending","rejection_reason":"","captured_by_staff":"st"}]})",
        R"([{"client_id":"co1","name":"例","url_slug":"rei","address":"東京","logo_file_id":""}])",
        R"({"error":{"code":"profile.postal_code","field":"postal_code","message":"bad","message_ja":"郵便番号"}})",
    };
    return s;
}

const char* const kTokens[] = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e308", "-1", "1e999",
                               "\"\\u0000\"", "\"\\ud800\"", "0.5", "\xff", "\xe3\x81", "99999999999999999999"};

std::string mutate(std::string s, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> op(0, 4);
    const int rounds = 1 + static_cast<int>(rng() % 4);
    for (int r = 0; r < rounds && !s.empty(); ++r) {
        const std::size_t at = rng() % s.size();
        switch (op(rng)) {
            case 0: s[at] = static_cast<char>(rng() & 0xff); break;  // flip a byte
            case 1: s.resize(at); break;                               // truncate (cut reply)
            case 2: s.erase(at, 1 + rng() % 8); break;
            case 3: s.insert(at, kTokens[rng() % std::size(kTokens)]); break;
            case 4: s.insert(at, s.substr(rng() % s.size(), rng() % 16)); break;
        }
    }
    return s;
}

json random_scalar(std::mt19937_64& rng) {
    switch (rng() % 9) {
        case 0: return nullptr;
        case 1: return true;
        case 2: return static_cast<std::int64_t>(rng());
        case 3: return -1;
        case 4: return 0.25;
        case 5: return "";
        case 6: return "not-a-code";
        case 7: return json::array({1, "x"});
        default: return json::object({{"k", 1}});
    }
}

// Keeps the structure but swaps values for other types: exercises every
// from_json type check and enum/date parser.
json scramble(json j, std::mt19937_64& rng) {
    if (j.is_object()) {
        for (auto& [k, v] : j.items()) v = (rng() % 3 == 0) ? random_scalar(rng) : scramble(v, rng);
    } else if (j.is_array()) {
        for (auto& v : j) v = (rng() % 3 == 0) ? random_scalar(rng) : scramble(v, rng);
    } else if (rng() % 2 == 0) {
        return random_scalar(rng);
    }
    return j;
}

// Runs every decoder over one body; counts successes so the test can check
// the campaign exercised both outcomes.
int decode_everything(const std::string& body) {
    int ok = 0;
    ok += parse_device_reply(body).ok();
    ok += parse_account_reply(body).ok();
    ok += parse_session_reply(body).ok();
    auto j = parse_json_body(body);
    if (j) {
        ok += decode_json<Profile>(*j).ok();
        ok += decode_json<Account>(*j).ok();
        ok += decode_json<IdentityDocument>(*j).ok();
        ok += decode_json<Career>(*j).ok();
        ok += decode_json_list<Skill>(*j).ok();
        ok += decode_json_list<Career>(*j).ok();
        ok += decode_json_list<IdentityDocument>(*j).ok();
        ok += decode_json_list<Company>(*j).ok();
        auto p = decode_json<Profile>(*j);
        if (p) {
            // Whatever parsed must encode again (no half-initialised state).
            json again = *p;
            CHECK(again.is_object());
        }
    }
    HttpResponse reply;
    for (long status : {400L, 409L, 429L, 503L}) {
        reply.status = status;
        reply.body = body;
        const Failure f = failure_from_reply(reply, std::chrono::seconds(60));
        CHECK_FALSE(f.error.message_ja.empty());
    }
    return ok;
}

}  // namespace

TEST_CASE("valid seed replies decode") {
    CHECK(parse_device_reply(seeds()[0]).ok());
    CHECK(parse_account_reply(seeds()[1])->username == "taro");
    auto s = parse_session_reply(seeds()[2]);
    REQUIRE(s.ok());
    CHECK(s->expires_at_ms == 1700000000000);
    auto profile = decode_json<Profile>(*parse_json_body(seeds()[3]));
    REQUIRE(profile.ok());
    CHECK(profile->family_name == "山田");
    CHECK(profile->hourly_rate_yen == 1500);
    CHECK(decode_json_list<Skill>(*parse_json_body(seeds()[4]))->size() == 2);
    CHECK(decode_json_list<Career>(*parse_json_body(seeds()[5]))->at(0).attachments.size() == 1);
    CHECK(decode_json_list<IdentityDocument>(*parse_json_body(seeds()[6]))->at(0).status ==
          VerificationStatus::pending);
    CHECK(decode_json_list<Company>(*parse_json_body(seeds()[7]))->at(0).url_slug == "rei");
}

TEST_CASE("malformed replies are Failures of kind malformed_reply") {
    const char* bodies[] = {"", "{", "null", "[]", "{\"device_id\": 1, \"device_token\": \"x\"}",
                            "{\"token\": \"\"}", "{\"account\": []}", "{\"account\": {\"username\": 5}}"};
    for (const char* b : bodies) {
        CAPTURE(b);
        auto d = parse_device_reply(b);
        REQUIRE_FALSE(d.ok());
        CHECK(d.failure().kind == FailureKind::malformed_reply);
        CHECK(action_for(d.failure()) == FailureAction::retry);
        CHECK_FALSE(parse_session_reply(b).ok());
        CHECK_FALSE(parse_account_reply(b).ok());
    }
}

TEST_CASE("byte-level mutations never crash a parser") {
    std::mt19937_64 rng(20261126);
    const int n = madoguchi::test::scaled_iterations(3000);
    int successes = 0, total = 0;
    for (int i = 0; i < n; ++i) {
        const std::string& seed = seeds()[static_cast<std::size_t>(i) % seeds().size()];
        successes += decode_everything(mutate(seed, rng));
        ++total;
    }
    MESSAGE("mutated bodies: " << total << ", decoder successes: " << successes);
    CHECK(total == n);
}

TEST_CASE("type-scrambled replies never crash a parser") {
    std::mt19937_64 rng(77);
    const int n = madoguchi::test::scaled_iterations(3000);
    int failures_seen = 0;
    for (int i = 0; i < n; ++i) {
        const json seed = json::parse(seeds()[static_cast<std::size_t>(i) % seeds().size()]);
        const std::string body = scramble(seed, rng).dump();
        const int ok = decode_everything(body);
        if (ok == 0) ++failures_seen;
    }
    // Scrambling must actually hit the error paths, not only happy ones.
    CHECK(failures_seen > n / 10);
}
