#include "app/privacy/privacy_notice.hpp"

#include "app/privacy/retention.hpp"

#include "auth/actor.hpp"
#include "auth/policies/circle_policy.hpp"
#include "auth/policies/concern_policy.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "auth/policies/report_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "auth/policies/volunteer_policy.hpp"
#include "store/privacy_officer_store.hpp"
#include "store/settings_store.hpp"

namespace cercle::app::privacy {
namespace {

using namespace auth::policies;
using domain::PrivacyAccess;
using domain::PrivacyRecordKind;

// The organisation an actor of the table belongs to (0 for the network admin).
std::int64_t OrganisationOf(const auth::Actor& actor) { return actor.organisation_id.value_or(0); }

// For one kind of record, the policy questions that decide whether a role sees all of it, and
// whether it sees a part (its own file, the circles it belongs to, what was shared with it). A
// null question is never true.
struct KindQuestions {
  PrivacyRecordKind kind;
  bool (*full)(const auth::Actor&);
  bool (*limited)(const auth::Actor&);
};

const KindQuestions kQuestions[] = {
    {PrivacyRecordKind::kReferralsAndFiles,
     [](const auth::Actor& actor) {
       return CoreMemberPolicy::CanView(actor, OrganisationOf(actor)) &&
              ReferralPolicy::CanView(actor, OrganisationOf(actor));
     },
     // Volunteers read the part of the file their circle needs (domain::ProjectForVolunteers),
     // partners the minimal page of the circles an agreement shares with them.
     [](const auth::Actor& actor) {
       return CirclePolicy::MayHaveVolunteerView(actor) || CirclePolicy::MayHavePartnerView(actor);
     }},
    {PrivacyRecordKind::kVolunteerFiles, VolunteerPolicy::CanManage,
     VolunteerPolicy::MayHavePortal},
    {PrivacyRecordKind::kCircles, CirclePolicy::CanManage,
     [](const auth::Actor& actor) {
       return CirclePolicy::MayHaveVolunteerView(actor) || CirclePolicy::MayHavePartnerView(actor);
     }},
    {PrivacyRecordKind::kConcerns, ConcernPolicy::CanManage,
     [](const auth::Actor& actor) {
       return ConcernPolicy::MayHaveVolunteerView(actor) ||
              ConcernPolicy::MayHavePartnerView(actor);
     }},
    {PrivacyRecordKind::kDocuments,
     [](const auth::Actor& actor) {
       return CoreMemberPolicy::CanChange(actor, OrganisationOf(actor)) &&
              VolunteerPolicy::CanManage(actor);
     },
     nullptr},
    {PrivacyRecordKind::kReports, ReportPolicy::CanSeeReports,
     [](const auth::Actor& actor) {
       return ReportPolicy::CanExtractForEvaluation(actor) ||
              ReportPolicy::CanSeeNetworkFigures(actor);
     }},
    {PrivacyRecordKind::kAccounts,
     [](const auth::Actor& actor) {
       return UserPolicy::CanList(actor) && AuditPolicy::CanRead(actor);
     },
     // Everyone signed in sees and manages their own account (the account pages).
     [](const auth::Actor& actor) { return actor.signed_in(); }},
    {PrivacyRecordKind::kPrivacyRegisters, PrivacyPolicy::CanManage, nullptr},
};

// An actor holding `role` alone, signed in to organisation `organisation_id` (to none for the
// network admin), as the policies see a user.
auth::Actor ActorHolding(domain::Role role, std::int64_t organisation_id) {
  auth::Actor actor;
  if (role != domain::Role::kNetworkAdmin) actor.organisation_id = organisation_id;
  actor.roles = domain::Roles{role};
  actor.stage = store::SessionStage::kFull;
  return actor;
}

std::vector<domain::Role> TableRoles() {
  auto roles = domain::OrganisationRoles();
  roles.push_back(domain::Role::kNetworkAdmin);
  return roles;
}

}  // namespace

std::vector<AccessRow> AccessByRole(std::int64_t organisation_id,
                                    const std::vector<domain::Role>& roles) {
  std::vector<AccessRow> rows;
  for (const auto& question : kQuestions) {
    AccessRow row{question.kind, {}};
    for (const auto role : roles) {
      const auto actor = ActorHolding(role, organisation_id);
      if (question.full(actor)) {
        row.by_role.push_back(PrivacyAccess::kFull);
      } else if (question.limited && question.limited(actor)) {
        row.by_role.push_back(PrivacyAccess::kLimited);
      } else {
        row.by_role.push_back(PrivacyAccess::kNone);
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<PrivacyNotice> LoadOrganisationNotice(const Services& services, const std::string& slug) {
  std::optional<store::Organisation> organisation;
  for (auto& candidate : store::ListOrganisations(services.database)) {
    if (candidate.slug == slug) organisation = std::move(candidate);
  }
  if (!organisation) return Error::NotFound();
  PrivacyNotice notice;
  notice.organisation = organisation->name;
  notice.slug = organisation->slug;
  notice.roles = TableRoles();
  notice.access = AccessByRole(organisation->id, notice.roles);
  Read(services, store::Scope::Organisation(organisation->id), [&](store::Unit& unit) {
    notice.officer = store::PrivacyOfficerStore(unit.session()).Find(organisation->id);
    const auto settings = store::SettingsStore(unit.session()).Load(organisation->id);
    using enum domain::SettingKey;
    notice.settings = {.volunteer_access_days = settings.Get(kCircleVolunteerAccessDays),
                       .evaluation_minimum_group = settings.Get(kReportEvaluationMinimumGroup),
                       .shares_network_figures = settings.Get(kNetworkShareFigures) == 1,
                       .publishes_impact_page = settings.Get(kPublicImpactPage) == 1};
  });
  notice.retention = LoadSchedule(services, organisation->id);
  return notice;
}

PrivacyNotice LoadNetworkNotice(const Services& services) {
  PrivacyNotice notice;
  notice.organisations = store::ListOrganisations(services.database);
  // The network's own row is visible in the system scope only.
  Read(services, store::Scope::System(), [&](store::Unit& unit) {
    notice.officer = store::PrivacyOfficerStore(unit.session()).Find(std::nullopt);
  });
  return notice;
}

}  // namespace cercle::app::privacy
