#include "app/admin/audit_log.hpp"

#include <algorithm>

#include "auth/policies/user_policy.hpp"
#include "store/user_store.hpp"

namespace cercle::app::admin {

Result<AuditPage> LoadAuditPage(const Services& services, const auth::Actor& actor,
                                AuditQuery query) {
  if (!auth::policies::AuditPolicy::CanRead(actor)) return Error::Forbidden();
  const std::int64_t organisation = *actor.organisation_id;
  AuditPage page;
  const auto users = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::UserStore(unit.session()).ListOrganisation(organisation);
  });
  for (const auto& user : users) page.users.emplace_back(user.id, user.display_name);
  AuditView(services, actor, {"audit.read", "audit", ""});
  page.total = services.audit.Count(services.database, organisation, query.filter);
  const std::int64_t size = std::max<std::int64_t>(query.page_size, 1);
  const std::int64_t pages = std::max<std::int64_t>((page.total + size - 1) / size, 1);
  const std::int64_t number = std::clamp<std::int64_t>(query.page, 1, pages);
  query.filter.limit = static_cast<int>(size);
  query.filter.offset = (number - 1) * size;
  page.entries = services.audit.List(services.database, organisation, query.filter);
  return page;
}

}  // namespace cercle::app::admin
