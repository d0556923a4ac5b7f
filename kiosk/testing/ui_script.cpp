// Script parsing and execution.
#include "kiosk/testing/ui_script.hpp"

#include <istream>
#include <ostream>
#include <sstream>

#include "data/text/utf8.hpp"

namespace madoguchi {
namespace {

// Splits "cmd arg1 rest of line": the last argument keeps its spaces.
std::vector<std::string> split(const std::string& line, int fields) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (static_cast<int>(out.size()) < fields - 1 && i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        std::size_t j = line.find(' ', i);
        if (j == std::string::npos) j = line.size();
        if (j > i) out.push_back(line.substr(i, j - i));
        i = j;
    }
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size()) out.push_back(line.substr(i));
    return out;
}

}  // namespace

std::string unescape_script_text(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        char n = s[++i];
        if (n == 'n') out += '\n';
        else if (n == 't') out += '\t';
        else if (n == '\\') out += '\\';
        else if (n == 'x' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else if (n == 'u' && i + 1 < s.size() && s[i + 1] == '{') {
            std::size_t close = s.find('}', i);
            if (close == std::string::npos) break;
            append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 2, close - i - 2), nullptr, 16)));
            i = close;
        } else {
            out += '\\';
            out += n;
        }
    }
    return out;
}

Status run_ui_script(UiDriver& d, std::istream& in, const std::string& name, const ScriptOptions& options,
                     std::ostream& log) {
    std::string line;
    int number = 0;
    auto fail = [&](const std::string& what) -> Status {
        std::string msg = name + ":" + std::to_string(number) + ": " + what;
        return Error{"script.failed", "", msg, msg};
    };
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t start = line.find_first_not_of(' ');
        if (start == std::string::npos || line[start] == '#') continue;
        line = line.substr(start);
        auto head = split(line, 2);
        const std::string cmd = head[0];
        const std::string rest = head.size() > 1 ? head[1] : "";
        log << name << ":" << number << ": " << line.substr(0, 120) << "\n";

        if (cmd == "tap") {
            if (auto s = d.tap(rest); !s) return fail(s.error().message_en);
        } else if (cmd == "type") {
            if (auto s = d.type(unescape_script_text(rest)); !s) return fail(s.error().message_en);
        } else if (cmd == "paste") {
            if (auto s = d.paste(unescape_script_text(rest)); !s) return fail(s.error().message_en);
        } else if (cmd == "paste-repeat") {  // paste-repeat COUNT TEXT: a long paste without a long script line
            auto a = split(rest, 2);
            if (a.size() < 2) return fail("paste-repeat needs COUNT TEXT");
            std::string text;
            const std::string unit = unescape_script_text(a[1]);
            for (int i = 0, n = std::stoi(a[0]); i < n; ++i) text += unit;
            if (auto s = d.paste(text); !s) return fail(s.error().message_en);
        } else if (cmd == "dump") {  // lists every widget on screen (writing scripts, debugging)
            for (const auto& r : d.app().registry().all())
                if (rest.empty() || r.id.rfind(rest, 0) == 0)
                    log << "  " << r.id << " [" << r.rect.x << "," << r.rect.y << " " << r.rect.w << "x" << r.rect.h
                        << "] " << (r.enabled ? "" : "disabled ") << "'" << r.value.substr(0, 40) << "'\n";
        } else if (cmd == "drag") {  // drag ID FX0 FY0 FX1 FY1: a finger drag, in fractions of the widget's rectangle
            auto a = split(rest, 5);
            if (a.size() < 5) return fail("drag needs ID FX0 FY0 FX1 FY1");
            d.frames(1);
            const WidgetRecord* r = d.find(a[0]);
            if (!r) return fail("no widget " + a[0]);
            const WidgetRect box = r->rect;
            auto at = [](float origin, float size, const std::string& f) { return origin + size * std::stof(f); };
            if (auto s = d.drag(at(box.x, box.w, a[1]), at(box.y, box.h, a[2]), at(box.x, box.w, a[3]),
                                at(box.y, box.h, a[4]));
                !s)
                return fail(s.error().message_en);
        } else if (cmd == "frames") {
            d.frames(rest.empty() ? 1 : std::stoi(rest));
        } else if (cmd == "advance") {
            d.advance_seconds(std::stod(rest));
        } else if (cmd == "screenshot") {
            if (!d.runner().can_screenshot()) {
                log << "  (screenshot skipped: no renderer)\n";
                continue;
            }
            if (auto s = d.runner().screenshot(options.screenshot_dir + "/" + rest); !s)
                return fail(s.error().message_en);
        } else if (cmd == "expect") {
            auto a = split(rest, 3);
            if (a.empty()) return fail("expect needs a kind");
            const std::string kind = a[0];
            const std::string id = a.size() > 1 ? a[1] : "";
            const std::string want = a.size() > 2 ? unescape_script_text(a[2]) : "";
            if (kind == "screen") {
                if (d.screen() != id) return fail("expected screen " + id + ", got " + d.screen());
            } else if (kind == "value") {
                if (!d.find(id)) return fail("no widget " + id);
                if (d.value(id) != want) return fail("expected " + id + " = '" + want + "', got '" + d.value(id) + "'");
            } else if (kind == "value-contains") {
                if (d.value(id).find(want) == std::string::npos)
                    return fail("expected " + id + " to contain '" + want + "', got '" + d.value(id) + "'");
            } else if (kind == "error") {
                if (d.error(id).find(want) == std::string::npos || d.error(id).empty())
                    return fail("expected error on " + id + " containing '" + want + "', got '" + d.error(id) + "'");
            } else if (kind == "no-error") {
                if (!d.error(id).empty()) return fail("expected no error on " + id + ", got '" + d.error(id) + "'");
            } else if (kind == "visible") {
                if (!d.find(id)) return fail("expected " + id + " on screen");
            } else if (kind == "absent") {
                if (d.find(id)) return fail("expected " + id + " not on screen");
            } else if (kind == "enabled" || kind == "disabled") {
                const WidgetRecord* r = d.find(id);
                if (!r) return fail("no widget " + id);
                if (r->enabled != (kind == "enabled")) return fail("expected " + id + " " + kind);
            } else if (kind == "label") {
                const WidgetRecord* r = d.find(id);
                if (!r || r->label != want) return fail("expected label of " + id + " = '" + want + "'");
            } else {
                return fail("unknown expectation '" + kind + "'");
            }
        } else {
            return fail("unknown command '" + cmd + "'");
        }
    }
    return ok_status();
}

}  // namespace madoguchi
