// Romaji → kana: every rule of JAPAN.md "Romaji input", table-driven.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "kiosk/ime/romaji_converter.hpp"
#include "kiosk/ime/romaji_table.hpp"

using madoguchi::ime::KanaScript;
using madoguchi::ime::RomajiConverter;

namespace {

struct Case {
    std::string_view keys;
    std::string_view expected;  // after commit()
};

std::string convert(std::string_view keys, KanaScript script = KanaScript::hiragana) {
    RomajiConverter r(script);
    r.feed(keys);
    return r.take();
}

void check_all(std::initializer_list<Case> cases) {
    for (const auto& c : cases) {
        CAPTURE(c.keys);
        CHECK(convert(c.keys) == c.expected);
    }
}

}  // namespace

TEST_CASE("basic syllabary, a through wo") {
    check_all({
        {"a", "あ"},  {"i", "い"},  {"u", "う"},  {"e", "え"},  {"o", "お"},  {"ka", "か"}, {"ki", "き"},
        {"ku", "く"}, {"ke", "け"}, {"ko", "こ"}, {"sa", "さ"}, {"su", "す"}, {"se", "せ"}, {"so", "そ"},
        {"ta", "た"}, {"te", "て"}, {"to", "と"}, {"na", "な"}, {"ni", "に"}, {"nu", "ぬ"}, {"ne", "ね"},
        {"no", "の"}, {"ha", "は"}, {"hi", "ひ"}, {"he", "へ"}, {"ho", "ほ"}, {"ma", "ま"}, {"mi", "み"},
        {"mu", "む"}, {"me", "め"}, {"mo", "も"}, {"ya", "や"}, {"yu", "ゆ"}, {"yo", "よ"}, {"ra", "ら"},
        {"ri", "り"}, {"ru", "る"}, {"re", "れ"}, {"ro", "ろ"}, {"wa", "わ"}, {"wo", "を"}, {"ga", "が"},
        {"gi", "ぎ"}, {"gu", "ぐ"}, {"ge", "げ"}, {"go", "ご"}, {"za", "ざ"}, {"zu", "ず"}, {"ze", "ぜ"},
        {"zo", "ぞ"}, {"da", "だ"}, {"de", "で"}, {"do", "ど"}, {"ba", "ば"}, {"bi", "び"}, {"bu", "ぶ"},
        {"be", "べ"}, {"bo", "ぼ"}, {"pa", "ぱ"}, {"pi", "ぴ"}, {"pu", "ぷ"}, {"pe", "ぺ"}, {"po", "ぽ"},
    });
}

TEST_CASE("variants si/shi ti/chi tu/tsu hu/fu zi/ji give the same kana") {
    check_all({
        {"si", "し"},
        {"shi", "し"},
        {"ti", "ち"},
        {"chi", "ち"},
        {"tu", "つ"},
        {"tsu", "つ"},
        {"hu", "ふ"},
        {"fu", "ふ"},
        {"zi", "じ"},
        {"ji", "じ"},
        {"ci", "し"},
        {"ca", "か"},
        {"cu", "く"},
        {"ce", "せ"},
        {"co", "こ"},
        {"qu", "く"},
        {"yi", "い"},
        {"wu", "う"},
    });
}

TEST_CASE("di du wo ye thi dhi twu fa vu and their families") {
    check_all({
        {"di", "ぢ"},    {"du", "づ"},    {"wo", "を"},    {"ye", "いぇ"}, {"thi", "てぃ"}, {"dhi", "でぃ"},
        {"twu", "とぅ"}, {"fa", "ふぁ"},  {"fi", "ふぃ"},  {"fe", "ふぇ"}, {"fo", "ふぉ"},  {"vu", "ゔ"},
        {"va", "ゔぁ"},  {"vi", "ゔぃ"},  {"ve", "ゔぇ"},  {"vo", "ゔぉ"}, {"tha", "てゃ"}, {"thu", "てゅ"},
        {"dhu", "でゅ"}, {"dwu", "どぅ"}, {"wi", "うぃ"},  {"we", "うぇ"}, {"who", "うぉ"}, {"tsa", "つぁ"},
        {"tso", "つぉ"}, {"kwa", "くぁ"}, {"gwa", "ぐぁ"}, {"qa", "くぁ"}, {"fyu", "ふゅ"}, {"vyu", "ゔゅ"},
    });
}

TEST_CASE("full contracted sets: kya sha cha ja nya hya mya rya gya bya pya") {
    check_all({
        {"kya", "きゃ"}, {"kyu", "きゅ"}, {"kyo", "きょ"}, {"sha", "しゃ"}, {"shu", "しゅ"}, {"sho", "しょ"},
        {"she", "しぇ"}, {"sya", "しゃ"}, {"syu", "しゅ"}, {"syo", "しょ"}, {"cha", "ちゃ"}, {"chu", "ちゅ"},
        {"cho", "ちょ"}, {"che", "ちぇ"}, {"tya", "ちゃ"}, {"tyu", "ちゅ"}, {"tyo", "ちょ"}, {"cya", "ちゃ"},
        {"ja", "じゃ"},  {"ju", "じゅ"},  {"jo", "じょ"},  {"je", "じぇ"},  {"jya", "じゃ"}, {"jyu", "じゅ"},
        {"zya", "じゃ"}, {"zyu", "じゅ"}, {"zyo", "じょ"}, {"nya", "にゃ"}, {"nyu", "にゅ"}, {"nyo", "にょ"},
        {"hya", "ひゃ"}, {"hyu", "ひゅ"}, {"hyo", "ひょ"}, {"mya", "みゃ"}, {"myu", "みゅ"}, {"myo", "みょ"},
        {"rya", "りゃ"}, {"ryu", "りゅ"}, {"ryo", "りょ"}, {"gya", "ぎゃ"}, {"gyu", "ぎゅ"}, {"gyo", "ぎょ"},
        {"bya", "びゃ"}, {"byu", "びゅ"}, {"byo", "びょ"}, {"pya", "ぴゃ"}, {"pyu", "ぴゅ"}, {"pyo", "ぴょ"},
        {"dya", "ぢゃ"}, {"dyu", "ぢゅ"}, {"dyo", "ぢょ"}, {"kye", "きぇ"}, {"kyi", "きぃ"},
    });
}

TEST_CASE("small kana with x and l") {
    check_all({
        {"xa", "ぁ"},   {"xi", "ぃ"},   {"xu", "ぅ"},  {"xe", "ぇ"},  {"xo", "ぉ"},  {"la", "ぁ"},
        {"li", "ぃ"},   {"lu", "ぅ"},   {"le", "ぇ"},  {"lo", "ぉ"},  {"xtu", "っ"}, {"ltu", "っ"},
        {"xtsu", "っ"}, {"ltsu", "っ"}, {"xya", "ゃ"}, {"xyu", "ゅ"}, {"xyo", "ょ"}, {"lya", "ゃ"},
        {"lyu", "ゅ"},  {"lyo", "ょ"},  {"xwa", "ゎ"}, {"lwa", "ゎ"}, {"xka", "ヵ"}, {"xke", "ヶ"},
        {"lka", "ヵ"},  {"lke", "ヶ"},
    });
}

TEST_CASE("doubled consonant other than n gives small tsu and keeps the consonant") {
    check_all({
        {"kka", "っか"},     {"ssa", "っさ"},      {"tta", "った"},
        {"ppa", "っぱ"},     {"hha", "っは"},      {"mma", "っま"},
        {"yya", "っや"},     {"rra", "っら"},      {"wwa", "っわ"},
        {"gga", "っが"},     {"zza", "っざ"},      {"dda", "っだ"},
        {"bba", "っば"},     {"ffa", "っふぁ"},    {"vva", "っゔぁ"},
        {"jja", "っじゃ"},   {"cca", "っか"},      {"qqa", "っくぁ"},
        {"ssha", "っしゃ"},  {"cchi", "っち"},     {"ttsu", "っつ"},
        {"kkya", "っきゃ"},  {"tcha", "っちゃ"},   {"matcha", "まっちゃ"},
        {"kitte", "きって"}, {"zasshi", "ざっし"}, {"hokkaidou", "ほっかいどう"},
        {"kkka", "っっか"},  {"xxa", "っぁ"},
    });
}

TEST_CASE("the moraic n: nn, n', xn, n before a consonant, trailing n") {
    check_all({
        {"nn", "ん"},
        {"n'", "ん"},
        {"xn", "ん"},
        {"n", "ん"},
        {"shinnai", "しんあい"},
        {"shinnnai", "しんない"},
        {"shin'ai", "しんあい"},
        {"kanji", "かんじ"},
        {"tenki", "てんき"},
        {"sanpo", "さんぽ"},
        {"honda", "ほんだ"},
        {"kantan", "かんたん"},
        {"onna", "おんあ"},
        {"onnna", "おんな"},
        {"konnichiha", "こんいちは"},
        {"konnnichiha", "こんにちは"},
        {"minna", "みんあ"},
        {"minnna", "みんな"},
        {"kinyuu", "きにゅう"},
        {"kin'yuu", "きんゆう"},
        {"nyan", "にゃん"},
        {"ninja", "にんじゃ"},
        {"senpai", "せんぱい"},
        {"san-", "さんー"},
        {"han,", "はん、"},
        {"hon.", "ほん。"},
        {"tanuki", "たぬき"},
        {"nwa", "んわ"},
        {"nnn", "んん"},
        {"xnn", "んん"},
        {"gunma", "ぐんま"},
        {"shinbun", "しんぶん"},
        {"nzu", "んず"},
    });
}

TEST_CASE("punctuation and z-symbols") {
    check_all({
        {"-", "ー"},
        {",", "、"},
        {".", "。"},
        {"[", "「"},
        {"]", "」"},
        {"z/", "・"},
        {"zh", "←"},
        {"zj", "↓"},
        {"zk", "↑"},
        {"zl", "→"},
        {"z.", "…"},
        {"z-", "〜"},
        {"ra-men", "らーめん"},
        {"[kagi]", "「かぎ」"},
        {"a,i.", "あ、い。"},
        {"jon/sumisu", "じょん/すみす"},
        {"jon'z/sumisu", "じょん・すみす"},
    });
}

TEST_CASE("words and sentences") {
    check_all({
        {"toukyouto", "とうきょうと"},   {"tiyodaku", "ちよだく"},    {"chiyodaku", "ちよだく"},
        {"yamadatarou", "やまだたろう"}, {"watashi", "わたし"},       {"nihongo", "にほんご"},
        {"gakkou", "がっこう"},          {"kyouto", "きょうと"},      {"oosaka", "おおさか"},
        {"hyougo", "ひょうご"},          {"fukuoka", "ふくおか"},     {"okinawa", "おきなわ"},
        {"sapporo", "さっぽろ"},         {"vaiorin", "ゔぁいおりん"}, {"pa-thi-", "ぱーてぃー"},
        {"fairu", "ふぁいる"},           {"dhisuku", "でぃすく"},     {"shuushoku", "しゅうしょく"},
        {"rirekisho", "りれきしょ"},     {"mensetsu", "めんせつ"},    {"tenshoku", "てんしょく"},
    });
}

TEST_CASE("upper case letters are folded; digits, space and other ASCII pass through") {
    check_all({
        {"KA", "か"},
        {"Kyo", "きょ"},
        {"TOUKYOU", "とうきょう"},
        {"a1", "あ1"},
        {"123", "123"},
        {"a b", "あ b"},
        {"ka@", "か@"},
        {"k!a", "k!あ"},
        {"#", "#"},
    });
}

TEST_CASE("invalid and unfinished romaji keeps the letters typed") {
    check_all({
        {"k", "k"},
        {"ky", "ky"},
        {"xt", "xt"},
        {"kz", "kz"},
        {"qwrt", "qwrt"},
        {"bcd", "bcd"},
        {"sh", "sh"},
        {"ts", "ts"},
        {"xts", "xts"},
        {"z", "z"},
    });
}

TEST_CASE("preedit holds only what can still become kana") {
    RomajiConverter r;
    r.feed('k');
    CHECK(r.text() == "");
    CHECK(r.preedit() == "k");
    r.feed('y');
    CHECK(r.preedit() == "ky");
    CHECK(r.display() == "ky");
    r.feed('o');
    CHECK(r.text() == "きょ");
    CHECK(r.preedit() == "");
    r.feed('n');
    CHECK(r.text() == "きょ");
    CHECK(r.preedit() == "n");
    CHECK(r.display() == "きょn");
    r.feed('k');
    CHECK(r.text() == "きょん");
    CHECK(r.preedit() == "k");
    r.feed('k');
    CHECK(r.text() == "きょんっ");
    CHECK(r.preedit() == "k");
}

TEST_CASE("take_text hands over finished kana and keeps the preedit") {
    RomajiConverter r;
    r.feed("kyouky");
    CHECK(r.take_text() == "きょう");
    CHECK(r.text().empty());
    CHECK(r.preedit() == "ky");
    r.feed('o');
    CHECK(r.take_text() == "きょ");
    r.feed("shin");
    CHECK(r.take_text() == "し");
    CHECK(r.preedit() == "n");
    r.feed('k');
    CHECK(r.take_text() == "ん");
    CHECK(r.take() == "k");
}

TEST_CASE("backspace removes pending keys first, then whole characters") {
    RomajiConverter r;
    r.feed("kanky");
    CHECK(r.text() == "かん");
    CHECK(r.preedit() == "ky");
    CHECK(r.backspace());
    CHECK(r.preedit() == "k");
    CHECK(r.backspace());
    CHECK(r.preedit() == "");
    CHECK(r.backspace());
    CHECK(r.text() == "か");
    CHECK(r.backspace());
    CHECK(r.text() == "");
    CHECK_FALSE(r.backspace());
    CHECK(r.empty());
    r.feed("kyo");
    CHECK(r.backspace());  // a two-character result loses one character
    CHECK(r.text() == "き");
}

TEST_CASE("katakana mode and switching scripts mid-stream") {
    CHECK(convert("toukyou", KanaScript::katakana) == "トウキョウ");
    CHECK(convert("vaiorin", KanaScript::katakana) == "ヴァイオリン");
    CHECK(convert("ko-hi-", KanaScript::katakana) == "コーヒー");
    CHECK(convert("xka", KanaScript::katakana) == "ヵ");
    CHECK(convert("kitte", KanaScript::katakana) == "キッテ");
    CHECK(convert("jon'z/sumisu", KanaScript::katakana) == "ジョン・スミス");
    CHECK(convert("n", KanaScript::katakana) == "ン");
    RomajiConverter r;
    r.feed("ka");
    r.set_script(KanaScript::katakana);
    r.feed("ka");
    CHECK(r.script() == KanaScript::katakana);
    CHECK(r.take() == "かカ");
    CHECK(r.empty());
}

TEST_CASE("control characters and non-ASCII bytes are ignored") {
    RomajiConverter r;
    CHECK_FALSE(r.feed('\n'));
    CHECK_FALSE(r.feed('\x7f'));
    CHECK_FALSE(r.feed('\xe3'));
    CHECK_FALSE(r.feed('\0'));
    CHECK(r.feed('a'));
    CHECK(r.take() == "あ");
}

TEST_CASE("table lookups") {
    using madoguchi::ime::romaji_key_continues;
    using madoguchi::ime::romaji_to_kana;
    CHECK(romaji_to_kana("kya") == std::optional<std::string_view>("きゃ"));
    CHECK_FALSE(romaji_to_kana("ky").has_value());
    CHECK(romaji_key_continues("ky"));
    CHECK(romaji_key_continues("n"));
    CHECK(romaji_key_continues("xt"));
    CHECK_FALSE(romaji_key_continues("kya"));
    CHECK_FALSE(romaji_key_continues("nn"));
    CHECK_FALSE(romaji_key_continues("q q"));
}
