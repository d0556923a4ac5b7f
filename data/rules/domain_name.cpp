// Host name syntax (LDH labels) shared by the e-mail and URL rules.
#include "data/rules/domain_name.hpp"

#include <algorithm>
#include <cctype>

namespace madoguchi {

bool is_valid_domain_name(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return false;
    std::size_t labels = 0;
    std::string_view last;
    while (true) {
        const std::size_t dot = domain.find('.');
        const std::string_view label = domain.substr(0, dot);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
        ++labels;
        last = label;
        if (dot == std::string_view::npos) break;
        domain.remove_prefix(dot + 1);
    }
    const bool alpha_tld = std::all_of(last.begin(), last.end(),
                                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    return labels >= 2 && ((alpha_tld && last.size() >= 2) || last.substr(0, 4) == "xn--");
}

}  // namespace madoguchi
