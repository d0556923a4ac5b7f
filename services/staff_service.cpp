// StaffService: registrants, capture draft, worker-thread scans and stills,
// the image pipeline and the encrypted submission, with the audit log.
#include "services/staff_service.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "data/imaging/document_format.hpp"
#include "data/imaging/document_side_rules.hpp"
#include "data/model/enum_codes.hpp"
#include "data/rules/validate_records.hpp"
#include "data/store/sqlite.hpp"
#include "data/store/store.hpp"
#include "services/identity_practice_card.hpp"

namespace madoguchi {
namespace {

std::int64_t local_midnight_ms(std::int64_t now_ms) {
    const std::time_t t = static_cast<std::time_t>(now_ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    tm.tm_hour = 0, tm.tm_min = 0, tm.tm_sec = 0;
    return static_cast<std::int64_t>(std::mktime(&tm)) * 1000;
}

std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
    unsigned char d[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(d, bytes.data(), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, d, sizeof d);
    return hex;
}

Error no_draft_error() {
    return Error{"staff.no_document", "", "先に登録者と書類の種類を選んでください。",
                 "Choose the registrant and the document type first."};
}

Error no_device_error(bool camera) {
    return camera ? Error{"camera.none", "", "カメラが設定されていません。技術担当者に設定を依頼してください。",
                          "No camera is configured. Ask a technician to set one up."}
                  : Error{"scanner.none", "", "スキャナーが設定されていません。カメラで撮影するか、技術担当者に連絡してください。",
                          "No scanner is configured. Use the camera or call a technician."};
}

}  // namespace

std::string CaptureDraft::next_side() const {
    if (!type) return {};
    for (const auto& side : required_sides(*type)) {
        const bool have = std::any_of(pages.begin(), pages.end(), [&](const CapturedPage& p) {
            return p.side == side && p.problems.empty() && p.confirmed;
        });
        if (!have) return side;
    }
    return {};
}

CapturedPage* CaptureDraft::page(const std::string& side) {
    for (auto& p : pages)
        if (p.side == side) return &p;
    return nullptr;
}

StaffService::StaffService(Store& store, CaptureDevices devices, PostToUi post_to_ui, WallClock now)
    : store_(store), audit_(store, now), devices_(devices), post_(std::move(post_to_ui)), now_(std::move(now)) {}

StaffService::~StaffService() {
    stop_ = true;
    cancel_scan();
    join_worker();
}

void StaffService::join_worker() {
    if (worker_.joinable()) worker_.join();
}

void StaffService::begin(const std::string& staff_id, std::uint64_t session_serial) {
    staff_id_ = staff_id.empty() ? "staff" : staff_id;
    draft_ = CaptureDraft{};
    draft_.session_serial = session_serial;
    (void)audit(audit_action::staff_sign_in);
}

void StaffService::end(std::string_view how) {
    if (!staff_id_.empty()) (void)audit(audit_action::staff_sign_out, {}, how);
    staff_id_.clear();
    draft_ = CaptureDraft{};  // nothing captured outlives staff mode
}

void StaffService::record_failed_pin(const std::string& pin_slot) {
    (void)audit_.append(pin_slot.empty() ? "staff" : pin_slot, audit_action::pin_failed);
}

Status StaffService::audit(std::string_view action, std::string_view registrant, std::string_view detail) {
    return audit_.append(staff_id_.empty() ? "staff" : staff_id_, action, registrant, detail);
}

Result<std::vector<RegistrantSummary>> StaffService::todays_registrants() {
    auto st = store_.db().prepare(
        "SELECT owner_client_id, created_at_ms FROM records WHERE entity_type='account' AND created_at_ms >= ?1 "
        "ORDER BY created_at_ms DESC, local_id DESC");
    if (!st) return st.error();
    st->bind(1, local_midnight_ms(now_()));
    std::vector<RegistrantSummary> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        RegistrantSummary r;
        r.client_id = st->column_text(0);
        r.registered_at_ms = st->column_int64(1);
        out.push_back(std::move(r));
    }
    for (auto& r : out) {
        if (auto a = store_.accounts().get(r.client_id); a && a->has_value()) {
            r.username = (*a)->username;
            r.registration_number = (*a)->registration_number;
        }
        if (auto p = store_.profiles().get(r.client_id); p && p->has_value()) {
            const auto& pr = **p;
            r.name = pr.family_name + (pr.family_name.empty() || pr.given_name.empty() ? "" : " ") + pr.given_name;
        }
        if (auto docs = store_.identity_documents().list(r.client_id); docs && !docs->empty()) {
            const auto& latest = docs->back();
            // A document on the kiosk is at least waiting for its check.
            r.status = latest.status == VerificationStatus::not_submitted ? VerificationStatus::pending : latest.status;
            r.rejection_reason = latest.rejection_reason;
        }
    }
    return out;
}

Status StaffService::open_registrant(const RegistrantSummary& r) {
    const auto serial = draft_.session_serial;
    draft_ = CaptureDraft{};
    draft_.session_serial = serial;
    draft_.registrant = r.client_id;
    draft_.registrant_label = r.registration_number + (r.name.empty() ? "" : "  " + r.name);
    return audit(audit_action::registrant_opened, r.client_id);
}

void StaffService::forget_draft_unless(std::uint64_t session_serial) {
    if (draft_.session_serial != session_serial) {
        draft_ = CaptureDraft{};
        draft_.session_serial = session_serial;
    }
}

Status StaffService::choose_type(DocumentType type) {
    if (draft_.registrant.empty()) return no_draft_error();
    draft_.type = type;
    draft_.pages.clear();
    draft_.practice = false;
    draft_.passport_issued = {};
    return audit(audit_action::document_type_chosen, draft_.registrant, to_code(type));
}

bool StaffService::refresh_scanners() {
    if (!devices_.scanner || scan_profile_error_) {
        job_ = CaptureJob{CaptureJob::Kind::list_devices, false, 0,
                          scan_profile_error_ ? *scan_profile_error_ : no_device_error(false), std::nullopt, 0, false};
        return false;
    }
    if (running_.exchange(true)) return false;
    join_worker();
    job_ = CaptureJob{CaptureJob::Kind::list_devices, true, 0, std::nullopt, std::nullopt, 0, false};
    worker_ = std::thread([this] {
        auto list = devices_.scanner->list_devices();
        auto shared = std::make_shared<Result<std::vector<ScannerInfo>>>(std::move(list));
        running_ = false;
        if (!stop_ && post_) post_([this, shared] {
            job_.running = false;
            if (!*shared) {
                job_.error = shared->error();
                return;
            }
            scanners_ = shared->value();
            if (scanners_.empty())
                job_.error = Error{"scanner.no_device", "", "スキャナーが見つかりません。電源とケーブルを確認し、「再検索」を押してください。",
                                   "No scanner found. Check its power and cable, then press Search again."};
        });
    });
    return true;
}

bool StaffService::start_scan(const std::string& device, int resolution_dpi, ColourMode mode) {
    if (!devices_.scanner || scan_profile_error_) {
        job_ = CaptureJob{CaptureJob::Kind::scan, false, 0,
                          scan_profile_error_ ? *scan_profile_error_ : no_device_error(false), std::nullopt, 0, false};
        return false;
    }
    if (!draft_.type) {
        job_ = CaptureJob{CaptureJob::Kind::scan, false, 0, no_draft_error(), std::nullopt, 0, false};
        return false;
    }
    if (running_.exchange(true)) return false;
    join_worker();
    const bool cut = identity_scan_is_document(scan_profile_, *draft_.type);
    job_ = CaptureJob{CaptureJob::Kind::scan, true, 0, std::nullopt, std::nullopt, 0, cut};
    ScanSettings settings = identity_scan_settings(scan_profile_, *draft_.type, resolution_dpi, mode);
    (void)audit("scan.started", draft_.registrant,
                std::to_string(settings.resolution_dpi) + "dpi" + (cut ? " card-area" : ""));
    worker_ = std::thread([this, device, settings = std::move(settings)] {
        std::optional<Result<ScannedPage>> result;
        auto opened = devices_.scanner->open(device);
        if (!opened) {
            result.emplace(opened.error());
        } else {
            {
                std::lock_guard lock(device_mutex_);
                scanning_ = opened->get();
            }
            // Progress is posted at most every 2 % so the queue stays short.
            auto last = std::make_shared<double>(-1.0);
            result.emplace((*opened)->scan_page(settings, [this, last](double f) {
                if (f - *last < 0.02 && f < 1.0) return;
                *last = f;
                if (!stop_ && post_) post_([this, f] { job_.progress = f; });
            }));
            std::lock_guard lock(device_mutex_);
            scanning_ = nullptr;
        }
        auto shared = std::make_shared<Result<ScannedPage>>(std::move(*result));
        running_ = false;
        if (!stop_ && post_) post_([this, shared] {
            job_.running = false;
            if (!*shared) {
                job_.error = shared->error();
                return;
            }
            job_.progress = 1.0;
            job_.dpi = shared->value().resolution_dpi;
            job_.frame = std::move(shared->value().image);
        });
    });
    return true;
}

void StaffService::cancel_scan() {
    std::lock_guard lock(device_mutex_);
    if (scanning_) scanning_->cancel();
}

bool StaffService::start_still() {
    if (!devices_.camera) {
        job_ = CaptureJob{CaptureJob::Kind::still, false, 0, no_device_error(true), std::nullopt, 0, false};
        return false;
    }
    if (running_.exchange(true)) return false;
    join_worker();
    job_ = CaptureJob{CaptureJob::Kind::still, true, 0, std::nullopt, std::nullopt, 0, false};
    worker_ = std::thread([this] {
        auto shared = std::make_shared<Result<Image>>(devices_.camera->capture_still());
        running_ = false;
        if (!stop_ && post_) post_([this, shared] {
            job_.running = false;
            if (!*shared) {
                job_.error = shared->error();
                return;
            }
            job_.progress = 1.0;
            job_.frame = std::move(shared->value());
        });
    });
    return true;
}

void StaffService::load_practice_frame() {
    if (running_.load()) return;
    job_ = CaptureJob{CaptureJob::Kind::still, false, 1.0, std::nullopt, make_practice_card().frame, 0, false};
    draft_.practice = true;
    (void)audit("practice.sample", draft_.registrant);
}

std::optional<Image> StaffService::take_frame() {
    std::optional<Image> out = std::move(job_.frame);
    job_.frame.reset();
    return out;
}

Result<CapturedPage*> StaffService::accept_frame(const std::string& side, const Image& frame, int dpi,
                                                 bool cut_to_document) {
    if (draft_.registrant.empty() || !draft_.type) return no_draft_error();
    const DocumentType type = *draft_.type;
    if (auto allowed = check_capture_allowed(type, side, frame); !allowed) {
        (void)audit(audit_action::capture_refused, draft_.registrant, side);
        return allowed.error();
    }
    CaptureOptions options;
    options.format = document_format(type);
    // A 住民票 fills the glass: nothing to crop.
    options.crop_to_document = type != DocumentType::residence_record;
    options.snap_to_format = options.crop_to_document;
    options.frame_is_document = cut_to_document;
    options.frame_dpi = dpi;
    auto prepared = prepare_document(frame, options);
    if (!prepared) {
        (void)audit(audit_action::page_captured, draft_.registrant, side + ":" + prepared.error().code);
        return prepared.error();
    }
    CapturedPage* page = draft_.page(side);
    if (!page) {
        draft_.pages.push_back(CapturedPage{});
        page = &draft_.pages.back();
        page->side = side;
    }
    page->document = std::move(prepared->image);
    page->metrics = prepared->metrics;
    page->problems = std::move(prepared->problems);
    page->masks.clear();
    page->confirmed = false;
    std::string detail = side + ":" + (page->problems.empty() ? "good" : page->problems.front().code);
    (void)audit(audit_action::page_captured, draft_.registrant, detail);
    return page;
}

Status StaffService::set_masks(const std::string& side, std::vector<PixelRect> masks) {
    CapturedPage* page = draft_.page(side);
    if (!page) return no_draft_error();
    std::vector<PixelRect> clipped;
    for (const auto& m : masks) {
        PixelRect c = clip_rect(m, page->document.width, page->document.height);
        if (!c.empty()) clipped.push_back(c);
    }
    page->masks = std::move(clipped);
    page->confirmed = false;
    return ok_status();
}

Status StaffService::confirm_page(const std::string& side) {
    CapturedPage* page = draft_.page(side);
    if (!page || !draft_.type) return no_draft_error();
    if (!page->problems.empty()) return page->problems.front();
    if (auto s = check_masks_present(*draft_.type, side, page->masks); !s) return s;
    page->confirmed = true;
    if (page->masks.empty()) return ok_status();
    return audit(audit_action::mask_applied, draft_.registrant, side + ":" + std::to_string(page->masks.size()));
}

Errors StaffService::ready_to_submit() const {
    Errors out;
    if (draft_.registrant.empty() || !draft_.type) {
        out.push_back(no_draft_error());
        return out;
    }
    if (!draft_.next_side().empty())
        out.push_back(Error{"staff.sides_missing", "pages", "まだ撮影していない面があります。",
                            "Some sides have not been captured yet."});
    IdentityDocument probe;
    probe.user_client_id = draft_.registrant;
    probe.type = *draft_.type;
    probe.passport_issued = draft_.passport_issued;
    probe.captured_by_staff = staff_id_.empty() ? "staff" : staff_id_;
    // File ids and digests exist only once written: placeholders of the
    // right shape let the record rules judge the rest now.
    for (const auto& p : draft_.pages)
        probe.pages.push_back(DocumentPage{p.side, "pending", std::string(64, '0')});
    for (auto& e : validate_identity_document(probe)) out.push_back(std::move(e));
    return out;
}

Result<IdentityDocument> StaffService::submit() {
    if (auto problems = ready_to_submit(); !problems.empty()) return problems.front();
    if (draft_.practice)
        return Error{"staff.practice", "", "練習用の見本は登録できません。本物の書類を読み取り直してください。",
                     "A practice sample cannot be submitted. Capture the real document again."};
    const DocumentType type = *draft_.type;
    // The registrant may be out of session (staff mode): keep their data from
    // being purged while the files and the record are written.
    if (auto s = store_.begin_session(draft_.registrant); !s) return s.error();
    IdentityDocument doc;
    doc.user_client_id = draft_.registrant;
    doc.type = type;
    doc.passport_issued = draft_.passport_issued;
    doc.status = VerificationStatus::pending;
    doc.captured_by_staff = staff_id_.empty() ? "staff" : staff_id_;
    std::vector<std::string> written;
    auto fail = [&](Error e) -> Result<IdentityDocument> {
        for (const auto& id : written) (void)store_.files().erase(id);
        (void)store_.end_session(draft_.registrant);
        return e;
    };
    for (const auto& page : draft_.pages) {
        if (auto s = check_masks_present(type, page.side, page.masks); !s) return fail(s.error());
        // Mask, then encode: the only bytes that ever exist outside memory.
        auto bytes = encode_masked_document(page.document, page.masks);
        if (!bytes) return fail(bytes.error());
        auto id = store_.files().put(draft_.registrant, *bytes);
        const std::string digest = sha256_hex(*bytes);
        sodium_memzero(bytes->data(), bytes->size());
        if (!id) return fail(id.error());
        written.push_back(*id);
        doc.pages.push_back(DocumentPage{page.side, *id, digest});
    }
    auto saved = store_.identity_documents().save(doc);
    if (!saved) return fail(saved.error());
    (void)audit(audit_action::document_submitted, draft_.registrant,
                std::string(to_code(type)) + ":" + std::to_string(doc.pages.size()));
    // Out of session again: once the upload is acknowledged the scans are
    // crypto-erased and the registrant's settled data purged.
    (void)store_.end_session(draft_.registrant);
    draft_.pages.clear();
    draft_.type.reset();
    if (outbox_changed_) outbox_changed_();
    return saved;
}

const char* verification_status_key(VerificationStatus s) {
    switch (s) {
        case VerificationStatus::not_submitted: return "identity.status.not_submitted";
        case VerificationStatus::pending: return "identity.status.pending";
        case VerificationStatus::verified: return "identity.status.verified";
        case VerificationStatus::rejected: return "identity.status.rejected";
    }
    return "identity.status.not_submitted";
}

const char* document_type_key(DocumentType t) {
    switch (t) {
        case DocumentType::drivers_license: return "staff.doc.drivers_license";
        case DocumentType::passport: return "staff.doc.passport";
        case DocumentType::health_insurance_card: return "staff.doc.health_insurance_card";
        case DocumentType::residence_record: return "staff.doc.residence_record";
        case DocumentType::residence_card: return "staff.doc.residence_card";
        case DocumentType::my_number_card_front: return "staff.doc.my_number_card_front";
    }
    return "staff.doc.drivers_license";
}

const char* side_key(const std::string& side) {
    if (side == "front") return "staff.side.front";
    if (side == "back") return "staff.side.back";
    if (side == "page1") return "staff.side.page1";
    if (side == "page2") return "staff.side.page2";
    return "staff.side.other";
}

}  // namespace madoguchi
