#include "app/concerns/concern_register.hpp"

#include <algorithm>
#include <tuple>

#include "auth/policies/concern_policy.hpp"
#include "store/circle_store.hpp"

namespace cercle::app::concerns {

using auth::policies::ConcernPolicy;

Result<RegisterPage> LoadRegister(const Services& services, const auth::Actor& actor,
                                  const RegisterQuery& query) {
  if (!ConcernPolicy::CanManage(actor)) return Error::NotFound();
  const std::int64_t organisation = actor.organisation_id.value_or(0);
  std::vector<domain::ConcernTimes> times;
  auto page = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::ConcernFilter filter{.circle_id = query.circle_id,
                                .category = query.category,
                                .severity = query.severity,
                                .status = query.status};
    if (query.open_days) filter.open_since = unit.now() - std::chrono::days(*query.open_days);
    store::ConcernStore concerns(unit.session());
    RegisterPage page;
    page.total = concerns.CountRegister(organisation, filter);
    page.rows = concerns.Register(organisation, filter, query.page(page.total));
    times = concerns.Times(organisation);
    // The circles concerns are about (and the one chosen), open ones first, by code name.
    auto ids = concerns.CircleIds(organisation);
    if (query.circle_id) ids.push_back(*query.circle_id);
    page.circles = store::CircleStore(unit.session()).FindMany(ids, organisation);
    std::sort(page.circles.begin(), page.circles.end(), [](const auto& a, const auto& b) {
      return std::tuple(a.closed(), a.code_name.size(), a.code_name) <
             std::tuple(b.closed(), b.code_name.size(), b.code_name);
    });
    return page;
  });
  AuditView(services, actor, {"concern.list", "concern", ""});
  page.any_concern = !times.empty();
  page.figures = domain::MonthlyFigures(
      times, [&](Instant instant) { return services.translator.LocalDate(instant); });
  return page;
}

std::vector<ConcernRow> LoadUnacknowledged(const Services& services, const auth::Actor& actor) {
  if (!ConcernPolicy::CanManage(actor)) return {};
  return Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::ConcernStore(unit.session()).Unacknowledged(actor.organisation_id.value_or(0));
  });
}

}  // namespace cercle::app::concerns
