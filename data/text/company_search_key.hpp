// The key a company name is searched by (【11】 server search): the same name
// typed in another width, kana script, spacing or legal-form spelling gives
// the same key, so "ｶﾌﾞｼｷｶﾞｲｼｬ ﾐﾅﾄ", "㈱ミナト" and "株式会社 みなと" all find
// "株式会社ミナト" by a substring match on the key.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi {

// normalize_for_comparison (full-width ASCII -> ASCII, half-width kana ->
// full-width with ﾞ/ﾟ composed, ㈱ -> (株), dashes -> '-'), then katakana ->
// hiragana, ASCII lower-cased, white space removed, and the legal form
// (株式会社 / (株) / かぶしきがいしゃ, 有限会社, 合同会社, 合資会社, 合名会社
// in any of those spellings) removed wherever it stands: people type it
// before or after the name, abbreviated or not, or leave it out.
// A name that is only a legal form gives "" (callers treat it as "any").
std::string company_search_key(std::string_view name);

}  // namespace madoguchi
