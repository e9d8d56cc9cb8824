#include "web/routes.hpp"

#include <iterator>

#include "web/pages/account/account_pages.hpp"
#include "web/pages/admin/admin_pages.hpp"
#include "web/pages/admin/mail_pages.hpp"
#include "web/pages/auth/auth_pages.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_plan_pages.hpp"
#include "web/pages/circles/ending_pages.hpp"
#include "web/pages/circles/review_factor_pages.hpp"
#include "web/pages/circles/risk_factor_pages.hpp"
#include "web/pages/concerns/concern_pages.hpp"
#include "web/pages/core_members/core_member_pages.hpp"
#include "web/pages/core_members/referral_pages.hpp"
#include "web/pages/drafts/draft_pages.hpp"
#include "web/pages/home/home_page.hpp"
#include "web/pages/language/language_page.hpp"
#include "web/pages/network/network_pages.hpp"
#include "web/pages/network/network_report_pages.hpp"
#include "web/pages/outreach/outreach_pages.hpp"
#include "web/pages/portal/portal_pages.hpp"
#include "web/pages/privacy/incident_pages.hpp"
#include "web/pages/privacy/person_in_charge_pages.hpp"
#include "web/pages/privacy/privacy_notice_pages.hpp"
#include "web/pages/privacy/request_pages.hpp"
#include "web/pages/privacy/retention_pages.hpp"
#include "web/pages/public/public_pages.hpp"
#include "web/pages/reports/report_pages.hpp"
#include "web/pages/volunteers/expense_pages.hpp"
#include "web/pages/volunteers/volunteer_care_pages.hpp"
#include "web/pages/volunteers/volunteer_pages.hpp"
#include "web/system/system_endpoints.hpp"

namespace cercle::web {

namespace {

constexpr auto kGet = Method::kGet;
constexpr auto kPost = Method::kPost;
using enum Access;

std::vector<Route> SystemRoutes() {
  return {
      // Operations (web/system/)
      {kGet, "/healthz", system::Live, kOperations},
      {kGet, "/readyz", system::Ready, kOperations},
      {kGet, "/static/{file...}", system::StaticFile, kOperations},
  };
}

std::vector<Route> ShellRoutes() {
  return {
      // Shell (pages/home/, pages/language/)
      {kGet, "/", pages::home::Show, kPublic},
      {kPost, "/home/minutes/{id}/acknowledge", pages::home::AcknowledgeMinutes, kSignedIn},
      {kGet, "/triage/{group}", pages::home::ShowTriageGroup, kSignedIn},
      {kPost, "/language", pages::language::Choose, kPublic},
  };
}

std::vector<Route> AuthRoutes() {
  return {
      // Signing in and out (pages/auth/)
      {kGet, "/login", pages::auth::ShowSignIn, kSignedOut},
      {kPost, "/login", pages::auth::SignIn, kSignedOut},
      {kGet, "/login/two-factor", pages::auth::ShowSecondFactor, kSecondFactor},
      {kPost, "/login/two-factor", pages::auth::SecondFactor, kSecondFactor},
      {kPost, "/logout", pages::auth::SignOut, kPublic},
      {kGet, "/reauth", pages::auth::ShowReauthenticate, kSignedIn},
      {kPost, "/reauth", pages::auth::Reauthenticate, kSignedIn},
      {kGet, "/password/forgot", pages::auth::ShowForgotPassword, kPublic},
      {kPost, "/password/forgot", pages::auth::ForgotPassword, kPublic},
      {kGet, "/password/reset", pages::auth::ShowResetPassword, kPublic},
      {kPost, "/password/reset", pages::auth::ResetPassword, kPublic},
      // The referring officer's end-of-circle questionnaire, behind a single-use link
      {kGet, "/q/{token}", pages::circles::ShowOfficerEnding, kPublic},
      {kPost, "/q/{token}", pages::circles::AnswerOfficerEnding, kPublic},
      {kGet, "/invitations/accept", pages::auth::ShowAcceptInvitation, kPublic},
      {kPost, "/invitations/accept", pages::auth::AcceptInvitation, kPublic},
  };
}

std::vector<Route> AccountRoutes() {
  return {
      // My account (pages/account/)
      {kGet, "/account", pages::account::Show, kSignedIn},
      {kPost, "/account/language", pages::account::ChangeLanguage, kSignedIn},
      {kGet, "/account/reminders", pages::account::ShowReminders, kSignedIn},
      {kPost, "/account/reminders", pages::account::SaveReminders, kSignedIn},
      {kGet, "/account/password", pages::account::ShowPassword, kSignedIn},
      {kPost, "/account/password", pages::account::ChangePassword, kSignedIn},
      {kGet, "/account/sessions", pages::account::ListSessions, kSignedIn},
      {kPost, "/account/sessions/{id}/end", pages::account::EndSession, kSignedIn},
      {kGet, "/account/two-factor", pages::account::ShowTwoFactor, kEnrolment},
      {kPost, "/account/two-factor", pages::account::ConfirmTwoFactor, kEnrolment},
  };
}

std::vector<Route> AdminRoutes() {
  return {
      // Organisation administration: /admin/… (pages/admin/)
      {kGet, "/admin/users", pages::admin::ListUsers, kSignedIn},
      {kGet, "/admin/users/invite", pages::admin::ShowInvite, kSignedIn},
      {kPost, "/admin/users/invite", pages::admin::Invite, kSignedIn},
      {kGet, "/admin/users/{id}", pages::admin::ShowUser, kSignedIn},
      {kPost, "/admin/users/{id}/roles", pages::admin::ChangeRoles, kSignedIn},
      {kPost, "/admin/users/{id}/deactivate", pages::admin::Deactivate, kSignedIn},
      {kPost, "/admin/users/{id}/reactivate", pages::admin::Reactivate, kSignedIn},
      {kGet, "/admin/settings", pages::admin::ShowSettings, kSignedIn},
      {kPost, "/admin/settings", pages::admin::SaveSettings, kSignedIn},
      {kGet, "/admin/audit", pages::admin::ShowAudit, kSignedIn},
      {kGet, "/admin/backups", pages::admin::ShowBackups, kSignedIn},
      {kGet, "/admin/eligibility", pages::admin::ShowCriteria, kSignedIn},
      {kPost, "/admin/eligibility", pages::admin::AddCriterion, kSignedIn},
      {kPost, "/admin/eligibility/{id}", pages::admin::RenameCriterion, kSignedIn},
      {kPost, "/admin/eligibility/{id}/retire", pages::admin::RetireCriterion, kSignedIn},
      {kPost, "/admin/eligibility/{id}/restore", pages::admin::RestoreCriterion, kSignedIn},
      {kGet, "/admin/covenant", pages::admin::ShowCovenantTemplate, kSignedIn},
      {kPost, "/admin/covenant", pages::admin::SaveCovenantTemplate, kSignedIn},
      // The mail that did not go: an organisation's administrators see their organisation's, the
      // network admin the network's own
      {kGet, "/admin/mail", pages::admin::ShowMail, kSignedIn},
      {kPost, "/admin/mail/{id}/retry", pages::admin::RetryMail, kSignedIn},
      {kGet, "/admin/mail/retry", pages::admin::ConfirmRetryAllMail, kSignedIn},
      {kPost, "/admin/mail/retry", pages::admin::RetryAllMail, kSignedIn},
  };
}

std::vector<Route> NetworkRoutes() {
  return {
      // Network administration: /network/organisations (pages/network/)
      {kGet, "/network/organisations", pages::network::ListOrganisations, kSignedIn},
      {kPost, "/network/organisations", pages::network::CreateOrganisation, kSignedIn},
      {kPost, "/network/organisations/{id}/admins", pages::network::InviteAdmin, kSignedIn},
      // The network's summed funder figures: /network/reports (pages/network/)
      {kGet, "/network/reports", pages::network::ShowNetworkReport, kSignedIn},
  };
}

std::vector<Route> CoreMemberRoutes() {
  return {
      // Core members and referrals: /core-members/…, /referrals/… (pages/core_members/), for
      // coordinators and organisation admins
      {kGet, "/core-members", pages::core_members::ListCoreMembers, kSignedIn},
      {kGet, "/core-members/documents/{id}", pages::core_members::DownloadCoreMemberDocument,
       kSignedIn},
      {kPost, "/core-members/documents/{id}/remove", pages::core_members::RemoveCoreMemberDocument,
       kSignedIn},
      {kGet, "/core-members/orders/{id}/edit", pages::core_members::ShowEditOrder, kSignedIn},
      {kPost, "/core-members/orders/{id}/edit", pages::core_members::EditOrder, kSignedIn},
      {kGet, "/core-members/orders/{id}/conditions/new", pages::core_members::ShowNewCondition,
       kSignedIn},
      {kPost, "/core-members/orders/{id}/conditions", pages::core_members::CreateCondition,
       kSignedIn},
      {kGet, "/core-members/conditions/{id}/edit", pages::core_members::ShowEditCondition,
       kSignedIn},
      {kPost, "/core-members/conditions/{id}/edit", pages::core_members::EditCondition, kSignedIn},
      {kPost, "/core-members/consents/{id}/withdraw", pages::core_members::WithdrawConsent,
       kSignedIn},
      {kGet, "/core-members/{id}", pages::core_members::ShowCoreMember, kSignedIn},
      {kGet, "/core-members/{id}/edit", pages::core_members::ShowEditCoreMember, kSignedIn},
      {kPost, "/core-members/{id}/edit", pages::core_members::EditCoreMember, kSignedIn},
      {kPost, "/core-members/{id}/status", pages::core_members::ChangeCoreMemberStatus, kSignedIn},
      {kGet, "/core-members/{id}/orders/new", pages::core_members::ShowNewOrder, kSignedIn},
      {kPost, "/core-members/{id}/orders", pages::core_members::CreateOrder, kSignedIn},
      {kGet, "/core-members/{id}/risk/new", pages::core_members::ShowNewRiskAssessment, kSignedIn},
      {kPost, "/core-members/{id}/risk", pages::core_members::CreateRiskAssessment, kSignedIn},
      {kGet, "/core-members/{id}/consents/new", pages::core_members::ShowNewConsent, kSignedIn},
      {kPost, "/core-members/{id}/consents", pages::core_members::CreateConsent, kSignedIn},
      {kPost, "/core-members/{id}/documents", pages::core_members::UploadCoreMemberDocument,
       kSignedIn},
      // Outcomes on a core member's file
      {kGet, "/core-members/outcomes/events/{id}/edit", pages::core_members::ShowEditEvent,
       kSignedIn},
      {kPost, "/core-members/outcomes/events/{id}/edit", pages::core_members::EditEvent, kSignedIn},
      {kPost, "/core-members/outcomes/events/{id}/remove", pages::core_members::RemoveEvent,
       kSignedIn},
      {kPost, "/core-members/outcomes/measures/{id}/remove", pages::core_members::RemoveMeasure,
       kSignedIn},
      {kGet, "/core-members/{id}/outcomes", pages::core_members::ShowOutcomes, kSignedIn},
      {kPost, "/core-members/{id}/outcomes/events", pages::core_members::CreateEvent, kSignedIn},
      {kPost, "/core-members/{id}/outcomes/measures", pages::core_members::CreateMeasure,
       kSignedIn},
      {kPost, "/core-members/{id}/outcomes/follow-ups", pages::core_members::RecordFollowUp,
       kSignedIn},
      {kGet, "/referrals", pages::core_members::ListReferrals, kSignedIn},
      {kGet, "/referrals/new", pages::core_members::ShowNewReferral, kSignedIn},
      {kPost, "/referrals", pages::core_members::CreateReferral, kSignedIn},
      {kGet, "/referrals/documents/{id}", pages::core_members::DownloadReferralDocument, kSignedIn},
      {kPost, "/referrals/documents/{id}/remove", pages::core_members::RemoveReferralDocument,
       kSignedIn},
      {kGet, "/referrals/{id}", pages::core_members::ShowReferral, kSignedIn},
      {kGet, "/referrals/{id}/edit", pages::core_members::ShowEditReferral, kSignedIn},
      {kPost, "/referrals/{id}/edit", pages::core_members::EditReferral, kSignedIn},
      {kPost, "/referrals/{id}/checklist", pages::core_members::SaveChecklist, kSignedIn},
      {kPost, "/referrals/{id}/move", pages::core_members::MoveReferral, kSignedIn},
      {kGet, "/referrals/{id}/accept", pages::core_members::ShowAcceptReferral, kSignedIn},
      {kPost, "/referrals/{id}/accept", pages::core_members::AcceptReferral, kSignedIn},
      {kPost, "/referrals/{id}/documents", pages::core_members::UploadReferralDocument, kSignedIn},
  };
}

std::vector<Route> VolunteerRoutes() {
  return {
      // Volunteers: /volunteers/… (pages/volunteers/), for coordinators
      {kGet, "/volunteers", pages::volunteers::List, kSignedIn},
      {kGet, "/volunteers/new", pages::volunteers::ShowNew, kSignedIn},
      {kPost, "/volunteers", pages::volunteers::Create, kSignedIn},
      {kGet, "/volunteers/hours", pages::volunteers::ShowHours, kSignedIn},
      {kPost, "/volunteers/hours/{id}/review", pages::volunteers::ReviewHours, kSignedIn},
      {kGet, "/volunteers/expenses", pages::volunteers::ShowExpenseQueue, kSignedIn},
      {kGet, "/volunteers/expenses/export.csv", pages::volunteers::ExportExpenses, kSignedIn},
      {kPost, "/volunteers/expenses/paid", pages::volunteers::MarkExpensesPaid, kSignedIn},
      {kGet, "/volunteers/expenses/rates", pages::volunteers::ShowMileageRates, kSignedIn},
      {kPost, "/volunteers/expenses/rates", pages::volunteers::SetMileageRate, kSignedIn},
      {kPost, "/volunteers/expenses/{id}/review", pages::volunteers::ReviewExpense, kSignedIn},
      {kGet, "/volunteers/expenses/{id}/receipt", pages::volunteers::DownloadReceipt, kSignedIn},
      {kGet, "/volunteers/training", pages::volunteers::ShowTraining, kSignedIn},
      {kPost, "/volunteers/training", pages::volunteers::CreateTrainingSession, kSignedIn},
      {kGet, "/volunteers/training/{id}", pages::volunteers::ShowTrainingSession, kSignedIn},
      {kPost, "/volunteers/training/{id}", pages::volunteers::SaveAttendance, kSignedIn},
      {kGet, "/volunteers/setup", pages::volunteers::ShowSetup, kSignedIn},
      {kPost, "/volunteers/setup/screening", pages::volunteers::AddScreeningType, kSignedIn},
      {kPost, "/volunteers/setup/screening/{id}", pages::volunteers::UpdateScreeningType,
       kSignedIn},
      {kPost, "/volunteers/setup/training", pages::volunteers::AddTrainingModule, kSignedIn},
      {kPost, "/volunteers/setup/training/{id}", pages::volunteers::UpdateTrainingModule,
       kSignedIn},
      {kPost, "/volunteers/screening/{id}/withdraw", pages::volunteers::WithdrawScreening,
       kSignedIn},
      {kGet, "/volunteers/documents/{id}", pages::volunteers::Download, kSignedIn},
      {kGet, "/volunteers/debriefs/{id}", pages::volunteers::ShowDebrief, kSignedIn},
      {kPost, "/volunteers/debriefs/{id}", pages::volunteers::RecordDebrief, kSignedIn},
      {kGet, "/volunteers/{id}", pages::volunteers::Show, kSignedIn},
      {kGet, "/volunteers/{id}/wellbeing", pages::volunteers::ShowWellbeing, kSignedIn},
      {kGet, "/volunteers/{id}/exit-interview", pages::volunteers::ShowExitInterview, kSignedIn},
      {kPost, "/volunteers/{id}/exit-interview", pages::volunteers::RecordExitInterview, kSignedIn},
      {kGet, "/volunteers/{id}/edit", pages::volunteers::ShowEdit, kSignedIn},
      {kPost, "/volunteers/{id}/edit", pages::volunteers::Update, kSignedIn},
      {kPost, "/volunteers/{id}/stage", pages::volunteers::MoveStage, kSignedIn},
      {kPost, "/volunteers/{id}/supervision", pages::volunteers::AddSupervision, kSignedIn},
      {kPost, "/volunteers/{id}/hours", pages::volunteers::LogHours, kSignedIn},
      {kGet, "/volunteers/{id}/screening", pages::volunteers::ShowScreeningForm, kSignedIn},
      {kPost, "/volunteers/{id}/screening", pages::volunteers::RecordScreening, kSignedIn},
      {kPost, "/volunteers/{id}/screening-items", pages::volunteers::RecordScreeningRows,
       kSignedIn},
  };
}

std::vector<Route> PortalRoutes() {
  return {
      // The volunteer's own portal: /portal (pages/portal/)
      {kGet, "/portal", pages::portal::Show, kSignedIn},
      {kPost, "/portal/hours", pages::portal::LogHours, kSignedIn},
      {kGet, "/portal/expenses", pages::volunteers::ShowOwnExpenses, kSignedIn},
      {kPost, "/portal/expenses", pages::volunteers::FileExpense, kSignedIn},
      {kGet, "/portal/expenses/{id}/receipt", pages::volunteers::DownloadOwnReceipt, kSignedIn},
      {kGet, "/portal/wellbeing", pages::portal::ShowWellbeingCheck, kSignedIn},
      {kGet, "/portal/endings/{id}", pages::circles::ShowOwnEnding, kSignedIn},
      {kPost, "/portal/endings/{id}", pages::circles::AnswerOwnEnding, kSignedIn},
      {kPost, "/portal/wellbeing", pages::portal::AnswerWellbeing, kSignedIn},
  };
}

std::vector<Route> CircleRoutes() {
  return {
      // Circles: /circles/…, /partners/… (pages/circles/), for coordinators and organisation
      // admins
      {kGet, "/circles", pages::circles::List, kSignedIn},
      {kGet, "/circles/new", pages::circles::ShowNew, kSignedIn},
      {kPost, "/circles", pages::circles::Create, kSignedIn},
      {kGet, "/circles/meetings/{id}", pages::circles::ShowMeeting, kSignedIn},
      {kPost, "/circles/meetings/{id}/cancel", pages::circles::CancelMeeting, kSignedIn},
      {kPost, "/circles/meetings/{id}/acknowledge", pages::circles::AcknowledgeMinutes, kSignedIn},
      {kPost, "/circles/members/{id}/primary", pages::circles::MakePrimary, kSignedIn},
      {kPost, "/circles/members/{id}/leave", pages::circles::LeaveCircle, kSignedIn},
      {kPost, "/circles/members/{id}/replace", pages::circles::ReplaceMember, kSignedIn},
      {kPost, "/circles/agreements/{id}/end", pages::circles::EndAgreement, kSignedIn},
      {kGet, "/circles/documents/{id}", pages::circles::DownloadAgreementDocument, kSignedIn},
      {kGet, "/circles/volunteers/{id}", pages::circles::ShowPreferences, kSignedIn},
      {kPost, "/circles/volunteers/{id}", pages::circles::SavePreferences, kSignedIn},
      {kPost, "/circles/conflicts/{id}/remove", pages::circles::RemoveConflict, kSignedIn},
      {kGet, "/circles/risk-factors", pages::circles::ShowRiskFactors, kSignedIn},
      {kPost, "/circles/risk-factors", pages::circles::AddRiskFactor, kSignedIn},
      {kPost, "/circles/risk-factors/change", pages::circles::ChangeRiskFactor, kSignedIn},
      {kPost, "/circles/risk-factors/move", pages::circles::MoveRiskFactor, kSignedIn},
      {kGet, "/circles/reviews/{id}/factors", pages::circles::ShowReviewFactors, kSignedIn},
      {kPost, "/circles/reviews/{id}/factors", pages::circles::RateReviewFactors, kSignedIn},
      {kGet, "/circles/venues", pages::circles::ShowVenues, kSignedIn},
      {kGet, "/circles/venues/new", pages::circles::ShowNewVenue, kSignedIn},
      {kPost, "/circles/venues", pages::circles::CreateVenue, kSignedIn},
      {kGet, "/circles/venues/{id}", pages::circles::ShowEditVenue, kSignedIn},
      {kPost, "/circles/venues/{id}", pages::circles::UpdateVenue, kSignedIn},
      {kPost, "/circles/venues/{id}/archive", pages::circles::ArchiveVenue, kSignedIn},
      {kGet, "/circles/{id}", pages::circles::Show, kSignedIn},
      {kPost, "/circles/{id}/details", pages::circles::UpdateDetails, kSignedIn},
      {kGet, "/circles/{id}/suggestions", pages::circles::ShowSuggestions, kSignedIn},
      {kPost, "/circles/{id}/members", pages::circles::AddMember, kSignedIn},
      {kPost, "/circles/{id}/phase", pages::circles::ChangePhase, kSignedIn},
      {kPost, "/circles/{id}/covenant", pages::circles::AmendCovenant, kSignedIn},
      {kPost, "/circles/{id}/covenant/sign", pages::circles::SignCovenant, kSignedIn},
      {kPost, "/circles/{id}/meetings", pages::circles::PlanMeetings, kSignedIn},
      {kPost, "/circles/{id}/reviews", pages::circles::RecordReview, kSignedIn},
      {kGet, "/circles/{id}/plan", pages::circles::ShowPlan, kSignedIn},
      {kPost, "/circles/{id}/plan", pages::circles::SavePlan, kSignedIn},
      {kGet, "/circles/reviews/{id}/goals", pages::circles::ShowGoalProgress, kSignedIn},
      {kPost, "/circles/reviews/{id}/goals", pages::circles::RecordGoalProgress, kSignedIn},
      {kPost, "/circles/{id}/close", pages::circles::Close, kSignedIn},
      {kGet, "/circles/{id}/endings", pages::circles::ShowEndings, kSignedIn},
      {kPost, "/circles/{id}/endings/core-member", pages::circles::RecordCoreMemberEnding,
       kSignedIn},
      {kPost, "/circles/{id}/endings/officer-link", pages::circles::IssueOfficerLink, kSignedIn},
      {kPost, "/circles/{id}/agreements", pages::circles::AttachPartner, kSignedIn},
      {kGet, "/partners", pages::circles::ListPartners, kSignedIn},
      {kPost, "/partners", pages::circles::CreatePartner, kSignedIn},
      {kGet, "/partners/{id}", pages::circles::ShowPartner, kSignedIn},
      {kPost, "/partners/{id}", pages::circles::UpdatePartner, kSignedIn},
      // The volunteer's circles, in their portal
      {kGet, "/portal/circles/{id}", pages::circles::ShowPortalCircle, kSignedIn},
      {kPost, "/portal/circles/{id}/contacts", pages::circles::LogContact, kSignedIn},
      {kGet, "/portal/circles/{id}/plan", pages::circles::ShowPortalPlan, kSignedIn},
      {kGet, "/portal/meetings/{id}", pages::circles::ShowPortalMeeting, kSignedIn},
      {kPost, "/portal/meetings/{id}", pages::circles::SubmitMinutes, kSignedIn},
      {kPost, "/portal/calendar", pages::circles::ResetCalendar, kSignedIn},
      // The partner's minimal pages of the circles an agreement in force attaches them to
      {kGet, "/my-circles", pages::circles::ListPartnerCircles, kSignedIn},
      {kGet, "/my-circles/{id}", pages::circles::ShowPartnerCircle, kSignedIn},
      // Volunteers' calendar feeds: public, the token in the address is the credential
      {kGet, "/calendar/{feed}", pages::circles::CalendarFeed, kPublic},
  };
}

std::vector<Route> ConcernRoutes() {
  return {
      // Concerns: /concerns/… (pages/concerns/), for coordinators and organisation admins
      {kGet, "/concerns", pages::concerns::Register, kSignedIn},
      {kGet, "/concerns/on-call", pages::concerns::ShowOnCall, kSignedIn},
      {kPost, "/concerns/on-call", pages::concerns::SaveOnCall, kSignedIn},
      {kGet, "/concerns/{id}", pages::concerns::Show, kSignedIn},
      {kPost, "/concerns/{id}/acknowledge", pages::concerns::Acknowledge, kSignedIn},
      {kPost, "/concerns/{id}/start", pages::concerns::Start, kSignedIn},
      {kPost, "/concerns/{id}/actions", pages::concerns::RecordAction, kSignedIn},
      {kPost, "/concerns/{id}/emergency-meeting", pages::concerns::PlanEmergencyMeeting, kSignedIn},
      {kPost, "/concerns/{id}/disclosures", pages::concerns::RecordDisclosure, kSignedIn},
      {kPost, "/concerns/{id}/reply", pages::concerns::Reply, kSignedIn},
      {kPost, "/concerns/{id}/close", pages::concerns::Close, kSignedIn},
      {kGet, "/circles/{id}/concerns/new", pages::concerns::ShowStaffRaise, kSignedIn},
      {kPost, "/circles/{id}/concerns", pages::concerns::StaffRaise, kSignedIn},
      // Concerns raised by the volunteer, from the phone view of their circle and from the minutes
      {kGet, "/portal/concerns", pages::concerns::ListOwn, kSignedIn},
      {kGet, "/portal/concerns/{id}", pages::concerns::ShowOwn, kSignedIn},
      {kGet, "/portal/circles/{id}/concerns/new", pages::concerns::ShowVolunteerRaise, kSignedIn},
      {kPost, "/portal/circles/{id}/concerns", pages::concerns::VolunteerRaise, kSignedIn},
      // What was disclosed to the partner about concerns
      {kGet, "/my-concerns", pages::concerns::ListDisclosed, kSignedIn},
      {kGet, "/my-concerns/{id}", pages::concerns::ShowDisclosed, kSignedIn},
  };
}

std::vector<Route> ReportRoutes() {
  return {
      // Reports: /reports/… (pages/reports/), for coordinators and organisation admins; the
      // evaluation extract for evaluators and organisation admins too; the settings for
      // organisation admins only
      {kGet, "/reports", pages::reports::ShowDashboard, kSignedIn},
      {kGet, "/reports/funder", pages::reports::ShowFunderReport, kSignedIn},
      {kGet, "/reports/funder/print", pages::reports::PrintFunderReport, kSignedIn},
      {kGet, "/reports/funder/export.csv", pages::reports::ExportFunderCsv, kSignedIn},
      {kGet, "/reports/funder/export.xlsx", pages::reports::ExportFunderXlsx, kSignedIn},
      {kGet, "/reports/funder/figures/{figure}", pages::reports::ShowFigure, kSignedIn},
      {kGet, "/reports/evaluation", pages::reports::ShowEvaluation, kSignedIn},
      {kGet, "/reports/evaluation/export.csv", pages::reports::ExportEvaluationCsv, kSignedIn},
      {kGet, "/reports/evaluation/export.xlsx", pages::reports::ExportEvaluationXlsx, kSignedIn},
      {kGet, "/reports/evaluation/dictionary.csv", pages::reports::ExportDictionaryCsv, kSignedIn},
      {kGet, "/reports/settings", pages::reports::ShowSettings, kSignedIn},
      {kPost, "/reports/settings/scales", pages::reports::SaveScales, kSignedIn},
      {kPost, "/reports/settings/publication", pages::reports::SavePublication, kSignedIn},
  };
}

std::vector<Route> OutreachRoutes() {
  return {
      // Outreach and significant stories: /outreach/… (pages/outreach/)
      {kGet, "/outreach", pages::outreach::List, kSignedIn},
      {kGet, "/outreach/new", pages::outreach::ShowNew, kSignedIn},
      {kPost, "/outreach", pages::outreach::Create, kSignedIn},
      {kGet, "/outreach/stories/new", pages::outreach::ShowNewStory, kSignedIn},
      {kPost, "/outreach/stories", pages::outreach::CreateStory, kSignedIn},
      {kGet, "/outreach/stories/{id}", pages::outreach::ShowStory, kSignedIn},
      {kGet, "/outreach/stories/{id}/edit", pages::outreach::ShowEditStory, kSignedIn},
      {kPost, "/outreach/stories/{id}/edit", pages::outreach::EditStory, kSignedIn},
      {kPost, "/outreach/stories/{id}/review", pages::outreach::ReviewStory, kSignedIn},
      {kPost, "/outreach/stories/{id}/remove", pages::outreach::RemoveStory, kSignedIn},
      {kGet, "/outreach/{id}/edit", pages::outreach::ShowEdit, kSignedIn},
      {kPost, "/outreach/{id}/edit", pages::outreach::Edit, kSignedIn},
      {kPost, "/outreach/{id}/remove", pages::outreach::Remove, kSignedIn},
  };
}

std::vector<Route> PrivacyRoutes() {
  return {
      // Privacy, Québec's Law 25 (pages/privacy/): the hub with the person in charge, for the
      // person in charge and the organisation's administrators (404 for everyone else); the
      // network's own for the network admin; the public privacy pages for anyone
      {kGet, "/admin/privacy", pages::privacy::ShowHub, kSignedIn},
      {kPost, "/admin/privacy", pages::privacy::SaveHub, kSignedIn},
      {kGet, "/network/privacy", pages::privacy::ShowNetworkHub, kSignedIn},
      {kPost, "/network/privacy", pages::privacy::SaveNetworkHub, kSignedIn},
      {kGet, "/privacy", pages::privacy::ShowNetworkNotice, kPublic},
      {kGet, "/privacy/{slug}", pages::privacy::ShowOrganisationNotice, kPublic},
      // Québec's Law 25: the person in charge and the admins, /admin/privacy/… (pages/privacy/)
      {kGet, "/admin/privacy/incidents", pages::privacy::ListIncidents, kSignedIn},
      {kGet, "/admin/privacy/incidents/new", pages::privacy::ShowNewIncident, kSignedIn},
      {kPost, "/admin/privacy/incidents", pages::privacy::CreateIncident, kSignedIn},
      {kGet, "/admin/privacy/incidents/export.csv", pages::privacy::ExportIncidentsCsv, kSignedIn},
      {kGet, "/admin/privacy/incidents/export.xlsx", pages::privacy::ExportIncidentsXlsx,
       kSignedIn},
      {kGet, "/admin/privacy/incidents/{id}", pages::privacy::ShowIncident, kSignedIn},
      {kGet, "/admin/privacy/incidents/{id}/edit", pages::privacy::ShowEditIncident, kSignedIn},
      {kPost, "/admin/privacy/incidents/{id}/edit", pages::privacy::EditIncident, kSignedIn},
      // Law 25: the requests of the people concerned and the export of one person's file, for
      // the person in charge and administrators: /admin/privacy/… (pages/privacy/); the export's
      // published schema: /privacy/…
      {kGet, "/admin/privacy/requests", pages::privacy::ListRequests, kSignedIn},
      {kGet, "/admin/privacy/requests/new", pages::privacy::ShowNewRequest, kSignedIn},
      {kPost, "/admin/privacy/requests", pages::privacy::CreateRequest, kSignedIn},
      {kGet, "/admin/privacy/requests/{id}", pages::privacy::ShowRequest, kSignedIn},
      {kPost, "/admin/privacy/requests/{id}/answer", pages::privacy::AnswerRequest, kSignedIn},
      {kPost, "/admin/privacy/requests/{id}/corrections", pages::privacy::RecordCorrection,
       kSignedIn},
      {kPost, "/admin/privacy/requests/{id}/exports", pages::privacy::PrepareExport, kSignedIn},
      {kPost, "/admin/privacy/corrections/{id}/told", pages::privacy::RecordTold, kSignedIn},
      {kGet, "/admin/privacy/exports/{id}", pages::privacy::ShowExport, kSignedIn},
      {kPost, "/admin/privacy/exports/{id}/release", pages::privacy::ReleaseExport, kSignedIn},
      {kGet, "/admin/privacy/exports/{id}/export.json", pages::privacy::DownloadExportJson,
       kSignedIn},
      {kGet, "/admin/privacy/exports/{id}/print", pages::privacy::PrintExport, kSignedIn},
      {kGet, "/privacy/export-schema.json", pages::privacy::ExportSchema, kPublic},
      // Québec's Law 25: the retention schedule and the destruction queue (pages/privacy/)
      {kGet, "/admin/privacy/retention", pages::privacy::ShowRetention, kSignedIn},
      {kPost, "/admin/privacy/retention/schedule", pages::privacy::SaveRetentionSchedule,
       kSignedIn},
      {kPost, "/admin/privacy/retention/list", pages::privacy::ListRetentionQueue, kSignedIn},
      {kPost, "/admin/privacy/retention/holds", pages::privacy::PlaceRetentionHold, kSignedIn},
      {kPost, "/admin/privacy/retention/holds/{id}/release", pages::privacy::ReleaseRetentionHold,
       kSignedIn},
      {kPost, "/admin/privacy/retention/approve", pages::privacy::ApproveRetentionBatch, kSignedIn},
      {kGet, "/admin/privacy/retention/certificates/{id}",
       pages::privacy::ShowDestructionCertificate, kSignedIn},
  };
}

std::vector<Route> DraftRoutes() {
  return {
      // Drafts of the minutes, contact and concern forms, and the idle notice's "stay signed in",
      // posted by static/js/drafts.js (pages/drafts/)
      {kPost, "/drafts/minutes/{id}", pages::drafts::SaveMinutes, kSignedIn},
      {kPost, "/drafts/minutes/{id}/discard", pages::drafts::DiscardMinutes, kSignedIn},
      {kPost, "/drafts/contact/{id}", pages::drafts::SaveContact, kSignedIn},
      {kPost, "/drafts/contact/{id}/discard", pages::drafts::DiscardContact, kSignedIn},
      {kPost, "/drafts/concern/{id}", pages::drafts::SaveConcern, kSignedIn},
      {kPost, "/drafts/concern/{id}/discard", pages::drafts::DiscardConcern, kSignedIn},
      {kPost, "/drafts/staff_concern/{id}", pages::drafts::SaveStaffConcern, kSignedIn},
      {kPost, "/drafts/staff_concern/{id}/discard", pages::drafts::DiscardStaffConcern, kSignedIn},
      {kPost, "/session/keep-alive", pages::drafts::KeepAlive, kSignedIn},
  };
}

std::vector<Route> PublicRoutes() {
  return {
      // The public impact page an organisation may publish: /public/… (pages/public/)
      {kGet, "/public/{slug}", pages::public_pages::ShowImpact, kPublic},
  };
}

}  // namespace

// Every route, grouped by the folder of web/pages/ that handles it.
std::vector<Route> AllRoutes() {
  std::vector<Route> routes;
  for (const auto group :
       {SystemRoutes, ShellRoutes, AuthRoutes, AccountRoutes, AdminRoutes, NetworkRoutes,
        CoreMemberRoutes, VolunteerRoutes, PortalRoutes, CircleRoutes, ConcernRoutes, ReportRoutes,
        OutreachRoutes, PrivacyRoutes, DraftRoutes, PublicRoutes}) {
    auto more = group();
    routes.insert(routes.end(), std::make_move_iterator(more.begin()),
                  std::make_move_iterator(more.end()));
  }
  return routes;
}

std::vector<Route> MetricsRoutes() {
  return {{Method::kGet, "/metrics", system::Metrics, Access::kOperations}};
}

}  // namespace cercle::web
