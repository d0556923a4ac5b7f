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

}  // namespace madoguchi::server
