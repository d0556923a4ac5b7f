// The one place that knows every screen class.
#include "screens/screen_factory.hpp"

#include "screens/account_settings_screen.hpp"
#include "screens/attract_screen.hpp"
#include "screens/bank_account_screen.hpp"
#include "screens/company_screen.hpp"
#include "screens/home_screen.hpp"
#include "screens/nda_screen.hpp"
#include "screens/pin_entry_screen.hpp"
#include "screens/password_change_screen.hpp"
#include "screens/profile_screen.hpp"
#include "screens/profile_preview_screen.hpp"
#include "screens/sign_in_screen.hpp"
#include "screens/sign_up_screen.hpp"
#include "screens/skills_screen.hpp"
#include "screens/qualifications_screen.hpp"
#include "screens/careers_screen.hpp"
#include "screens/hobbies_screen.hpp"
#include "screens/staff_home_screen.hpp"
#include "screens/identity_status_screen.hpp"
#include "screens/staff_capture_screen.hpp"
#include "screens/staff_pin_screen.hpp"
#include "screens/staff_registrant_screen.hpp"
#include "screens/technician_settings_screen.hpp"
#include "screens/contacts_screen.hpp"
#include "screens/messages_screen.hpp"
#include "screens/message_thread_screen.hpp"
#include "screens/teams_screen.hpp"
#include "screens/team_edit_screen.hpp"
#include "screens/invitations_screen.hpp"
#include "screens/worker_detail_screen.hpp"
#include "screens/worker_search_screen.hpp"

namespace madoguchi {

ScreenFactory make_screen_factory() {
    return [](ScreenId id) -> std::unique_ptr<Screen> {
        switch (id) {
            case ScreenId::attract: return std::make_unique<AttractScreen>();
            case ScreenId::home: return std::make_unique<HomeScreen>();
            // Staff PIN: the shared PIN screen plus the staff audit log.
            case ScreenId::staff_pin: return std::make_unique<StaffPinScreen>();
            case ScreenId::technician_pin: return std::make_unique<PinEntryScreen>(PinEntryScreen::Role::technician);
            case ScreenId::technician_settings: return std::make_unique<TechnicianSettingsScreen>();
            case ScreenId::sign_up: return std::make_unique<SignUpScreen>();
            case ScreenId::sign_in: return std::make_unique<SignInScreen>();
            case ScreenId::profile: return std::make_unique<ProfileScreen>();
            case ScreenId::account_settings: return std::make_unique<AccountSettingsScreen>();
            case ScreenId::password_change: return std::make_unique<PasswordChangeScreen>();
            case ScreenId::profile_preview: return std::make_unique<ProfilePreviewScreen>();
            case ScreenId::staff_home: return std::make_unique<StaffHomeScreen>();
            case ScreenId::staff_registrant: return std::make_unique<StaffRegistrantScreen>();
            case ScreenId::staff_capture: return std::make_unique<StaffCaptureScreen>();
            case ScreenId::identity_status: return std::make_unique<IdentityStatusScreen>();
            case ScreenId::company: return std::make_unique<CompanyScreen>();
            case ScreenId::bank_account: return std::make_unique<BankAccountScreen>();
            case ScreenId::skills: return std::make_unique<SkillsScreen>();
            case ScreenId::qualifications: return std::make_unique<QualificationsScreen>();
            case ScreenId::careers: return std::make_unique<CareersScreen>();
            case ScreenId::hobbies: return std::make_unique<HobbiesScreen>();
            case ScreenId::nda: return std::make_unique<NdaScreen>();
            case ScreenId::worker_search: return std::make_unique<WorkerSearchScreen>();
            case ScreenId::worker_detail: return std::make_unique<WorkerDetailScreen>();
            case ScreenId::teams: return std::make_unique<TeamsScreen>();
            case ScreenId::team_edit: return std::make_unique<TeamEditScreen>();
            case ScreenId::invitations: return std::make_unique<InvitationsScreen>();
            case ScreenId::contacts: return std::make_unique<ContactsScreen>();
            case ScreenId::messages: return std::make_unique<MessagesScreen>();
            case ScreenId::message_thread: return std::make_unique<MessageThreadScreen>();
            default: return nullptr;
        }
    };
}

bool screen_exists(ScreenId id) { return make_screen_factory()(id) != nullptr; }

}  // namespace madoguchi
