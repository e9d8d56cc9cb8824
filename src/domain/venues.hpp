#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/enum_names.hpp"

// The organisation's register of meeting places, how a meeting is held, and the clashes between a
// meeting's place or mode and the core member's release conditions. No I/O.
namespace cercle::domain {

struct Condition;

// What kind of place a venue is.
enum class VenueKind {
  kOffice,
  kLibrary,
  kCommunityCentre,
  kCafe,
  kRestaurant,
  kPark,
  kPlaceOfWorship,
  kResidence,
  kOther,
};

template <>
struct EnumTable<VenueKind> {
  static constexpr std::array<EnumEntry<VenueKind>, 9> kEntries{{
      {VenueKind::kOffice, "office", N_("The organisation's office")},
      {VenueKind::kLibrary, "library", N_("Library")},
      {VenueKind::kCommunityCentre, "community_centre", N_("Community centre")},
      {VenueKind::kCafe, "cafe", N_("Café")},
      {VenueKind::kRestaurant, "restaurant", N_("Restaurant")},
      {VenueKind::kPark, "park", N_("Park")},
      {VenueKind::kPlaceOfWorship, "place_of_worship", N_("Place of worship")},
      {VenueKind::kResidence, "residence", N_("Residence or halfway house")},
      {VenueKind::kOther, "other", N_("Other place")},
  }};
};

// How a meeting is held. Only a meeting in person has a venue.
enum class MeetingMode { kInPerson, kTelephone, kVideo };

template <>
struct EnumTable<MeetingMode> {
  static constexpr std::array<EnumEntry<MeetingMode>, 3> kEntries{{
      {MeetingMode::kInPerson, "in_person", N_("In person")},
      {MeetingMode::kTelephone, "telephone", N_("By telephone")},
      {MeetingMode::kVideo, "video", N_("By video")},
  }};
};

// A meeting place of the organisation. Its name shows in volunteers' calendar feeds: it never
// names anyone. A venue used by meetings is archived, never deleted.
struct Venue {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::string name;
  VenueKind kind = VenueKind::kOther;
  bool children_present = false;  // children are usually there (a library, a park…)
  bool public_place = true;
  bool accessible = false;
  std::string exclusion_zones;  // the named zones it lies in, one per line
  std::string notes;
  std::optional<Instant> archived_at;
  Instant created_at;
  Instant updated_at;

  bool archived() const { return archived_at.has_value(); }
  // The zones of exclusion_zones, trimmed, without empty lines.
  std::vector<std::string> Zones() const;
};

inline constexpr std::size_t kMaxVenueNameLength = 120;
inline constexpr std::size_t kMaxZoneNameLength = 120;
inline constexpr std::size_t kMaxVenueZonesLength = 1000;
inline constexpr std::size_t kMaxVenueNotesLength = 2000;
inline constexpr std::size_t kMaxClashOverrideReasonLength = 500;

// Checks a venue after trimming its texts: a name of 1 to 120 characters, zones of at most 120
// characters each (1000 in all), notes of at most 2000. Field errors "name", "exclusion_zones",
// "notes".
Status CheckVenue(Venue& venue);

// A meeting's place or mode that goes against one release condition.
struct Clash {
  std::int64_t condition_id = 0;
  // Names the condition: its kind's label (in the msgid) and its own text (an argument).
  Message message;
};

// The clashes of a meeting held by `mode` at `venue` (null unless in person) on `day` with
// `conditions` (the core member's): children usually present against a no-contact-with-minors
// condition, video against an internet condition, a venue inside a condition's exclusion zone (its
// zone named among the venue's, accents and case aside). Only the conditions in force on `day`
// count. One clash per condition, in the order of `conditions`.
std::vector<Clash> ClashesWith(const Venue* venue, MeetingMode mode,
                               const std::vector<Condition>& conditions, CivilDate day);

// Checks a coordinator's reason for planning despite clashes: required, at most
// kMaxClashOverrideReasonLength characters (field "override_reason"). Trims it.
Status CheckClashOverride(std::string& reason);

}  // namespace cercle::domain
