#include "auth/policies/report_policy.hpp"

#include "auth/policies/core_member_policy.hpp"

namespace cercle::auth::policies {
bool ReportPolicy::CanSeeReports(const Actor& actor) { return actor.IsStaff(); }

bool ReportPolicy::CanExtractForEvaluation(const Actor& actor) {
  return actor.ActsAs({domain::Role::kEvaluator, domain::Role::kOrganisationAdmin});
}

bool ReportPolicy::EvaluatorAccessAllows(const Actor& actor, bool evaluator_access_on) {
  return evaluator_access_on || actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool ReportPolicy::CanConfigure(const Actor& actor) {
  return actor.ActsAs({domain::Role::kOrganisationAdmin});
}

bool ReportPolicy::CanSeeNetworkFigures(const Actor& actor) {
  return actor.signed_in() && !actor.organisation_id && actor.Has(domain::Role::kNetworkAdmin);
}

bool OutreachPolicy::CanManage(const Actor& actor) { return actor.IsStaff(); }

bool OutreachPolicy::CanChange(const Actor& actor, std::int64_t organisation_id) {
  return actor.IsStaff() && actor.InOrganisation(organisation_id);
}

bool OutcomePolicy::CanView(const Actor& actor, std::int64_t organisation_id) {
  return CoreMemberPolicy::CanView(actor, organisation_id);
}

bool OutcomePolicy::CanChange(const Actor& actor, std::int64_t organisation_id) {
  return CoreMemberPolicy::CanChange(actor, organisation_id);
}

}  // namespace cercle::auth::policies
