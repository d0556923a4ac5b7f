// Per-frame record of every interactive widget (id, label, rectangle,
// enabled, value, error). Tests and the headless driver find widgets here
// and touch them by id; nothing in it outlives the frame that drew it.
#pragma once

#include <string>
#include <vector>

namespace madoguchi {

enum class WidgetKind { button, text_field, toggle, select, date, key, list_item, text };

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
    float cx() const { return x + w * 0.5f; }
    float cy() const { return y + h * 0.5f; }
};

struct WidgetRecord {
    std::string id;
    std::string label;
    WidgetKind kind = WidgetKind::button;
    WidgetRect rect;
    bool enabled = true;
    bool visible = true;   // false when clipped out of its scroll area
    std::string value;     // shown value (masked where the screen masks it)
    std::string error;     // inline error text, if any
};

class WidgetRegistry {
public:
    void begin_frame() { records_.clear(); }
    void record(WidgetRecord r) { records_.push_back(std::move(r)); }

    // The last record with this id (overlays drawn later win).
    const WidgetRecord* find(const std::string& id) const;
    std::vector<const WidgetRecord*> with_prefix(const std::string& prefix) const;
    const std::vector<WidgetRecord>& all() const { return records_; }

private:
    std::vector<WidgetRecord> records_;
};

}  // namespace madoguchi
