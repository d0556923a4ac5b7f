// One registration function per API area; platform_server.cpp calls them all.
#pragma once

namespace madoguchi::server {

class Router;

void add_account_routes(Router& r);            // devices, accounts, sessions, mail links, password
void add_record_routes(Router& r);             // profile, collections, bank account, NDA
void add_company_routes(Router& r);            // company search and registration
void add_upload_routes(Router& r);             // tus-style resumable uploads
void add_identity_document_routes(Router& r);  // identity documents and staff verification
void add_audit_routes(Router& r);              // kiosks' staff audit events (append-only)
void add_social_worker_routes(Router& r);      // worker search, cards, follows, contacts (docs/social.md)
void add_social_message_routes(Router& r);     // message threads and messages
void add_social_team_routes(Router& r);        // teams, members, invitations

}  // namespace madoguchi::server
