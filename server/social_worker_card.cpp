// Worker cards: public fields only, age bracket only when the worker chose it.
#include "server/social_worker_card.hpp"

#include <chrono>

#include "data/model/enum_codes.hpp"
#include "data/model/model_json.hpp"
#include "data/rules/age.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

std::optional<json> stored_body(SqliteConnection& c, const std::string& aid, const char* collection) {
    auto st = c.prepare("SELECT body FROM records WHERE account_id=?1 AND collection=?2 AND client_id='_'");
    st.bind(1, aid).bind(2, std::string(collection));
    if (!st.step()) return std::nullopt;
    json j = json::parse(st.column_text(0), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

bool follows(SqliteConnection& c, const std::string& follower, const std::string& followee) {
    auto st = c.prepare("SELECT 1 FROM follows WHERE follower_id=?1 AND followee_id=?2");
    st.bind(1, follower).bind(2, followee);
    return st.step();
}

std::string username_of(SqliteConnection& c, const std::string& aid) {
    auto st = c.prepare("SELECT username FROM accounts WHERE client_id=?1");
    st.bind(1, aid);
    return st.step() ? st.column_text(0) : std::string();
}

}  // namespace

bool account_exists(SqliteConnection& c, const std::string& account_id) {
    auto st = c.prepare("SELECT 1 FROM accounts WHERE client_id=?1");
    st.bind(1, account_id);
    return st.step();
}

json worker_summary(SqliteConnection& c, const std::string& worker_id) {
    const std::string username = username_of(c, worker_id);
    std::string nickname;
    if (auto p = stored_body(c, worker_id, "profile"); p && p->contains("nickname") && p->at("nickname").is_string())
        nickname = p->at("nickname").get<std::string>();
    return {{"account_id", worker_id}, {"username", username}, {"nickname", nickname}};
}

std::optional<json> worker_card(SqliteConnection& c, const std::string& viewer_id, const std::string& worker_id) {
    if (!account_exists(c, worker_id)) return std::nullopt;
    json card = worker_summary(c, worker_id);
    card["self_introduction"] = "";
    card["work_status"] = "";
    card["age_bracket"] = nullptr;
    if (auto body = stored_body(c, worker_id, "profile")) {
        Profile p;
        try {
            from_json(*body, p);
            card["self_introduction"] = p.self_introduction;
            card["work_status"] = std::string(to_code(p.status));
            if (p.show_age_bracket && !p.birth_date.empty()) {
                const int age = age_on(p.birth_date, japan_date(std::chrono::system_clock::now()));
                if (age >= 0) card["age_bracket"] = age_bracket_label(age, true);
            }
        } catch (const std::exception&) {
            // A stored profile the codec no longer reads shows as the bare summary.
        }
    }
    json skills = json::array();
    auto st = c.prepare(
        "SELECT body FROM records WHERE account_id=?1 AND collection='skills' ORDER BY updated_at_ms, client_id");
    st.bind(1, worker_id);
    while (st.step()) {
        const json s = json::parse(st.column_text(0), nullptr, false);
        if (!s.is_object()) continue;
        skills.push_back({{"name", s.value("name", "")}, {"level", s.value("level", 1)},
                          {"years_experience", s.value("years_experience", 0)}});
    }
    card["skills"] = std::move(skills);
    card["followed_by_me"] = follows(c, viewer_id, worker_id);
    card["follows_me"] = follows(c, worker_id, viewer_id);
    return card;
}

}  // namespace madoguchi::server
