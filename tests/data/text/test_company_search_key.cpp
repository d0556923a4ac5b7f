// Company search key: every spelling people type for the same company name
// gives one key (width, kana script, case, spacing, legal form).
#include <doctest/doctest.h>

#include "data/text/company_search_key.hpp"

using namespace madoguchi;

TEST_CASE("company search key folds width, kana, case, spaces and legal forms") {
    struct Case {
        const char* typed;
        const char* key;
    };
    const Case cases[] = {
        {"株式会社ミナト", "みなと"},
        {"ｶﾌﾞｼｷｶﾞｲｼｬ ﾐﾅﾄ", "みなと"},
        {"カブシキカイシャ　ミナト", "みなと"},
        {"㈱ミナト", "みなと"},
        {"(株)ミナト", "みなと"},
        {"（株）ミナト", "みなと"},
        {"ミナト株式会社", "みなと"},
        {"ミナト 株式会社", "みなと"},
        {"みなと", "みなと"},
        {"ﾐﾅﾄ", "みなと"},
        {"有限会社山田商事", "山田商事"},
        {"㈲山田商事", "山田商事"},
        {"山田商事(有)", "山田商事"},
        {"合同会社ＡＢＣ", "abc"},
        {"ABC合同会社", "abc"},
        {"ａｂｃ　ｔｅｃｈ", "abctech"},
        {"ABC Tech", "abctech"},
        {"山田　商事", "山田商事"},
        {"ヴィーナス", "ゔぃーなす"},
        {"ｳﾞｨｰﾅｽ", "ゔぃーなす"},
        {"株式会社", ""},
        {"   ", ""},
        {"", ""},
    };
    for (const auto& c : cases) {
        INFO(c.typed);
        CHECK(company_search_key(c.typed) == c.key);
    }
}

TEST_CASE("company search key keeps what tells companies apart") {
    CHECK(company_search_key("山田商事") != company_search_key("山田工業"));
    CHECK(company_search_key("ABC1") != company_search_key("ABC2"));
    // A query's key is a substring of the stored name's key.
    CHECK(company_search_key("株式会社山田商事").find(company_search_key("ﾔﾏﾀﾞ")) == std::string::npos);
    CHECK(company_search_key("株式会社山田商事").find(company_search_key("山田")) != std::string::npos);
    // Invalid UTF-8 does not throw: it becomes U+FFFD.
    CHECK_FALSE(company_search_key("\xFF\xFE").empty());
}
