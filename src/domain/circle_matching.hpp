#pragma once

#include <string>
#include <vector>

#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_suggestions.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"
#include "domain/volunteer.hpp"

// Turns the records of a circle, its core member and the organisation's volunteers into what the
// ranking of suggestions (circle_suggestions.hpp) compares. No I/O.
namespace cercle::domain {

// The places the core member must avoid, from his exclusion-zone conditions in force on `today` (or
// starting later): each condition's text and protected places, split at ";", "," and line breaks.
std::vector<std::string> ExclusionZones(const std::vector<Condition>& conditions, CivilDate today);

// What the circle of `core_member` needs: his languages, his region, the circle's offence profile
// and meeting times, his exclusion zones, and the genders of the volunteers already in it.
CircleNeeds NeedsOf(const Circle& circle, const CoreMember& core_member,
                    const std::vector<Condition>& conditions,
                    const std::vector<std::string>& member_genders, CivilDate today);

// A volunteer as the ranking sees them: their languages, region, availability, current circles and
// gender, a conflict they declared with this core member, the profiles they declined, and why the
// gate refuses them
// (`gate_failures`, empty when it passes).
Candidate CandidateOf(const Volunteer& volunteer, int circle_count, bool declared_conflict,
                      const std::vector<OffenceProfile>& declined,
                      std::vector<Message> gate_failures);

}  // namespace cercle::domain
