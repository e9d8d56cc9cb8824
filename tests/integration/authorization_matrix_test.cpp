// The authorisation matrix: every route of the route table, tried over a real socket by someone
// signed out, by each role of organisation A, by the network admin, and by each role of
// organisation B acting on organisation A's records, against the outcome the access rules promise.
// On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/circles/circle_changes.hpp"
#include "app/circles/circle_phase.hpp"
#include "app/circles/venues.hpp"
#include "app/concerns/concern_handling.hpp"
#include "app/privacy/incidents.hpp"
#include "app/privacy/person_export.hpp"
#include "app/privacy/requests.hpp"
#include "app/volunteers/expenses.hpp"
#include "store/ending_store.hpp"
#include "store/volunteer_care_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/mail_fixture.hpp"
#include "support/report_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/cookies.hpp"
#include "web/routes.hpp"

namespace cercle::testing {
namespace {

// What an actor must receive from a route.
enum class Outcome {
  // The route's own answer (Expectation::allowed_status), never a redirect to /login.
  kAllowed,
  // GET: 303 to /login…; POST: 401.
  kSignInRequired,
  // 303 to "/": a signed-in user on a sign-in step.
  kSentHome,
  // 303 to the role's own landing (app::home::LandingOf), neither /login nor "/": a volunteer,
  // partner or evaluator on the home page.
  kLanded,
  // 303 to /login with the session cookie removed and the session gone: signing out.
  kSignedOut,
  // 403 for an area; audited as authz.denied; nothing changes.
  kForbidden,
  // 404 exactly like a record that does not exist; audited as authz.denied; nothing changes.
  kNotFound,
};

// What fills the route's path parameter.
enum class Target {
  kNone,
  // A file the server serves.
  kStaticFile,
  // An account of organisation A that no actor uses.
  kUserOfA,
  // Another session of the actor; for organisation B's actors, a session of the account of
  // organisation A with the same role.
  kSessionOfActor,
  // Organisation A.
  kOrganisationA,
  // Volunteers (tests/support/volunteer_fixture.hpp): a file of organisation A linked to no actor,
  // one of its screening items, its document and its hours awaiting approval; a training session,
  // a screening item type and a training module of organisation A.
  kVolunteerOfA,
  kScreeningItemOfA,
  kVolunteerDocumentOfA,
  kVolunteerHoursOfA,
  kTrainingSessionOfA,
  kScreeningTypeOfA,
  kTrainingModuleOfA,
  // Core members and referrals (tests/support/core_member_fixture.hpp): a fully seeded file of
  // organisation A, its order, its victim-protecting condition, its consent and its document; an
  // open referral of organisation A (screening, every criterion met) and its document; one of
  // organisation A's eligibility criteria. The "New" documents are made afresh for each tester,
  // since removing one is allowed.
  kCoreMemberOfA,
  kOrderOfA,
  kConditionOfA,
  kConsentOfA,
  kCoreMemberDocumentOfA,
  kNewCoreMemberDocumentOfA,
  kReferralOfA,
  kReferralDocumentOfA,
  kNewReferralDocumentOfA,
  kCriterionOfA,
  // Circles (tests/support/circle_fixture.hpp): a meeting circle of organisation A around the
  // seeded file, with organisation A's volunteer as a member; a held meeting without minutes and
  // one with minutes; that volunteer's stay; the document of the agreement attaching organisation
  // A's partner; a partner contact; a calendar feed ("TOKEN.ics") of another volunteer of the
  // circle. The "New" ones are made afresh for each tester, since cancelling, ending and removing
  // them is allowed.
  kCircleOfA,
  kMeetingOfA,
  kMinutesOfA,
  kNewMeetingOfA,
  // Minutes of organisation A's circle waiting for acknowledgement, made afresh for each tester,
  // since acknowledging them is allowed.
  kNewMinutesOfA,
  kMemberOfA,
  kNewAgreementOfA,
  kAgreementDocumentOfA,
  kNewConflictOfA,
  kPartnerContactOfA,
  kCalendarFeedOfA,
  // A venue of organisation A's register of meeting places.
  kVenueOfA,
  // A review of organisation A's circle: its risk and protective factors and its progress of the
  // plan's goals.
  kReviewOfA,
  // Concerns (tests/support/concern_fixture.hpp): a concern in progress about the circle, raised by
  // organisation A's volunteer and disclosed to organisation A's partner under the agreement.
  kConcernOfA,
  // Volunteer care (app/volunteers/volunteer_care): a debrief not held yet, owed to organisation
  // A's volunteer after an urgent concern about the circle closed.
  kDebriefOfA,
  // Reports (tests/support/report_fixture.hpp): a figure of the funder report; a recidivism event
  // of organisation A's seeded file, an outreach activity and a significant story of organisation
  // A, and organisation A's slug (its public page is on). The "New" ones are made afresh for each
  // tester, since removing one is allowed.
  kReportFigure,
  // A group of the home page's triage (app/home/triage.hpp).
  kTriageGroup,
  kRecidivismEventOfA,
  kNewRecidivismEventOfA,
  kNewOutcomeMeasureOfA,
  kOutreachOfA,
  kNewOutreachOfA,
  kStoryOfA,
  kNewStoryOfA,
  kOrganisationASlug,
  // Mail (tests/support/mail_fixture.hpp): a mail of organisation A given up after its attempt,
  // made afresh for each tester, since sending it again is allowed.
  kNewFailedMailOfA,
  // Privacy (app/privacy/incidents.hpp): an entry of organisation A's register of confidentiality
  // incidents, recorded by its admin.
  kIncidentOfA,
  // Requests about personal information (app/privacy/): an access request about a file of
  // organisation A that no other route touches, its released export, and a correction recorded
  // on another request, not yet told.
  kPrivacyRequestOfA,
  kPrivacyExportOfA,
  kPrivacyCorrectionOfA,
  // Expenses (app/volunteers/expenses.hpp): a claim with a receipt that organisation A's volunteer
  // filed in their portal, awaiting review.
  kExpenseClaimOfA,
  // Endings (app/circles/endings.hpp): a closed circle of organisation A whose questionnaires are
  // open, organisation A's volunteer's questionnaire of it, and an officer's link that never
  // existed.
  kClosedCircleOfA,
  kEndingOfA,
  kUnknownLink,
};

using Form = std::vector<std::pair<std::string, std::string>>;
using Roles5 = std::array<Outcome, 5>;  // admin, coordinator, volunteer, partner, evaluator

// The promised outcomes of one route.
struct Expectation {
  // What an allowed actor receives: the page (200), the next step (303), the refusal of a
  // deliberately invalid form (422), or of a missing link (410) — all answers of the route's own
  // handler.
  int allowed_status = 200;
  Target target = Target::kNone;
  Outcome signed_out = Outcome::kAllowed;
  Roles5 organisation_a{};
  Outcome network_admin = Outcome::kAllowed;
  // Organisation B's roles, acting on organisation A's records.
  Roles5 organisation_b{};
};

constexpr auto ok = Outcome::kAllowed;
constexpr auto login = Outcome::kSignInRequired;
constexpr auto home = Outcome::kSentHome;
constexpr auto landed = Outcome::kLanded;
constexpr auto out = Outcome::kSignedOut;
constexpr auto no = Outcome::kForbidden;
constexpr auto hidden = Outcome::kNotFound;

constexpr Roles5 All(Outcome outcome) { return {outcome, outcome, outcome, outcome, outcome}; }
constexpr Roles5 AdminOnly(Outcome others) { return {ok, others, others, others, others}; }
// The admin gets `admin`, the other roles `others`.
constexpr Roles5 AdminOnly(Outcome others, Outcome admin) {
  return {admin, others, others, others, others};
}
// Organisation admins and coordinators.
constexpr Roles5 Staff(Outcome others) { return {ok, ok, others, others, others}; }
// Only the volunteer (whose own record it is); a record to everyone else.
constexpr Roles5 VolunteerOnly() { return {hidden, hidden, ok, hidden, hidden}; }
// Only the partner (a circle an agreement in force shares with them); a record to everyone else.
constexpr Roles5 PartnerOnly() { return {hidden, hidden, hidden, ok, hidden}; }

constexpr const char* kSlugA = "cercles-a";
constexpr const char* kSlugB = "cercles-b";
constexpr const char* kMissingId = "987654321";
constexpr const char* kNewPassword = "une autre phrase assez longue";
constexpr const char* kWrongPassword = "pas le bon mot de passe";

// Every route's promise, keyed "METHOD pattern": allowed status, path parameter, then the outcome
// for someone signed out | organisation A's admin, coordinator, volunteer, partner, evaluator | the
// network admin | organisation B's roles on A's records. A route of web::AllRoutes() without an
// entry here, or an entry without a route, fails the test.
std::map<std::string, Expectation> Expectations() {
  using enum Target;
  return {
      // Operations
      {"GET /healthz", {200, kNone, ok, All(ok), ok, All(ok)}},
      {"GET /readyz", {200, kNone, ok, All(ok), ok, All(ok)}},
      {"GET /static/{file...}", {200, kStaticFile, ok, All(ok), ok, All(ok)}},
      // Shell
      // The home page: staff and anyone with several roles; volunteers (with a file: organisation
      // B's has none), partners and evaluators land on their own work.
      {"GET /",
       {200, kNone, ok, {ok, ok, landed, landed, landed}, ok, {ok, ok, ok, landed, landed}}},
      // The triage's inline acknowledgement of minutes: staff; a record to everyone else.
      {"POST /home/minutes/{id}/acknowledge",
       {303, kNewMinutesOfA, login, Staff(hidden), hidden, All(hidden)}},
      // A group of the triage, whole: staff, each their own organisation's.
      {"GET /triage/{group}", {200, kTriageGroup, login, Staff(no), no, Staff(no)}},
      {"POST /language", {303, kNone, ok, All(ok), ok, All(ok)}},
      // Signing in and out
      {"GET /login", {200, kNone, ok, All(home), home, All(home)}},
      {"POST /login", {303, kNone, ok, All(home), home, All(home)}},
      {"GET /login/two-factor", {200, kNone, login, All(home), home, All(home)}},
      {"POST /login/two-factor", {303, kNone, login, All(home), home, All(home)}},
      {"POST /logout", {303, kNone, out, All(out), out, All(out)}},
      {"GET /reauth", {200, kNone, login, All(ok), ok, All(ok)}},
      {"POST /reauth", {422, kNone, login, All(ok), ok, All(ok)}},
      {"GET /password/forgot", {200, kNone, ok, All(ok), ok, All(ok)}},
      {"POST /password/forgot", {422, kNone, ok, All(ok), ok, All(ok)}},
      {"GET /password/reset", {410, kNone, ok, All(ok), ok, All(ok)}},
      {"POST /password/reset", {410, kNone, ok, All(ok), ok, All(ok)}},
      {"GET /invitations/accept", {410, kNone, ok, All(ok), ok, All(ok)}},
      {"POST /invitations/accept", {410, kNone, ok, All(ok), ok, All(ok)}},
      // My account
      {"GET /account", {200, kNone, login, All(ok), ok, All(ok)}},
      {"POST /account/language", {422, kNone, login, All(ok), ok, All(ok)}},
      {"GET /account/reminders", {200, kNone, login, All(ok), ok, All(ok)}},
      {"POST /account/reminders", {422, kNone, login, All(ok), ok, All(ok)}},
      {"GET /account/password", {200, kNone, login, All(ok), ok, All(ok)}},
      {"POST /account/password", {422, kNone, login, All(ok), ok, All(ok)}},
      {"GET /account/sessions", {200, kNone, login, All(ok), ok, All(ok)}},
      {"POST /account/sessions/{id}/end", {303, kSessionOfActor, login, All(ok), ok, All(hidden)}},
      {"GET /account/two-factor", {200, kNone, login, All(ok), ok, All(ok)}},
      {"POST /account/two-factor", {422, kNone, login, All(ok), ok, All(ok)}},
      // Organisation administration
      {"GET /admin/users", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"GET /admin/users/invite", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /admin/users/invite", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"GET /admin/users/{id}", {200, kUserOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/users/{id}/roles",
       {422, kUserOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/users/{id}/deactivate",
       {303, kUserOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/users/{id}/reactivate",
       {303, kUserOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"GET /admin/audit", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      // The installation's backups: organisation and network administrators alike.
      {"GET /admin/backups", {200, kNone, login, AdminOnly(no), ok, AdminOnly(no)}},
      // Retention and destruction (Law 25): the person in charge and administrators only; no hold
      // or certificate exists, so that their pages are a missing record to everyone.
      {"GET /admin/privacy/retention",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy/retention/schedule",
       {422, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy/retention/list",
       {303, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy/retention/holds",
       {422, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy/retention/holds/{id}/release",
       {404, kOrganisationA, login, All(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/retention/approve",
       {422, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/retention/certificates/{id}",
       {404, kOrganisationA, login, All(hidden), hidden, All(hidden)}},
      {"GET /admin/settings", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /admin/settings", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      // The mail that did not go: organisation admins (their organisation's) and the network admin
      // (the network's own); another owner's mail is a record. Sending every failed mail again
      // without the confirmation only asks for it.
      {"GET /admin/mail", {200, kNone, login, AdminOnly(no), ok, AdminOnly(no)}},
      {"POST /admin/mail/{id}/retry",
       {303, kNewFailedMailOfA, login, AdminOnly(no), hidden, AdminOnly(no, hidden)}},
      {"GET /admin/mail/retry", {200, kNone, login, AdminOnly(no), ok, AdminOnly(no)}},
      {"POST /admin/mail/retry", {200, kNone, login, AdminOnly(no), ok, AdminOnly(no)}},
      // Québec's Law 25: the person in charge and the admins of the organisation; everyone else,
      // the network admin included, is told the register does not exist.
      {"GET /admin/privacy/incidents",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/incidents/new",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy/incidents",
       {422, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/incidents/export.csv",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/incidents/export.xlsx",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/incidents/{id}",
       {200, kIncidentOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"GET /admin/privacy/incidents/{id}/edit",
       {200, kIncidentOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/incidents/{id}/edit",
       {422, kIncidentOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      // Network administration
      {"GET /network/organisations", {200, kNone, login, All(no), ok, All(no)}},
      {"POST /network/organisations", {422, kNone, login, All(no), ok, All(no)}},
      {"POST /network/organisations/{id}/admins",
       {422, kOrganisationA, login, All(no), ok, All(no)}},
      // Volunteers: coordinators and admins (an area, 403 for others), each file a record (404)
      {"GET /volunteers", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /volunteers/new", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /volunteers", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /volunteers/hours", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /volunteers/hours/{id}/review",
       {422, kVolunteerHoursOfA, login, Staff(hidden), hidden, All(hidden)}},
      // Volunteers' expenses: the queue, export, payment and rates an area of staff; a claim and
      // its receipt a record.
      {"GET /volunteers/expenses", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /volunteers/expenses/export.csv", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /volunteers/expenses/paid", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /volunteers/expenses/rates", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /volunteers/expenses/rates", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /volunteers/expenses/{id}/review",
       {422, kExpenseClaimOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/expenses/{id}/receipt",
       {200, kExpenseClaimOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/training", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /volunteers/training", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /volunteers/training/{id}",
       {200, kTrainingSessionOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/training/{id}",
       {422, kTrainingSessionOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/setup", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /volunteers/setup/screening", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /volunteers/setup/screening/{id}",
       {422, kScreeningTypeOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /volunteers/setup/training", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /volunteers/setup/training/{id}",
       {422, kTrainingModuleOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /volunteers/screening/{id}/withdraw",
       {422, kScreeningItemOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/documents/{id}",
       {200, kVolunteerDocumentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/{id}", {200, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/{id}/edit",
       {200, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/edit",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/stage",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/supervision",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/hours",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      // Volunteer care: a volunteer's wellbeing answers and a debrief are staff's; a record to
      // everyone else.
      {"GET /volunteers/{id}/wellbeing",
       {200, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      // The exit interview: organisation A's file is not exited, so recording one is refused.
      {"GET /volunteers/{id}/exit-interview",
       {200, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/exit-interview",
       {409, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/debriefs/{id}",
       {200, kDebriefOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/debriefs/{id}",
       {422, kDebriefOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /volunteers/{id}/screening",
       {200, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/screening",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /volunteers/{id}/screening-items",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      // Core members and referrals: coordinators and admins only; everyone else gets a 404, even
      // for
      // the lists and the search
      {"GET /core-members", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /core-members/documents/{id}",
       {200, kCoreMemberDocumentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/documents/{id}/remove",
       {303, kNewCoreMemberDocumentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/orders/{id}/edit",
       {200, kOrderOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/orders/{id}/edit",
       {422, kOrderOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/orders/{id}/conditions/new",
       {200, kOrderOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/orders/{id}/conditions",
       {422, kOrderOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/conditions/{id}/edit",
       {200, kConditionOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/conditions/{id}/edit",
       {422, kConditionOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/consents/{id}/withdraw",
       {422, kConsentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/{id}", {200, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/{id}/edit",
       {200, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/edit",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/status",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/{id}/orders/new",
       {200, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/orders",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/{id}/risk/new",
       {200, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/risk",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/{id}/consents/new",
       {200, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/consents",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/documents",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /referrals", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /referrals/new", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"POST /referrals", {422, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /referrals/documents/{id}",
       {200, kReferralDocumentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /referrals/documents/{id}/remove",
       {303, kNewReferralDocumentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /referrals/{id}", {200, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /referrals/{id}/edit", {200, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /referrals/{id}/edit", {422, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /referrals/{id}/checklist",
       {422, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /referrals/{id}/move", {422, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /referrals/{id}/accept",
       {200, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /referrals/{id}/accept",
       {422, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /referrals/{id}/documents",
       {422, kReferralOfA, login, Staff(hidden), hidden, All(hidden)}},
      // Eligibility criteria: the organisation's administrators (an area); another organisation's
      // criterion is a record
      {"GET /admin/eligibility", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /admin/eligibility", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /admin/eligibility/{id}",
       {422, kCriterionOfA, login, AdminOnly(no), no, AdminOnly(no, hidden)}},
      {"POST /admin/eligibility/{id}/retire",
       {303, kCriterionOfA, login, AdminOnly(no), no, AdminOnly(no, hidden)}},
      {"POST /admin/eligibility/{id}/restore",
       {303, kCriterionOfA, login, AdminOnly(no), no, AdminOnly(no, hidden)}},
      // The volunteer's portal: only organisation A's volunteer has a file linked to their account
      {"GET /portal", {200, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/hours", {422, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/expenses", {200, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/expenses", {422, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/expenses/{id}/receipt",
       {200, kExpenseClaimOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/wellbeing", {200, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/wellbeing", {422, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      // Circles: coordinators and admins only; everyone else gets a 404, even for the lists,
      // since a circle names its core member
      {"GET /circles", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /circles/new", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"POST /circles", {422, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /circles/meetings/{id}", {200, kMeetingOfA, login, Staff(hidden), hidden, All(hidden)}},
      // The register of meeting places: coordinators and admins; volunteers, partners and
      // evaluators are refused it (a volunteer reads only the venue's name on his own meetings);
      // another organisation's venue is a missing record.
      {"GET /circles/venues", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /circles/venues/new", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /circles/venues", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /circles/venues/{id}", {200, kVenueOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/venues/{id}", {422, kVenueOfA, login, Staff(hidden), hidden, All(hidden)}},
      // The list of risk and protective factors: staff read it, its admins change it (a form that
      // names no factor, or a new factor without a name, is refused).
      {"GET /circles/risk-factors", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /circles/risk-factors", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /circles/risk-factors/change", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /circles/risk-factors/move", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      // The risk and protective factors of a review: staff's; a record to everyone else. A form
      // that rates nothing is refused.
      {"GET /circles/reviews/{id}/factors",
       {200, kReviewOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/reviews/{id}/factors",
       {422, kReviewOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/venues/{id}/archive",
       {303, kVenueOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/meetings/{id}/cancel",
       {303, kNewMeetingOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/meetings/{id}/acknowledge",
       {422, kMinutesOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/members/{id}/primary",
       {303, kMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/members/{id}/leave",
       {422, kMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/members/{id}/replace",
       {422, kMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/agreements/{id}/end",
       {303, kNewAgreementOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/documents/{id}",
       {200, kAgreementDocumentOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/volunteers/{id}",
       {200, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/volunteers/{id}",
       {422, kVolunteerOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/conflicts/{id}/remove",
       {303, kNewConflictOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/{id}", {200, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/details", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/{id}/suggestions",
       {200, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/members", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/phase", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/covenant", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/covenant/sign",
       {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/meetings", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/reviews", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/{id}/plan", {200, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/plan", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/reviews/{id}/goals",
       {200, kReviewOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/reviews/{id}/goals",
       {422, kReviewOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/close", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      // End-of-circle questionnaires: staff's for a closed circle (a new officer's link is shown
      // on the page it answers with), the volunteer's own in the portal, and the officer's page
      // behind a single-use link, which answers a dead link alike to everyone.
      {"GET /circles/{id}/endings",
       {200, kClosedCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/endings/core-member",
       {422, kClosedCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/endings/officer-link",
       {200, kClosedCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /portal/endings/{id}", {200, kEndingOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/endings/{id}", {422, kEndingOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /q/{token}", {410, kUnknownLink, ok, All(ok), ok, All(ok)}},
      {"POST /q/{token}", {410, kUnknownLink, ok, All(ok), ok, All(ok)}},
      {"POST /circles/{id}/agreements",
       {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /partners", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"POST /partners", {422, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /partners/{id}", {200, kPartnerContactOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /partners/{id}", {422, kPartnerContactOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /admin/covenant", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /admin/covenant", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      // The volunteer's circles: only organisation A's volunteer, a member of the circle
      {"GET /portal/circles/{id}", {200, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/circles/{id}/plan",
       {200, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/circles/{id}/contacts",
       {422, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/meetings/{id}",
       {200, kMeetingOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/meetings/{id}",
       {422, kMeetingOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/calendar", {200, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      // Drafts of the forms (pages/drafts/): saved by whoever may fill the form, never another's;
      // a discard finds the draft its author saved on the line before, and nobody else's. "Stay
      // signed in": anyone signed in
      {"POST /drafts/minutes/{id}",
       {200, kMeetingOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /drafts/minutes/{id}/discard",
       {303, kMeetingOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /drafts/contact/{id}", {200, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /drafts/contact/{id}/discard",
       {303, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /drafts/concern/{id}", {200, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /drafts/concern/{id}/discard",
       {303, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /drafts/staff_concern/{id}",
       {200, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /drafts/staff_concern/{id}/discard",
       {303, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /session/keep-alive", {200, kNone, login, All(ok), ok, All(ok)}},
      // The partner's pages: the list is theirs (empty for organisation B's partner); a circle only
      // while an agreement in force attaches them to it
      {"GET /my-circles", {200, kNone, login, PartnerOnly(), hidden, PartnerOnly()}},
      {"GET /my-circles/{id}", {200, kCircleOfA, login, PartnerOnly(), hidden, All(hidden)}},
      // Calendar feeds: public, the token is the credential
      {"GET /calendar/{feed}", {200, kCalendarFeedOfA, ok, All(ok), ok, All(ok)}},
      // Concerns: coordinators and admins; everyone else gets a 404, even for the register and the
      // rota.
      // Acknowledging and starting a concern already in progress are refused (409); the forms are
      // invalid.
      {"GET /concerns", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /concerns/on-call", {200, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"POST /concerns/on-call", {422, kNone, login, Staff(hidden), hidden, Staff(hidden)}},
      {"GET /concerns/{id}", {200, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/acknowledge",
       {409, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/start", {409, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/actions",
       {422, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/emergency-meeting",
       {422, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/disclosures",
       {422, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/reply", {422, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /concerns/{id}/close", {422, kConcernOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /circles/{id}/concerns/new",
       {200, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /circles/{id}/concerns", {422, kCircleOfA, login, Staff(hidden), hidden, All(hidden)}},
      // The volunteer's concerns: only organisation A's volunteer, a member of the circle who
      // raised it
      {"GET /portal/concerns", {200, kNone, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/concerns/{id}",
       {200, kConcernOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"GET /portal/circles/{id}/concerns/new",
       {200, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      {"POST /portal/circles/{id}/concerns",
       {422, kCircleOfA, login, VolunteerOnly(), hidden, All(hidden)}},
      // The partner's view: the list is theirs (empty for organisation B's partner); a concern only
      // through a disclosure made to them
      {"GET /my-concerns", {200, kNone, login, PartnerOnly(), hidden, PartnerOnly()}},
      {"GET /my-concerns/{id}", {200, kConcernOfA, login, PartnerOnly(), hidden, All(hidden)}},
      // Reports: coordinators and admins (an area, 403 for others); the evaluation extract for
      // evaluators and admins; the report settings for admins
      {"GET /reports", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /reports/funder", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /reports/funder/print", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /reports/funder/export.csv", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /reports/funder/export.xlsx", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /reports/funder/figures/{figure}",
       {200, kReportFigure, login, Staff(no), no, Staff(no)}},
      {"GET /reports/evaluation",
       {200, kNone, login, {ok, no, no, no, ok}, no, {ok, no, no, no, ok}}},
      {"GET /reports/evaluation/export.csv",
       {200, kNone, login, {ok, no, no, no, ok}, no, {ok, no, no, no, ok}}},
      {"GET /reports/evaluation/export.xlsx",
       {200, kNone, login, {ok, no, no, no, ok}, no, {ok, no, no, no, ok}}},
      {"GET /reports/evaluation/dictionary.csv",
       {200, kNone, login, {ok, no, no, no, ok}, no, {ok, no, no, no, ok}}},
      {"GET /reports/settings", {200, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /reports/settings/scales", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      {"POST /reports/settings/publication", {422, kNone, login, AdminOnly(no), no, AdminOnly(no)}},
      // Outcomes on a core member's file: records, like the file itself
      {"GET /core-members/outcomes/events/{id}/edit",
       {200, kRecidivismEventOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/outcomes/events/{id}/edit",
       {422, kRecidivismEventOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/outcomes/events/{id}/remove",
       {303, kNewRecidivismEventOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/outcomes/measures/{id}/remove",
       {303, kNewOutcomeMeasureOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /core-members/{id}/outcomes",
       {200, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/outcomes/events",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /core-members/{id}/outcomes/measures",
       {422, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      // The seeded file is open: a follow-up is refused as a conflict.
      {"POST /core-members/{id}/outcomes/follow-ups",
       {409, kCoreMemberOfA, login, Staff(hidden), hidden, All(hidden)}},
      // Outreach and stories: coordinators and admins (an area); each activity or story a record
      {"GET /outreach", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /outreach/new", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /outreach", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /outreach/stories/new", {200, kNone, login, Staff(no), no, Staff(no)}},
      {"POST /outreach/stories", {422, kNone, login, Staff(no), no, Staff(no)}},
      {"GET /outreach/stories/{id}", {200, kStoryOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /outreach/stories/{id}/edit",
       {200, kStoryOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /outreach/stories/{id}/edit",
       {422, kStoryOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /outreach/stories/{id}/review",
       {422, kStoryOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /outreach/stories/{id}/remove",
       {303, kNewStoryOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"GET /outreach/{id}/edit", {200, kOutreachOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /outreach/{id}/edit", {422, kOutreachOfA, login, Staff(hidden), hidden, All(hidden)}},
      {"POST /outreach/{id}/remove",
       {303, kNewOutreachOfA, login, Staff(hidden), hidden, All(hidden)}},
      // Requests about personal information and the export of a person's file: the person in
      // charge and administrators only; a 404 for everyone else, even for the register. Recording
      // a correction on an access request is refused as a conflict.
      {"GET /admin/privacy/requests",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/requests/new",
       {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy/requests",
       {422, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /admin/privacy/requests/{id}",
       {200, kPrivacyRequestOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/requests/{id}/answer",
       {422, kPrivacyRequestOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/requests/{id}/corrections",
       {409, kPrivacyRequestOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/requests/{id}/exports",
       {303, kPrivacyRequestOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/corrections/{id}/told",
       {422, kPrivacyCorrectionOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"GET /admin/privacy/exports/{id}",
       {200, kPrivacyExportOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"POST /admin/privacy/exports/{id}/release",
       {303, kPrivacyExportOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"GET /admin/privacy/exports/{id}/export.json",
       {200, kPrivacyExportOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      {"GET /admin/privacy/exports/{id}/print",
       {200, kPrivacyExportOfA, login, AdminOnly(hidden), hidden, All(hidden)}},
      // The export's published schema: anyone
      {"GET /privacy/export-schema.json", {200, kNone, ok, All(ok), ok, All(ok)}},
      // The network's summed figures: the network admin only
      {"GET /network/reports", {200, kNone, login, All(no), ok, All(no)}},
      // Organisation A's public impact page (turned on): anyone
      {"GET /public/{slug}", {200, kOrganisationASlug, ok, All(ok), ok, All(ok)}},
      // Privacy (Law 25): the hub for organisation admins (and the person in charge), the
      // network's for the network admin, 404 for everyone else; the privacy pages for anyone
      {"GET /admin/privacy", {200, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"POST /admin/privacy", {422, kNone, login, AdminOnly(hidden), hidden, AdminOnly(hidden)}},
      {"GET /network/privacy", {200, kNone, login, All(hidden), ok, All(hidden)}},
      {"POST /network/privacy", {422, kNone, login, All(hidden), ok, All(hidden)}},
      {"GET /privacy", {200, kNone, ok, All(ok), ok, All(ok)}},
      {"GET /privacy/{slug}", {200, kOrganisationASlug, ok, All(ok), ok, All(ok)}},
  };
}

// The fields each POST sends besides the CSRF token: deliberately invalid where the route changes
// data (so that an allowed actor changes nothing either), or a real sign-in for POST /login.
Form FormFor(const std::string& route) {
  const std::string volunteer_a = std::string("benevole@") + kSlugA + ".example";
  static const std::map<std::string, Form> kForms = {
      {"POST /language", {{"lang", "en"}, {"next", "/"}}},
      {"POST /login/two-factor", {{"code", "000000"}}},
      {"POST /reauth", {{"secret", kWrongPassword}}},
      {"POST /password/forgot", {{"email", "pas une adresse"}}},
      {"POST /password/reset", {{"token", "dead"}, {"password", kNewPassword}}},
      {"POST /invitations/accept", {{"token", "dead"}, {"password", kNewPassword}}},
      {"POST /account/language", {{"language", "de"}}},
      {"POST /account/reminders", {{"on", "every_hour"}}},
      {"POST /account/password", {{"current", kWrongPassword}, {"password", kNewPassword}}},
      {"POST /account/two-factor", {{"sealed", ""}, {"code", "000000"}}},
      {"POST /admin/users/invite",
       {{"display_name", ""}, {"email", "pas une adresse"}, {"roles", "volunteer"}}},
      // No role chosen: refused after the step-up.
      {"POST /admin/users/{id}/roles", {}},
      // No value for any setting.
      {"POST /admin/settings", {}},
      // A period below its floor; a hold without kind or reason; an approval without its
      // assessment.
      {"POST /admin/privacy/retention/schedule", {{"core_member_files", "1"}}},
      {"POST /admin/privacy/retention/holds", {{"kind", ""}, {"reason", ""}}},
      {"POST /admin/privacy/retention/approve", {{"risk_assessment", ""}}},
      {"POST /network/organisations", {{"name", ""}, {"slug", "Pas Un Nom Court"}}},
      {"POST /network/organisations/{id}/admins",
       {{"display_name", ""}, {"email", "pas une adresse"}}},
      {"POST /volunteers", {{"first_name", ""}, {"last_name", ""}}},
      {"POST /volunteers/hours/{id}/review", {{"decision", "peut-être"}}},
      // Paying without the confirmation; a rate that is not one; refusing without a reason.
      {"POST /volunteers/expenses/paid", {{"claim", "1"}}},
      {"POST /volunteers/expenses/rates",
       {{"effective_from", "pas une date"}, {"rate", "gratuit"}}},
      {"POST /volunteers/expenses/{id}/review", {{"decision", "refuse"}, {"reason", ""}}},
      {"POST /volunteers/training", {{"module", ""}, {"held_on", "demain"}}},
      {"POST /volunteers/training/{id}", {{"attended", kMissingId}}},
      {"POST /circles/venues", {{"name", ""}, {"kind", "cafe"}}},
      // A goal without its area; a review's progress of no goal (the circle has no plan).
      {"POST /circles/{id}/plan", {{"goal_rows", "1"}, {"goal_1_text", "Logement"}}},
      {"POST /circles/reviews/{id}/goals", {{"progress_1", "met"}}},
      {"POST /circles/venues/{id}", {{"name", ""}, {"kind", "cafe"}}},
      {"POST /circles/reviews/{id}/factors", {{"factor", "work"}, {"rating-work", "9"}}},
      {"POST /circles/risk-factors", {{"name", ""}, {"kind", "protective"}}},
      {"POST /circles/risk-factors/change", {{"key", "work"}, {"name", ""}}},
      {"POST /volunteers/setup/screening", {{"name", ""}}},
      {"POST /volunteers/setup/screening/{id}", {{"name", ""}}},
      {"POST /volunteers/setup/training", {{"name", ""}}},
      {"POST /volunteers/setup/training/{id}", {{"name", ""}}},
      {"POST /volunteers/screening/{id}/withdraw", {{"reason", ""}}},
      {"POST /volunteers/{id}/edit", {{"first_name", ""}, {"last_name", ""}}},
      {"POST /volunteers/{id}/stage", {{"to", ""}, {"reason", ""}}},
      {"POST /volunteers/{id}/supervision", {{"held_on", "pas une date"}, {"kind", "supervision"}}},
      {"POST /volunteers/{id}/hours", {{"worked_on", "pas une date"}, {"duration", "beaucoup"}}},
      {"POST /volunteers/{id}/screening", {{"type", ""}}},
      {"POST /volunteers/{id}/screening-items",
       {{"row-0-type", "1"}, {"row-0-completed_on", "demain"}, {"row-0-result", "passed"}}},
      {"POST /portal/hours", {{"worked_on", "pas une date"}, {"duration", "beaucoup"}}},
      {"POST /portal/expenses",
       {{"incurred_on", "pas une date"}, {"kind", "mileage"}, {"distance", "loin"}}},
      {"POST /portal/wellbeing", {{"score", ""}}},
      {"POST /volunteers/debriefs/{id}", {{"held_on", "pas une date"}}},
      {"POST /volunteers/{id}/exit-interview", {{"held_on", "pas une date"}}},
      {"POST /core-members/orders/{id}/edit", {{"order_type", ""}}},
      {"POST /core-members/orders/{id}/conditions", {{"kind", ""}}},
      {"POST /core-members/conditions/{id}/edit", {{"kind", ""}}},
      {"POST /core-members/consents/{id}/withdraw", {{"withdrawn_on", "pas une date"}}},
      {"POST /core-members/{id}/edit", {{"legal_name", ""}}},
      // Closing needs a reason.
      {"POST /core-members/{id}/status", {{"to", "closed"}, {"reason", ""}}},
      {"POST /core-members/{id}/orders", {{"order_type", ""}}},
      {"POST /core-members/{id}/risk", {{"tool", ""}}},
      {"POST /core-members/{id}/consents", {{"scope", ""}}},
      // The upload routes get no file, which they refuse.
      {"POST /referrals", {{"person_legal_name", ""}}},
      {"POST /referrals/{id}/edit", {{"person_legal_name", ""}}},
      {"POST /referrals/{id}/checklist", {{"met", kMissingId}}},
      // Declining needs a reason.
      {"POST /referrals/{id}/move", {{"to", "declined"}, {"reason", ""}}},
      {"POST /referrals/{id}/accept", {{"reopen", ""}, {"file_number", ""}}},
      {"POST /admin/eligibility", {{"label", ""}}},
      {"POST /admin/eligibility/{id}", {{"label", ""}}},
      // Circles: each form refused for a missing or malformed field.
      {"POST /circles", {{"core_member", ""}}},
      {"POST /circles/meetings/{id}/acknowledge", {{"comment", std::string(2001, 'x')}}},
      {"POST /circles/members/{id}/leave", {{"left_on", "pas une date"}, {"left_reason", ""}}},
      {"POST /circles/members/{id}/replace", {{"volunteer", ""}, {"reason", ""}}},
      {"POST /circles/volunteers/{id}", {{"profiles", "inconnu"}}},
      {"POST /circles/{id}/details", {{"offence_profile", "inconnu"}}},
      {"POST /circles/{id}/members", {{"volunteer", ""}}},
      {"POST /circles/{id}/phase", {{"to", ""}}},
      {"POST /circles/{id}/covenant", {{"body", ""}}},
      {"POST /circles/{id}/covenant/sign", {{"signatory", ""}}},
      {"POST /circles/{id}/meetings", {{"kind", ""}}},
      {"POST /circles/{id}/reviews", {{"kind", ""}}},
      {"POST /circles/{id}/close", {{"closure_reason", ""}}},
      {"POST /circles/{id}/endings/core-member", {{"answered_on", "pas une date"}}},
      {"POST /portal/endings/{id}", {{"q_again", "9"}}},
      {"POST /q/{token}", {{"q_risk", "9"}}},
      {"POST /circles/{id}/agreements", {{"contact", ""}}},
      {"POST /partners", {{"kind", ""}, {"name", ""}}},
      {"POST /partners/{id}", {{"kind", ""}, {"name", ""}}},
      {"POST /admin/covenant", {{"body", ""}}},
      {"POST /portal/circles/{id}/contacts", {{"contacted_on", "pas une date"}}},
      {"POST /portal/meetings/{id}", {{"check_in", ""}}},
      // Concerns: each form refused for a missing or malformed field, or a person who is not staff.
      {"POST /concerns/on-call", {{"level-987654321", "0"}}},
      {"POST /concerns/{id}/actions", {{"kind", ""}}},
      {"POST /concerns/{id}/emergency-meeting", {{"date", "pas une date"}, {"mode", "telephone"}}},
      {"POST /concerns/{id}/disclosures", {{"recipient_kind", ""}}},
      {"POST /concerns/{id}/reply", {{"reply", ""}}},
      {"POST /concerns/{id}/close", {{"outcome", ""}}},
      {"POST /circles/{id}/concerns", {{"category", ""}}},
      {"POST /portal/circles/{id}/concerns", {{"category", ""}}},
      {"POST /reports/settings/scales",
       {{"form", "scales"}, {"housing", ""}, {"occupation", ""}, {"social_network", ""}}},
      {"POST /reports/settings/publication", {{"form", "publication"}, {"founding_year", "jadis"}}},
      {"POST /core-members/outcomes/events/{id}/edit", {{"occurred_on", "pas une date"}}},
      {"POST /core-members/{id}/outcomes/events", {{"occurred_on", ""}}},
      {"POST /core-members/{id}/outcomes/measures", {{"measured_on", ""}}},
      {"POST /core-members/{id}/outcomes/follow-ups", {{"milestone", "6"}, {"checked_on", ""}}},
      {"POST /outreach", {{"title", ""}}},
      {"POST /outreach/{id}/edit", {{"title", ""}}},
      {"POST /outreach/stories", {{"title", ""}}},
      {"POST /outreach/stories/{id}/edit", {{"title", ""}}},
      // No confirmation that the story identifies no one.
      {"POST /outreach/stories/{id}/review", {}},
      // No circumstances.
      {"POST /admin/privacy/incidents", {{"circumstances", ""}}},
      {"POST /admin/privacy/incidents/{id}/edit", {{"circumstances", ""}}},
      {"POST /admin/privacy/requests", {{"kind", ""}, {"subject", ""}}},
      {"POST /admin/privacy/requests/{id}/answer", {{"answer", ""}}},
      {"POST /admin/privacy/requests/{id}/corrections", {{"field", "phone"}, {"reason", ""}}},
      {"POST /admin/privacy/corrections/{id}/told", {{"told_on", "pas une date"}}},
      // No name, title or e-mail for the person in charge.
      {"POST /admin/privacy", {{"name", ""}}},
      {"POST /network/privacy", {{"name", ""}}},
  };
  if (route == "POST /login") {
    return {{"email", volunteer_a}, {"password", std::string(kTestPassword)}};
  }
  const auto found = kForms.find(route);
  return found == kForms.end() ? Form{} : found->second;
}

std::string MethodName(web::Method method) {
  switch (method) {
    case web::Method::kGet:
      return "GET";
    case web::Method::kHead:
      return "HEAD";
    case web::Method::kPost:
      return "POST";
    case web::Method::kOther:
      break;
  }
  return "OTHER";
}

std::string OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kAllowed:
      return "allowed";
    case Outcome::kSignInRequired:
      return "sign-in required";
    case Outcome::kSentHome:
      return "sent home";
    case Outcome::kLanded:
      return "landed on their own work";
    case Outcome::kSignedOut:
      return "signed out";
    case Outcome::kForbidden:
      return "forbidden (403)";
    case Outcome::kNotFound:
      return "not found (404)";
  }
  return "?";
}

// Someone who tries a route.
struct Tester {
  std::string description;
  const TestUser* user = nullptr;  // none when signed out
  // The account of organisation A with the same role, whose session an organisation B actor tries
  // to end.
  const TestUser* counterpart = nullptr;
  bool in_organisation_b = false;
};

class AuthorizationMatrix : public ::testing::TestWithParam<Backend> {
 protected:
  AuthorizationMatrix() {
    organisation_a_ = fixture_.CreateOrganisationWithEveryRole("Cercles A (essai)", kSlugA);
    organisation_b_ = fixture_.CreateOrganisationWithEveryRole("Cercles B (essai)", kSlugB);
    network_admin_ = fixture_.CreateUser(std::nullopt, "Hector Réseau", "reseau@network.example",
                                         {domain::Role::kNetworkAdmin});
    target_ = fixture_.CreateUser(organisation_a_.id, "Timothée Cible",
                                  std::string("cible@") + kSlugA + ".example",
                                  {domain::Role::kVolunteer});
    // A file of organisation A for its volunteer's portal, and the volunteer records the routes
    // name.
    VolunteerFixture volunteers(server_);
    const auto today = volunteers.Today();
    own_volunteer_of_a_ =
        volunteers.CreateVolunteer(organisation_a_.id, "Bastien", "Bénévole",
                                   domain::VolunteerStage::kActive, organisation_a_.volunteer.id);
    volunteer_of_a_ = volunteers.CreateVolunteer(organisation_a_.id, "Rosalie", "Cible",
                                                 domain::VolunteerStage::kScreening);
    volunteer_document_of_a_ = volunteers.AddDocument(organisation_a_.id, volunteer_of_a_);
    screening_item_of_a_ = volunteers.AddScreeningItem(
        organisation_a_.id, volunteer_of_a_, 0, today, domain::ScreeningResult::kFailed,
        "Refus confidentiel", std::nullopt, volunteer_document_of_a_);
    volunteer_hours_of_a_ =
        volunteers.AddHours(organisation_a_.id, volunteer_of_a_, today, 60,
                            domain::HoursStatus::kPending, organisation_a_.coordinator.id);
    training_session_of_a_ =
        volunteers.AddTrainingSession(organisation_a_.id, 0, today, 180, {volunteer_of_a_});
    const auto setup = volunteers.Setup(organisation_a_.id);
    screening_type_of_a_ = setup.types.front().id;
    training_module_of_a_ = setup.modules.front().id;
    CoreMemberFixture intake(server_);
    file_of_a_ = intake.SeedFullFile(organisation_a_.id, "Marcel Exemple", "2026-001");
    referral_of_a_ = intake.CreateReferral(organisation_a_.id, "Sylvain Croquis",
                                           {domain::ReferralStatus::kScreening}, true);
    referral_document_of_a_ = intake.AddDocument(organisation_a_.id, "referral", referral_of_a_);
    criterion_of_a_ = intake.CriterionIds(organisation_a_.id).front();
    SeedCircle(today);
    ReportFixture reports(server_);
    event_of_a_ = reports.AddEvent(organisation_a_.id, file_of_a_.core_member_id, today,
                                   domain::RecidivismKind::kNewCharge,
                                   domain::OffenceCategory::kOther, domain::CirclePeriod::kDuring);
    outreach_of_a_ =
        reports.AddOutreach(organisation_a_.id, today, domain::OutreachKind::kPresentation,
                            "Présentation d'essai", "Un public d'essai", 30);
    story_of_a_ = reports.AddStory(organisation_a_.id, today, "Récit d'essai",
                                   "Un récit qui n'identifie personne.", false);
    reports.SetSetting(organisation_a_.id, domain::SettingKey::kPublicImpactPage, 1);
    SeedIncident(today);
    SeedPrivacyRequests(intake);
    SeedExpenses(today);
    // Evaluator access is off in a new organisation (privacy by default); A and B turned it on.
    reports.SetSetting(organisation_a_.id, domain::SettingKey::kEvaluatorAccess, 1);
    reports.SetSetting(organisation_b_.id, domain::SettingKey::kEvaluatorAccess, 1);
    static_file_ = server_.runtime()
                       .services()
                       .static_files.Url("css/cercle.css")
                       .substr(std::string("/static/").size());
  }

  // A rate per kilometre for organisation A, and a meal claim with a receipt that its volunteer
  // filed in their portal.
  void SeedExpenses(CivilDate today) {
    const auto& services = server_.app();
    if (!app::volunteers::SetMileageRate(
            services, ActorOf(organisation_a_.coordinator),
            {.effective_from = AddDays(today, -30), .cents_per_km = 50})) {
      throw std::runtime_error("the mileage rate of organisation A is refused");
    }
    app::volunteers::FileClaimCommand claim;
    claim.claim = {.incurred_on = today, .kind = domain::ExpenseKind::kMeal, .amount_cents = 1250};
    claim.receipt = app::intake::Upload{"", "recu.png", std::string("\x89PNG\r\n\x1a\nessai", 13)};
    const auto filed =
        app::volunteers::FileOwnClaim(services, ActorOf(organisation_a_.volunteer), claim);
    if (!filed) throw std::runtime_error("the expense claim of organisation A is refused");
    expense_claim_of_a_ = *filed;
  }

  // An entry of organisation A's register of confidentiality incidents, by its admin.
  void SeedIncident(CivilDate today) {
    app::privacy::IncidentForm form;
    auto& incident = form.details;
    incident.information = "Nom et adresse (essai).";
    incident.circumstances = "Courriel envoyé au mauvais partenaire (essai).";
    incident.occurred_from = incident.learned_on = today;
    incident.people_count = 1;
    incident.sensitivity_level = incident.misuse_level = domain::RiskLevel::kLow;
    incident.consequences_level = incident.likelihood_level = domain::RiskLevel::kLow;
    incident.conclusion = domain::RiskConclusion::kNotSerious;
    incident.measures = "Suppression confirmée (essai).";
    form.people = {{domain::ConcernedKind::kCoreMember, file_of_a_.core_member_id, {}}};
    const auto created =
        app::privacy::CreateIncident(server_.app(), ActorOf(organisation_a_.admin), form);
    if (!created) throw std::runtime_error("the incident of organisation A is refused");
    incident_of_a_ = *created;
  }

  // An access request about a file of organisation A that no other route touches, with a released
  // export, and a correction request about someone without a file, with a correction not yet told.
  void SeedPrivacyRequests(CoreMemberFixture& intake) {
    auto officer = ActorOf(organisation_a_.admin);
    officer.organisation_name = organisation_a_.name;
    officer.reauthenticated_at = server_.clock().Now();
    const auto& services = server_.app();
    const auto person = intake.CreateCoreMember(organisation_a_.id, "Norbert Demande", "2026-777");
    app::privacy::RequestForm access;
    access.kind = domain::PrivacyRequestKind::kAccess;
    access.subject_kind = domain::PrivacySubjectKind::kCoreMember;
    access.subject_id = person;
    access.received_on = intake.Today();
    privacy_request_of_a_ = app::privacy::CreateRequest(services, officer, access).value();
    privacy_export_of_a_ =
        app::privacy::PrepareExport(services, officer, privacy_request_of_a_).value();
    (void)app::privacy::ReleaseExport(services, officer, privacy_export_of_a_).value();
    app::privacy::RequestForm correction;
    correction.kind = domain::PrivacyRequestKind::kCorrection;
    correction.subject_kind = domain::PrivacySubjectKind::kOther;
    correction.person_name = "Personne Sans Dossier";
    correction.received_on = intake.Today();
    const auto request = app::privacy::CreateRequest(services, officer, correction).value();
    privacy_correction_of_a_ = app::privacy::RecordCorrection(
                                   services, officer, request,
                                   {"other", "Adresse postale", "1 rue A", "2 rue B", "Déménagé"})
                                   .value()
                                   .id;
  }

  // A meeting circle of organisation A around the seeded file, with its volunteer and another one,
  // a partner attached under an agreement in force, and the records the circle routes name.
  void SeedCircle(CivilDate today) {
    CircleFixture circles(server_);
    VolunteerFixture volunteers(server_);
    const auto other = volunteers.CreateVolunteer(organisation_a_.id, "Odile", "Membre",
                                                  domain::VolunteerStage::kActive);
    circle_of_a_ = circles.CreateCircle(organisation_a_.id, file_of_a_.core_member_id,
                                        domain::CirclePhase::kWeekly, AddDays(today, -60),
                                        AddDays(today, -90));
    member_of_a_ = circles.AddMember(organisation_a_.id, circle_of_a_, own_volunteer_of_a_,
                                     AddDays(today, -90), true);
    circles.AddMember(organisation_a_.id, circle_of_a_, other, AddDays(today, -90));
    meeting_of_a_ =
        circles.AddMeeting(organisation_a_.id, circle_of_a_,
                           CircleFixture::At(AddDays(today, -1), 19 * 60), own_volunteer_of_a_);
    minutes_of_a_ = circles.AddMeeting(organisation_a_.id, circle_of_a_,
                                       CircleFixture::At(AddDays(today, -8), 19 * 60), other);
    circles.AddMinutes(organisation_a_.id, minutes_of_a_, other, {own_volunteer_of_a_},
                       CircleFixture::At(AddDays(today, -7), 10 * 60));
    minutes_writer_of_a_ = other;
    circles.AddContact(organisation_a_.id, circle_of_a_, other, AddDays(today, -3));
    partner_contact_of_a_ =
        circles.AddPartnerContact(organisation_a_.id, "Agathe Agente", organisation_a_.partner.id);
    agreement_document_of_a_ =
        CoreMemberFixture(server_).AddDocument(organisation_a_.id, "circle", circle_of_a_);
    agreement_of_a_ =
        circles.AddAgreement(organisation_a_.id, partner_contact_of_a_, circle_of_a_,
                             AddDays(today, -30), std::nullopt, agreement_document_of_a_);
    spare_contact_of_a_ = circles.AddPartnerContact(organisation_a_.id, "Paul Policier");
    calendar_token_of_a_ = circles.CreateCalendarToken(organisation_a_.id, other);
    app::circles::VenueCommand venue;
    venue.venue.name = "Café du Quartier (essai)";
    venue.venue.kind = domain::VenueKind::kCafe;
    venue_of_a_ =
        app::circles::CreateVenue(server_.app(), ActorOf(organisation_a_.coordinator), venue)
            .value();
    app::circles::ReviewCommand review{.circle_id = circle_of_a_,
                                       .kind = domain::ReviewKind::kReview,
                                       .held_on = AddDays(today, -5),
                                       .participants = "Coordination (essai)"};
    review_of_a_ =
        app::circles::RecordReview(server_.app(), ActorOf(organisation_a_.coordinator), review)
            .value();
    SeedConcern(agreement_of_a_);
    SeedEndings(today);
  }

  // A second circle of organisation A, with its volunteer, closed by its coordinator: its
  // end-of-circle questionnaires are open.
  void SeedEndings(CivilDate today) {
    CircleFixture circles(server_);
    const auto ended = circles.CreateWeeklyCircle(organisation_a_.id, "Gérard Fictif", "2026-090",
                                                  200, "Lucien", "Terminé");
    closed_circle_of_a_ = ended.circle_id;
    circles.AddMember(organisation_a_.id, closed_circle_of_a_, own_volunteer_of_a_,
                      AddDays(today, -150));
    const auto closed = app::circles::Close(
        server_.app(), ActorOf(organisation_a_.coordinator),
        {closed_circle_of_a_, domain::ClosureReason::kCompleted, today, "Terminé (essai)."});
    if (!closed) throw std::runtime_error("organisation A's second circle stays open");
    for (const auto& questionnaire : server_.app().database.Read(
             store::Scope::Organisation(organisation_a_.id), [&](soci::session& session) {
               return store::EndingStore(session).OfCircle(closed_circle_of_a_, organisation_a_.id);
             })) {
      if (questionnaire.volunteer_id == own_volunteer_of_a_) ending_of_a_ = questionnaire.id;
    }
  }

  // A concern in progress about the circle, raised by organisation A's volunteer (a concern level:
  // no alert mail) and disclosed to organisation A's partner under the agreement.
  void SeedConcern(std::int64_t agreement_id) {
    ConcernFixture concerns(server_);
    concern_of_a_ = concerns.Raise({organisation_a_.id, circle_of_a_, organisation_a_.volunteer.id,
                                    own_volunteer_of_a_, domain::ConcernCategory::kHostility,
                                    domain::Severity::kConcern});
    concerns.Acknowledge(organisation_a_.id, concern_of_a_, organisation_a_.coordinator.id, true);
    concerns.DiscloseToPartner(organisation_a_.id, concern_of_a_, partner_contact_of_a_,
                               agreement_id, organisation_a_.coordinator.id,
                               "Rencontre d'urgence prévue (essai).");
    SeedDebrief();
  }

  // An urgent concern about the circle, closed by organisation A's coordinator: a debrief owed to
  // each of its volunteers.
  void SeedDebrief() {
    ConcernFixture concerns(server_);
    const auto urgent = concerns.Raise(
        {organisation_a_.id, circle_of_a_, organisation_a_.volunteer.id, own_volunteer_of_a_,
         domain::ConcernCategory::kHostility, domain::Severity::kUrgent});
    concerns.Acknowledge(organisation_a_.id, urgent, organisation_a_.coordinator.id, true);
    const auto closed =
        app::concerns::Close(server_.app(), ActorOf(organisation_a_.coordinator),
                             {urgent, domain::ConcernOutcome::kResolved, "Apaisée (essai)."});
    if (!closed) throw std::runtime_error("the urgent concern of organisation A stays open");
    debrief_of_a_ = server_.app().database.Read(store::Scope::Organisation(organisation_a_.id),
                                                [&](soci::session& session) {
                                                  return store::VolunteerCareStore(session)
                                                      .DebriefsOfConcern(urgent, organisation_a_.id)
                                                      .front()
                                                      .id;
                                                });
  }

  // Everyone who tries each route, in the order of the Expectation columns.
  std::vector<std::pair<Tester, Outcome>> Testers(const Expectation& expectation) const {
    static constexpr const char* kRoles[] = {"admin", "coordinator", "volunteer", "partner",
                                             "evaluator"};
    static constexpr domain::Role kRoleValues[] = {
        domain::Role::kOrganisationAdmin, domain::Role::kCoordinator, domain::Role::kVolunteer,
        domain::Role::kPartner, domain::Role::kEvaluator};
    std::vector<std::pair<Tester, Outcome>> testers;
    testers.push_back({{"someone signed out", nullptr, &organisation_a_.volunteer, false},
                       expectation.signed_out});
    for (int i = 0; i < 5; ++i) {
      const TestUser& own = organisation_a_.Holder(kRoleValues[i]);
      testers.push_back({{std::string("organisation A's ") + kRoles[i], &own, &own, false},
                         expectation.organisation_a[i]});
    }
    testers.push_back({{"the network admin", &network_admin_, &network_admin_, false},
                       expectation.network_admin});
    for (int i = 0; i < 5; ++i) {
      testers.push_back(
          {{std::string("organisation B's ") + kRoles[i] + " on A's records",
            &organisation_b_.Holder(kRoleValues[i]), &organisation_a_.Holder(kRoleValues[i]), true},
           expectation.organisation_b[i]});
    }
    // Denials first, so that no allowed change (a deactivation…) happens before a denied actor
    // tries.
    std::stable_partition(testers.begin(), testers.end(),
                          [](const auto& tester) { return tester.second != Outcome::kAllowed; });
    return testers;
  }

  // The value of the route's path parameter for `tester`.
  std::string TargetValue(Target target, const Tester& tester) {
    switch (target) {
      case Target::kNone:
        return "";
      case Target::kStaticFile:
        return static_file_;
      case Target::kUserOfA:
        return std::to_string(target_.id);
      case Target::kSessionOfActor:
        return std::to_string(fixture_.StartSession(*tester.counterpart).id);
      case Target::kOrganisationA:
        return std::to_string(organisation_a_.id);
      case Target::kVolunteerOfA:
        return std::to_string(volunteer_of_a_);
      case Target::kScreeningItemOfA:
        return std::to_string(screening_item_of_a_);
      case Target::kVolunteerDocumentOfA:
        return std::to_string(volunteer_document_of_a_);
      case Target::kVolunteerHoursOfA:
        return std::to_string(volunteer_hours_of_a_);
      case Target::kTrainingSessionOfA:
        return std::to_string(training_session_of_a_);
      case Target::kScreeningTypeOfA:
        return std::to_string(screening_type_of_a_);
      case Target::kTrainingModuleOfA:
        return std::to_string(training_module_of_a_);
      case Target::kCoreMemberOfA:
        return std::to_string(file_of_a_.core_member_id);
      case Target::kOrderOfA:
        return std::to_string(file_of_a_.order_id);
      case Target::kConditionOfA:
        return std::to_string(file_of_a_.protected_condition_id);
      case Target::kConsentOfA:
        return std::to_string(file_of_a_.consent_id);
      case Target::kCoreMemberDocumentOfA:
        return std::to_string(file_of_a_.document_id);
      case Target::kNewCoreMemberDocumentOfA:
        return std::to_string(CoreMemberFixture(server_).AddDocument(
            organisation_a_.id, "core_member", file_of_a_.core_member_id));
      case Target::kReferralOfA:
        return std::to_string(referral_of_a_);
      case Target::kReferralDocumentOfA:
        return std::to_string(referral_document_of_a_);
      case Target::kNewReferralDocumentOfA:
        return std::to_string(
            CoreMemberFixture(server_).AddDocument(organisation_a_.id, "referral", referral_of_a_));
      case Target::kCriterionOfA:
        return std::to_string(criterion_of_a_);
      case Target::kCircleOfA:
        return std::to_string(circle_of_a_);
      case Target::kMeetingOfA:
        return std::to_string(meeting_of_a_);
      case Target::kMinutesOfA:
        return std::to_string(minutes_of_a_);
      case Target::kNewMeetingOfA:
        return std::to_string(CircleFixture(server_).AddMeeting(
            organisation_a_.id, circle_of_a_, server_.clock().Now() + std::chrono::days(3)));
      case Target::kNewMinutesOfA: {
        CircleFixture circles(server_);
        const auto day = AddDays(circles.Today(), -6 - static_cast<int>(++new_minutes_));
        const auto meeting =
            circles.AddMeeting(organisation_a_.id, circle_of_a_, CircleFixture::At(day, 19 * 60),
                               minutes_writer_of_a_);
        circles.AddMinutes(organisation_a_.id, meeting, minutes_writer_of_a_, {},
                           CircleFixture::At(AddDays(day, 1), 10 * 60));
        return std::to_string(meeting);
      }
      case Target::kMemberOfA:
        return std::to_string(member_of_a_);
      case Target::kNewAgreementOfA: {
        CircleFixture circles(server_);
        return std::to_string(circles.AddAgreement(organisation_a_.id, spare_contact_of_a_,
                                                   circle_of_a_, AddDays(circles.Today(), -10)));
      }
      case Target::kAgreementDocumentOfA:
        return std::to_string(agreement_document_of_a_);
      case Target::kNewConflictOfA:
        return std::to_string(CircleFixture(server_).AddConflict(
            organisation_a_.id, volunteer_of_a_, file_of_a_.core_member_id));
      case Target::kPartnerContactOfA:
        return std::to_string(partner_contact_of_a_);
      case Target::kCalendarFeedOfA:
        return calendar_token_of_a_ + ".ics";
      case Target::kVenueOfA:
        return std::to_string(venue_of_a_);
      case Target::kReviewOfA:
        return std::to_string(review_of_a_);
      case Target::kConcernOfA:
        return std::to_string(concern_of_a_);
      case Target::kReportFigure:
        return "trained_volunteers";
      case Target::kTriageGroup:
        return "minutes";
      case Target::kRecidivismEventOfA:
        return std::to_string(event_of_a_);
      case Target::kNewRecidivismEventOfA:
        return std::to_string(ReportFixture(server_).AddEvent(
            organisation_a_.id, file_of_a_.core_member_id, VolunteerFixture(server_).Today(),
            domain::RecidivismKind::kConviction, domain::OffenceCategory::kOther,
            domain::CirclePeriod::kAfter));
      case Target::kNewOutcomeMeasureOfA:
        return std::to_string(ReportFixture(server_).AddMeasure(
            organisation_a_.id, file_of_a_.core_member_id, VolunteerFixture(server_).Today(),
            domain::MeasureOccasion::kStart, 1, 1, 1));
      case Target::kOutreachOfA:
        return std::to_string(outreach_of_a_);
      case Target::kNewOutreachOfA:
        return std::to_string(ReportFixture(server_).AddOutreach(
            organisation_a_.id, VolunteerFixture(server_).Today(), domain::OutreachKind::kArticle,
            "Article d'essai", "Des lecteurs", std::nullopt));
      case Target::kStoryOfA:
        return std::to_string(story_of_a_);
      case Target::kNewStoryOfA:
        return std::to_string(ReportFixture(server_).AddStory(
            organisation_a_.id, VolunteerFixture(server_).Today(), "Autre récit", "Texte.", true));
      case Target::kOrganisationASlug:
        return kSlugA;
      case Target::kDebriefOfA:
        return std::to_string(debrief_of_a_);
      case Target::kIncidentOfA:
        return std::to_string(incident_of_a_);
      case Target::kPrivacyRequestOfA:
        return std::to_string(privacy_request_of_a_);
      case Target::kPrivacyExportOfA:
        return std::to_string(privacy_export_of_a_);
      case Target::kPrivacyCorrectionOfA:
        return std::to_string(privacy_correction_of_a_);
      case Target::kExpenseClaimOfA:
        return std::to_string(expense_claim_of_a_);
      case Target::kClosedCircleOfA:
        return std::to_string(closed_circle_of_a_);
      case Target::kEndingOfA:
        return std::to_string(ending_of_a_);
      case Target::kUnknownLink:
        return "lien-inconnu";
      case Target::kNewFailedMailOfA:
        return std::to_string(MailFixture(server_).QueueFailed(
            organisation_a_.id, std::string("destinataire@") + kSlugA + ".example",
            "Quelque chose vous attend dans Cercle"));
    }
    return "";
  }

  // Sends the route's request as `client` would, to `path`.
  HttpResult Send(HttpClient& client, const web::Route& route, const std::string& path) {
    if (route.method == web::Method::kGet) return client.Get(path);
    std::string body = "csrf=" + client.CsrfToken("/");
    for (const auto& [name, value] : FormFor(MethodName(route.method) + " " + route.pattern)) {
      body += "&" + web::PercentEncode(name) + "=" + web::PercentEncode(value);
    }
    return client.Post(path, body);
  }

  // Tries `route` as `tester` and checks the answer against `expected`.
  void Check(const web::Route& route, const Expectation& expectation, const Tester& tester,
             Outcome expected) {
    const bool post = route.method == web::Method::kPost;
    const std::string name = MethodName(route.method) + " " + route.pattern;
    HttpClient client(server_.base_url());
    std::optional<TestSession> session;
    if (tester.user) {
      session = fixture_.StartSession(*tester.user);
      client.SetCookie(std::string(web::kSessionCookie), session->token);
    }
    const auto segment = route.pattern.find('{');
    const std::string prefix = route.pattern.substr(0, segment);
    const std::string suffix = segment == std::string::npos
                                   ? ""
                                   : route.pattern.substr(route.pattern.find('}', segment) + 1);
    const std::string path = segment == std::string::npos
                                 ? route.pattern
                                 : prefix + TargetValue(expectation.target, tester) + suffix;
    const std::optional<std::int64_t> organisation =
        tester.user ? tester.user->organisation_id : std::nullopt;
    const std::optional<std::int64_t> actor =
        tester.user ? std::optional(tester.user->id) : std::nullopt;

    const bool denial = expected != Outcome::kAllowed && expected != Outcome::kSignedOut;
    const std::string before = denial ? fixture_.Snapshot() : "";
    const std::size_t denials_before =
        actor ? fixture_.CountAuditEntries(organisation, "authz.denied", actor) : 0;
    const HttpResult result = Send(client, route, path);
    const std::string location = result.Header("location");
    const std::string seen =
        std::to_string(result.status) + (location.empty() ? "" : " to " + location);
    const std::string context = name + " (" + path + ") as " + tester.description + ": expected " +
                                OutcomeName(expected) + ", got " + seen;

    switch (expected) {
      case Outcome::kAllowed:
        EXPECT_EQ(result.status, expectation.allowed_status) << context;
        EXPECT_FALSE(location.starts_with("/login")) << context;
        break;
      case Outcome::kSignInRequired:
        if (post) {
          EXPECT_EQ(result.status, 401) << context;
        } else {
          EXPECT_EQ(result.status, 303) << context;
          EXPECT_TRUE(location == "/login" || location.starts_with("/login?")) << context;
        }
        break;
      case Outcome::kSentHome:
        EXPECT_EQ(result.status, 303) << context;
        EXPECT_EQ(location, "/") << context;
        break;
      case Outcome::kLanded:
        EXPECT_EQ(result.status, 303) << context;
        EXPECT_TRUE(location == "/portal" || location == "/my-circles" ||
                    location == "/reports/evaluation")
            << context << ": " << location;
        break;
      case Outcome::kSignedOut:
        EXPECT_EQ(result.status, 303) << context;
        EXPECT_EQ(location, "/login") << context;
        EXPECT_EQ(SetCookieValue(result, web::kSessionCookie), "")
            << context << ": the session cookie stays";
        if (session) {
          EXPECT_FALSE(fixture_.SessionExists(session->id)) << context << ": the session lives on";
        }
        break;
      case Outcome::kForbidden:
        EXPECT_EQ(result.status, 403) << context;
        break;
      case Outcome::kNotFound:
        EXPECT_EQ(result.status, 404) << context;
        break;
    }
    if (denial) {
      EXPECT_EQ(fixture_.Snapshot(), before) << context << ": a denied request changed data";
    }
    if (expected == Outcome::kForbidden || expected == Outcome::kNotFound) {
      EXPECT_EQ(fixture_.CountAuditEntries(organisation, "authz.denied", actor), denials_before + 1)
          << context << ": the denial is not in the audit log";
    }
    if (expected == Outcome::kNotFound && segment != std::string::npos) {
      // The answer must not tell an existing record from a missing one.
      const std::string missing_path = prefix + kMissingId + suffix;
      const HttpResult missing = Send(client, route, missing_path);
      EXPECT_EQ(missing.status, result.status)
          << context << ": a missing record gives another status";
      EXPECT_EQ(ComparablePage(missing.body, {missing_path}), ComparablePage(result.body, {path}))
          << context << ": the page differs from the one for a missing record";
    }
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture fixture_{server_};
  TestOrganisation organisation_a_;
  TestOrganisation organisation_b_;
  TestUser network_admin_;
  TestUser target_;
  std::string static_file_;
  std::int64_t volunteer_of_a_ = 0;
  std::int64_t volunteer_document_of_a_ = 0;
  std::int64_t screening_item_of_a_ = 0;
  std::int64_t volunteer_hours_of_a_ = 0;
  std::int64_t training_session_of_a_ = 0;
  std::int64_t screening_type_of_a_ = 0;
  std::int64_t training_module_of_a_ = 0;
  SeededFile file_of_a_;
  std::int64_t referral_of_a_ = 0;
  std::int64_t referral_document_of_a_ = 0;
  std::int64_t criterion_of_a_ = 0;
  std::int64_t event_of_a_ = 0;
  std::int64_t outreach_of_a_ = 0;
  std::int64_t story_of_a_ = 0;
  std::int64_t incident_of_a_ = 0;
  std::int64_t own_volunteer_of_a_ = 0;
  std::int64_t circle_of_a_ = 0;
  std::int64_t member_of_a_ = 0;
  std::int64_t meeting_of_a_ = 0;
  std::int64_t minutes_of_a_ = 0;
  std::int64_t minutes_writer_of_a_ = 0;
  int new_minutes_ = 0;  // the minutes kNewMinutesOfA made, each a day earlier
  std::int64_t partner_contact_of_a_ = 0;
  std::int64_t venue_of_a_ = 0;
  std::int64_t review_of_a_ = 0;
  std::int64_t spare_contact_of_a_ = 0;
  std::int64_t agreement_document_of_a_ = 0;
  std::string calendar_token_of_a_;
  std::int64_t agreement_of_a_ = 0;
  std::int64_t concern_of_a_ = 0;
  std::int64_t debrief_of_a_ = 0;
  std::int64_t privacy_request_of_a_ = 0;
  std::int64_t privacy_export_of_a_ = 0;
  std::int64_t privacy_correction_of_a_ = 0;
  std::int64_t expense_claim_of_a_ = 0;
  std::int64_t closed_circle_of_a_ = 0;
  std::int64_t ending_of_a_ = 0;
};

TEST_P(AuthorizationMatrix, EveryRouteAnswersEveryActorAsPromised) {
  auto expectations = Expectations();
  std::set<std::string> routes;
  for (const auto& route : web::AllRoutes()) {
    const std::string name = MethodName(route.method) + " " + route.pattern;
    routes.insert(name);
    const auto found = expectations.find(name);
    if (found == expectations.end()) {
      ADD_FAILURE() << "route " << name << " has no entry in the authorisation expectations";
      continue;
    }
    for (const auto& [tester, outcome] : Testers(found->second))
      Check(route, found->second, tester, outcome);
  }
  for (const auto& [name, expectation] : expectations) {
    if (!routes.contains(name))
      ADD_FAILURE() << "expectation " << name << " names no route of the table";
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AuthorizationMatrix, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AuthorizationMatrix, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
