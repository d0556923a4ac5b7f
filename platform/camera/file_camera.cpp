// Folder listing, replay order and decode cache of FileCamera.
#include "platform/camera/file_camera.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "data/imaging/image_codec.hpp"

namespace madoguchi {
namespace {

bool is_image_file(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

}  // namespace

FileCamera::FileCamera(std::string folder, FileCameraOptions options) : folder_(std::move(folder)), options_(options) {}

Status FileCamera::open() {
    std::lock_guard lock(mutex_);
    files_.clear();
    cached_.reset();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder_, ec)) {
        return Error{"camera.not_found", "camera", "画像フォルダ（" + folder_ + "）が見つかりません。",
                     "Image folder " + folder_ + " was not found."};
    }
    for (const auto& entry : std::filesystem::directory_iterator(folder_, ec)) {
        if (entry.is_regular_file(ec) && is_image_file(entry.path())) files_.push_back(entry.path().string());
    }
    std::sort(files_.begin(), files_.end());
    if (files_.empty()) {
        return Error{"camera.no_images", "camera", "画像フォルダに画像（PNG/JPEG）がありません。",
                     "The image folder has no PNG or JPEG images."};
    }
    return ok_status();
}

Status FileCamera::start() {
    std::lock_guard lock(mutex_);
    if (files_.empty()) return Error{"camera.not_open", "camera", "カメラが開かれていません。", "The camera is not open."};
    streaming_ = true;
    shown_any_ = false;
    return ok_status();
}

Result<std::shared_ptr<const Image>> FileCamera::current() {
    if (!cached_ || cached_index_ != index_) {
        auto image = read_image_file(files_[index_]);
        if (!image) return image.error();
        cached_ = std::make_shared<const Image>(image->channels == 3 ? std::move(*image) : to_rgb(*image));
        cached_index_ = index_;
    }
    return cached_;
}

std::optional<CameraFrame> FileCamera::latest_frame() {
    std::lock_guard lock(mutex_);
    if (!streaming_) return std::nullopt;
    const auto now = std::chrono::steady_clock::now();
    const bool advance = shown_any_ && (options_.frame_period.count() == 0 || now - shown_at_ >= options_.frame_period);
    if (advance) index_ = (index_ + 1) % files_.size();
    if (!shown_any_ || advance) {
        ++sequence_;
        shown_at_ = now;
        shown_any_ = true;
    }
    auto image = current();
    if (!image) return std::nullopt;  // an unreadable file shows nothing; capture_still reports why
    return CameraFrame{*image, sequence_};
}

Result<Image> FileCamera::capture_still() {
    std::lock_guard lock(mutex_);
    if (!streaming_) return Error{"camera.not_started", "camera", "カメラが起動していません。", "The camera is not started."};
    auto image = current();
    if (!image) return image.error();
    return **image;
}

void FileCamera::stop() {
    std::lock_guard lock(mutex_);
    streaming_ = false;
}

}  // namespace madoguchi
