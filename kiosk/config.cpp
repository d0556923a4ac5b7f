// Configuration file loading and validation.
#include "kiosk/config.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <cstdio>
#include <sstream>

namespace madoguchi {
namespace {

Error config_error(const std::string& field, const std::string& ja, const std::string& en) {
    return Error{"config.invalid", field, ja, en};
}

}  // namespace

Status validate_config(const KioskConfig& c) {
    if (c.idle_timeout_s < 15 || c.idle_timeout_s > 3600)
        return config_error("idle_timeout_s", "無操作タイムアウトは15〜3600秒で指定してください。",
                            "idle_timeout_s must be between 15 and 3600 seconds.");
    if (c.idle_countdown_s < 5 || c.idle_countdown_s > 120)
        return config_error("idle_countdown_s", "カウントダウンは5〜120秒で指定してください。",
                            "idle_countdown_s must be between 5 and 120 seconds.");
    if (c.language != "ja" && c.language != "en")
        return config_error("language", "言語は ja か en です。", "language must be ja or en.");
    if (c.font_size_px < 16.0f || c.font_size_px > 64.0f)
        return config_error("font_size_px", "文字サイズは16〜64pxで指定してください。",
                            "font_size_px must be between 16 and 64.");
    if (c.window_width < 320 || c.window_height < 240 || c.window_width > 8192 || c.window_height > 8192)
        return config_error("window", "ウィンドウの大きさが不正です。", "Window size is out of range.");
    if (c.server_url.rfind("http://", 0) != 0 && c.server_url.rfind("https://", 0) != 0)
        return config_error("server_url", "サーバーURLは http:// か https:// で始めてください。",
                            "server_url must start with http:// or https://.");
    return ok_status();
}

static nlohmann::json config_to_json(const KioskConfig& c) {
    return {{"kiosk_id", c.kiosk_id},
            {"location_name", c.location_name},
            {"language", c.language},
            {"idle_timeout_s", c.idle_timeout_s},
            {"idle_countdown_s", c.idle_countdown_s},
            {"server_url", c.server_url},
            {"tls_pinned_public_key", c.tls_pinned_public_key},
            {"enrollment_code", c.enrollment_code},
            {"data_dir", c.data_dir},
            {"assets_dir", c.assets_dir},
            {"font_path", c.font_path},
            {"font_size_px", c.font_size_px},
            {"staff_pin_hash", c.staff_pin_hash},
            {"technician_pin_hash", c.technician_pin_hash},
            {"windowed", c.windowed},
            {"window_width", c.window_width},
            {"window_height", c.window_height}};
}

Status save_config_file(const std::string& path, const KioskConfig& c) {
    // Write beside, then rename: a power cut leaves the old file or the new one.
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return config_error("", "設定を保存できません: " + path, "Cannot write configuration: " + path);
        out << config_to_json(c).dump(2) << "\n";
        out.flush();
        if (!out) return config_error("", "設定を保存できません: " + path, "Cannot write configuration: " + path);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
        return config_error("", "設定を保存できません: " + path, "Cannot replace configuration: " + path);
    return ok_status();
}

Result<KioskConfig> load_config_file(const std::string& path, KioskConfig c) {
    std::ifstream in(path);
    if (!in)
        return config_error("", "設定ファイルを開けません: " + path, "Cannot open configuration file: " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return config_error("", "設定ファイルがJSONオブジェクトではありません。", "Configuration is not a JSON object.");
    try {
        for (auto& [key, value] : j.items()) {
            if (key == "kiosk_id") c.kiosk_id = value.get<std::string>();
            else if (key == "location_name") c.location_name = value.get<std::string>();
            else if (key == "language") c.language = value.get<std::string>();
            else if (key == "idle_timeout_s") c.idle_timeout_s = value.get<int>();
            else if (key == "idle_countdown_s") c.idle_countdown_s = value.get<int>();
            else if (key == "server_url") c.server_url = value.get<std::string>();
            else if (key == "tls_pinned_public_key") c.tls_pinned_public_key = value.get<std::string>();
            else if (key == "enrollment_code") c.enrollment_code = value.get<std::string>();
            else if (key == "data_dir") c.data_dir = value.get<std::string>();
            else if (key == "assets_dir") c.assets_dir = value.get<std::string>();
            else if (key == "font_path") c.font_path = value.get<std::string>();
            else if (key == "font_size_px") c.font_size_px = value.get<float>();
            else if (key == "staff_pin_hash") c.staff_pin_hash = value.get<std::string>();
            else if (key == "technician_pin_hash") c.technician_pin_hash = value.get<std::string>();
            else if (key == "windowed") c.windowed = value.get<bool>();
            else if (key == "window_width") c.window_width = value.get<int>();
            else if (key == "window_height") c.window_height = value.get<int>();
            else
                return config_error(key, "不明な設定項目です: " + key, "Unknown configuration key: " + key);
        }
    } catch (const nlohmann::json::exception& e) {
        return config_error("", std::string("設定の型が違います: ") + e.what(),
                            std::string("Wrong type in configuration: ") + e.what());
    }
    if (auto s = validate_config(c); !s) return s.error();
    return c;
}

}  // namespace madoguchi
