// How a worker's public card (WorkerCard, docs/social.md) is drawn: in a
// list (nickname first and largest, @username, work status, age bracket only
// when present, top skills) or in full (self-introduction, every skill with
// level and years). Shared by worker search/detail and the contacts screen.
#pragma once

#include <functional>
#include <string>

#include "data/model/social.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace madoguchi {

enum class WorkerCardLayout { summary, full };

// Draws `card` in a framed box. Records "<id>.nickname", "<id>.username",
// "<id>.status", "<id>.age_bracket" (only when shown), "<id>.skills" and,
// in full layout, "<id>.self_intro" for tests. `footer`, when given, is
// drawn inside the frame under the card (the caller's buttons).
void draw_worker_card(Ui& ui, const std::string& id, const WorkerCard& card, WorkerCardLayout layout,
                      const std::function<void()>& footer = {});

// 対応可能 / 仕事内容による / 現在忙しい for a WorkStatus code; "" for none/unknown.
std::string work_status_label(const Ui& ui, const std::string& code);

// The name shown for a worker: the nickname, else @username.
std::string worker_display_name(const WorkerSummary& who);

}  // namespace madoguchi
