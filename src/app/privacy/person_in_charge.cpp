#include "app/privacy/person_in_charge.hpp"

#include <algorithm>
#include <utility>

#include "app/field_errors.hpp"
#include "auth/policies/privacy_policy.hpp"
#include "auth/policies/user_policy.hpp"
#include "domain/field_checks.hpp"

namespace cercle::app::privacy {
namespace {

using auth::policies::OrganisationPolicy;
using auth::policies::PrivacyPolicy;

// The owner's organisation (none for the network) and the scope its row is read and written in:
// the network's row is visible in the system scope only.
struct OwnerScope {
  std::optional<std::int64_t> organisation_id;
  store::Scope scope;
};

OwnerScope ScopeOf(const auth::Actor& actor, Owner owner) {
  if (owner == Owner::kNetwork) return {std::nullopt, store::Scope::System()};
  return {actor.organisation_id, actor.scope()};
}

// True when `actor` may see the hub of `owner`.
bool MaySee(const auth::Actor& actor, Owner owner) {
  return owner == Owner::kNetwork ? OrganisationPolicy::CanManage(actor)
                                  : PrivacyPolicy::CanManage(actor);
}

// True when `actor` may name the person in charge of `owner`.
bool MayName(const auth::Actor& actor, Owner owner) {
  if (!PrivacyPolicy::CanNamePersonInCharge(actor)) return false;
  return owner == Owner::kNetwork ? OrganisationPolicy::CanManage(actor)
                                  : actor.organisation_id.has_value();
}

}  // namespace

Result<PrivacyHub> LoadPrivacyHub(const Services& services, const auth::Actor& actor, Owner owner) {
  if (!MaySee(actor, owner)) return Error::NotFound();
  const auto [organisation_id, scope] = ScopeOf(actor, owner);
  return Read(services, scope, [&](store::Unit& unit) {
    store::PrivacyOfficerStore officers(unit.session());
    PrivacyHub hub;
    hub.officer = officers.Find(organisation_id);
    hub.may_edit = MayName(actor, owner);
    const auto candidates = officers.ListCandidates(organisation_id);
    if (hub.officer && hub.officer->user_id) {
      for (const auto& candidate : candidates) {
        if (candidate.id == *hub.officer->user_id) hub.linked_account = candidate.display_name;
      }
    }
    if (hub.may_edit) hub.candidates = candidates;
    return hub;
  });
}

Result<std::int64_t> NamePersonInCharge(const Services& services, const auth::Actor& actor,
                                        Owner owner, PersonInChargeCommand command) {
  if (!MayName(actor, owner)) return Error::NotFound();
  const auto [organisation_id, scope] = ScopeOf(actor, owner);
  return Write(services, scope, [&](store::Unit& unit) -> Result<std::int64_t> {
    store::PrivacyOfficerStore officers(unit.session());
    domain::PrivacyOfficer officer;
    static_cast<domain::PrivacyOfficerDetails&>(officer) = std::move(command.details);
    officer.organisation_id = organisation_id;
    officer.updated_by = actor.user_id;
    officer.updated_at = unit.now();
    const Status checked = domain::CheckPrivacyOfficer(officer, services.Today());
    std::vector<FieldError> errors;
    if (!checked) errors = checked.error().fields;
    if (officer.user_id) {
      const auto candidates = officers.ListCandidates(organisation_id);
      const bool known =
          std::any_of(candidates.begin(), candidates.end(),
                      [&](const auto& candidate) { return candidate.id == *officer.user_id; });
      if (!known) {
        domain::AddError(errors, "user_id", N_("Choose one of the active accounts listed."));
      }
    }
    TRY(Combine(std::move(command.unreadable), domain::Checked(std::move(errors))));
    const std::int64_t id = officers.Save(officer);
    Audit(services, unit, actor, {"privacy_officer.update", "privacy_officer", std::to_string(id)});
    return id;
  });
}

}  // namespace cercle::app::privacy
