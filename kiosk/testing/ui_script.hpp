// The UI script language (docs/ui-scripts.md): one command per line that
// taps, types and checks, run by `madoguchi --script FILE`. The first failed
// expectation stops the script with its line number.
#pragma once

#include <iosfwd>
#include <string>

#include "data/result.hpp"
#include "kiosk/testing/ui_driver.hpp"

namespace madoguchi {

struct ScriptOptions {
    std::string screenshot_dir = ".";  // where `screenshot NAME` writes NAME
};

// Runs every line; returns the first failure as "FILE:LINE: message".
Status run_ui_script(UiDriver& driver, std::istream& in, const std::string& name, const ScriptOptions& options,
                     std::ostream& log);

// Unescapes \n, \t, \\, \xNN and \u{HEX} in script arguments (so scripts can
// paste control characters, invalid UTF-8 and emoji on purpose).
std::string unescape_script_text(const std::string& s);

}  // namespace madoguchi
