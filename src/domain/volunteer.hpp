#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/dates.hpp"
#include "base/result.hpp"
#include "base/text.hpp"
#include "domain/person_enums.hpp"

// A volunteer of the program, from the first inquiry to an active circle member (DESIGN.md,
// "Lifecycles"): the file, the pipeline and its moves. No I/O.
namespace cercle::domain {

// Every stage, in pipeline order.
const std::vector<VolunteerStage>& VolunteerStages();
// True for the stages that end the file: exited and not retained.
bool IsClosedStage(VolunteerStage stage);

// The stages a volunteer at `from` may move to, in display order: the step forward first, then
// the step back, then the closing moves. The pipeline goes forward one step at a time and, up to
// approval, back one step (a move made too early, a training to finish); an active volunteer goes
// on leave and comes back; an applicant may be not retained; anyone whose file is open may exit.
// Closed files move no more.
std::vector<VolunteerStage> AllowedMoves(VolunteerStage from);

// True when moving from `from` to `to` is a step forward: the next stage of the pipeline up to
// active, or the return from leave. A step forward needs no reason; a step back, going on leave
// and closing the file each need one.
bool IsForwardMove(VolunteerStage from, VolunteerStage to);

// A move asked for, with what the rules need to judge it.
struct StageMove {
  VolunteerStage from = VolunteerStage::kInquiry;
  VolunteerStage to = VolunteerStage::kInquiry;
  std::string
      reason;  // why; required unless the move is a step forward; never shown to the volunteer
  std::optional<CivilDate> date_of_birth;
  CivilDate today;
  int minimum_age = 21;
};

// The longest reason of a move, in characters.
inline constexpr std::size_t kMaxReasonLength = 2000;

// Checks a move: `to` must be one of AllowedMoves(from); the reason may hold at most
// kMaxReasonLength characters once trimmed and must hold one unless the move is a step forward
// (IsForwardMove); a move into "approved" needs a date of birth showing at least the minimum age.
// Field errors on "to" and "reason"; nothing is changed by the caller when it fails.
Status CheckStageMove(const StageMove& move);

// When a volunteer is available: days of the week (Monday first) by part of the day.
class Availability {
 public:
  static constexpr int kDays = 7;
  static constexpr int kPeriods = 3;

  // Parses the stored form ("mon-morning,tue-evening"); unknown parts are ignored.
  static Availability Parse(std::string_view stored);
  // The stored form, in week order.
  std::string Format() const;
  // The slot code of a form checkbox: "mon-morning"…
  static std::string SlotCode(int day, DayPeriod period);

  bool Has(int day, DayPeriod period) const { return slots_.test(Index(day, period)); }
  void Set(int day, DayPeriod period) { slots_.set(Index(day, period)); }
  bool Empty() const { return slots_.none(); }

 private:
  static std::size_t Index(int day, DayPeriod period) {
    return static_cast<std::size_t>(day * kPeriods + static_cast<int>(period));
  }
  std::bitset<kDays * kPeriods> slots_;
};

// The English msgid of a day of the week, 0 (Monday) to 6 (Sunday).
std::string_view WeekdayLabel(int day);

// Every source, in display order.
const std::vector<HeardAbout>& HeardAboutSources();

// A supervision or debriefing session. Its notes are for coordinators only.
struct SupervisionSession {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate held_on;
  SupervisionKind kind = SupervisionKind::kSupervision;
  std::string notes;
  std::optional<std::int64_t> recorded_by;
  Instant recorded_at;
};

// Checks a session as a coordinator typed it: a date not in the future, notes of at most 5000
// characters. Field errors "held_on", "notes".
Status CheckSupervisionSession(SupervisionSession& session, CivilDate today);

// The days since a volunteer was last supervised, when that is longer than `period_days`: counted
// from the last session, or, for someone never supervised, from their approval. None when no flag
// is due, or when neither date is known.
std::optional<int> SupervisionOverdueDays(std::optional<CivilDate> last_session,
                                          std::optional<CivilDate> approved_on, CivilDate today,
                                          int period_days);

// True for the stages in which a volunteer is supervised: approved and active.
bool IsSupervisedStage(VolunteerStage stage);

// One move of a volunteer through the pipeline: who, when and why.
struct StageChange {
  std::int64_t id = 0;
  std::int64_t volunteer_id = 0;
  std::optional<VolunteerStage> from;  // none for the creation of the file
  VolunteerStage to = VolunteerStage::kInquiry;
  std::string reason;  // coordinators only
  std::optional<std::int64_t> changed_by;
  Instant changed_at;
};

// When the volunteer was first approved, from the file's moves (oldest first); none when never.
// Supervision is due from then for someone never supervised.
std::optional<Instant> FirstApprovedAt(const std::vector<StageChange>& history);

// A volunteer's file. `notes` are for coordinators only.
struct Volunteer {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  std::optional<std::int64_t> user_id;  // the linked account, through which they see their portal
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;
  std::string region;
  std::string languages;
  Availability availability;
  std::string availability_notes;
  std::optional<CivilDate> date_of_birth;
  std::string occupation;
  std::optional<HeardAbout> heard_about;
  std::string gender;  // optional and self-described
  std::string notes;   // coordinators only
  VolunteerStage stage = VolunteerStage::kInquiry;
  Instant stage_changed_at;
  Instant created_at;
  Instant updated_at;

  // "First Last".
  std::string FullName() const;
};

// Trims the text fields of `volunteer` and checks them: first and last names of 1 to 80 characters,
// an e-mail address that looks like one when given, a date of birth in the past (at most 120 years
// ago) when given, and lengths within the columns. Field errors name the form fields;
// `date_of_birth_text` is the date as typed, checked here because an unreadable date is a field
// error and not an absent date.
Status CheckVolunteerDetails(Volunteer& volunteer, std::string_view date_of_birth_text,
                             CivilDate today);

// The age on `today` of someone born on `date_of_birth`.
int AgeOn(CivilDate date_of_birth, CivilDate today);

// Text helpers of the volunteer forms.

}  // namespace cercle::domain
