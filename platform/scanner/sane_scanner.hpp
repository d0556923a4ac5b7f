// SaneScanner: the Scanner interface on SANE (libsane), with RAII for the
// library (sane_init/sane_exit, reference-counted across instances) and for
// each SANE_Handle. The SANE `test` backend exercises it in tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "platform/scanner/scanner.hpp"

namespace madoguchi {

// Keeps libsane initialised while any scanner or device needs it. SANE reads
// SANE_CONFIG_DIR when the first lease is taken.
class SaneLibrary;

class SaneScanner final : public Scanner {
public:
    // Throws std::runtime_error when sane_init fails (start-up failure).
    SaneScanner();
    ~SaneScanner() override;
    SaneScanner(const SaneScanner&) = delete;
    SaneScanner& operator=(const SaneScanner&) = delete;

    Result<std::vector<ScannerInfo>> list_devices() override;
    Result<std::unique_ptr<ScannerDevice>> open(const std::string& name) override;

private:
    std::shared_ptr<SaneLibrary> library_;
};

}  // namespace madoguchi
