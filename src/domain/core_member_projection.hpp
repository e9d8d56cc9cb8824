#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"

// What the volunteers of a core member's circle may know of him. The circles issue shows it;
// nothing else of the file reaches a volunteer.
namespace cercle::domain {

// One condition as volunteers read it. A condition that protects a victim carries no text of its
// own, no victim identity and no places: only the fixed wording of kProtectedConditionText.
struct VolunteerCondition {
  std::string kind_label;  // English msgid of the kind (always "No contact with a named person"
                           // when protected)
  std::string text;        // the condition's text, or kProtectedConditionText (an English msgid)
  bool protects_victim = false;
  std::optional<CivilDate> starts_on;
  std::optional<CivilDate> ends_on;
};

// What a protected condition reads for volunteers.
inline constexpr const char* kProtectedConditionText =
    N_("No contact with a named person (details held by the coordinator)");

// The volunteer-safe view of a core member. By construction it has no place for his legal name,
// date of birth, contact details, offence summary, risk assessments, consents, documents or victim
// details.
struct VolunteerCoreMemberView {
  std::string name;  // the name he goes by (his legal name when he gave none)
  PreferredLanguage preferred_language = PreferredLanguage::kFrench;
  std::string other_language;
  std::string region;
  std::string summary;                         // the coordinator's summary written for volunteers
  std::vector<VolunteerCondition> conditions;  // in force on the day of the view, or starting later
};

// Projects `core_member` and his `conditions` for volunteers on `today`: ended conditions are left
// out; conditions that protect a victim keep only their dates.
VolunteerCoreMemberView ProjectForVolunteers(const CoreMember& core_member,
                                             const std::vector<Condition>& conditions,
                                             CivilDate today);

}  // namespace cercle::domain
