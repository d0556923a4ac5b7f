// SANE frontend: option setting by name, sane_start/sane_read loop with
// progress and cancellation, and assembly of gray/RGB/three-pass frames of
// depth 1, 8 or 16 into an Image.
#include "platform/scanner/sane_scanner.hpp"

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "platform/scanner/sane_status_error.hpp"

namespace madoguchi {

// [SECTION] library lifetime

class SaneLibrary {
public:
    static std::shared_ptr<SaneLibrary> acquire() {
        // One sane_init for all users; sane_exit when the last lease goes.
        static std::mutex mutex;
        static std::weak_ptr<SaneLibrary> current;
        std::lock_guard lock(mutex);
        if (auto existing = current.lock()) return existing;
        SANE_Int version = 0;
        const SANE_Status status = sane_init(&version, nullptr);
        if (status != SANE_STATUS_GOOD) throw std::runtime_error(std::string("sane_init failed: ") + sane_strstatus(status));
        std::shared_ptr<SaneLibrary> lib(new SaneLibrary());
        current = lib;
        return lib;
    }
    ~SaneLibrary() { sane_exit(); }
    SaneLibrary(const SaneLibrary&) = delete;
    SaneLibrary& operator=(const SaneLibrary&) = delete;

private:
    SaneLibrary() = default;
};

namespace {

// [SECTION] options

struct HandleCloser {
    void operator()(SANE_Handle h) const { sane_close(h); }
};
using SaneHandle = std::unique_ptr<void, HandleCloser>;

Error option_error(std::string_view name, std::string_view why_ja, std::string_view why_en) {
    return Error{"scanner.option", "scanner",
                 "スキャナーの設定「" + std::string(name) + "」を変更できません（" + std::string(why_ja) + "）。",
                 "Cannot set scanner option \"" + std::string(name) + "\" (" + std::string(why_en) + ")."};
}

struct Option {
    SANE_Int index;
    const SANE_Option_Descriptor* desc;
};

std::optional<Option> find_option(SANE_Handle h, std::string_view name) {
    SANE_Int count = 0;
    if (sane_control_option(h, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD) return std::nullopt;
    for (SANE_Int i = 1; i < count; ++i) {
        const SANE_Option_Descriptor* d = sane_get_option_descriptor(h, i);
        if (d && d->name && name == d->name) return Option{i, d};
    }
    return std::nullopt;
}

Status set_word(SANE_Handle h, const Option& o, SANE_Word value, std::string_view name) {
    if (!SANE_OPTION_IS_ACTIVE(o.desc->cap) || !SANE_OPTION_IS_SETTABLE(o.desc->cap)) {
        return option_error(name, "現在は無効", "inactive or read-only");
    }
    const SANE_Status s = sane_control_option(h, o.index, SANE_ACTION_SET_VALUE, &value, nullptr);
    if (s != SANE_STATUS_GOOD) return option_error(name, sane_strstatus(s), sane_strstatus(s));
    return ok_status();
}

Status set_string(SANE_Handle h, const Option& o, const std::string& value, std::string_view name) {
    if (!SANE_OPTION_IS_ACTIVE(o.desc->cap) || !SANE_OPTION_IS_SETTABLE(o.desc->cap)) {
        return option_error(name, "現在は無効", "inactive or read-only");
    }
    std::vector<char> buffer(static_cast<std::size_t>(std::max<SANE_Int>(o.desc->size, static_cast<SANE_Int>(value.size() + 1))), '\0');
    std::memcpy(buffer.data(), value.c_str(), value.size());
    const SANE_Status s = sane_control_option(h, o.index, SANE_ACTION_SET_VALUE, buffer.data(), nullptr);
    if (s != SANE_STATUS_GOOD) return option_error(name, sane_strstatus(s), sane_strstatus(s));
    return ok_status();
}

// Sets a numeric option whether the backend declares it INT or FIXED.
Status set_number(SANE_Handle h, std::string_view name, double value) {
    const auto o = find_option(h, name);
    if (!o) return option_error(name, "未対応", "not supported by this device");
    if (o->desc->type == SANE_TYPE_FIXED) return set_word(h, *o, SANE_FIX(value), name);
    if (o->desc->type == SANE_TYPE_INT) return set_word(h, *o, static_cast<SANE_Word>(std::lround(value)), name);
    return option_error(name, "数値ではない", "not numeric");
}

std::optional<double> get_number(SANE_Handle h, std::string_view name) {
    const auto o = find_option(h, name);
    if (!o || o->desc->size != sizeof(SANE_Word)) return std::nullopt;
    SANE_Word w = 0;
    if (sane_control_option(h, o->index, SANE_ACTION_GET_VALUE, &w, nullptr) != SANE_STATUS_GOOD) return std::nullopt;
    if (o->desc->type == SANE_TYPE_FIXED) return SANE_UNFIX(w);
    if (o->desc->type == SANE_TYPE_INT) return static_cast<double>(w);
    return std::nullopt;
}

// Sets any single-valued option from text ("yes"/"no" for switches).
Status set_text(SANE_Handle h, const std::string& name, const std::string& value) {
    const auto o = find_option(h, name);
    if (!o) return option_error(name, "未対応", "not supported by this device");
    switch (o->desc->type) {
        case SANE_TYPE_BOOL: {
            const bool on = value == "yes" || value == "true" || value == "1" || value == "on";
            const bool off = value == "no" || value == "false" || value == "0" || value == "off";
            if (!on && !off) return option_error(name, "値が不正", "expected yes or no");
            return set_word(h, *o, on ? SANE_TRUE : SANE_FALSE, name);
        }
        case SANE_TYPE_INT:
        case SANE_TYPE_FIXED: {
            if (o->desc->size != sizeof(SANE_Word)) return option_error(name, "配列は未対応", "array options are not supported");
            char* end = nullptr;
            const double v = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end != '\0') return option_error(name, "数値が不正", "not a number");
            return set_number(h, name, v);
        }
        case SANE_TYPE_STRING: return set_string(h, *o, value, name);
        default: return option_error(name, "種類が未対応", "unsupported option type");
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Backends name their modes differently ("Color", "Colour", "24bit Color",
// "Gray", "Grayscale", "True Gray"…): match by meaning in the offered list.
Status set_mode(SANE_Handle h, ColourMode mode) {
    const auto o = find_option(h, SANE_NAME_SCAN_MODE);
    if (!o) return ok_status();  // a device without modes scans what it scans
    const char* const wanted[] = {mode == ColourMode::colour ? "color" : "gray", mode == ColourMode::colour ? "colour" : "grey"};
    if (o->desc->constraint_type == SANE_CONSTRAINT_STRING_LIST) {
        for (const SANE_String_Const* s = o->desc->constraint.string_list; *s; ++s) {
            const std::string l = lower(*s);
            if (l.find(wanted[0]) != std::string::npos || l.find(wanted[1]) != std::string::npos) {
                return set_string(h, *o, *s, SANE_NAME_SCAN_MODE);
            }
        }
        return option_error(SANE_NAME_SCAN_MODE, "この色モードはない", "the device lacks this colour mode");
    }
    return set_string(h, *o, mode == ColourMode::colour ? SANE_VALUE_SCAN_MODE_COLOR : SANE_VALUE_SCAN_MODE_GRAY, SANE_NAME_SCAN_MODE);
}

Status apply_settings(SANE_Handle h, const ScanSettings& s) {
    if (auto st = set_mode(h, s.mode); !st) return st;
    if (auto st = set_number(h, SANE_NAME_SCAN_RESOLUTION, s.resolution_dpi); !st) return st;
    if (!s.source.empty()) {
        if (auto st = set_text(h, SANE_NAME_SCAN_SOURCE, s.source); !st) return st;
    }
    if (s.area) {
        // Corners: bottom-right first would be clamped by the old top-left, so
        // set top-left first.
        const ScanArea& a = *s.area;
        if (auto st = set_number(h, SANE_NAME_SCAN_TL_X, a.left_mm); !st) return st;
        if (auto st = set_number(h, SANE_NAME_SCAN_TL_Y, a.top_mm); !st) return st;
        if (auto st = set_number(h, SANE_NAME_SCAN_BR_X, a.left_mm + a.width_mm); !st) return st;
        if (auto st = set_number(h, SANE_NAME_SCAN_BR_Y, a.top_mm + a.height_mm); !st) return st;
    }
    for (const auto& [name, value] : s.device_options) {
        if (auto st = set_text(h, name, value); !st) return st;
    }
    return ok_status();
}

// [SECTION] frames → Image

struct Frame {
    SANE_Parameters params{};
    std::vector<std::uint8_t> bytes;
};

std::uint8_t sample(const std::uint8_t* line, int index, int depth) {
    switch (depth) {
        case 1: return ((line[index / 8] >> (7 - index % 8)) & 1) ? 0 : 255;  // SANE line-art: 1 is black
        case 16: {
            std::uint16_t v;
            std::memcpy(&v, line + 2 * index, 2);  // native byte order
            return static_cast<std::uint8_t>(v >> 8);
        }
        default: return line[index];
    }
}

int frame_lines(const Frame& f) {
    if (f.params.bytes_per_line <= 0) return 0;
    const int available = static_cast<int>(f.bytes.size() / static_cast<std::size_t>(f.params.bytes_per_line));
    return f.params.lines >= 0 ? std::min(f.params.lines, available) : available;
}

Result<Image> assemble(const std::vector<Frame>& frames) {
    const Error no_data = sane_status_error(SANE_STATUS_EOF);
    if (frames.empty()) return no_data;
    const SANE_Parameters& p0 = frames.front().params;
    const int width = p0.pixels_per_line;
    int height = frame_lines(frames.front());
    for (const auto& f : frames) {
        if (f.params.depth != 1 && f.params.depth != 8 && f.params.depth != 16) return sane_status_error(SANE_STATUS_UNSUPPORTED);
        if (f.params.pixels_per_line != width) return sane_status_error(SANE_STATUS_IO_ERROR);
        height = std::min(height, frame_lines(f));
    }
    if (width <= 0 || height <= 0) return no_data;

    if (p0.format == SANE_FRAME_GRAY || p0.format == SANE_FRAME_RGB) {
        const int ch = p0.format == SANE_FRAME_GRAY ? 1 : 3;
        Image img = make_image(width, height, ch);
        for (int y = 0; y < height; ++y) {
            const std::uint8_t* line = frames.front().bytes.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(p0.bytes_per_line);
            std::uint8_t* out = img.at(0, y);
            for (int i = 0; i < width * ch; ++i) out[i] = sample(line, i, p0.depth);
        }
        return img;
    }
    // Three-pass: one plane per frame, in whatever order the device sends.
    Image img = make_image(width, height, 3);
    for (const auto& f : frames) {
        int c = 0;
        if (f.params.format == SANE_FRAME_GREEN) c = 1;
        else if (f.params.format == SANE_FRAME_BLUE) c = 2;
        else if (f.params.format != SANE_FRAME_RED) return sane_status_error(SANE_STATUS_UNSUPPORTED);
        for (int y = 0; y < height; ++y) {
            const std::uint8_t* line = f.bytes.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(f.params.bytes_per_line);
            for (int x = 0; x < width; ++x) img.at(x, y)[c] = sample(line, x, f.params.depth);
        }
    }
    return img;
}

// [SECTION] device

class SaneDevice final : public ScannerDevice {
public:
    SaneDevice(std::shared_ptr<SaneLibrary> library, SaneHandle handle, ScannerInfo info)
        : library_(std::move(library)), handle_(std::move(handle)), info_(std::move(info)) {}
    ~SaneDevice() override { handle_.reset(); }  // close before the library lease goes

    const ScannerInfo& info() const override { return info_; }

    void cancel() override { cancel_requested_.store(true); }

    Result<ScannedPage> scan_page(const ScanSettings& settings, const ScanProgress& progress) override {
        cancel_requested_.store(false);
        SANE_Handle h = handle_.get();
        if (auto st = apply_settings(h, settings); !st) return st.error();
        ScannedPage page;
        page.resolution_dpi = static_cast<int>(std::lround(get_number(h, SANE_NAME_SCAN_RESOLUTION).value_or(settings.resolution_dpi)));

        // Every sane_start is paired with a sane_cancel, which ends the scan
        // (after the last frame, on error and on cancellation alike).
        struct ScanEnd {
            SANE_Handle h;
            ~ScanEnd() { sane_cancel(h); }
        } scan_end{h};

        std::vector<Frame> frames;
        std::vector<std::uint8_t> chunk(64 * 1024);
        for (int frame_index = 0;; ++frame_index) {
            const SANE_Status started = sane_start(h);
            if (started != SANE_STATUS_GOOD) return sane_status_error(started);
            Frame frame;
            if (const SANE_Status s = sane_get_parameters(h, &frame.params); s != SANE_STATUS_GOOD) return sane_status_error(s);
            const bool three_pass = frame.params.format == SANE_FRAME_RED || frame.params.format == SANE_FRAME_GREEN ||
                                    frame.params.format == SANE_FRAME_BLUE;
            const double frame_count = three_pass ? 3.0 : 1.0;
            const double expected = frame.params.lines > 0 ? static_cast<double>(frame.params.bytes_per_line) * frame.params.lines : 0.0;
            if (expected > 0) frame.bytes.reserve(static_cast<std::size_t>(expected));
            for (;;) {
                if (cancel_requested_.load()) return sane_status_error(SANE_STATUS_CANCELLED);
                SANE_Int len = 0;
                const SANE_Status s = sane_read(h, chunk.data(), static_cast<SANE_Int>(chunk.size()), &len);
                if (s == SANE_STATUS_EOF) break;
                if (s != SANE_STATUS_GOOD) return sane_status_error(s);
                frame.bytes.insert(frame.bytes.end(), chunk.begin(), chunk.begin() + len);
                if (progress && expected > 0) {
                    const double within = std::min(1.0, static_cast<double>(frame.bytes.size()) / expected);
                    progress(std::min(1.0, (frame_index + within) / frame_count));
                }
            }
            const bool last = frame.params.last_frame != SANE_FALSE;
            frames.push_back(std::move(frame));
            if (last || frames.size() >= 3) break;
        }
        auto image = assemble(frames);
        if (!image) return image.error();
        page.image = std::move(*image);
        if (progress) progress(1.0);
        return page;
    }

private:
    std::shared_ptr<SaneLibrary> library_;
    SaneHandle handle_;
    ScannerInfo info_;
    std::atomic<bool> cancel_requested_{false};
};

std::string text(SANE_String_Const s) { return s ? s : ""; }

}  // namespace

// [SECTION] scanner

SaneScanner::SaneScanner() : library_(SaneLibrary::acquire()) {}
SaneScanner::~SaneScanner() = default;

Result<std::vector<ScannerInfo>> SaneScanner::list_devices() {
    const SANE_Device** list = nullptr;
    const SANE_Status s = sane_get_devices(&list, SANE_TRUE);
    if (s != SANE_STATUS_GOOD) return sane_status_error(s);
    std::vector<ScannerInfo> out;
    for (const SANE_Device** d = list; d && *d; ++d) {
        out.push_back({text((*d)->name), text((*d)->vendor), text((*d)->model), text((*d)->type)});
    }
    return out;
}

Result<std::unique_ptr<ScannerDevice>> SaneScanner::open(const std::string& name) {
    SANE_Handle raw = nullptr;
    const SANE_Status s = sane_open(name.c_str(), &raw);
    if (s == SANE_STATUS_INVAL) {
        return Error{"scanner.not_found", "scanner", "スキャナー「" + name + "」が見つかりません。接続と電源を確認してください。",
                     "Scanner \"" + name + "\" was not found. Check its connection and power."};
    }
    if (s != SANE_STATUS_GOOD) return sane_status_error(s);
    SaneHandle handle(raw);
    ScannerInfo info{name, "", "", ""};
    if (auto listed = list_devices(); listed) {
        for (const auto& d : *listed) {
            if (d.name == name) info = d;
        }
    }
    return std::unique_ptr<ScannerDevice>(new SaneDevice(library_, std::move(handle), std::move(info)));
}

}  // namespace madoguchi
