#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.hpp"
#include "domain/circle.hpp"
#include "domain/concern.hpp"
#include "domain/core_member.hpp"
#include "domain/ending_questionnaires.hpp"
#include "domain/hours.hpp"
#include "domain/legal.hpp"
#include "domain/outcomes.hpp"
#include "domain/outreach.hpp"
#include "domain/referral.hpp"
#include "domain/report_period.hpp"
#include "domain/risk_factors.hpp"
#include "domain/volunteer.hpp"

// The funder's quarterly report (Correctional Service of Canada's form): every figure is computed
// from the records by a function of its own, never typed, and keeps the list of records it counts
// so that a coordinator can check it. No I/O.
//
namespace cercle::domain {

// A status a record took on a day (the day in the organisation's time zone).
template <class Status>
struct DatedStatus {
  CivilDate on{};
  Status status{};
};

// The status in `history` (oldest first) at the end of `day`, if the record existed then.
template <class Status>
std::optional<Status> StatusOn(const std::vector<DatedStatus<Status>>& history, CivilDate day) {
  std::optional<Status> status;
  for (const auto& entry : history) {
    if (day < entry.on) break;
    status = entry.status;
  }
  return status;
}

// A volunteer as the report reads them: name (for the coordinator's check), and moves through the
// pipeline, the first being the creation of the file.
struct VolunteerRecord {
  std::int64_t id = 0;
  std::string name;
  std::vector<DatedStatus<VolunteerStage>> stages;
};

// A training module: the modules required before a circle make a volunteer "trained".
struct ModuleRecord {
  std::int64_t id = 0;
  bool required_for_circles = false;
  int required_minutes = 0;
  bool active = true;
};

// A volunteer's attendance at one training session.
struct AttendanceRecord {
  std::int64_t session_id = 0;
  std::int64_t volunteer_id = 0;
  std::int64_t module_id = 0;
  CivilDate held_on{};
  int minutes = 0;
};

// Hours a volunteer logged and a coordinator approved (pending and refused hours never count).
struct LoggedHoursRecord {
  std::int64_t id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate worked_on{};
  int minutes = 0;
  HoursKind kind = HoursKind::kOther;
};

// A volunteer's expense claim a coordinator approved (paid or not yet): its day and amount.
// Submitted and refused claims never count.
struct ExpenseRecord {
  std::int64_t id = 0;
  std::int64_t volunteer_id = 0;
  CivilDate incurred_on{};
  std::int64_t amount_cents = 0;
};

// A referral: where it came from, and its moves (the first being its creation).
struct ReferralRecord {
  std::int64_t id = 0;
  ReferralSource source = ReferralSource::kOther;
  CivilDate received_on{};
  std::string person_name;
  std::optional<std::int64_t> core_member_id;
  std::vector<DatedStatus<ReferralStatus>> history;

  // The day it was accepted, if it was.
  std::optional<CivilDate> AcceptedOn() const;
  // Its status at the end of `day`: "received" from the day it was received until its first
  // recorded move; none before it was received.
  std::optional<ReferralStatus> StatusAt(CivilDate day) const;
};

// A core member's file: identity for the coordinator's check, region and birth date for the
// evaluation extract (coarsened there), and its status history (the first entry its opening).
struct CoreMemberRecord {
  std::int64_t id = 0;
  std::string file_number;
  std::string name;
  std::string region;
  std::optional<CivilDate> birth_date;
  CoreMemberStatus status = CoreMemberStatus::kCandidate;
  std::vector<DatedStatus<CoreMemberStatus>> history;
  // His consents to research (other scopes are not read).
  std::vector<Consent> research_consents;
  // His media or publication consents: a story about him is published only while one is in force.
  std::vector<Consent> media_consents;

  // The day his file was first opened.
  std::optional<CivilDate> OpenedOn() const;
  // The day of his file's latest closure, when the file is closed now.
  std::optional<CivilDate> ClosedOn() const;
};

// A volunteer's stay in a circle: from the day he joined to the day he left, if he did.
struct CircleStay {
  std::int64_t volunteer_id = 0;
  CivilDate joined_on{};
  std::optional<CivilDate> left_on;
};

// A circle as the report reads it: its code name, its phases (the first its opening, "forming")
// and its volunteers' stays.
struct CircleRecord {
  std::int64_t id = 0;
  std::string code_name;
  std::int64_t core_member_id = 0;
  std::vector<DatedStatus<CirclePhase>> phases;
  std::vector<CircleStay> stays;
};

// How a circle ran during a period, for the funder: formal (pre-release to monthly meetings) or
// informal (the informal phase, after the formal ones).
enum class CircleKind { kFormal, kInformal };

// The kind `circle` ran as during `period`: the kind of the last active phase (domain::
// IsActivePhase) it was in at some time in the period. None when it was in no active phase then
// (forming, suspended or closed throughout, or not yet opened).
std::optional<CircleKind> KindDuring(const CircleRecord& circle, const ReportPeriod& period);

// A concern as the report reads it: no text, only what the dashboard counts.
struct ConcernRecord {
  std::int64_t id = 0;
  std::int64_t circle_id = 0;
  Severity severity = Severity::kConcern;
  CivilDate raised_on{};
  // Whole minutes from raising to acknowledgement; none while unacknowledged.
  std::optional<std::int64_t> minutes_to_acknowledge;
};

// Everything one organisation's reports count, read once per report.
struct ReportRecords {
  std::vector<VolunteerRecord> volunteers;
  std::vector<ModuleRecord> modules;
  std::vector<AttendanceRecord> attendance;
  std::vector<LoggedHoursRecord> logged_hours;
  std::vector<ExpenseRecord> expenses;
  std::vector<ReferralRecord> referrals;
  std::vector<CoreMemberRecord> core_members;
  std::vector<OutreachActivity> outreach;
  std::vector<SignificantStory> stories;
  std::vector<RecidivismEvent> events;
  std::vector<OutcomeMeasure> measures;
  std::vector<CircleRecord> circles;
  std::vector<ConcernRecord> concerns;
  // Every factor rated at the circles' reviews, the earliest review first.
  std::vector<FactorRatingRecord> factor_ratings;
  // The scores of the core members' and officers' end-of-circle questionnaires.
  std::vector<EndingScoreRecord> endings;

  const VolunteerRecord* FindVolunteer(std::int64_t id) const;
  const ReferralRecord* FindReferral(std::int64_t id) const;
  const CoreMemberRecord* FindCoreMember(std::int64_t id) const;
  // The referral whose acceptance opened or last reopened `core_member_id`'s file by `day`, or
  // failing that any referral linked to the file.
  const ReferralRecord* OpeningReferral(std::int64_t core_member_id, CivilDate day) const;
};

// The day a volunteer completed the training required before a circle, on `records`' modules and
// attendance: the day every active module required before a circle reached its required time
// (at least one session). None while incomplete, or when no module is required.
std::optional<CivilDate> TrainingCompletedOn(const ReportRecords& records,
                                             std::int64_t volunteer_id);

// The "YYYY-MM" key of a month, as figures' monthly breakdowns name their lines.
std::string MonthKey(const YearMonth& month);

// How a figure's value reads.
enum class FigureUnit { kCount, kMinutes, kCents };

// What a counted record is, so that the check list names and links it.
enum class RecordKind {
  kVolunteer,
  kTrainingAttendance,
  kLoggedHours,
  kReferral,
  kCoreMember,
  kOutreach,
  kEvent,
  kCircle,
  kExpenseClaim,
};

// One record a figure counts.
struct CountedRecord {
  RecordKind kind = RecordKind::kVolunteer;
  std::int64_t id = 0;            // the record's id (for attendance: the volunteer's)
  std::int64_t secondary_id = 0;  // the training session of an attendance; 0 otherwise
  CivilDate date{};               // the day that placed it in the figure
  std::int64_t amount = 1;        // what it adds to the figure (minutes for hours)
  std::string note;  // an English msgid saying why it counts (a status, a source), or ""
};

// One line of a figure's breakdown.
struct FigureBreakdown {
  std::string key;    // stable: "csc", "2026-11", "sexual_during"…
  std::string label;  // an English msgid, or "" when the key is a month "YYYY-MM"
  std::int64_t value = 0;
};

// A computed figure.
struct FigureResult {
  std::int64_t value = 0;
  std::vector<FigureBreakdown> breakdown;
  std::vector<CountedRecord> records;
};

// What figures need besides the records.
struct ReportSettings {
  std::int64_t hourly_cents = 0;  // the value of one volunteer hour
};

// The function computing one figure.
using FigureFunction = FigureResult (*)(const ReportRecords&, const ReportPeriod&,
                                        const ReportSettings&);

// One figure of the funder's report.
struct FigureDefinition {
  std::string_view key;         // "trained_volunteers": the address of its check list
  std::string_view section;     // English msgid of its section
  std::string_view label;       // English msgid
  std::string_view definition;  // English msgid: how it is counted
  FigureUnit unit = FigureUnit::kCount;
  FigureFunction compute = nullptr;
};

// Every figure of the funder's report, in the order of the report.
const std::vector<FigureDefinition>& FunderFigures();
// The figure `key`, or none.
const FigureDefinition* FindFunderFigure(std::string_view key);

// Volunteers whose training required before a circle was complete at the end of the period and
// whose file was open then (not exited, not retained).
FigureResult TrainedVolunteers(const ReportRecords& records, const ReportPeriod& period,
                               const ReportSettings& settings);
// Volunteers who completed that training during the period.
FigureResult NewlyTrainedVolunteers(const ReportRecords& records, const ReportPeriod& period,
                                    const ReportSettings& settings);
// Approved volunteer hours worked during the period (training attended and hours approved by a
// coordinator), in minutes, by month.
FigureResult VolunteerHours(const ReportRecords& records, const ReportPeriod& period,
                            const ReportSettings& settings);
// The value of those hours at the organisation's hourly rate, in cents.
FigureResult VolunteerHoursValue(const ReportRecords& records, const ReportPeriod& period,
                                 const ReportSettings& settings);
// Volunteers' approved and paid expenses dated within the period, in cents, by month.
FigureResult VolunteerExpenses(const ReportRecords& records, const ReportPeriod& period,
                               const ReportSettings& settings);

// Circle-days in the period: for each circle, the days of the period at whose end it was open
// (opened, in any phase but closed; a suspended circle still counts, since it still costs).
// 365 circle-days make one circle-year: one circle open for a whole year, or two for six months.
std::int64_t OpenCircleDays(const ReportRecords& records, const ReportPeriod& period);

// `cents` spread over `circle_days` as a cost per circle-year (cents × 365 ÷ circle-days, rounded
// half up to the cent); none when no circle was open.
std::optional<std::int64_t> CostPerCircleYear(std::int64_t cents, std::int64_t circle_days);

// Circles that ran during the period, formal and informal (KindDuring).
FigureResult Circles(const ReportRecords& records, const ReportPeriod& period,
                     const ReportSettings& settings);
// Volunteers who were members of a formal circle while it ran during the period.
FigureResult VolunteersInFormalCircles(const ReportRecords& records, const ReportPeriod& period,
                                       const ReportSettings& settings);
// Volunteers who were members of another kind of circle, an informal one, during the period.
FigureResult VolunteersInOtherCircles(const ReportRecords& records, const ReportPeriod& period,
                                      const ReportSettings& settings);
// Potential core members in process at the end of the period: referrals received, in screening
// or waitlisted, and files accepted but not yet in a circle (candidate, waiting for a circle).
FigureResult PotentialCoreMembers(const ReportRecords& records, const ReportPeriod& period,
                                  const ReportSettings& settings);
// Core members of the circles that ran during the period (KindDuring), by the source of the
// referral that opened their file: CSC, provincial corrections, other.
FigureResult CoreMembersBySource(const ReportRecords& records, const ReportPeriod& period,
                                 const ReportSettings& settings);
// Presentations and public events held during the period.
FigureResult OutreachPresentations(const ReportRecords& records, const ReportPeriod& period,
                                   const ReportSettings& settings);
// Media interviews and articles during the period.
FigureResult MediaOutreach(const ReportRecords& records, const ReportPeriod& period,
                           const ReportSettings& settings);
// People reached by every outreach activity of the period (those with a known reach).
FigureResult PeopleReached(const ReportRecords& records, const ReportPeriod& period,
                           const ReportSettings& settings);
// Recidivism events of one kind that occurred during the period, by category and by whether they
// happened during or after the circle.
FigureResult NewCharges(const ReportRecords& records, const ReportPeriod& period,
                        const ReportSettings& settings);
FigureResult Convictions(const ReportRecords& records, const ReportPeriod& period,
                         const ReportSettings& settings);
FigureResult BreachesOfConditions(const ReportRecords& records, const ReportPeriod& period,
                                  const ReportSettings& settings);
FigureResult ReturnsToCustody(const ReportRecords& records, const ReportPeriod& period,
                              const ReportSettings& settings);

// The funder's three groups of referral sources: "csc", "provincial", "other".
std::string_view FunderSourceGroup(ReferralSource source);

// True when `story` may be published on `today` (domain::Publishable): reviewed, and, when it is
// about a core member, his media consent in force on `today`.
bool PublishableStory(const ReportRecords& records, const SignificantStory& story, CivilDate today);

// The stories written during the period that may be published on `today` (PublishableStory),
// newest first.
std::vector<SignificantStory> ReviewedStoriesIn(const ReportRecords& records,
                                                const ReportPeriod& period, CivilDate today);
// The story the report shows: `wanted` when it is among them, else the newest.
std::optional<SignificantStory> ChooseStory(const ReportRecords& records,
                                            const ReportPeriod& period, CivilDate today,
                                            std::optional<std::int64_t> wanted);

}  // namespace cercle::domain
