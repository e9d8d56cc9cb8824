#include "app/intake/attention.hpp"

#include "auth/policies/core_member_policy.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"

namespace cercle::app::intake {
namespace {

// Every open file of an organisation: the home page looks at them all.
constexpr int kAllFiles = 100000;

struct Loaded {
  std::vector<domain::CoreMember> members;
  std::vector<domain::SupervisionOrder> orders;
  std::vector<domain::Condition> conditions;
};

}  // namespace

std::vector<KeyDateItem> LoadKeyDates(const Services& services, const auth::Actor& actor) {
  if (!auth::policies::CoreMemberPolicy::CanList(actor)) return {};
  const std::int64_t organisation = *actor.organisation_id;
  const auto today = services.Today();
  const auto horizon = AddDays(today, domain::kKeyDateHorizonDays);
  // Three queries for the whole organisation, whatever the number of files.
  const auto loaded = Read(services, actor.scope(), [&](store::Unit& unit) {
    store::CoreMemberFilter filter;
    filter.open_only = true;
    filter.limit = kAllFiles;
    store::LegalStore legal(unit.session());
    return Loaded{store::CoreMemberStore(unit.session()).List(organisation, filter),
                  legal.OrdersEndingBetween(organisation, today, horizon),
                  legal.ConditionsEndingBetween(organisation, today, horizon)};
  });
  std::vector<KeyDateItem> items;
  for (const auto& member : loaded.members) {
    for (const auto& key :
         domain::UpcomingKeyDates(member, loaded.orders, loaded.conditions, today)) {
      items.push_back({key, member, domain::IsUrgentKeyDate(key.date, today)});
    }
  }
  return items;
}

}  // namespace cercle::app::intake
