#include "domain/circle_suggestions.hpp"

#include <algorithm>
#include <cctype>

namespace cercle::domain {
namespace {

constexpr int kLanguagePoints = 40;
constexpr int kRegionPoints = 25;
constexpr int kPointsPerSharedTime = 5;
constexpr int kMaximumTimePoints = 20;
constexpr int kFreePoints = 15;
constexpr int kOneCirclePoints = 5;
constexpr int kBalancePoints = 10;

std::string Compact(std::string_view text) {
  std::string compact;
  for (const char c : text) {
    if (c != ' ' && c != '-')
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return compact;
}

// The region as written ("Montréal — Rosemont") and each of its parts ("Montréal", "Rosemont"),
// compacted: a zone matches the whole region or any part of it.
std::vector<std::string> RegionParts(std::string_view region) {
  std::vector<std::string> parts = {Compact(region)};
  std::string text(region);
  for (const std::string_view separator : {"\u2014", "\u2013", ",", "/"}) {
    for (auto at = text.find(separator); at != std::string::npos;
         at = text.find(separator, at + 1)) {
      text.replace(at, separator.size(), "|");
    }
  }
  std::size_t start = 0;
  for (auto bar = text.find('|'); bar != std::string::npos;
       start = bar + 1, bar = text.find('|', start)) {
    parts.push_back(Compact(std::string_view(text).substr(start, bar - start)));
  }
  if (start > 0) parts.push_back(Compact(std::string_view(text).substr(start)));
  return parts;
}

bool InExclusionZone(const Candidate& candidate, const std::vector<std::string>& zones) {
  const auto regions = RegionParts(candidate.region);
  const std::string postal = Compact(candidate.postal_code);
  return std::any_of(zones.begin(), zones.end(), [&](const std::string& zone) {
    const std::string compact = Compact(zone);
    if (compact.empty()) return false;
    const bool region = std::find(regions.begin(), regions.end(), compact) != regions.end();
    return region || (!postal.empty() && postal.starts_with(compact));
  });
}

}  // namespace

std::vector<Suggestion> RankCandidates(const CircleNeeds& needs,
                                       const std::vector<Candidate>& candidates) {
  std::vector<Suggestion> ranked;
  std::vector<Suggestion> excluded;
  for (const auto& candidate : candidates) {
    Suggestion suggestion;
    suggestion.volunteer_id = candidate.volunteer_id;
    suggestion.name = candidate.name;

    suggestion.exclusions = candidate.gate_failures;
    if (candidate.declared_conflict) {
      suggestion.exclusions.push_back({N_("Declared a conflict with this core member."), {}});
    }
    if (InExclusionZone(candidate, needs.exclusion_zones)) {
      suggestion.exclusions.push_back(
          {N_("Lives in one of the core member's exclusion zones."), {}});
    }
    if (!needs.offence_profile.empty() &&
        std::find(candidate.declined_profiles.begin(), candidate.declined_profiles.end(),
                  needs.offence_profile) != candidate.declined_profiles.end()) {
      suggestion.exclusions.push_back(
          {N_("Asked not to serve in circles of this offence profile."), {}});
    }
    if (!suggestion.exclusions.empty()) {
      suggestion.excluded = true;
      excluded.push_back(std::move(suggestion));
      continue;
    }

    const auto shared_language =
        std::find_first_of(candidate.languages.begin(), candidate.languages.end(),
                           needs.languages.begin(), needs.languages.end());
    if (shared_language != candidate.languages.end()) {
      suggestion.score += kLanguagePoints;
      suggestion.reasons.push_back({N_("Shares a language with the core member."), {}});
    } else {
      suggestion.reasons.push_back({N_("Shares no language with the core member."), {}});
    }
    if (!needs.region.empty() && Compact(candidate.region) == Compact(needs.region)) {
      suggestion.score += kRegionPoints;
      suggestion.reasons.push_back({N_("Lives in the same region."), {}});
    } else {
      suggestion.reasons.push_back({N_("Lives in another region."), {}});
    }
    int shared_times = 0;
    for (const auto& slot : candidate.availability)
      shared_times += needs.meeting_times.count(slot) ? 1 : 0;
    suggestion.score += std::min(kMaximumTimePoints, shared_times * kPointsPerSharedTime);
    suggestion.reasons.push_back({N_("Available at {count} of the circle's meeting times."),
                                  {{"count", std::to_string(shared_times)}}});
    if (candidate.circle_count == 0) {
      suggestion.score += kFreePoints;
      suggestion.reasons.push_back({N_("In no circle at present."), {}});
    } else {
      if (candidate.circle_count == 1) suggestion.score += kOneCirclePoints;
      suggestion.reasons.push_back({N_("Already in {count} circle(s)."),
                                    {{"count", std::to_string(candidate.circle_count)}}});
    }
    if (!candidate.gender.empty() && !needs.member_genders.empty() &&
        std::none_of(needs.member_genders.begin(), needs.member_genders.end(),
                     [&](const std::string& gender) {
                       return Compact(gender) == Compact(candidate.gender);
                     })) {
      suggestion.score += kBalancePoints;
      suggestion.reasons.push_back(
          {N_("Brings balance: no volunteer of the circle describes themselves as {gender}."),
           {{"gender", candidate.gender}}});
    }
    ranked.push_back(std::move(suggestion));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.name < b.name;
  });
  std::stable_sort(excluded.begin(), excluded.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.name < b.name; });
  ranked.insert(ranked.end(), std::make_move_iterator(excluded.begin()),
                std::make_move_iterator(excluded.end()));
  return ranked;
}

}  // namespace cercle::domain
