#include "app/intake/intake_common.hpp"

#include <algorithm>

#include "app/record_views.hpp"
#include "auth/policies/core_member_policy.hpp"
#include "store/core_member_store.hpp"

namespace cercle::app::intake {

bool IsFileStaff(const store::User& user) {
  return user.active && (user.roles.Has(domain::Role::kCoordinator) ||
                         user.roles.Has(domain::Role::kOrganisationAdmin));
}

bool IsOrganisationStaff(store::Unit& unit, const auth::Actor& actor, std::int64_t user_id) {
  const auto user = store::UserStore(unit.session()).Find(user_id, actor.organisation_id);
  return user && user->organisation_id == actor.organisation_id && IsFileStaff(*user);
}

Users LoadUsers(const Services& services, const auth::Actor& actor) {
  if (!actor.organisation_id) return {};
  const auto users = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::UserStore(unit.session()).ListOrganisation(*actor.organisation_id);
  });
  Users by_id;
  for (const auto& user : users) by_id.emplace(user.id, user);
  return by_id;
}

std::vector<Viewer> LoadViewers(const Services& services, const auth::Actor& actor,
                                const std::string& action, const std::string& object_type,
                                std::int64_t object_id) {
  if (!actor.organisation_id) return {};
  std::vector<Viewer> viewers;
  for (const auto& entry :
       LatestEntriesAbout(services, *actor.organisation_id, action, object_type, object_id, 50)) {
    if (entry.event.action != action) continue;
    viewers.push_back({entry.event.actor_user_id, entry.event.at});
  }
  return viewers;
}

std::optional<domain::CoreMember> FindVisibleCoreMember(const Services& services,
                                                        const auth::Actor& actor, std::int64_t id) {
  using auth::policies::CoreMemberPolicy;
  if (!CoreMemberPolicy::CanList(actor)) return std::nullopt;
  auto member = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::CoreMemberStore(unit.session()).Find(id, *actor.organisation_id);
  });
  if (!member || !CoreMemberPolicy::CanView(actor, member->organisation_id)) return std::nullopt;
  return member;
}

Result<domain::CoreMember> FindChangeableFile(store::Unit& unit, const auth::Actor& actor,
                                              std::int64_t id) {
  using auth::policies::CoreMemberPolicy;
  if (!CoreMemberPolicy::CanList(actor)) return Error::NotFound();
  auto member = store::CoreMemberStore(unit.session()).Find(id, *actor.organisation_id);
  if (!member || !CoreMemberPolicy::CanView(actor, member->organisation_id) ||
      !CoreMemberPolicy::CanChange(actor, member->organisation_id))
    return Error::NotFound();
  return *member;
}

std::int64_t ClampPage(const PageRequest& request, std::int64_t total) {
  const std::int64_t size = std::max<std::int64_t>(request.size, 1);
  const std::int64_t pages = std::max<std::int64_t>(1, (total + size - 1) / size);
  return std::clamp<std::int64_t>(request.page, 1, pages);
}

}  // namespace cercle::app::intake
