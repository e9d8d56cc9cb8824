#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace cercle::domain {

// What the ranking needs to know of the core member and of the circle being formed.
struct CircleNeeds {
  std::vector<std::string> languages;  // the core member's languages ("fr", "en", or another)
  std::string region;
  std::string offence_profile;  // a category volunteers may decline, or ""
  // Regions or postal prefixes the core member must avoid; a zone matches a volunteer's region or
  // any part of it ("Rosemont" matches "Montréal — Rosemont").
  std::vector<std::string> exclusion_zones;
  std::set<std::string>
      meeting_times;  // availability slots the circle can meet at ("mon_evening"…)
  std::vector<std::string>
      member_genders;  // self-described genders of volunteers already in the circle
};

// A volunteer who could join, as the ranking sees them.
struct Candidate {
  std::int64_t volunteer_id = 0;
  std::string name;
  std::vector<std::string> languages;
  std::string region;
  std::string postal_code;
  std::set<std::string> availability;
  int circle_count = 0;
  std::string gender;              // self-described, optional
  bool declared_conflict = false;  // declared a conflict with this core member
  std::vector<std::string> declined_profiles;
  std::vector<Message> gate_failures;  // why the volunteer gate refuses them; empty when they pass
};

// One volunteer's place in the suggestions: a score with its reasons in plain words, or an
// exclusion with its reasons.
struct Suggestion {
  std::int64_t volunteer_id = 0;
  std::string name;
  int score = 0;
  std::vector<Message> reasons;
  bool excluded = false;
  std::vector<Message> exclusions;
};

// Ranks the candidates for a circle. Volunteers the gate refuses, who declared a conflict with this
// core member, who live in one of the core member's exclusion zones, or who declined this offence
// profile are excluded, each with every reason. The others are scored on a shared language, the
// same region, overlapping availability, their current load, and the balance of genders they would
// bring, best first (ties by name). Returns the ranked volunteers first, then the excluded ones.
std::vector<Suggestion> RankCandidates(const CircleNeeds& needs,
                                       const std::vector<Candidate>& candidates);

}  // namespace cercle::domain
