// CareerAttachmentService: camera / scanner capture of career attachments
// into the encrypted file store.
#include "services/career_attachment_service.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <span>
#include <utility>

#include "data/imaging/image_codec.hpp"
#include "data/imaging/image_resize.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/store.hpp"
#include "platform/camera/camera.hpp"

namespace madoguchi {
namespace {

Error no_device(AttachmentSource source) {
    return source == AttachmentSource::camera
               ? Error{"camera.unavailable", "attachments", "カメラを使えません。係員にお声がけください。",
                       "The camera cannot be used. Please ask a staff member."}
               : Error{"scanner.unavailable", "attachments", "スキャナーを使えません。係員にお声がけください。",
                       "The scanner cannot be used. Please ask a staff member."};
}

// "scan-20261127-101502.jpg": unique enough within one person's record, and
// plain ASCII (a file name travels to the server and into downloads).
std::string file_name_for(AttachmentSource source) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s-%04d%02d%02d-%02d%02d%02d.jpg",
                  source == AttachmentSource::camera ? "photo" : "scan", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
    return buf;
}

Result<Image> capture_from_camera(Camera& camera) {
    if (auto s = camera.open(); !s) return s.error();
    if (auto s = camera.start(); !s) return s.error();
    auto still = camera.capture_still();
    camera.stop();
    return still;
}

Result<Image> scan_first_device(Scanner& scanner, const ScanSettings& settings) {
    auto devices = scanner.list_devices();
    if (!devices) return devices.error();
    if (devices->empty()) return no_device(AttachmentSource::scanner);
    auto device = scanner.open(devices->front().name);
    if (!device) return device.error();
    auto page = (*device)->scan_page(settings);
    if (!page) return page.error();
    return std::move(page->image);
}

}  // namespace

CareerAttachmentService::CareerAttachmentService(Store& store) : store_(store) {}

ScanSettings CareerAttachmentService::default_scan_settings() {
    ScanSettings settings;
    settings.resolution_dpi = kAttachmentScanDpi;
    settings.mode = ColourMode::colour;
    return settings;
}

CareerAttachmentService::~CareerAttachmentService() {
    stop_ = true;
    *alive_ = false;
    join_worker();
}

void CareerAttachmentService::join_worker() {
    if (worker_.joinable()) worker_.join();
}

void CareerAttachmentService::set_capture_devices(Camera* camera, Scanner* scanner, PostToUi post_to_ui) {
    camera_ = camera;
    scanner_ = scanner;
    post_ = std::move(post_to_ui);
}

Status CareerAttachmentService::check_room(std::size_t already_attached) {
    return check_attachment_room(already_attached);
}

Result<std::vector<std::uint8_t>> CareerAttachmentService::encode(const Image& image) {
    if (image.empty())
        return Error{"attachments.empty", "attachments", "画像を読み取れませんでした。もう一度お試しください。",
                     "Nothing was captured. Please try again."};
    auto jpeg = encode_jpeg(to_rgb(shrink_to_fit(image, kAttachmentMaxSide)), 85);
    if (!jpeg) return jpeg.error();
    if (auto s = check_attachment_size(jpeg->size()); !s) return s.error();
    return jpeg;
}

bool CareerAttachmentService::capture(const std::string& owner, AttachmentSource source,
                                      std::size_t already_attached,
                                      std::function<void(AttachmentCaptureOutcome)> done) {
    if (source == AttachmentSource::camera ? !has_camera() : !has_scanner()) return false;
    if (running_.exchange(true)) return false;
    join_worker();  // the previous capture has finished (running_ was false)
    worker_ = std::thread([this, owner, source, already_attached, done = std::move(done), alive = alive_,
                           settings = scan_settings_]() mutable {
        struct Captured {
            Result<std::vector<std::uint8_t>> bytes = std::vector<std::uint8_t>{};
            Image thumbnail;
        };
        auto captured = std::make_shared<Captured>();
        if (auto room = check_room(already_attached); !room) {
            captured->bytes = room.error();
        } else {
            Result<Image> image = source == AttachmentSource::camera ? capture_from_camera(*camera_)
                                                                     : scan_first_device(*scanner_, settings);
            if (!image) {
                captured->bytes = image.error();
            } else {
                captured->bytes = encode(*image);
                captured->thumbnail = to_rgb(shrink_to_fit(*image, kAttachmentThumbnailSide));
            }
        }
        running_ = false;
        if (stop_) return;
        // The file store write (one small commit) happens on the UI thread,
        // which owns the store connection.
        post_([this, owner, source, captured, done = std::move(done), alive] {
            if (!*alive) return;
            AttachmentCaptureOutcome out;
            if (!captured->bytes) {
                out.error = captured->bytes.error();
                if (out.error->field.empty()) out.error->field = "attachments";
            } else if (auto id = store_.files().put(owner, *captured->bytes); !id) {
                out.error = id.error();
            } else {
                out.attachment = CareerAttachment{*id, file_name_for(source), "image/jpeg"};
                out.thumbnail = std::move(captured->thumbnail);
            }
            done(std::move(out));
        });
    });
    return true;
}

Result<Image> CareerAttachmentService::thumbnail(const std::string& owner, const std::string& file_id) {
    auto bytes = store_.files().read(file_id, owner);
    if (!bytes) return bytes.error();
    auto image = decode_image(std::span<const std::uint8_t>(bytes->data(), bytes->size()));
    if (!image)
        return Error{"attachment.no_preview", "attachments", "プレビューはありません。", "No preview."};
    return to_rgb(shrink_to_fit(*image, kAttachmentThumbnailSide));
}

}  // namespace madoguchi
