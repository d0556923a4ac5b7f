// Kiosk configuration: embedded defaults, overridden by a JSON file
// (--config) and then by command-line flags.
#pragma once

#include <string>

#include "data/result.hpp"

namespace madoguchi {

struct KioskConfig {
    std::string kiosk_id = "kiosk-dev-001";
    std::string location_name;              // where the kiosk stands, e.g. "渋谷センター 1階受付" (shown to staff)
    std::string language = "ja";            // default language on the attract screen
    int idle_timeout_s = 90;                // no touch for this long → countdown
    int idle_countdown_s = 15;              // countdown before the session is wiped
    std::string server_url = "http://127.0.0.1:8088";
    std::string tls_pinned_public_key;      // "sha256//…;sha256//…" (optional)
    // The server's enrolment code (madoguchi-server --enrollment-code; its
    // development default is "madoguchi-dev"): the kiosk enrols with it once
    // per server and keeps the device token encrypted in its store.
    std::string enrollment_code = "madoguchi-dev";
    std::string data_dir = "var/kiosk";
    std::string assets_dir;                 // default: found next to the binary / source tree
    std::string font_path = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    float font_size_px = 30.0f;             // body text; every size derives from it
    // Argon2id hashes (`madoguchi --hash-pin 1234`); never a PIN in clear.
    // Empty = that mode cannot be entered.
    std::string staff_pin_hash;
    std::string technician_pin_hash;
    bool windowed = false;
    int window_width = 1280;
    int window_height = 800;
};

// Reads a JSON object whose keys are the member names above; unknown keys
// and wrong types are errors (a typo must not silently keep a default).
Result<KioskConfig> load_config_file(const std::string& path, KioskConfig base = {});

// Writes the configuration atomically (technician settings).
Status save_config_file(const std::string& path, const KioskConfig& config);

// Range checks (idle times, sizes) shared by the file loader and the
// technician settings screen.
Status validate_config(const KioskConfig& config);

}  // namespace madoguchi
