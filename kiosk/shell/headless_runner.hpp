// Runs real app frames with no window and no GPU (ImGui without a
// renderer): the atlas is built on the CPU and draw data is discarded.
#pragma once

#include "kiosk/shell/frame_runner.hpp"

namespace madoguchi {

class HeadlessRunner final : public FrameRunner {
public:
    HeadlessRunner(App& app, ImVec2 display) : app_(app), display_(display) {}
    void run_frame(const InjectedPointer* pointer, float dt_s) override;
    ImVec2 display_size() const override { return display_; }
    Status screenshot(const std::string&) override {
        return Error{"screenshot.headless", "", "ヘッドレスでは画面を保存できません。",
                     "Screenshots need a renderer (run under Xvfb without --headless)."};
    }
    bool can_screenshot() const override { return false; }

private:
    App& app_;
    ImVec2 display_;
};

}  // namespace madoguchi
