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

// Where a widget sits among the scroll regions, taken from ImGui when it is
// recorded, so a finger (the test driver) knows where to drag to bring it
// into view: a row of a list nested in a scrolling form is hidden by the
// list's region, not by the display. Kept beside WidgetRecord rather than in
// it so the records' brace-initialisers at every widget stay as they are.
struct WidgetPlace {
    WidgetRect clip;    // visible part of the region it is drawn in (its window's clip rect)
    WidgetRect region;  // that region's own viewport, not cut by the windows around it
    WidgetRect outer;   // visible part of the window holding that region (the display at the root)
};

class WidgetRegistry {
public:
    void begin_frame() {
        records_.clear();
        places_.clear();
    }
    // Called right after the widget is drawn, inside its window.
    void record(WidgetRecord r);

    // The last record with this id (overlays drawn later win).
    const WidgetRecord* find(const std::string& id) const;
    std::vector<const WidgetRecord*> with_prefix(const std::string& prefix) const;
    const std::vector<WidgetRecord>& all() const { return records_; }
    // The place of a record returned by this registry this frame.
    const WidgetPlace& place_of(const WidgetRecord& r) const;

private:
    std::vector<WidgetRecord> records_;
    std::vector<WidgetPlace> places_;  // places_[i] belongs to records_[i]
};

}  // namespace madoguchi
