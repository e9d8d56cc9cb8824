#include "app/circles/covenant_template.hpp"

#include "auth/policies/circle_policy.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/volunteer.hpp"
#include "store/circle_store.hpp"

namespace cercle::app::circles {

using auth::policies::CirclePolicy;

Result<std::optional<std::string>> LoadCovenantTemplate(const Services& services,
                                                        const auth::Actor& actor) {
  if (!CirclePolicy::CanEditCovenantTemplate(actor) || !actor.organisation_id) {
    return Error::Forbidden();
  }
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return Result<std::optional<std::string>>(
        store::CircleStore(unit.session()).CovenantTemplate(unit.organisation_id()));
  });
}

Status SaveCovenantTemplate(const Services& services, const auth::Actor& actor,
                            const std::string& body) {
  if (!CirclePolicy::CanEditCovenantTemplate(actor) || !actor.organisation_id) {
    return Error::Forbidden();
  }
  TRY(domain::CheckCovenantText(body, ""));
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::CircleStore(unit.session())
        .SetCovenantTemplate(unit.organisation_id(), Trimmed(body), actor.user_id, unit.now());
    Audit(services, unit, actor, {"settings.covenant_template", "covenant_template", ""});
    return {};
  });
}

}  // namespace cercle::app::circles
