#include "domain/core_member_projection.hpp"

namespace cercle::domain {

VolunteerCoreMemberView ProjectForVolunteers(const CoreMember& core_member,
                                             const std::vector<Condition>& conditions,
                                             CivilDate today) {
  VolunteerCoreMemberView view;
  view.name = core_member.name_used();
  view.preferred_language = core_member.preferred_language;
  view.other_language = core_member.preferred_language == PreferredLanguage::kOther
                            ? core_member.other_language
                            : std::string();
  view.region = core_member.region;
  view.summary = core_member.volunteer_summary;
  for (const auto& stored : conditions) {
    if (stored.core_member_id != core_member.id) continue;
    // Normalised: a no-contact condition protects a victim even if it was stored without the mark.
    const Condition condition = NormalisedCondition(stored);
    if (condition.ends_on && *condition.ends_on < today) continue;
    VolunteerCondition shown;
    shown.protects_victim = condition.protects_victim;
    shown.starts_on = condition.starts_on;
    shown.ends_on = condition.ends_on;
    if (condition.protects_victim) {
      shown.kind_label = std::string(LabelOf(ConditionKind::kNoContactPerson));
      shown.text = kProtectedConditionText;
    } else {
      shown.kind_label = std::string(LabelOf(condition.kind));
      shown.text = condition.text;
    }
    view.conditions.push_back(std::move(shown));
  }
  return view;
}

}  // namespace cercle::domain
