// Scanner: what the staff scan flow needs from a flatbed or sheet-fed
// scanner, independent of SANE. Every call may block: run it on a worker
// thread and post results to the UI (no UI calls happen here).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/result.hpp"

namespace madoguchi {

struct ScannerInfo {
    std::string name;    // stable id to open, e.g. "epson2:libusb:001:004"
    std::string vendor;
    std::string model;
    std::string type;    // "flatbed scanner", "sheetfed scanner"…
};

enum class ColourMode { colour, gray };

// Scan area in millimetres from the glass's top-left corner.
struct ScanArea {
    double left_mm = 0;
    double top_mm = 0;
    double width_mm = 0;
    double height_mm = 0;
};

struct ScanSettings {
    int resolution_dpi = 300;
    ColourMode mode = ColourMode::colour;
    std::optional<ScanArea> area;  // default: the whole glass
    std::string source;            // "" = device default (flatbed); else e.g. "ADF"
    // Device-specific options by name, set as text ("yes"/"no" for switches),
    // after the generic ones: what a technician configures for one model.
    std::vector<std::pair<std::string, std::string>> device_options;
};

struct ScannedPage {
    Image image;
    int resolution_dpi = 0;  // as the device actually scanned
};

// Fraction 0..1 of the page read so far; called on the scanning thread.
using ScanProgress = std::function<void(double fraction)>;

// An opened device. Owned and used by one worker thread; cancel() is the
// only call that may come from another thread.
class ScannerDevice {
public:
    virtual ~ScannerDevice() = default;
    virtual const ScannerInfo& info() const = 0;
    // Scans one page with `settings`. Errors carry scanner.* codes
    // (scanner.no_docs, scanner.jammed, scanner.cover_open, scanner.busy,
    // scanner.io, scanner.cancelled…) with Japanese and English messages.
    virtual Result<ScannedPage> scan_page(const ScanSettings& settings, const ScanProgress& progress = {}) = 0;
    // Asks a running scan_page to stop; it then returns scanner.cancelled.
    // A cancel that arrives while no scan runs has no effect.
    virtual void cancel() = 0;
};

class Scanner {
public:
    virtual ~Scanner() = default;
    virtual Result<std::vector<ScannerInfo>> list_devices() = 0;
    virtual Result<std::unique_ptr<ScannerDevice>> open(const std::string& name) = 0;
};

}  // namespace madoguchi
