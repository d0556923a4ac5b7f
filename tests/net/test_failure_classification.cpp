// Error classification: HTTP status -> failure kind -> what the sync engine
// does; Retry-After parsing; the contract's error shape and its fallbacks.
#include <doctest/doctest.h>

#include "net/failure.hpp"
#include "net/http_failure.hpp"

using namespace madoguchi;
using namespace std::chrono_literals;

TEST_CASE("status codes classify into kinds and actions") {
    struct Row {
        long status;
        FailureKind kind;
        FailureAction action;
    };
    const Row rows[] = {
        {400, FailureKind::rejected, FailureAction::dead_letter},
        {422, FailureKind::rejected, FailureAction::dead_letter},
        {413, FailureKind::rejected, FailureAction::dead_letter},
        {401, FailureKind::unauthorized, FailureAction::pause_queue},
        {403, FailureKind::forbidden, FailureAction::dead_letter},
        {404, FailureKind::not_found, FailureAction::dead_letter},
        {409, FailureKind::conflict, FailureAction::dead_letter},
        {408, FailureKind::server_busy, FailureAction::retry},
        {429, FailureKind::server_busy, FailureAction::retry},
        {500, FailureKind::server_busy, FailureAction::retry},
        {502, FailureKind::server_busy, FailureAction::retry},
        {503, FailureKind::server_busy, FailureAction::retry},
        {504, FailureKind::server_busy, FailureAction::retry},
        {302, FailureKind::malformed_reply, FailureAction::retry},
    };
    for (const auto& r : rows) {
        CAPTURE(r.status);
        HttpResponse reply;
        reply.status = r.status;
        const Failure f = failure_from_reply(reply, 60s);
        CHECK(f.kind == r.kind);
        CHECK(f.http_status == r.status);
        CHECK(action_for(f) == r.action);
        CHECK_FALSE(f.error.message_ja.empty());
        CHECK_FALSE(f.error.message_en.empty());
    }
}

TEST_CASE("transport-level kinds map to their actions") {
    struct Row {
        FailureKind kind;
        FailureAction action;
    };
    const Row rows[] = {{FailureKind::transport, FailureAction::retry},
                        {FailureKind::timeout, FailureAction::retry},
                        {FailureKind::malformed_reply, FailureAction::retry},
                        {FailureKind::tls, FailureAction::pause_queue},
                        {FailureKind::aborted, FailureAction::abort}};
    for (const auto& r : rows) {
        Failure f;
        f.kind = r.kind;
        CAPTURE(to_code(r.kind));
        CHECK(action_for(f) == r.action);
    }
}

TEST_CASE("409 idempotency.in_progress is retried, other conflicts are not") {
    HttpResponse reply;
    reply.status = 409;
    reply.body = R"({"error":{"code":"idempotency.in_progress","field":"","message":"busy","message_ja":"処理中"}})";
    CHECK(action_for(failure_from_reply(reply, 60s)) == FailureAction::retry);
    reply.body = R"({"error":{"code":"company.slug_taken","field":"url_slug","message":"taken","message_ja":"使用済み"}})";
    const Failure f = failure_from_reply(reply, 60s);
    CHECK(action_for(f) == FailureAction::dead_letter);
    CHECK(f.error.code == "company.slug_taken");
    CHECK(f.error.field == "url_slug");
    CHECK(f.error.message_en == "taken");
    CHECK(f.error.message_ja == "使用済み");
}

TEST_CASE("error bodies that do not follow the shape fall back to generic messages") {
    const char* bodies[] = {"", "not json", "[]", "{\"error\": 5}", "{\"error\": {\"code\": 7}}",
                            "{\"error\": {\"message\": null}}", "<html>502 Bad Gateway</html>",
                            "{\"error\": {\"code\": \"x\"", "\xff\xfe\x00garbage"};
    for (const char* b : bodies) {
        CAPTURE(b);
        HttpResponse reply;
        reply.status = 502;
        reply.body = b;
        const Failure f = failure_from_reply(reply, 60s);
        CHECK(f.kind == FailureKind::server_busy);
        CHECK_FALSE(f.error.code.empty());
        CHECK_FALSE(f.error.message_ja.empty());
        CHECK_FALSE(f.error.message_en.empty());
    }
}

TEST_CASE("Retry-After: delta seconds, HTTP-date, garbage, cap") {
    const auto now = std::chrono::system_clock::from_time_t(1'700'000'000);  // 2023-11-14T22:13:20Z
    struct Row {
        const char* value;
        std::optional<std::chrono::milliseconds> expected;
    };
    const Row rows[] = {
        {"0", 0ms},
        {"5", 5000ms},
        {" 30 ", 30000ms},
        {"86400", 600000ms},          // a day, capped at 10 minutes
        {"99999999999999", 600000ms},  // overflow-proof
        {"-5", std::nullopt},
        {"soon", std::nullopt},
        {"", std::nullopt},
        {"1.5", std::nullopt},
        {"Tue, 14 Nov 2023 22:14:20 GMT", 60000ms},  // one minute after now
        {"Tue, 14 Nov 2023 22:00:00 GMT", 0ms},      // in the past: now
    };
    for (const auto& r : rows) {
        CAPTURE(r.value);
        CHECK(parse_retry_after(r.value, now, 600s) == r.expected);
    }
}

TEST_CASE("429 with Retry-After carries the hint; 400 ignores it") {
    HttpResponse reply;
    reply.status = 429;
    reply.headers = {{"retry-after", "7"}};
    CHECK(failure_from_reply(reply, 60s).retry_after == std::chrono::milliseconds(7000));
    reply.headers = {{"retry-after", "7000"}};
    CHECK(failure_from_reply(reply, 60s).retry_after == std::chrono::milliseconds(60000));
    reply.status = 400;
    CHECK_FALSE(failure_from_reply(reply, 60s).retry_after.has_value());
}
