#include "web/pages/core_members/core_member_attention.hpp"

#include <map>

#include "auth/policies/core_member_policy.hpp"
#include "domain/legal.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "web/pages/core_members/core_member_common.hpp"
#include "web/pages/core_members/intake_helpers.hpp"

namespace cercle::web::pages::core_members {
namespace {

// The item's wording: what ends, and whose file it is.
Message KeyDateMessage(const domain::KeyDate& key, const domain::CoreMember& member) {
  const std::vector<MessageArgument> who = {{"name", member.legal_name},
                                            {"number", member.file_number}};
  switch (key.kind) {
    case domain::KeyDateKind::kStatutoryRelease:
      return {N_("Statutory release of {name} ({number})"), who};
    case domain::KeyDateKind::kWarrantExpiry:
      return {N_("Warrant expiry of {name} ({number})"), who};
    case domain::KeyDateKind::kOrderEnds:
      return {N_("End of an order ({what}) for {name} ({number})"), who};
    case domain::KeyDateKind::kConditionEnds:
      return {N_("End of a condition ({what}) for {name} ({number})"), who};
  }
  return {N_("Warrant expiry of {name} ({number})"), who};
}

}  // namespace

std::vector<home::AttentionItem> KeyDateAttention(Context& context) {
  if (!context.actor || !auth::policies::CoreMemberPolicy::CanList(*context.actor)) return {};
  const auto& actor = *context.actor;
  const std::int64_t organisation = *actor.organisation_id;
  const auto today = Today(context);
  const auto horizon = domain::AddDays(today, domain::kKeyDateHorizonDays);
  struct Loaded {
    std::vector<domain::CoreMember> members;
    std::vector<domain::SupervisionOrder> orders;
    std::vector<domain::Condition> conditions;
  };
  // Three queries for the whole organisation, whatever the number of files.
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::CoreMemberFilter filter;
    filter.open_only = true;
    filter.limit = 100000;
    store::LegalStore legal(session);
    return Loaded{store::CoreMemberStore(session).List(organisation, filter),
                  legal.OrdersEndingBetween(organisation, today, horizon),
                  legal.ConditionsEndingBetween(organisation, today, horizon)};
  });
  std::vector<home::AttentionItem> items;
  for (const auto& member : loaded.members) {
    for (const auto& key :
         domain::UpcomingKeyDates(member, loaded.orders, loaded.conditions, today)) {
      Message message = KeyDateMessage(key, member);
      if (!key.label.empty()) message.arguments.push_back({"what", context.Translate(key.label)});
      items.push_back(
          {domain::IsUrgentKeyDate(key.date, today) ? home::Urgency::kUrgent : home::Urgency::kSoon,
           key.date, context.Format(message), FileHref(member.id) + "#legal"});
    }
  }
  return items;
}

}  // namespace cercle::web::pages::core_members
