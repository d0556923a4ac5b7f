// Staff: capture each required side of the chosen document — from the SANE
// scanner (device, resolution, colour, progress, clear errors) or the camera
// (live preview, capture) — then straighten + quality check with the retake
// message, the masking step where required (drag rectangles over numbers;
// mandatory on a health insurance card's front), staff confirmation, and
// the encrypted, queued submission.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "data/model/identity_document.hpp"
#include "kiosk/screen.hpp"
#include "kiosk/ui/image_view.hpp"
#include "kiosk/ui/mask_editor.hpp"

namespace madoguchi {

class StaffService;

class StaffCaptureScreen final : public Screen {
public:
    ScreenId id() const override { return ScreenId::staff_capture; }
    std::string title_key() const override { return "staff.capture_title"; }
    void on_enter(ScreenContext& ctx) override;
    void on_exit(ScreenContext& ctx) override;
    void draw(Ui& ui, ScreenContext& ctx) override;

private:
    enum class Step { source, review, confirm, done };
    enum Source { scanner = 0, camera = 1, practice = 2 };

    void take_finished_frame(StaffService& staff);
    void draw_source(Ui& ui, ScreenContext& ctx, StaffService& staff);
    void draw_scanner(Ui& ui, StaffService& staff);
    void draw_camera(Ui& ui, StaffService& staff);
    void draw_review(Ui& ui, StaffService& staff);
    void draw_confirm(Ui& ui, StaffService& staff);
    void draw_done(Ui& ui, ScreenContext& ctx);
    void stop_camera(StaffService& staff);

    Step step_ = Step::source;
    std::string side_;
    int source_ = scanner;
    int device_ = -1;
    int resolution_ = 0;  // 300 / 600 dpi
    int colour_ = 0;      // colour / gray
    bool searched_ = false;
    bool camera_on_ = false;
    std::uint64_t live_sequence_ = 0;
    ui::ImageView live_;
    ui::ImageView preview_;
    ui::MaskEditor editor_;
    std::optional<Error> error_;
    std::string submitted_summary_;
};

}  // namespace madoguchi
