// e2e: many kiosks at once — threads each writing distinct records, some
// with retried keys, end with exact counts and no duplicates.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;
using nlohmann::json;

TEST_CASE("concurrent kiosks writing distinct records end with exact counts") {
    ServerProcess server({"--threads", "16"});
    const int kiosks = 8;
    const int records_per_kiosk = [] {
        const char* env = std::getenv("MADOGUCHI_FAULT_ITERATIONS");
        return env ? std::max(1, std::atoi(env)) : 25;
    }();

    struct Kiosk {
        std::string token, aid;
    };
    std::vector<Kiosk> setup(kiosks);
    for (int k = 0; k < kiosks; ++k) {
        ApiClient c(server.port());
        c.enroll("kiosk-" + std::to_string(k));
        setup[k] = {c.device_token, sign_up(c, "load_user_" + std::to_string(k))};
    }

    std::atomic<int> failures{0}, replays{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < kiosks; ++k) {
        threads.emplace_back([&, k] {
            ApiClient c(server.port());
            c.device_token = setup[k].token;
            for (int i = 0; i < records_per_kiosk; ++i) {
                const std::string key = ApiClient::new_key();
                const std::string path = "/v1/accounts/" + setup[k].aid + "/skills/" + ApiClient::new_key();
                const json body = {{"name", "skill " + std::to_string(i)}, {"level", 1 + i % 5}, {"years_experience", i % 60}};
                if (c.send("PUT", path, body, key).status != 201) ++failures;
                // Every third record is "retried" as if the reply was lost.
                if (i % 3 == 0) {
                    auto retry = c.send("PUT", path, body, key);
                    if (retry.status != 201) ++failures;
                    if (retry.header("Idempotent-Replayed") == "true") ++replays;
                }
                // And a company per kiosk every fifth record, all with distinct slugs.
                if (i % 5 == 0) {
                    const json company = {{"url_slug", "k" + std::to_string(k) + "c" + std::to_string(i)}, {"name", "会社"}};
                    if (c.send("PUT", "/v1/companies/" + ApiClient::new_key(), company).status != 201) ++failures;
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(failures.load() == 0);
    CHECK(replays.load() == kiosks * ((records_per_kiosk + 2) / 3));

    ApiClient reader(server.port());
    for (int k = 0; k < kiosks; ++k) {
        reader.device_token = setup[k].token;
        CHECK(reader.get("/v1/accounts/" + setup[k].aid + "/skills").body["items"].size() ==
              static_cast<std::size_t>(records_per_kiosk));
    }
    CHECK(reader.get("/v1/companies?q=" + url_encode("会社")).body["items"].size() ==
          static_cast<std::size_t>(std::min(50, kiosks * ((records_per_kiosk + 4) / 5))));
    CHECK(server.terminate() == 0);
}
