// PIN hashing and lockout.
#include "kiosk/pin_check.hpp"

#include <sodium.h>

#include <algorithm>

namespace madoguchi {

Result<std::string> hash_pin(const std::string& pin) {
    if (sodium_init() < 0) return Error{"crypto.init", "", "暗号ライブラリを初期化できません。", "libsodium init failed."};
    if (pin.size() < 4 || pin.size() > 12 || !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return Error{"pin.format", "pin", "PINは4〜12桁の数字です。", "A PIN is 4 to 12 digits."};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"pin.hash", "", "PINを保存できません（メモリ不足）。", "Out of memory hashing the PIN."};
    return std::string(out);
}

bool verify_pin(const std::string& hash, const std::string& pin) {
    if (hash.empty() || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

void PinLockout::record_failure(std::int64_t now_ms) {
    ++failures_;
    if (failures_ < 5) return;
    const std::int64_t lock_ms = std::min<std::int64_t>(30'000LL << std::min(failures_ - 5, 7), 3'600'000);
    locked_until_ms_ = now_ms + lock_ms;
}

}  // namespace madoguchi
