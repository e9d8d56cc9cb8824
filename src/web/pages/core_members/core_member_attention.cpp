#include "web/pages/core_members/core_member_attention.hpp"

#include "app/intake/attention.hpp"
#include "web/pages/core_members/core_member_common.hpp"

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
  if (!context.actor) return {};
  std::vector<home::AttentionItem> items;
  for (const auto& item : app::intake::LoadKeyDates(context.services.app, *context.actor)) {
    Message message = KeyDateMessage(item.key, item.member);
    if (!item.key.label.empty())
      message.arguments.push_back({"what", context.Translate(item.key.label)});
    items.push_back({item.urgent ? home::Urgency::kUrgent : home::Urgency::kSoon, item.key.date,
                     context.Format(message), FileHref(item.member.id) + "#legal"});
  }
  return items;
}

}  // namespace cercle::web::pages::core_members
