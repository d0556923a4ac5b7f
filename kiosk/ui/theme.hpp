// Colours and ImGui style for the kiosk (light, high contrast, large).
#pragma once

#include <imgui.h>

namespace madoguchi::theme {

inline constexpr ImU32 kBackground = IM_COL32(245, 247, 250, 255);
inline constexpr ImU32 kSurface = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kText = IM_COL32(26, 26, 26, 255);
inline constexpr ImU32 kMuted = IM_COL32(90, 98, 110, 255);
inline constexpr ImU32 kPrimary = IM_COL32(31, 95, 191, 255);
inline constexpr ImU32 kPrimaryActive = IM_COL32(20, 70, 150, 255);
inline constexpr ImU32 kSecondary = IM_COL32(228, 233, 241, 255);
inline constexpr ImU32 kError = IM_COL32(198, 40, 40, 255);
inline constexpr ImU32 kErrorBg = IM_COL32(253, 236, 236, 255);
inline constexpr ImU32 kBorder = IM_COL32(190, 198, 210, 255);
inline constexpr ImU32 kFocus = IM_COL32(255, 170, 0, 255);
inline constexpr ImU32 kDim = IM_COL32(0, 0, 0, 140);
inline constexpr ImU32 kRequired = IM_COL32(198, 40, 40, 255);
inline constexpr ImU32 kOptional = kMuted;  // 5.7:1 on kBackground (was 4.3:1, below WCAG AA)

// Applies the kiosk style scaled to the body font size.
void apply(float em);

}  // namespace madoguchi::theme
