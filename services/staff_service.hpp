// StaffService: what staff mode does behind its screens — today's
// registrants with their identity status, the capture draft (document type,
// pages, masks), scans on a worker thread, camera stills, the image pipeline
// and the encrypted, queued submission; every staff action goes to the
// append-only audit log.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "data/imaging/document_capture.hpp"
#include "data/model/identity_document.hpp"
#include "data/result.hpp"
#include "data/store/audit_log.hpp"
#include "platform/camera/camera.hpp"
#include "platform/scanner/scanner.hpp"
#include "services/identity_scan_profile.hpp"

namespace madoguchi {

class Store;

struct RegistrantSummary {
    std::string client_id;            // the registrant's account (owner) id
    std::string registration_number;
    std::string username;
    std::string name;                 // 姓 名 from the profile, or empty
    VerificationStatus status = VerificationStatus::not_submitted;
    std::string rejection_reason;
    std::int64_t registered_at_ms = 0;
};

// One side of the document in the draft: the straightened image (never
// written anywhere in this form), its quality, and the staff's masks.
struct CapturedPage {
    std::string side;
    Image document;
    QualityMetrics metrics;
    Errors problems;                // retake reasons (empty = good)
    std::vector<PixelRect> masks;   // in document pixels
    bool confirmed = false;         // staff looked at it (and its masks) and accepted it
};

// What staff are capturing right now, for one registrant.
struct CaptureDraft {
    std::uint64_t session_serial = 0;  // the kiosk session it belongs to (wiped with it)
    std::string registrant;            // owner client_id
    std::string registrant_label;      // registration number + name, for the header
    std::optional<DocumentType> type;
    CivilDate passport_issued;
    std::vector<CapturedPage> pages;   // in required_sides() order as captured
    bool practice = false;             // holds the generated practice card: never submitted

    // The next side still missing, or empty when every required side is in.
    std::string next_side() const;
    CapturedPage* page(const std::string& side);
};

// The worker's state as the UI thread sees it (updated through the run
// queue, read once per frame by the capture screen).
struct CaptureJob {
    enum class Kind { none, list_devices, scan, still };
    Kind kind = Kind::none;
    bool running = false;
    double progress = 0;                 // 0..1 while a scan runs
    std::optional<Error> error;          // what went wrong (shown with what to do)
    std::optional<Image> frame;          // a finished scan or still, not yet taken
    int dpi = 0;                         // the scan's resolution (0 for a camera)
    bool cut_to_document = false;        // scanned with the profile's card area: the frame is the card
};

// Where a scan or still comes from; null members mean "not on this kiosk".
struct CaptureDevices {
    Scanner* scanner = nullptr;
    Camera* camera = nullptr;
};

class StaffService {
public:
    using PostToUi = std::function<void(std::function<void()>)>;

    // `store` is the UI thread's connection; scans run on a worker thread and
    // report through `post_to_ui` (App::run_queue().post in the kiosk).
    // `now` is the store's wall clock ("today" and audit times follow it).
    StaffService(Store& store, CaptureDevices devices, PostToUi post_to_ui, WallClock now = system_wall_clock_ms);
    ~StaffService();  // cancels and joins a running scan
    StaffService(const StaffService&) = delete;
    StaffService& operator=(const StaffService&) = delete;

    // Called after the sync engine should look at the outbox (main wires it).
    void set_outbox_changed(std::function<void()> hook) { outbox_changed_ = std::move(hook); }

    // --- staff session and audit log ---
    // Staff entered with their PIN (`staff_id` = who; the PIN slot "staff"
    // when the centre shares one PIN). Starts a fresh draft.
    void begin(const std::string& staff_id, std::uint64_t session_serial);
    // Staff mode ends: the sign-out row says how (`kExitButton`, or
    // `kSessionEnded` when the idle wipe took the staff screens away), then
    // the draft is dropped. A second call is a no-op.
    static constexpr std::string_view kExitButton = "exit";
    static constexpr std::string_view kSessionEnded = "session_end";
    void end(std::string_view how = kExitButton);
    const std::string& staff_id() const { return staff_id_; }
    // A wrong staff PIN (who is unknown: logged against the PIN slot).
    void record_failed_pin(const std::string& pin_slot);
    Status audit(std::string_view action, std::string_view registrant = {}, std::string_view detail = {});
    AuditLog& audit_log() { return audit_; }

    // --- registrants ---
    // Accounts registered on this kiosk since local midnight that are still
    // in the local store (acknowledged, signed-out accounts are purged),
    // newest first, with the status of their latest identity document.
    Result<std::vector<RegistrantSummary>> todays_registrants();
    // Opens a registrant: starts the draft, logs it.
    Status open_registrant(const RegistrantSummary& r);

    // --- draft ---
    CaptureDraft& draft() { return draft_; }
    // Drops the draft if it belongs to another kiosk session (idle wipe).
    void forget_draft_unless(std::uint64_t session_serial);
    Status choose_type(DocumentType type);

    // --- capture sources ---
    bool has_scanner() const { return devices_.scanner != nullptr; }
    bool has_camera() const { return devices_.camera != nullptr; }
    Camera* camera() { return devices_.camera; }
    // Device list on the worker thread (result in scanners()).
    bool refresh_scanners();
    const std::vector<ScannerInfo>& scanners() const { return scanners_; }
    // The kiosk's scanner settings (KioskBackend loads <data_dir>/scanner.json):
    // preselected device, resolution and colour mode, the feeder, the model's
    // options and the card area every scan is built from.
    void set_scan_profile(IdentityScanProfile profile) {
        scan_profile_ = std::move(profile);
        scan_profile_error_.reset();
    }
    // An unreadable scanner.json: scanning stays off and staff see why
    // (a typo must not silently scan with other settings).
    void set_scan_profile_error(Error e) { scan_profile_error_ = std::move(e); }
    const IdentityScanProfile& scan_profile() const { return scan_profile_; }
    // One scan of the draft's next page on the worker thread, with staff's
    // resolution and colour choice and the rest from the scan profile:
    // progress and the page arrive in job(). A second request while one runs
    // is refused (returns false).
    bool start_scan(const std::string& device, int resolution_dpi, ColourMode mode);
    void cancel_scan();
    // A still from the camera on the worker thread (result in job()).
    bool start_still();
    const CaptureJob& job() const { return job_; }
    // Training: the generated practice card arrives as a camera still would;
    // the draft is marked practice and can never be submitted.
    void load_practice_frame();
    // Takes the finished frame out of job() (so it is processed once).
    std::optional<Image> take_frame();
    void clear_job_error() { job_.error.reset(); }

    // --- pipeline ---
    // Refuses a forbidden side (My Number back), finds and straightens the
    // document (or, when `cut_to_document`, checks the frame has the
    // document's size at `dpi`), measures quality; stores it in the draft as
    // `side` (the retake reasons are in the page's problems). Logs
    // "page.captured". Pass job().dpi and job().cut_to_document for a scan.
    Result<CapturedPage*> accept_frame(const std::string& side, const Image& frame, int dpi = 0,
                                       bool cut_to_document = false);
    // Replaces the masks of a side (document pixels) and logs the count.
    Status set_masks(const std::string& side, std::vector<PixelRect> masks);
    // Staff accept the page as shown (masks present where required).
    Status confirm_page(const std::string& side);
    // Every required side present, good, and masked where required.
    Errors ready_to_submit() const;
    // Masks are burned in, each page encoded and written encrypted, the
    // document saved with its "identity_document.upload" outbox row. The
    // draft's images are dropped. Logs "document.submitted".
    Result<IdentityDocument> submit();

private:
    void join_worker();

    Store& store_;
    AuditLog audit_;
    CaptureDevices devices_;
    PostToUi post_;
    std::function<void()> outbox_changed_;
    WallClock now_;
    std::string staff_id_;
    CaptureDraft draft_;

    CaptureJob job_;
    std::vector<ScannerInfo> scanners_;
    IdentityScanProfile scan_profile_;
    std::optional<Error> scan_profile_error_;
    std::atomic<bool> stop_{false};
    std::mutex device_mutex_;
    ScannerDevice* scanning_ = nullptr;  // while a scan runs (for cancel)
    std::atomic<bool> running_{false};
    std::thread worker_;
};

// 未提出 / 確認待ち / 確認済み / 再提出が必要 as catalog keys.
const char* verification_status_key(VerificationStatus s);
const char* document_type_key(DocumentType t);
const char* side_key(const std::string& side);

}  // namespace madoguchi
