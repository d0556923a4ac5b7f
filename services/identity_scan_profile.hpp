// The kiosk's scanner settings for identity documents (what a technician
// sets for the centre's scanner): device, resolution, colour mode, feeder,
// device options, and the scan area for ID-1 cards, read from
// <data_dir>/scanner.json. StaffService builds every scan from it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/model/identity_document.hpp"
#include "data/result.hpp"
#include "platform/scanner/scanner.hpp"

namespace madoguchi {

struct IdentityScanProfile {
    std::string device;                   // SANE device to preselect ("" = the first found)
    int resolution_dpi = 300;             // preselected; staff may choose 300 or 600
    ColourMode mode = ColourMode::colour; // preselected; staff may switch
    std::string source;                   // "" = device default; e.g. "ADF" on a sheet-fed scanner
    // ID-1 cards (license, My Number, residence and insurance cards): the
    // area a sheet-fed card scanner feeds, or the card guide's corner on the
    // glass. When set, a card scan is the card itself (no background around
    // it) and the pipeline checks its size instead of locating it.
    std::optional<ScanArea> card_area;
    // Options of this scanner model by SANE name, set after the generic ones.
    std::vector<std::pair<std::string, std::string>> device_options;
};

// Reads the JSON object {"device", "resolution_dpi", "mode": "colour"|"gray",
// "source", "card_area": {"left_mm","top_mm","width_mm","height_mm"},
// "device_options": {name: value}}; every key optional, unknown keys and
// wrong types are errors. A missing file gives the defaults.
Result<IdentityScanProfile> load_identity_scan_profile(const std::string& path);
Result<IdentityScanProfile> parse_identity_scan_profile(const std::string& json_text);

// Resolution 75..1200 dpi; a card area the size of an ID-1 card (±4 %).
Status validate_identity_scan_profile(const IdentityScanProfile& profile);

// The scan of one page of `type`: staff's resolution and colour choice, the
// profile's source and options, the card area for ID-1 documents.
ScanSettings identity_scan_settings(const IdentityScanProfile& profile, DocumentType type, int resolution_dpi,
                                    ColourMode mode);

// True when a scan of `type` with this profile is already cut to the document.
bool identity_scan_is_document(const IdentityScanProfile& profile, DocumentType type);

}  // namespace madoguchi
