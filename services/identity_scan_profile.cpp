// Scanner profile for identity documents: JSON file, range checks, and the
// ScanSettings each document type is scanned with.
#include "services/identity_scan_profile.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/imaging/document_format.hpp"

namespace madoguchi {
namespace {

Error profile_error(const std::string& what_ja, const std::string& what_en) {
    return Error{"config.scanner", "scanner", "スキャナー設定（scanner.json）が正しくありません: " + what_ja,
                 "The scanner settings (scanner.json) are invalid: " + what_en};
}

bool near(double value, double expected) { return std::abs(value - expected) <= expected * 0.04; }

}  // namespace

Result<IdentityScanProfile> parse_identity_scan_profile(const std::string& json_text) {
    const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return profile_error("JSON オブジェクトではありません", "not a JSON object");
    IdentityScanProfile p;
    try {
        for (const auto& [key, value] : j.items()) {
            if (key == "device") p.device = value.get<std::string>();
            else if (key == "resolution_dpi") p.resolution_dpi = value.get<int>();
            else if (key == "mode") {
                const auto m = value.get<std::string>();
                if (m == "colour") p.mode = ColourMode::colour;
                else if (m == "gray") p.mode = ColourMode::gray;
                else return profile_error("mode は colour か gray です", "mode is colour or gray");
            } else if (key == "source") p.source = value.get<std::string>();
            else if (key == "card_area") {
                ScanArea a;
                for (const auto& [k, v] : value.items()) {
                    if (k == "left_mm") a.left_mm = v.get<double>();
                    else if (k == "top_mm") a.top_mm = v.get<double>();
                    else if (k == "width_mm") a.width_mm = v.get<double>();
                    else if (k == "height_mm") a.height_mm = v.get<double>();
                    else return profile_error("card_area に不明な項目 " + k, "unknown card_area key " + k);
                }
                p.card_area = a;
            } else if (key == "device_options") {
                if (!value.is_object()) return profile_error("device_options はオブジェクトです", "device_options is an object");
                for (const auto& [k, v] : value.items()) p.device_options.emplace_back(k, v.get<std::string>());
            } else {
                return profile_error("不明な項目 " + key, "unknown key " + key);
            }
        }
    } catch (const nlohmann::json::exception& e) {
        return profile_error("値の型が違います", std::string("wrong value type: ") + e.what());
    }
    if (auto s = validate_identity_scan_profile(p); !s) return s.error();
    return p;
}

Result<IdentityScanProfile> load_identity_scan_profile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return IdentityScanProfile{};  // no file: the defaults
    std::stringstream buf;
    buf << in.rdbuf();
    return parse_identity_scan_profile(buf.str());
}

Status validate_identity_scan_profile(const IdentityScanProfile& p) {
    if (p.resolution_dpi < 75 || p.resolution_dpi > 1200)
        return profile_error("resolution_dpi は 75〜1200 です", "resolution_dpi must be 75..1200");
    if (p.card_area) {
        const ScanArea& a = *p.card_area;
        const double longer = std::max(a.width_mm, a.height_mm), shorter = std::min(a.width_mm, a.height_mm);
        if (a.left_mm < 0 || a.top_mm < 0 || !near(longer, kIdCardFormat.long_mm) || !near(shorter, kIdCardFormat.short_mm))
            return profile_error("card_area はカードの大きさ（85.6 × 54 mm）にしてください",
                                 "card_area must be the card's size (85.6 x 54 mm)");
    }
    return ok_status();
}

bool identity_scan_is_document(const IdentityScanProfile& profile, DocumentType type) {
    const DocumentFormat f = document_format(type);
    return profile.card_area.has_value() && f.long_mm == kIdCardFormat.long_mm && f.short_mm == kIdCardFormat.short_mm;
}

ScanSettings identity_scan_settings(const IdentityScanProfile& profile, DocumentType type, int resolution_dpi,
                                    ColourMode mode) {
    ScanSettings s;
    s.resolution_dpi = resolution_dpi;
    s.mode = mode;
    s.source = profile.source;
    if (identity_scan_is_document(profile, type)) s.area = profile.card_area;
    s.device_options = profile.device_options;
    return s;
}

}  // namespace madoguchi
