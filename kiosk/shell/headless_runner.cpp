// HeadlessRunner: the frame pass with no backend.
#include "kiosk/shell/headless_runner.hpp"

namespace madoguchi {

void HeadlessRunner::run_frame(const InjectedPointer* pointer, float dt_s) {
    run_frame_pass(app_, display_, pointer, dt_s, FontSet::kMaxAtlasSide, [] {},
                   [] { ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(1)); });
}

}  // namespace madoguchi
