// Wires configuration, storage, routes and cpp-httplib (HTTP or HTTPS)
// together, and runs the sweeper that expires abandoned uploads.
#include "server/platform_server.hpp"

#include <httplib.h>

#include <filesystem>
#include <stdexcept>

#include "server/api_routes.hpp"
#include "server/http_routes.hpp"
#include "server/secrets.hpp"
#include "server/server_context.hpp"
#include "server/smtp_relay.hpp"

namespace madoguchi::server {

PlatformServer::PlatformServer(ServerConfig config) {
    init_secrets();
    std::filesystem::create_directories(config.data_dir);
    if (config.tls()) {
        http_ = std::make_unique<httplib::SSLServer>(config.cert_file.c_str(), config.key_file.c_str());
        if (!http_->is_valid()) throw std::runtime_error("TLS certificate or key could not be loaded");
    } else {
        http_ = std::make_unique<httplib::Server>();
    }
    ctx_ = std::make_unique<ServerContext>(std::move(config));
    router_ = std::make_unique<Router>(*ctx_);
    add_account_routes(*router_);
    add_record_routes(*router_);
    add_company_routes(*router_);
    add_upload_routes(*router_);
    add_identity_document_routes(*router_);
    add_audit_routes(*router_);
    add_social_worker_routes(*router_);
    add_social_message_routes(*router_);
    add_social_team_routes(*router_);
    router_->install(*http_);
    if (ctx_->config.smtp.enabled()) {
        smtp_ = std::make_unique<SmtpRelay>(ctx_->config.smtp, ctx_->maildir.root());
        ctx_->maildir.set_on_delivered([relay = smtp_.get()] { relay->wake(); });
    }

    const auto threads = static_cast<std::size_t>(ctx_->config.threads);
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_->set_payload_max_length(static_cast<std::size_t>(ctx_->config.max_upload_bytes) + (1u << 20));
    // Kiosks on slow links send large chunks: be patient with reads and writes.
    http_->set_read_timeout(30, 0);
    http_->set_write_timeout(30, 0);
    http_->set_keep_alive_max_count(100);
    // httplib writes a reply's headers and body separately: with Nagle on, the
    // body waits for the ACK of the headers, which the client delays ~40 ms,
    // on every keep-alive request (cpp-httplib issue #2264). That was most of
    // the kiosk's drain time (~15 records/s). Accepted sockets inherit this.
    http_->set_tcp_nodelay(true);
}

PlatformServer::~PlatformServer() {
    stop();
    if (sweeper_.joinable()) sweeper_.join();
}

int PlatformServer::bind() {
    const auto& c = ctx_->config;
    if (c.port == 0) {
        port_ = http_->bind_to_any_port(c.host);
        if (port_ <= 0) throw std::runtime_error("cannot listen on " + c.host);
    } else {
        if (!http_->bind_to_port(c.host, c.port)) throw std::runtime_error("cannot listen on " + c.host + ":" + std::to_string(c.port));
        port_ = c.port;
    }
    ctx_->public_url = c.public_url.empty() ? base_url() : c.public_url;
    sweeper_ = std::thread([this] { sweep_expired_uploads(); });
    if (smtp_) smtp_->start();  // also sends mail left in new/ by an earlier run
    return port_;
}

std::string PlatformServer::base_url() const {
    return std::string(ctx_->config.tls() ? "https://" : "http://") + ctx_->config.host + ":" + std::to_string(port_);
}

bool PlatformServer::run() { return http_->listen_after_bind(); }

void PlatformServer::stop() {
    {
        std::lock_guard lock(sweep_mutex_);
        stopping_ = true;
    }
    sweep_cv_.notify_all();
    if (smtp_) smtp_->stop();
    http_->stop();
}

void PlatformServer::sweep_expired_uploads() {
    const auto period = std::chrono::seconds(std::clamp<std::int64_t>(ctx_->config.upload_expiry_s / 4, 1, 60));
    std::unique_lock lock(sweep_mutex_);
    while (!sweep_cv_.wait_for(lock, period, [this] { return stopping_; })) {
        lock.unlock();
        try {
            ctx_->uploads.expire_abandoned(now_ms());
        } catch (const std::exception&) {
            // Storage trouble: try again next period; requests report it themselves.
        }
        lock.lock();
    }
}

}  // namespace madoguchi::server
