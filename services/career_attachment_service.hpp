// CareerAttachmentService: attachments of a career entry (guide 【9】 Step 9)
// photographed by the camera or read by the scanner on a worker thread,
// shrunk and JPEG-encoded there, then encrypted into the store's FileStore on
// the UI thread (which owns the store connection); thumbnails of stored ones.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "data/imaging/image.hpp"
#include "data/model/career.hpp"
#include "data/result.hpp"
#include "platform/scanner/scanner.hpp"

namespace madoguchi {

class Store;
class Camera;

enum class AttachmentSource { camera, scanner };

struct AttachmentCaptureOutcome {
    std::optional<Error> error;    // set when nothing was stored
    CareerAttachment attachment;   // file_id in the file store (staged until the record is saved)
    Image thumbnail;               // at most kAttachmentThumbnailSide on its long side
    bool ok() const { return !error.has_value(); }
};

// A page stays readable (A4 at ~200 dpi, a certificate's small print) and a
// photo of it stays far below the size limit.
inline constexpr int kAttachmentMaxSide = 2400;
// 120 x 90 cells at most: drawn as runs of rectangles (ui::ImageView), a
// noisy photo stays under one draw list's 64k vertices.
inline constexpr int kAttachmentThumbnailSide = 120;
inline constexpr int kAttachmentScanDpi = 200;

class CareerAttachmentService {
public:
    using PostToUi = std::function<void(std::function<void()>)>;

    explicit CareerAttachmentService(Store& store);
    ~CareerAttachmentService();
    CareerAttachmentService(const CareerAttachmentService&) = delete;
    CareerAttachmentService& operator=(const CareerAttachmentService&) = delete;

    // The kiosk's devices (null: none) and the UI run queue results go to.
    void set_capture_devices(Camera* camera, Scanner* scanner, PostToUi post_to_ui);
    bool has_camera() const { return camera_ != nullptr && post_ != nullptr; }
    bool has_scanner() const { return scanner_ != nullptr && post_ != nullptr; }
    bool busy() const { return running_.load(); }
    // How the scanner reads a page (default: 200 dpi colour, the whole
    // glass); set before a capture starts.
    void set_scan_settings(ScanSettings settings) { scan_settings_ = std::move(settings); }

    // Refuses with attachments.too_many when `already_attached` is at the
    // limit (data/rules), so nothing is captured that could not be kept.
    static Status check_room(std::size_t already_attached);

    // Captures one page for `owner` off the UI thread; `done` runs on the UI
    // thread with the stored attachment or the reason (no device, device
    // error, too large, store error). False (and `done` never runs) when a
    // capture is already running or the source is missing.
    bool capture(const std::string& owner, AttachmentSource source, std::size_t already_attached,
                 std::function<void(AttachmentCaptureOutcome)> done);

    // A stored attachment decrypted, decoded and shrunk for the form (PDFs
    // have none: attachment.no_preview).
    Result<Image> thumbnail(const std::string& owner, const std::string& file_id);

    // Encodes an image as an attachment's bytes (shrunk to kAttachmentMaxSide,
    // JPEG) and checks the size limit: attachment.too_large.
    static Result<std::vector<std::uint8_t>> encode(const Image& image);

private:
    void join_worker();

    Store& store_;
    Camera* camera_ = nullptr;
    Scanner* scanner_ = nullptr;
    PostToUi post_;
    ScanSettings scan_settings_ = default_scan_settings();
    static ScanSettings default_scan_settings();
    std::atomic<bool> running_{false};
    std::atomic<bool> stop_{false};
    std::thread worker_;
    // Results posted to the UI queue may run after this service is gone (the
    // queue outlives it in tests); they check this first.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace madoguchi
