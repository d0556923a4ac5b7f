// One message per SANE status, written for staff at the counter.
#include "platform/scanner/sane_status_error.hpp"

namespace madoguchi {

Error sane_status_error(SANE_Status status) {
    auto e = [](const char* code, const char* ja, const char* en) { return Error{code, "scanner", ja, en}; };
    switch (status) {
        case SANE_STATUS_NO_DOCS:
            return e("scanner.no_docs", "原稿がありません。原稿をセットしてください。", "No document loaded. Insert the document.");
        case SANE_STATUS_COVER_OPEN:
            return e("scanner.cover_open", "スキャナーのカバーが開いています。閉じてからやり直してください。",
                     "The scanner cover is open. Close it and try again.");
        case SANE_STATUS_JAMMED:
            return e("scanner.jammed", "紙詰まりです。原稿を取り除いてからやり直してください。",
                     "Paper jam. Remove the document and try again.");
        case SANE_STATUS_DEVICE_BUSY:
            return e("scanner.busy", "スキャナーが使用中です。しばらく待ってからやり直してください。",
                     "The scanner is busy. Wait a moment and try again.");
        case SANE_STATUS_IO_ERROR:
            return e("scanner.io", "スキャナーとの通信に失敗しました。ケーブルと電源を確認してください。",
                     "Could not communicate with the scanner. Check its cable and power.");
        case SANE_STATUS_NO_MEM:
            return e("scanner.no_memory", "メモリが不足しています。解像度を下げてやり直してください。",
                     "Out of memory. Lower the resolution and try again.");
        case SANE_STATUS_ACCESS_DENIED:
            return e("scanner.access_denied", "スキャナーを使用する権限がありません。技術担当者に連絡してください。",
                     "No permission to use the scanner. Call a technician.");
        case SANE_STATUS_CANCELLED:
            return e("scanner.cancelled", "スキャンを中止しました。", "The scan was cancelled.");
        case SANE_STATUS_INVAL:
            return e("scanner.invalid", "スキャナーがこの設定に対応していません。設定を確認してください。",
                     "The scanner does not accept these settings. Check the settings.");
        case SANE_STATUS_UNSUPPORTED:
            return e("scanner.unsupported", "スキャナーがこの操作に対応していません。", "The scanner does not support this operation.");
        case SANE_STATUS_EOF:
            return e("scanner.no_data", "スキャナーから画像が届きませんでした。やり直してください。",
                     "The scanner sent no image. Try again.");
        case SANE_STATUS_GOOD:
            break;
    }
    return e("scanner.failed", "スキャンに失敗しました。やり直してください。", "The scan failed. Try again.");
}

}  // namespace madoguchi
