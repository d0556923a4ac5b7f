// WidgetRegistry lookups.
#include "kiosk/ui/widget_registry.hpp"

namespace madoguchi {

const WidgetRecord* WidgetRegistry::find(const std::string& id) const {
    for (auto it = records_.rbegin(); it != records_.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

std::vector<const WidgetRecord*> WidgetRegistry::with_prefix(const std::string& prefix) const {
    std::vector<const WidgetRecord*> out;
    for (const auto& r : records_)
        if (r.id.rfind(prefix, 0) == 0) out.push_back(&r);
    return out;
}

}  // namespace madoguchi
