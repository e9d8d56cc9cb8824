#include "domain/venues.hpp"

#include <algorithm>

#include "base/folding.hpp"
#include "base/text.hpp"
#include "domain/field_checks.hpp"
#include "domain/legal.hpp"

namespace cercle::domain {
namespace {

// True when `venue` lies in `zone` (a condition's zone, compared folded).
bool LiesIn(const Venue& venue, std::string_view zone) {
  const std::string wanted = FoldForSearch(Trimmed(zone));
  if (wanted.empty()) return false;
  const auto zones = venue.Zones();
  return std::any_of(zones.begin(), zones.end(),
                     [&](const std::string& name) { return FoldForSearch(name) == wanted; });
}

// The clash of a meeting by `mode` at `venue` with `condition`, if any.
std::optional<Message> ClashOf(const Venue* venue, MeetingMode mode, const Condition& condition) {
  const MessageArgument text{"condition", condition.text};
  switch (condition.kind) {
    case ConditionKind::kNoContactMinors:
      if (venue && venue->children_present) {
        return Message{N_("Children are usually present at this venue: condition “No contact "
                          "with minors” ({condition})."),
                       {text}};
      }
      return std::nullopt;
    case ConditionKind::kInternet:
      if (mode == MeetingMode::kVideo) {
        return Message{N_("A video meeting goes against the condition “Internet” ({condition})."),
                       {text}};
      }
      return std::nullopt;
    case ConditionKind::kExclusionZone:
      if (venue && LiesIn(*venue, condition.zone)) {
        return Message{N_("This venue lies in the zone {zone}: condition “Exclusion zone” "
                          "({condition})."),
                       {{"zone", Trimmed(condition.zone)}, text}};
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::vector<std::string> Venue::Zones() const {
  std::vector<std::string> zones;
  std::size_t start = 0;
  while (start <= exclusion_zones.size()) {
    const auto end = std::min(exclusion_zones.find('\n', start), exclusion_zones.size());
    auto zone = Trimmed(std::string_view(exclusion_zones).substr(start, end - start));
    if (!zone.empty()) zones.push_back(std::move(zone));
    start = end + 1;
  }
  return zones;
}

Status CheckVenue(Venue& venue) {
  std::vector<FieldError> errors;
  CheckText(errors, "name", venue.name, kMaxVenueNameLength, N_("Name the venue."));
  // The zones are kept one per line, trimmed, so that the register shows them as they match.
  venue.exclusion_zones = Join(venue.Zones(), "\n");
  CheckText(errors, "exclusion_zones", venue.exclusion_zones, kMaxVenueZonesLength);
  for (const auto& zone : venue.Zones()) {
    if (CharacterCount(zone) > kMaxZoneNameLength) {
      errors.push_back({"exclusion_zones", TooLong(kMaxZoneNameLength)});
      break;
    }
  }
  CheckText(errors, "notes", venue.notes, kMaxVenueNotesLength);
  return Checked(std::move(errors));
}

std::vector<Clash> ClashesWith(const Venue* venue, MeetingMode mode,
                               const std::vector<Condition>& conditions, CivilDate day) {
  // A venue only counts for a meeting in person.
  if (mode != MeetingMode::kInPerson) venue = nullptr;
  std::vector<Clash> clashes;
  for (const auto& condition : conditions) {
    if (!condition.InForceOn(day)) continue;
    if (auto message = ClashOf(venue, mode, condition)) {
      clashes.push_back({condition.id, std::move(*message)});
    }
  }
  return clashes;
}

Status CheckClashOverride(std::string& reason) {
  std::vector<FieldError> errors;
  CheckText(errors, "override_reason", reason, kMaxClashOverrideReasonLength,
            N_("Give the reason for planning despite the condition."));
  return Checked(std::move(errors));
}

}  // namespace cercle::domain
