// net_sync_helper: the kiosk-side sync process for the SIGKILL fault test.
// Opens the store (start-up recovery included), runs the SyncEngine until
// the outbox is drained, exits 0. The test kills it at random moments.
//   net_sync_helper DB FILES_DIR KEY_FILE BASE_URL DEVICE_TOKEN
#include <chrono>
#include <cstdio>
#include <thread>

#include "data/store/store.hpp"
#include "net/sync_engine.hpp"

using namespace madoguchi;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: net_sync_helper DB FILES_DIR KEY_FILE BASE_URL DEVICE_TOKEN\n");
        return 2;
    }
    StoreConfig cfg;
    cfg.database_path = argv[1];
    cfg.files_dir = argv[2];
    cfg.master_key_path = argv[3];
    cfg.startup_maintenance = true;  // puts rows left in `sending` back to pending
    auto main_store = Store::open(cfg);
    if (!main_store) {
        std::fprintf(stderr, "store: %s\n", main_store.error().message_en.c_str());
        return 1;
    }
    SyncEngineConfig ec;
    ec.api.base_url = argv[4];
    ec.api.device_token = argv[5];
    ec.retry.base = std::chrono::milliseconds(50);
    ec.retry.cap = std::chrono::milliseconds(500);
    ec.retry.floor = std::chrono::milliseconds(10);
    ec.poll_interval = std::chrono::milliseconds(200);
    ec.upload_chunk_bytes = 1u << 20;
    cfg.startup_maintenance = false;
    SyncEngine engine(ec, [cfg] { return Store::open(cfg); }, {});
    engine.start();
    engine.notify();
    for (;;) {
        auto c = (*main_store)->outbox().counts();
        if (c && c->pending == 0 && c->sending == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    engine.stop();
    return 0;
}
