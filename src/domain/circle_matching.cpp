#include "domain/circle_matching.hpp"

#include "domain/circle_record.hpp"
#include "domain/field_checks.hpp"

namespace cercle::domain {

std::vector<std::string> ExclusionZones(const std::vector<Condition>& conditions, CivilDate today) {
  std::vector<std::string> zones;
  const auto add = [&](const std::string& text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find_first_of(";,\n", start);
      if (end == std::string::npos) end = text.size();
      std::string zone = Trimmed(std::string_view(text).substr(start, end - start));
      if (!zone.empty()) zones.push_back(std::move(zone));
      start = end + 1;
    }
  };
  for (const auto& condition : conditions) {
    if (condition.kind != ConditionKind::kExclusionZone) continue;
    if (condition.ends_on && *condition.ends_on < today) continue;
    add(condition.text);
    add(condition.victim_places);
  }
  return zones;
}

CircleNeeds NeedsOf(const Circle& circle, const CoreMember& core_member,
                    const std::vector<Condition>& conditions,
                    const std::vector<std::string>& member_genders, CivilDate today) {
  CircleNeeds needs;
  switch (core_member.preferred_language) {
    case PreferredLanguage::kFrench:
      needs.languages = {"fr"};
      break;
    case PreferredLanguage::kEnglish:
      needs.languages = {"en"};
      break;
    case PreferredLanguage::kOther:
      needs.languages = LanguageCodes(core_member.other_language);
      break;
  }
  needs.region = core_member.region;
  if (circle.offence_profile) needs.offence_profile = std::string(NameOf(*circle.offence_profile));
  needs.exclusion_zones = ExclusionZones(conditions, today);
  for (int day = 0; day < Availability::kDays; ++day) {
    for (int period = 0; period < Availability::kPeriods; ++period) {
      const auto part = static_cast<DayPeriod>(period);
      if (circle.meeting_times.Has(day, part))
        needs.meeting_times.insert(Availability::SlotCode(day, part));
    }
  }
  for (const auto& gender : member_genders) {
    if (!gender.empty()) needs.member_genders.push_back(gender);
  }
  return needs;
}

Candidate CandidateOf(const Volunteer& volunteer, int circle_count, bool declared_conflict,
                      const std::vector<OffenceProfile>& declined,
                      std::vector<Message> gate_failures) {
  Candidate candidate;
  candidate.volunteer_id = volunteer.id;
  candidate.name = volunteer.FullName();
  candidate.languages = LanguageCodes(volunteer.languages);
  candidate.region = volunteer.region;
  for (int day = 0; day < Availability::kDays; ++day) {
    for (int period = 0; period < Availability::kPeriods; ++period) {
      const auto part = static_cast<DayPeriod>(period);
      if (volunteer.availability.Has(day, part))
        candidate.availability.insert(Availability::SlotCode(day, part));
    }
  }
  candidate.circle_count = circle_count;
  candidate.gender = volunteer.gender;
  candidate.declared_conflict = declared_conflict;
  for (const auto profile : declined) candidate.declined_profiles.emplace_back(NameOf(profile));
  candidate.gate_failures = std::move(gate_failures);
  return candidate;
}

}  // namespace cercle::domain
