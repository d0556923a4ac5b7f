// Teams and invitations (guide 【3】【4】): the creator owns the team and is
// the only one who edits it or invites; the URL slug is unique and never
// changes; an invitee accepts (becomes a member) or declines, once.
#include <string>

#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/record_validation.hpp"
#include "server/request_auth.hpp"
#include "data/model/social_rules.hpp"
#include "server/social_worker_card.hpp"
#include "server/upload_api.hpp"

namespace madoguchi::server {
namespace {

using nlohmann::json;

ApiResponse team_not_found() {
    return error_response(404, "team.not_found", "", "No such team.", "チームが見つかりません。");
}
ApiResponse invitation_not_found() {
    return error_response(404, "invitation.not_found", "", "No such invitation.", "招待が見つかりません。");
}
ApiResponse bad_field(const std::string& field) {
    return error_response(400, "request.invalid_field", field, "This field must be a string: " + field,
                          "送信内容の形式が正しくありません。");
}

// The field as a string ("" when absent); nullopt when it has another type.
std::optional<std::string> string_field(const json& body, const char* name) {
    if (!body.contains(name) || body.at(name).is_null()) return std::string();
    if (!body.at(name).is_string()) return std::nullopt;
    return body.at(name).get<std::string>();
}

std::string role_of(SqliteConnection& c, const std::string& team_id, const std::string& account_id) {
    auto st = c.prepare("SELECT role FROM team_members WHERE team_id=?1 AND account_id=?2");
    st.bind(1, team_id).bind(2, account_id);
    return st.step() ? st.column_text(0) : std::string();
}

std::optional<json> load_team(SqliteConnection& c, const std::string& team_id, const std::string& viewer) {
    auto st = c.prepare(
        "SELECT team_id, url_slug, name, description, logo_file_id, owner_id, created_at_ms, updated_at_ms "
        "FROM teams WHERE team_id=?1");
    st.bind(1, team_id);
    if (!st.step()) return std::nullopt;
    return json{{"team_id", st.column_text(0)},     {"url_slug", st.column_text(1)},
                {"name", st.column_text(2)},        {"description", st.column_text(3)},
                {"logo_file_id", st.column_text(4)}, {"owner_id", st.column_text(5)},
                {"created_at_ms", st.column_int64(6)}, {"updated_at_ms", st.column_int64(7)},
                {"my_role", role_of(c, team_id, viewer)}};
}

json team_members(SqliteConnection& c, const std::string& team_id) {
    auto st = c.prepare("SELECT account_id, role FROM team_members WHERE team_id=?1 ORDER BY joined_at_ms, account_id");
    st.bind(1, team_id);
    json out = json::array();
    while (st.step()) {
        json m = worker_summary(c, st.column_text(0));
        m["role"] = st.column_text(1);
        out.push_back(std::move(m));
    }
    return out;
}

// PUT /v1/accounts/{aid}/teams/{team_id}: 201 created (caller = owner), 200 updated by the owner.
ApiResponse put_team(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), team_id = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    auto slug = string_field(*body, "url_slug");
    auto name = string_field(*body, "name");
    auto description = string_field(*body, "description");
    auto logo = string_field(*body, "logo_file_id");
    if (!slug) return bad_field("url_slug");
    if (!name) return bad_field("name");
    if (!description) return bad_field("description");
    if (!logo) return bad_field("logo_file_id");
    if (auto errors = social_rules::check_team(*slug, *name, *description); !errors.empty()) return validation_response(errors);
    if (auto denied = deny_file_references(ctx.server, {{"logo_file_id", *logo}})) return *denied;
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        auto existing = c.prepare("SELECT url_slug, owner_id FROM teams WHERE team_id=?1");
        existing.bind(1, team_id);
        const std::int64_t now = now_ms();
        if (existing.step()) {
            if (existing.column_text(1) != viewer)
                return error_response(403, "team.not_owner", "", "Only the team's creator can edit it.",
                                      "チームを編集できるのは作成者だけです。");
            if (existing.column_text(0) != *slug)
                return error_response(422, "team.slug_immutable", "url_slug", "A team's URL cannot be changed.",
                                      "チームページのURLは変更できません。");
            c.prepare("UPDATE teams SET name=?1, description=?2, logo_file_id=?3, updated_at_ms=?4 WHERE team_id=?5")
                .bind(1, *name)
                .bind(2, *description)
                .bind(3, *logo)
                .bind(4, now)
                .bind(5, team_id)
                .run();
            return json_response(200, *load_team(c, team_id, viewer));
        }
        auto taken = c.prepare("SELECT 1 FROM teams WHERE url_slug=?1");
        taken.bind(1, *slug);
        if (taken.step())
            return error_response(409, "team.slug_taken", "url_slug", "This URL is already used by another team.",
                                  "このURLはすでに他のチームで使われています。");
        c.prepare("INSERT INTO teams(team_id, url_slug, name, description, logo_file_id, owner_id, created_at_ms, "
                  "updated_at_ms) VALUES(?1,?2,?3,?4,?5,?6,?7,?7)")
            .bind(1, team_id)
            .bind(2, *slug)
            .bind(3, *name)
            .bind(4, *description)
            .bind(5, *logo)
            .bind(6, viewer)
            .bind(7, now)
            .run();
        c.prepare("INSERT INTO team_members(team_id, account_id, role, joined_at_ms) VALUES(?1,?2,'owner',?3)")
            .bind(1, team_id)
            .bind(2, viewer)
            .bind(3, now)
            .run();
        return json_response(201, *load_team(c, team_id, viewer));
    });
}

// GET /v1/accounts/{aid}/teams: the teams the viewer belongs to (チーム管理).
ApiResponse list_my_teams(RequestContext& ctx) {
    const std::string viewer = ctx.param(1);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare("SELECT team_id FROM team_members WHERE account_id=?1 ORDER BY joined_at_ms, team_id");
        st.bind(1, viewer);
        json out = json::array();
        while (st.step())
            if (auto t = load_team(c, st.column_text(0), viewer)) out.push_back(std::move(*t));
        return out;
    });
    return json_response(200, {{"items", std::move(items)}});
}

// GET /v1/accounts/{aid}/teams/{team_id}: a team page is public to signed-in workers.
ApiResponse get_team(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), team_id = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    auto team = ctx.server.db.read([&](SqliteConnection& c) -> std::optional<json> {
        auto t = load_team(c, team_id, viewer);
        if (t) (*t)["members"] = team_members(c, team_id);
        return t;
    });
    if (!team) return team_not_found();
    return json_response(200, *team);
}

// DELETE /v1/accounts/{aid}/teams/{team_id}/membership: leave (脱退); 204 also when not a member.
ApiResponse leave_team(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), team_id = ctx.param(2);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        if (role_of(c, team_id, viewer) == "owner")
            return error_response(422, "team.owner_cannot_leave", "", "The team's creator cannot leave it.",
                                  "チームの作成者は脱退できません。");
        c.prepare("DELETE FROM team_members WHERE team_id=?1 AND account_id=?2").bind(1, team_id).bind(2, viewer).run();
        return empty_response(204);
    });
}

json invitation_json(SqliteConnection& c, SqliteStatement& st) {
    // invitation_id, team_id, inviter_id, invitee_id, comment, status, created_at_ms, decided_at_ms
    json team = json::object();
    auto t = c.prepare("SELECT url_slug, name FROM teams WHERE team_id=?1");
    t.bind(1, st.column_text(1));
    if (t.step()) team = {{"team_id", st.column_text(1)}, {"url_slug", t.column_text(0)}, {"name", t.column_text(1)}};
    return {{"invitation_id", st.column_text(0)},
            {"team", std::move(team)},
            {"inviter", worker_summary(c, st.column_text(2))},
            {"invitee", worker_summary(c, st.column_text(3))},
            {"comment", st.column_text(4)},
            {"status", st.column_text(5)},
            {"created_at_ms", st.column_int64(6)},
            {"decided_at_ms", st.column_is_null(7) ? json(nullptr) : json(st.column_int64(7))}};
}

constexpr const char* kInvitationColumns =
    "SELECT invitation_id, team_id, inviter_id, invitee_id, comment, status, created_at_ms, decided_at_ms "
    "FROM team_invitations ";

std::optional<json> load_invitation(SqliteConnection& c, const std::string& iid) {
    auto st = c.prepare(std::string(kInvitationColumns) + "WHERE invitation_id=?1");
    st.bind(1, iid);
    if (!st.step()) return std::nullopt;
    return invitation_json(c, st);
}

// PUT /v1/accounts/{aid}/teams/{team_id}/invitations/{invitation_id} {invitee_account_id, comment}
ApiResponse invite(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), team_id = ctx.param(2), iid = ctx.param(3);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    auto body = ctx.json_body();
    if (!body) return error_response(400, body.error());
    auto invitee = string_field(*body, "invitee_account_id");
    auto comment = string_field(*body, "comment");
    if (!invitee) return bad_field("invitee_account_id");
    if (!comment) return bad_field("comment");
    if (invitee->empty() || !valid_client_id(*invitee))
        return error_response(422, "invitation.invitee_required", "invitee_account_id", "Choose the worker to invite.",
                              "招待するワーカーを選んでください。");
    if (auto errors = social_rules::check_invitation_comment(*comment); !errors.empty()) return validation_response(errors);
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        if (auto stored = load_invitation(c, iid)) {
            // The same outbox row again: the stored invitation, if it is the same one.
            if (stored->at("team").value("team_id", "") != team_id || stored->at("invitee").at("account_id") != *invitee ||
                stored->at("inviter").at("account_id") != viewer)
                return error_response(409, "invitation.id_reused", "invitation_id",
                                      "This invitation id was already used for another invitation.",
                                      "この招待IDは別の招待で使われています。");
            return json_response(200, *stored);
        }
        const std::string role = role_of(c, team_id, viewer);
        if (role.empty() && !load_team(c, team_id, viewer)) return team_not_found();
        if (role != "owner")
            return error_response(403, "team.not_owner", "", "Only the team's creator can invite members.",
                                  "メンバーを招待できるのはチームの作成者だけです。");
        if (!account_exists(c, *invitee))
            return error_response(404, "worker.not_found", "invitee_account_id", "No such worker.", "ワーカーが見つかりません。");
        if (!role_of(c, team_id, *invitee).empty())
            return error_response(409, "team.already_member", "invitee_account_id", "This worker is already a member.",
                                  "このワーカーはすでにチームのメンバーです。");
        auto pending = c.prepare("SELECT 1 FROM team_invitations WHERE team_id=?1 AND invitee_id=?2 AND status='pending'");
        pending.bind(1, team_id).bind(2, *invitee);
        if (pending.step())
            return error_response(409, "invitation.pending", "invitee_account_id",
                                  "This worker already has an invitation to this team waiting.",
                                  "このワーカーはすでにこのチームへの招待に回答待ちです。");
        c.prepare("INSERT INTO team_invitations(invitation_id, team_id, inviter_id, invitee_id, comment, status, "
                  "created_at_ms) VALUES(?1,?2,?3,?4,?5,'pending',?6)")
            .bind(1, iid)
            .bind(2, team_id)
            .bind(3, viewer)
            .bind(4, *invitee)
            .bind(5, *comment)
            .bind(6, now_ms())
            .run();
        return json_response(201, *load_invitation(c, iid));
    });
}

// GET /v1/accounts/{aid}/invitations: pending invitations to the viewer (承認待ち一覧).
ApiResponse list_invitations(RequestContext& ctx) {
    const std::string viewer = ctx.param(1);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    json items = ctx.server.db.read([&](SqliteConnection& c) {
        auto st = c.prepare(std::string(kInvitationColumns) +
                            "WHERE invitee_id=?1 AND status='pending' ORDER BY created_at_ms, invitation_id");
        st.bind(1, viewer);
        json out = json::array();
        while (st.step()) out.push_back(invitation_json(c, st));
        return out;
    });
    return json_response(200, {{"items", std::move(items)}});
}

// POST /v1/accounts/{aid}/invitations/{iid}/(accept|decline): the invitee only;
// the same decision again is 200, the other one 409.
ApiResponse decide_invitation(RequestContext& ctx) {
    const std::string viewer = ctx.param(1), iid = ctx.param(2), decision = ctx.param(3);
    if (auto denied = deny_account_access(ctx, viewer)) return *denied;
    const std::string status = decision == "accept" ? "accepted" : "declined";
    return ctx.server.db.write([&](SqliteConnection& c) -> ApiResponse {
        auto st = c.prepare("SELECT team_id, invitee_id, status FROM team_invitations WHERE invitation_id=?1");
        st.bind(1, iid);
        if (!st.step() || st.column_text(1) != viewer) return invitation_not_found();
        const std::string team_id = st.column_text(0), current = st.column_text(2);
        if (current == status) return json_response(200, *load_invitation(c, iid));
        if (current != "pending")
            return error_response(409, "invitation.decided", "", "This invitation was already answered.",
                                  "この招待にはすでに回答しています。");
        const std::int64_t now = now_ms();
        c.prepare("UPDATE team_invitations SET status=?1, decided_at_ms=?2 WHERE invitation_id=?3")
            .bind(1, status)
            .bind(2, now)
            .bind(3, iid)
            .run();
        if (status == "accepted")
            c.prepare("INSERT OR IGNORE INTO team_members(team_id, account_id, role, joined_at_ms) VALUES(?1,?2,'member',?3)")
                .bind(1, team_id)
                .bind(2, viewer)
                .bind(3, now)
                .run();
        return json_response(200, *load_invitation(c, iid));
    });
}

}  // namespace

void add_social_team_routes(Router& r) {
    const std::string account = R"(/v1/accounts/([A-Za-z0-9_-]{1,64}))";
    const std::string id = R"(([A-Za-z0-9_-]{1,64}))";
    r.add("GET", account + "/teams", Access::device, list_my_teams);
    r.add("PUT", account + "/teams/" + id, Access::device, put_team);
    r.add("GET", account + "/teams/" + id, Access::device, get_team);
    r.add("DELETE", account + "/teams/" + id + "/membership", Access::device, leave_team);
    r.add("PUT", account + "/teams/" + id + "/invitations/" + id, Access::device, invite);
    r.add("GET", account + "/invitations", Access::device, list_invitations);
    r.add("POST", account + "/invitations/" + id + "/(accept|decline)", Access::device, decide_invitation);
}

}  // namespace madoguchi::server
