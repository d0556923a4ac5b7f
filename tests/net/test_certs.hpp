// Throwaway TLS material made with the openssl CLI at test time: a CA, a
// second unrelated CA, a server certificate for 127.0.0.1 and its pin.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace madoguchi::test {

inline std::string run_command(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    REQUIRE(pclose(p) == 0);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

struct TestCerts {
    std::string ca_pem, other_ca_pem, server_pem, server_key;
    std::string pin;  // base64 SHA-256 of the server's public key (curl pin form without "sha256//")
};

inline TestCerts make_test_certs(const std::string& d) {
    auto make_ca = [&](const std::string& name) {
        run_command("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=" + name + " -keyout " + d + "/" +
                    name + ".key -out " + d + "/" + name + ".pem 2>/dev/null");
    };
    make_ca("ca");
    make_ca("other-ca");
    run_command("openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout " + d + "/srv.key -out " + d +
                "/srv.csr 2>/dev/null");
    {
        std::ofstream ext(d + "/ext.cnf");
        ext << "subjectAltName=IP:127.0.0.1\n";
    }
    run_command("openssl x509 -req -in " + d + "/srv.csr -CA " + d + "/ca.pem -CAkey " + d +
                "/ca.key -CAcreateserial -days 2 -extfile " + d + "/ext.cnf -out " + d + "/srv.pem 2>/dev/null");
    TestCerts c{d + "/ca.pem", d + "/other-ca.pem", d + "/srv.pem", d + "/srv.key", ""};
    c.pin = run_command("openssl x509 -in " + d + "/srv.pem -pubkey -noout | openssl pkey -pubin -outform der | "
                        "openssl dgst -sha256 -binary | openssl base64 -A");
    REQUIRE(c.pin.size() == 44);
    return c;
}

}  // namespace madoguchi::test
