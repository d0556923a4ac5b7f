// Toasts: the same message shown twice is one toast (the profile form once
// stacked 「入力内容にエラーがあります」 twice), newest last, at most three.
#include <doctest/doctest.h>

#include "kiosk/ui/toasts.hpp"

using namespace madoguchi;

TEST_CASE("the same message again is one toast that lives from the last time it was shown") {
    Toasts t;
    t.show("入力内容にエラーがあります", ToastKind::error, 1000);
    t.show("入力内容にエラーがあります", ToastKind::error, 3000);
    CHECK(t.size() == 1);
    CHECK(t.next_expiry_ms() == 3000 + 4000);
    // Same words, another kind: a different message.
    t.show("入力内容にエラーがあります", ToastKind::info, 3000);
    CHECK(t.size() == 2);
    t.show("保存しました", ToastKind::success, 3000);
    t.show("送信待ちです", ToastKind::info, 3000);
    CHECK(t.size() == 3);  // the oldest (the error) went
    t.show("入力内容にエラーがあります", ToastKind::error, 3000);
    t.leave_screen();
    CHECK(t.size() == 2);  // errors go with their screen; the navigating frame's info stays
    t.clear();
    CHECK(t.empty());
}
