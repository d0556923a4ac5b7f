// e2e: HTTPS with --cert/--key (Debian's cpp-httplib is built with OpenSSL);
// the client pins the server's self-signed certificate.
#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/server/server_process.hpp"

using namespace madoguchi::server_test;

TEST_CASE("the server speaks HTTPS with the given certificate") {
    TempDir dir;
    const std::string cert = dir.path() + "/cert.pem", key = dir.path() + "/key.pem";
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                            "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);

    ServerProcess server({"--cert", cert, "--key", key});
    httplib::Client pinned("https://127.0.0.1:" + std::to_string(server.port()));
    pinned.set_ca_cert_path(cert.c_str());
    pinned.enable_server_certificate_verification(true);
    auto r = pinned.Post("/v1/devices", R"({"kiosk_id":"tls","enrollment_code":"madoguchi-dev"})", "application/json");
    REQUIRE(r);
    CHECK(r->status == 201);

    // Plain HTTP to the TLS port fails; a client trusting only the system CAs refuses the certificate.
    httplib::Client plain("127.0.0.1", server.port());
    plain.set_read_timeout(5, 0);
    auto p = plain.Get("/v1/companies");
    CHECK((!p || p->status != 200));
    httplib::Client strict("https://127.0.0.1:" + std::to_string(server.port()));
    strict.enable_server_certificate_verification(true);
    CHECK(!strict.Get("/v1/companies"));
}
