#include "app/reports/demo_import.hpp"

#include "auth/policies/core_member_policy.hpp"
#include "store/core_member_store.hpp"

namespace cercle::app::reports {

using auth::policies::CoreMemberPolicy;

// Every file, whatever their number: the demo holds a few dozen.
constexpr int kEveryFile = 100000;

std::vector<FileMoves> ListFileMoves(const Services& services, const auth::Actor& actor) {
  if (!CoreMemberPolicy::CanList(actor)) return {};
  const std::int64_t organisation = *actor.organisation_id;
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    store::CoreMemberStore store(unit.session());
    store::CoreMemberFilter every;
    every.limit = kEveryFile;
    std::vector<FileMoves> files;
    for (const auto& member : store.List(organisation, every)) {
      files.push_back({member.id, member.legal_name, store.History(member.id, organisation)});
    }
    return files;
  });
}

Status ImportResearchConsent(const Services& services, const auth::Actor& actor,
                             const domain::Consent& consent) {
  if (!CoreMemberPolicy::CanChange(actor, consent.organisation_id)) return Error::NotFound();
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Status {
    store::CoreMemberStore(unit.session()).InsertConsent(consent);
    return {};
  });
}

}  // namespace cercle::app::reports
