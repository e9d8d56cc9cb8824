#include "demo/privacy_retention_demo.hpp"

#include "app/privacy/retention.hpp"
#include "demo/demo_actors.hpp"
#include "store/retention_records_store.hpp"

namespace cercle::demo {

Status LoadRetention(const app::Services& services, std::int64_t organisation_id) {
  const auto actors = TRY(FindActors(services, organisation_id));
  if (!actors.admin) return {};
  const auto closed =
      app::Read(services, store::Scope::Organisation(organisation_id), [&](store::Unit& unit) {
        return store::RetentionRecordsStore(unit.session())
            .ListEnded(organisation_id, domain::RetainedKind::kCoreMemberFiles);
      });
  if (closed.empty()) return {};
  TRY(app::privacy::PlaceLegalHold(
      services, *actors.admin,
      {"core_member_files", std::to_string(closed.back().id),
       "Dossier visé par une demande fictive d'un tribunal : à conserver jusqu'à la fin de "
       "l'instance."}));
  return {};
}

}  // namespace cercle::demo
