// registration_number_for: a readable slice of the account UUID.
#include "services/registration_number.hpp"

#include <cctype>

namespace madoguchi {

std::string registration_number_for(std::string_view client_id) {
    std::string hex;
    for (char c : client_id) {
        if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (hex.size() == 8) break;
    }
    while (hex.size() < 8) hex += '0';
    return "MD-" + hex.substr(0, 4) + "-" + hex.substr(4, 4);
}

}  // namespace madoguchi
