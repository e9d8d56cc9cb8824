#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/circles/circle_meetings.hpp"
#include "app/circles/circles.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle_formation.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_suggestions.hpp"
#include "domain/core_member.hpp"
#include "domain/volunteer.hpp"

// Suggestions for a circle: the volunteers ranked by domain::RankCandidates (the volunteer gate on
// each one's screening and training, the core member's conditions, the conflicts and declined
// offence profiles volunteers declared, the organisation's settings), and what volunteers declared
// about serving, which the ranking excludes on. Coordinators only: NotFound for anyone else, as
// for a missing record.
namespace cercle::app::circles {

// The suggestions page of a circle.
struct SuggestionsPage {
  domain::Circle circle;
  std::optional<domain::CoreMember> core_member;  // none leaves the ranking empty
  std::vector<domain::Suggestion> ranked;         // best first
  std::vector<domain::Suggestion> excluded;       // each with every reason
  int member_count = 0;                           // current members
  CircleSettings settings;                        // the size limits
  bool full = false;                              // at the maximum size
};

// The suggestions for circle `circle_id`, a failing gate condition described by `describe` (when
// empty, by the condition's stored name), audited "circle.suggestions_view" with
// ViewAudit::kRecord. The volunteers already in the circle, applicants and closed files are not
// candidates.
Result<SuggestionsPage> LoadSuggestions(const Services& services, const auth::Actor& actor,
                                        std::int64_t circle_id,
                                        const domain::GateDescriber& describe = {},
                                        ViewAudit audit = ViewAudit::kRecord);

// A conflict a volunteer declared with a core member.
struct DeclaredConflict {
  std::int64_t id = 0;
  std::optional<std::string> core_member;  // the name he goes by
  std::string note;
  CivilDate recorded_on;  // in the organisation's time zone
};

// What a volunteer declared about serving in circles, and the core members they may declare a
// conflict with.
struct PreferencesPage {
  domain::Volunteer volunteer;
  std::vector<DeclaredConflict> conflicts;
  std::vector<domain::OffenceProfile> declined;
  std::vector<domain::CoreMember> core_members;  // the open files
};

// The preferences of volunteer `volunteer_id`, audited "circle.preferences_view" with
// ViewAudit::kRecord.
Result<PreferencesPage> LoadPreferences(const Services& services, const auth::Actor& actor,
                                        std::int64_t volunteer_id,
                                        ViewAudit audit = ViewAudit::kRecord);

// The longest note of a declared conflict, in characters.
inline constexpr std::size_t kConflictNoteLength = 500;

// What a volunteer declares, as the coordinator typed it.
struct PreferencesCommand {
  std::int64_t volunteer_id = 0;
  std::vector<domain::OffenceProfile> declined;  // replaces the profiles declined before
  bool unlisted_profile = false;                 // the form named a profile not on the list
  std::optional<std::int64_t> core_member_id;    // a new conflict with this core member
  bool unreadable_core_member = false;           // the form named a core member by no id
  std::string note;                              // the new conflict's note
};

// Replaces the declined profiles and records the new conflict, audited
// "circle.preferences_update": a field error for a profile not on the list (first, alone), an
// unreadable or unknown core member, a note over kConflictNoteLength characters, or a conflict
// recorded already. Returns the volunteer's id.
Result<std::int64_t> SavePreferences(const Services& services, const auth::Actor& actor,
                                     const PreferencesCommand& command);

// Removes the declared conflict `conflict_id`, audited "circle.preferences_update" on its
// volunteer. Returns the volunteer's id.
Result<std::int64_t> RemoveConflict(const Services& services, const auth::Actor& actor,
                                    std::int64_t conflict_id);

}  // namespace cercle::app::circles
