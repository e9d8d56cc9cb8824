#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "app/circles/circle_plan.hpp"
#include "app/circles/endings.hpp"
#include "app/services.hpp"
#include "auth/actor.hpp"
#include "base/result.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"
#include "domain/outcomes.hpp"
#include "domain/risk_factors.hpp"

// The outcomes of one core member's file: recidivism events, outcome measures and the follow-ups of
// public records after closure. Coordinators and organisation admins only (OutcomePolicy); every
// view and change audited. A file, event or measure the actor may not see or change is NotFound.
namespace cercle::app::reports {

struct OutcomesPage {
  domain::CoreMember core_member;
  std::vector<domain::RecidivismEvent> events;   // newest first
  std::vector<domain::OutcomeMeasure> measures;  // newest first
  std::vector<domain::FollowUpCheck> checks;     // oldest first
  std::vector<domain::OutcomeScale>
      scales;  // in the order of domain::EnumValues<domain::OutcomeDimension>()
  // The day the file was last closed, when it is closed: follow-ups count from it.
  std::optional<CivilDate> closed_on;
  // The goals of his circles' plans, with their latest progress and how many were met.
  circles::PlanOutcomes plan;
  // The core member's and the officer's answered end-of-circle questionnaires of his circles.
  std::vector<circles::EndingSummary> endings;
  // The risk and protective factors rated at his circles' reviews, the earliest review first.
  std::vector<domain::FactorRatingRecord> factor_ratings;
  // The assessments received from corrections his circles' reviews relied on, the earliest review
  // first (the review's day, the assessment).
  std::vector<std::pair<CivilDate, domain::RiskAssessment>> review_assessments;
};

// The outcomes of file `core_member_id` ("outcome.view" recorded on the file).
Result<OutcomesPage> LoadOutcomesPage(const Services& services, const auth::Actor& actor,
                                      std::int64_t core_member_id);

// An event as its form was typed: the details a user sets (occurred_on, kind, category, period,
// source, reference) and the fields the form could not read.
struct EventForm {
  domain::RecidivismEvent details;
  std::vector<FieldError> unreadable;
};

// Records an event on file `core_member_id` ("outcome.create"); returns its id.
Result<std::int64_t> RecordEvent(const Services& services, const auth::Actor& actor,
                                 std::int64_t core_member_id, const EventForm& form);

// An event and its file, for the event's edit form.
struct EventPage {
  domain::RecidivismEvent event;
  domain::CoreMember core_member;
};
// Whether loading the event's form is recorded as a view of the file.
enum class RecordView { kYes, kNo };
Result<EventPage> LoadEvent(const Services& services, const auth::Actor& actor,
                            std::int64_t event_id, RecordView record);
// Stores the event's new details ("outcome.update"); returns its file's id.
Result<std::int64_t> EditEvent(const Services& services, const auth::Actor& actor,
                               std::int64_t event_id, const EventForm& form);
// Removes an event recorded by mistake ("outcome.remove"); returns its file's id.
Result<std::int64_t> RemoveEvent(const Services& services, const auth::Actor& actor,
                                 std::int64_t event_id);

// A measure as its form was typed: its date, occasion and level on each dimension (0 for a level
// that is not a number), and the fields the form could not read.
struct MeasureForm {
  CivilDate measured_on{};
  domain::MeasureOccasion occasion = domain::MeasureOccasion::kStart;
  std::array<int, 3> levels{};
  std::vector<FieldError> unreadable;
};
// Records a measure on file `core_member_id` ("outcome.create"); returns its id. Refuses levels
// outside the organisation's scales.
Result<std::int64_t> RecordMeasure(const Services& services, const auth::Actor& actor,
                                   std::int64_t core_member_id, const MeasureForm& form);
// Removes a measure ("outcome.remove"); returns its file's id.
Result<std::int64_t> RemoveMeasure(const Services& services, const auth::Actor& actor,
                                   std::int64_t measure_id);

// A follow-up check as its form was typed.
struct FollowUpForm {
  int milestone_months = 0;  // 0 when what was chosen is not a number
  std::optional<CivilDate> checked_on;
  bool found_events = false;
  std::vector<FieldError> unreadable;
};
// Records the check of one follow-up of a closed file ("outcome.create"); returns its id. Refuses
// while the file is open (Conflict), an unknown milestone, and a follow-up recorded already.
Result<std::int64_t> RecordFollowUp(const Services& services, const auth::Actor& actor,
                                    std::int64_t core_member_id, const FollowUpForm& form);

// One follow-up due soon or overdue, for the staff home page.
struct DueFollowUp {
  std::int64_t core_member_id = 0;
  std::string file_number;
  domain::FollowUp follow_up;
  bool overdue = false;
};
// The follow-ups of the organisation's closed files due within domain::kFollowUpNoticeDays or
// overdue; none for actors who may not see outcomes.
std::vector<DueFollowUp> DueFollowUps(const Services& services, const auth::Actor& actor);

}  // namespace cercle::app::reports
