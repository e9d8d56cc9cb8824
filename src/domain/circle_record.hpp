#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "domain/circle.hpp"
#include "domain/circle_enums.hpp"
#include "domain/volunteer.hpp"

// A circle as the program records it: its non-identifying code name, its phase and phase history,
// its members, its closure, and how long its volunteers keep access once it ends. No I/O.
namespace cercle::domain {

// One circle.
// What coordinators set when they open a circle and change on its page: the details its form
// holds (web/pages/circles/circle_details.cpp describes their fields). All optional.
struct CircleDetails {
  std::optional<OffenceProfile> offence_profile;
  Availability meeting_times;  // the weekly slots the circle can meet at
  std::string meeting_place;   // where it usually meets, as its coordinator writes it
};

struct Circle : CircleDetails {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t core_member_id = 0;
  // "Cercle A": the name used wherever a person's name must not appear (calendar feeds, mail).
  std::string code_name;
  CirclePhase phase = CirclePhase::kForming;
  CivilDate phase_since{};              // the day the current phase began
  std::optional<CivilDate> started_on;  // the day of the first active phase
  std::optional<CivilDate> closed_on;
  std::optional<ClosureReason> closure_reason;
  std::string closing_note;
  std::optional<std::int64_t> created_by;
  Instant created_at;
  Instant updated_at;

  bool closed() const { return phase == CirclePhase::kClosed; }
};

// One stay of a volunteer in a circle.
struct CircleMember {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t circle_id = 0;
  std::int64_t volunteer_id = 0;
  bool primary = false;
  CivilDate joined_on{};
  std::optional<CivilDate> left_on;
  std::string left_reason;
  std::optional<std::int64_t> replaced_member_id;  // the stay this one took over
  std::optional<std::int64_t> added_by;
  Instant added_at;

  bool current() const { return !left_on.has_value(); }
};

// One recorded phase change: who recorded it, when it was decided and at which meeting, and why.
struct PhaseChange {
  std::int64_t id = 0;
  std::int64_t circle_id = 0;
  std::optional<CirclePhase> from;  // none for the opening
  CirclePhase to = CirclePhase::kForming;
  CivilDate decided_on{};
  std::optional<std::int64_t> meeting_id;
  std::string reason;
  std::optional<std::int64_t> decided_by;
  Instant recorded_at;
};

// The code name prefix, as stored ("Cercle A"): a proper name, the same in every language.
inline constexpr std::string_view kCodeNamePrefix = "Cercle ";

// The letters of the `index`-th code name: 0 "A", 25 "Z", 26 "AA", 27 "AB"…
std::string CodeLetters(int index);
// The first code name ("Cercle A", "Cercle B"…) that none of `taken` uses.
std::string NextCodeName(const std::vector<std::string>& taken);

// The longest reason, note or closing note, in characters.
inline constexpr std::size_t kMaxCircleNoteLength = 2000;

// Checks a phase decision as a coordinator typed it: a day not in the future and not before the
// circle opened (`opened_on`), and a reason of 1 to kMaxCircleNoteLength characters. Field errors
// "decided_on", "reason".
Status CheckPhaseDecision(std::optional<CivilDate> decided_on, std::string_view reason,
                          CivilDate opened_on, CivilDate today);

// Checks a closure: a reason chosen, a closing note of at most kMaxCircleNoteLength characters, a
// day not in the future and not before the circle opened. Field errors "closure_reason",
// "closing_note", "closed_on".
Status CheckClosure(std::optional<ClosureReason> reason, std::string_view note,
                    std::optional<CivilDate> closed_on, CivilDate opened_on, CivilDate today);

// The last day a volunteer whose stay is `member` may still read the records of `circle`:
// `access_days` after the circle closed or after they left it, whichever came first. None while
// they are a current member of an open circle (no end yet).
std::optional<CivilDate> VolunteerAccessEnds(const Circle& circle, const CircleMember& member,
                                             int access_days);
// True when the volunteer of `member` may read the circle's records on `today`.
bool VolunteerMayRead(const Circle& circle, const CircleMember& member, int access_days,
                      CivilDate today);
// True when the volunteer of `member` may still act in the circle (log a contact): a current member
// of a circle that is not closed.
bool VolunteerMayAct(const Circle& circle, const CircleMember& member);

// The languages someone speaks, as codes the ranking compares: "fr" for French, "en" for English,
// and other languages folded to lower case without accents ("espagnol"). `text` is a list such as
// "français, anglais".
std::vector<std::string> LanguageCodes(std::string_view text);

}  // namespace cercle::domain
