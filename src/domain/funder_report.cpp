#include "domain/funder_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace cercle::domain {

std::optional<CivilDate> ReferralRecord::AcceptedOn() const {
  for (const auto& entry : history) {
    if (entry.status == ReferralStatus::kAccepted) return entry.on;
  }
  return std::nullopt;
}

std::optional<ReferralStatus> ReferralRecord::StatusAt(CivilDate day) const {
  if (day < received_on) return std::nullopt;
  return StatusOn(history, day).value_or(ReferralStatus::kReceived);
}

std::optional<CivilDate> CoreMemberRecord::OpenedOn() const {
  if (history.empty()) return std::nullopt;
  return history.front().on;
}

std::optional<CivilDate> CoreMemberRecord::ClosedOn() const {
  if (status != CoreMemberStatus::kClosed) return std::nullopt;
  std::optional<CivilDate> closed;
  for (const auto& entry : history) {
    if (entry.status == CoreMemberStatus::kClosed) closed = entry.on;
  }
  return closed;
}

const VolunteerRecord* ReportRecords::FindVolunteer(std::int64_t id) const {
  for (const auto& volunteer : volunteers) {
    if (volunteer.id == id) return &volunteer;
  }
  return nullptr;
}

const ReferralRecord* ReportRecords::FindReferral(std::int64_t id) const {
  for (const auto& referral : referrals) {
    if (referral.id == id) return &referral;
  }
  return nullptr;
}

const CoreMemberRecord* ReportRecords::FindCoreMember(std::int64_t id) const {
  for (const auto& core_member : core_members) {
    if (core_member.id == id) return &core_member;
  }
  return nullptr;
}

const ReferralRecord* ReportRecords::OpeningReferral(std::int64_t core_member_id,
                                                     CivilDate day) const {
  const ReferralRecord* latest = nullptr;
  const ReferralRecord* any = nullptr;
  for (const auto& referral : referrals) {
    if (referral.core_member_id != core_member_id) continue;
    if (!any) any = &referral;
    const auto accepted = referral.AcceptedOn();
    if (!accepted || day < *accepted) continue;
    if (!latest || *latest->AcceptedOn() <= *accepted) latest = &referral;
  }
  return latest ? latest : any;
}

std::optional<CivilDate> TrainingCompletedOn(const ReportRecords& records,
                                             std::int64_t volunteer_id) {
  std::vector<AttendanceRecord> attended;
  for (const auto& attendance : records.attendance) {
    if (attendance.volunteer_id == volunteer_id) attended.push_back(attendance);
  }
  std::sort(attended.begin(), attended.end(), [](const auto& a, const auto& b) {
    return std::tie(a.held_on, a.session_id) < std::tie(b.held_on, b.session_id);
  });
  std::optional<CivilDate> completed;
  bool any_required = false;
  for (const auto& module : records.modules) {
    if (!module.active || !module.required_for_circles) continue;
    any_required = true;
    // Attendance alone completes a module without a required time; it still takes a session.
    const int needed = std::max(module.required_minutes, 1);
    int total = 0;
    std::optional<CivilDate> module_completed;
    for (const auto& attendance : attended) {
      if (attendance.module_id != module.id) continue;
      total += attendance.minutes;
      if (total >= needed) {
        module_completed = attendance.held_on;
        break;
      }
    }
    if (!module_completed) return std::nullopt;
    if (!completed || *completed < *module_completed) completed = module_completed;
  }
  if (!any_required) return std::nullopt;
  return completed;
}

std::string MonthKey(const YearMonth& month) {
  char key[16];
  std::snprintf(key, sizeof key, "%04d-%02u", month.year, month.month);
  return key;
}

namespace {

YearMonth MonthOf(CivilDate day) {
  return {static_cast<int>(day.year()), static_cast<unsigned>(day.month())};
}

// Counts the outreach activities of `kinds` held during the period, by kind.
FigureResult CountOutreach(const ReportRecords& records, const ReportPeriod& period,
                           const std::vector<OutreachKind>& kinds) {
  FigureResult result;
  std::map<OutreachKind, std::int64_t> by_kind;
  for (const auto& activity : records.outreach) {
    if (!period.Contains(activity.held_on)) continue;
    if (std::find(kinds.begin(), kinds.end(), activity.kind) == kinds.end()) continue;
    ++result.value;
    ++by_kind[activity.kind];
    result.records.push_back({RecordKind::kOutreach, activity.id, 0, activity.held_on, 1,
                              std::string(LabelOf(activity.kind))});
  }
  for (const auto kind : kinds) {
    result.breakdown.push_back(
        {std::string(NameOf(kind)), std::string(LabelOf(kind)), by_kind[kind]});
  }
  return result;
}

// The label of one line of an event figure's breakdown.
std::string_view EventBreakdownLabel(OffenceCategory category, CirclePeriod when) {
  const bool during = when == CirclePeriod::kDuring;
  switch (category) {
    case OffenceCategory::kSexual:
      return during ? N_("Sexual, during the circle") : N_("Sexual, after the circle");
    case OffenceCategory::kViolent:
      return during ? N_("Violent, during the circle") : N_("Violent, after the circle");
    case OffenceCategory::kOther:
      return during ? N_("Other, during the circle") : N_("Other, after the circle");
  }
  return N_("Other, after the circle");
}

// Counts the recidivism events of `kind` that occurred during the period.
FigureResult CountEvents(const ReportRecords& records, const ReportPeriod& period,
                         RecidivismKind kind) {
  FigureResult result;
  std::map<std::pair<OffenceCategory, CirclePeriod>, std::int64_t> counts;
  for (const auto& event : records.events) {
    if (event.kind != kind || !period.Contains(event.occurred_on)) continue;
    ++result.value;
    ++counts[{event.category, event.period}];
    result.records.push_back({RecordKind::kEvent, event.id, 0, event.occurred_on, 1,
                              std::string(EventBreakdownLabel(event.category, event.period))});
  }
  for (const auto category : EnumValues<domain::OffenceCategory>()) {
    for (const auto when : EnumValues<domain::CirclePeriod>()) {
      result.breakdown.push_back({std::string(NameOf(category)) + "_" + std::string(NameOf(when)),
                                  std::string(EventBreakdownLabel(category, when)),
                                  counts[{category, when}]});
    }
  }
  return result;
}

}  // namespace

FigureResult TrainedVolunteers(const ReportRecords& records, const ReportPeriod& period,
                               const ReportSettings&) {
  FigureResult result;
  for (const auto& volunteer : records.volunteers) {
    const auto stage = StatusOn(volunteer.stages, period.to);
    if (!stage || IsClosedStage(*stage)) continue;
    const auto completed = TrainingCompletedOn(records, volunteer.id);
    if (!completed || period.to < *completed) continue;
    ++result.value;
    result.records.push_back(
        {RecordKind::kVolunteer, volunteer.id, 0, *completed, 1, std::string(LabelOf(*stage))});
  }
  return result;
}

FigureResult NewlyTrainedVolunteers(const ReportRecords& records, const ReportPeriod& period,
                                    const ReportSettings&) {
  FigureResult result;
  for (const auto& volunteer : records.volunteers) {
    const auto completed = TrainingCompletedOn(records, volunteer.id);
    if (!completed || !period.Contains(*completed)) continue;
    ++result.value;
    result.records.push_back({RecordKind::kVolunteer, volunteer.id, 0, *completed, 1, ""});
  }
  return result;
}

FigureResult VolunteerHours(const ReportRecords& records, const ReportPeriod& period,
                            const ReportSettings&) {
  FigureResult result;
  std::map<YearMonth, std::int64_t> by_month;
  for (const auto& month : MonthsOf(period)) by_month[month] = 0;
  for (const auto& attendance : records.attendance) {
    if (!period.Contains(attendance.held_on)) continue;
    result.value += attendance.minutes;
    by_month[MonthOf(attendance.held_on)] += attendance.minutes;
    result.records.push_back({RecordKind::kTrainingAttendance, attendance.volunteer_id,
                              attendance.session_id, attendance.held_on, attendance.minutes,
                              std::string(LabelOf(HoursKind::kTraining))});
  }
  for (const auto& hours : records.logged_hours) {
    if (!period.Contains(hours.worked_on)) continue;
    result.value += hours.minutes;
    by_month[MonthOf(hours.worked_on)] += hours.minutes;
    result.records.push_back({RecordKind::kLoggedHours, hours.id, 0, hours.worked_on, hours.minutes,
                              std::string(LabelOf(hours.kind))});
  }
  for (const auto& [month, minutes] : by_month) {
    result.breakdown.push_back({MonthKey(month), "", minutes});
  }
  std::sort(result.records.begin(), result.records.end(),
            [](const CountedRecord& a, const CountedRecord& b) {
              return std::tie(a.date, a.kind, a.id) < std::tie(b.date, b.kind, b.id);
            });
  return result;
}

FigureResult VolunteerHoursValue(const ReportRecords& records, const ReportPeriod& period,
                                 const ReportSettings& settings) {
  FigureResult result = VolunteerHours(records, period, settings);
  result.value = HoursValueCents(result.value, settings.hourly_cents);
  for (auto& line : result.breakdown)
    line.value = HoursValueCents(line.value, settings.hourly_cents);
  return result;
}

FigureResult VolunteerExpenses(const ReportRecords& records, const ReportPeriod& period,
                               const ReportSettings&) {
  FigureResult result;
  std::map<YearMonth, std::int64_t> by_month;
  for (const auto& month : MonthsOf(period)) by_month[month] = 0;
  for (const auto& expense : records.expenses) {
    if (!period.Contains(expense.incurred_on)) continue;
    result.value += expense.amount_cents;
    by_month[MonthOf(expense.incurred_on)] += expense.amount_cents;
    result.records.push_back({RecordKind::kExpenseClaim, expense.id, expense.volunteer_id,
                              expense.incurred_on, expense.amount_cents, ""});
  }
  for (const auto& [month, cents] : by_month) {
    result.breakdown.push_back({MonthKey(month), "", cents});
  }
  std::sort(result.records.begin(), result.records.end(),
            [](const CountedRecord& a, const CountedRecord& b) {
              return std::tie(a.date, a.id) < std::tie(b.date, b.id);
            });
  return result;
}

std::int64_t OpenCircleDays(const ReportRecords& records, const ReportPeriod& period) {
  std::int64_t days = 0;
  for (const auto& circle : records.circles) {
    for (CivilDate day = period.from; day <= period.to; day = AddDays(day, 1)) {
      const auto phase = StatusOn(circle.phases, day);
      if (phase && *phase != CirclePhase::kClosed) ++days;
    }
  }
  return days;
}

std::optional<std::int64_t> CostPerCircleYear(std::int64_t cents, std::int64_t circle_days) {
  if (circle_days <= 0) return std::nullopt;
  return (cents * 365 + circle_days / 2) / circle_days;
}

std::optional<CircleKind> KindDuring(const CircleRecord& circle, const ReportPeriod& period) {
  std::optional<CircleKind> kind;
  const auto note = [&kind](CirclePhase phase) {
    if (IsActivePhase(phase)) {
      kind = phase == CirclePhase::kInformal ? CircleKind::kInformal : CircleKind::kFormal;
    }
  };
  if (const auto first = StatusOn(circle.phases, period.from)) note(*first);
  for (const auto& entry : circle.phases) {
    if (period.from < entry.on && !(period.to < entry.on)) note(entry.status);
  }
  return kind;
}

namespace {

// The volunteers who were members of a circle of `kind` during the period while it ran then.
FigureResult CountVolunteersIn(const ReportRecords& records, const ReportPeriod& period,
                               CircleKind kind) {
  FigureResult result;
  std::map<std::int64_t, CountedRecord> volunteers;
  for (const auto& circle : records.circles) {
    if (KindDuring(circle, period) != kind) continue;
    for (const auto& stay : circle.stays) {
      if (period.to < stay.joined_on || (stay.left_on && *stay.left_on < period.from)) continue;
      const CivilDate since = std::max(stay.joined_on, period.from);
      auto [found, added] = volunteers.try_emplace(
          stay.volunteer_id,
          CountedRecord{RecordKind::kVolunteer, stay.volunteer_id, 0, since, 1, circle.code_name});
      if (!added && since < found->second.date) found->second.date = since;
    }
  }
  for (auto& [id, counted] : volunteers) result.records.push_back(std::move(counted));
  result.value = static_cast<std::int64_t>(result.records.size());
  return result;
}

}  // namespace

FigureResult Circles(const ReportRecords& records, const ReportPeriod& period,
                     const ReportSettings&) {
  FigureResult result;
  std::int64_t formal = 0;
  std::int64_t informal = 0;
  for (const auto& circle : records.circles) {
    const auto kind = KindDuring(circle, period);
    if (!kind) continue;
    ++(*kind == CircleKind::kInformal ? informal : formal);
    const CivilDate opened = circle.phases.empty() ? period.from : circle.phases.front().on;
    result.records.push_back(
        {RecordKind::kCircle, circle.id, 0, opened, 1,
         *kind == CircleKind::kInformal ? N_("Informal circle") : N_("Formal circle")});
  }
  result.value = formal + informal;
  result.breakdown = {{"formal", N_("Formal circles (pre-release to monthly meetings)"), formal},
                      {"informal", N_("Informal circles"), informal}};
  return result;
}

FigureResult VolunteersInFormalCircles(const ReportRecords& records, const ReportPeriod& period,
                                       const ReportSettings&) {
  return CountVolunteersIn(records, period, CircleKind::kFormal);
}

FigureResult VolunteersInOtherCircles(const ReportRecords& records, const ReportPeriod& period,
                                      const ReportSettings&) {
  return CountVolunteersIn(records, period, CircleKind::kInformal);
}

FigureResult PotentialCoreMembers(const ReportRecords& records, const ReportPeriod& period,
                                  const ReportSettings&) {
  FigureResult result;
  std::int64_t referrals = 0;
  std::int64_t files = 0;
  for (const auto& referral : records.referrals) {
    const auto status = referral.StatusAt(period.to);
    if (!status || (*status != ReferralStatus::kReceived && *status != ReferralStatus::kScreening &&
                    *status != ReferralStatus::kWaitlisted)) {
      continue;
    }
    ++referrals;
    result.records.push_back({RecordKind::kReferral, referral.id, 0, referral.received_on, 1,
                              std::string(LabelOf(*status))});
  }
  for (const auto& core_member : records.core_members) {
    const auto status = StatusOn(core_member.history, period.to);
    if (!status || (*status != CoreMemberStatus::kCandidate &&
                    *status != CoreMemberStatus::kWaitingForCircle)) {
      continue;
    }
    ++files;
    result.records.push_back({RecordKind::kCoreMember, core_member.id, 0,
                              core_member.OpenedOn().value_or(period.to), 1,
                              std::string(LabelOf(*status))});
  }
  result.value = referrals + files;
  result.breakdown = {
      {"referrals", N_("Referrals received, in screening or waitlisted"), referrals},
      {"files", N_("Accepted, not yet in a circle"), files}};
  return result;
}

std::string_view FunderSourceGroup(ReferralSource source) {
  switch (source) {
    case ReferralSource::kCsc:
      return "csc";
    case ReferralSource::kProvincialCorrections:
      return "provincial";
    default:
      return "other";
  }
}

FigureResult CoreMembersBySource(const ReportRecords& records, const ReportPeriod& period,
                                 const ReportSettings&) {
  FigureResult result;
  std::map<std::string, std::int64_t> by_group{{"csc", 0}, {"provincial", 0}, {"other", 0}};
  std::set<std::int64_t> in_circle;
  for (const auto& circle : records.circles) {
    if (KindDuring(circle, period)) in_circle.insert(circle.core_member_id);
  }
  for (const auto& core_member : records.core_members) {
    if (!in_circle.contains(core_member.id)) continue;
    const auto* referral = records.OpeningReferral(core_member.id, period.to);
    const std::string group =
        referral ? std::string(FunderSourceGroup(referral->source)) : std::string("other");
    ++by_group[group];
    ++result.value;
    result.records.push_back({RecordKind::kCoreMember, core_member.id, 0,
                              core_member.OpenedOn().value_or(period.from), 1,
                              referral ? std::string(LabelOf(referral->source))
                                       : std::string(N_("No referral recorded"))});
  }
  result.breakdown = {
      {"csc", N_("Correctional Service of Canada"), by_group["csc"]},
      {"provincial", N_("Provincial corrections"), by_group["provincial"]},
      {"other", N_("Other sources (police, community, self-referral…)"), by_group["other"]}};
  return result;
}

FigureResult OutreachPresentations(const ReportRecords& records, const ReportPeriod& period,
                                   const ReportSettings&) {
  return CountOutreach(records, period, {OutreachKind::kPresentation, OutreachKind::kEvent});
}

FigureResult MediaOutreach(const ReportRecords& records, const ReportPeriod& period,
                           const ReportSettings&) {
  return CountOutreach(records, period, {OutreachKind::kMediaInterview, OutreachKind::kArticle});
}

FigureResult PeopleReached(const ReportRecords& records, const ReportPeriod& period,
                           const ReportSettings&) {
  FigureResult result;
  std::map<OutreachKind, std::int64_t> by_kind;
  for (const auto& activity : records.outreach) {
    if (!period.Contains(activity.held_on) || !activity.reach) continue;
    result.value += *activity.reach;
    by_kind[activity.kind] += *activity.reach;
    result.records.push_back({RecordKind::kOutreach, activity.id, 0, activity.held_on,
                              *activity.reach, std::string(LabelOf(activity.kind))});
  }
  for (const auto kind : EnumValues<domain::OutreachKind>()) {
    result.breakdown.push_back(
        {std::string(NameOf(kind)), std::string(LabelOf(kind)), by_kind[kind]});
  }
  return result;
}

FigureResult NewCharges(const ReportRecords& records, const ReportPeriod& period,
                        const ReportSettings&) {
  return CountEvents(records, period, RecidivismKind::kNewCharge);
}

FigureResult Convictions(const ReportRecords& records, const ReportPeriod& period,
                         const ReportSettings&) {
  return CountEvents(records, period, RecidivismKind::kConviction);
}

FigureResult BreachesOfConditions(const ReportRecords& records, const ReportPeriod& period,
                                  const ReportSettings&) {
  return CountEvents(records, period, RecidivismKind::kBreachOfConditions);
}

FigureResult ReturnsToCustody(const ReportRecords& records, const ReportPeriod& period,
                              const ReportSettings&) {
  return CountEvents(records, period, RecidivismKind::kReturnToCustody);
}

const std::vector<FigureDefinition>& FunderFigures() {
  static const std::vector<FigureDefinition> figures = {
      {"trained_volunteers", N_("Volunteers"), N_("Trained volunteers"),
       N_("Volunteers whose training required before a circle was complete at the end of the "
          "period, and whose file was open then."),
       FigureUnit::kCount, TrainedVolunteers},
      {"newly_trained_volunteers", N_("Volunteers"), N_("Volunteers trained during the period"),
       N_("Volunteers who completed the training required before a circle during the period."),
       FigureUnit::kCount, NewlyTrainedVolunteers},
      {"volunteer_hours", N_("Volunteers"), N_("Volunteer hours"),
       N_("Approved hours only, by month: training attended and hours approved by a "
          "coordinator."),
       FigureUnit::kMinutes, VolunteerHours},
      {"volunteer_hours_value", N_("Volunteers"), N_("Value of volunteer hours"),
       N_("The approved hours at the value of one volunteer hour set by the organisation."),
       FigureUnit::kCents, VolunteerHoursValue},
      {"volunteer_expenses", N_("Volunteers"), N_("Volunteer expenses"),
       N_("Expenses and mileage claimed by volunteers and approved by a coordinator, paid or not "
          "yet, by the month of the expense."),
       FigureUnit::kCents, VolunteerExpenses},
      {"volunteers_in_formal_circles", N_("Volunteers"), N_("Volunteers in formal circles"),
       N_("Volunteers who were members of a formal circle (pre-release to monthly meetings) "
          "during the period."),
       FigureUnit::kCount, VolunteersInFormalCircles},
      {"volunteers_other_circles", N_("Volunteers"), N_("Volunteers in other kinds of circles"),
       N_("Volunteers who were members of an informal circle (after the formal phases) during "
          "the period."),
       FigureUnit::kCount, VolunteersInOtherCircles},
      {"circles", N_("Circles"), N_("Circles, formal and informal"),
       N_("Circles that met in an active phase during the period, each counted once, by the last "
          "phase it was in then: formal (pre-release to monthly meetings) or informal."),
       FigureUnit::kCount, Circles},
      {"potential_core_members", N_("Core members"), N_("Potential core members in process"),
       N_("At the end of the period: referrals received, in screening or waitlisted, and files "
          "accepted but not yet in a circle."),
       FigureUnit::kCount, PotentialCoreMembers},
      {"core_members_by_source", N_("Core members"), N_("Core members by referral source"),
       N_("Core members of the circles counted above (a circle that ran during the period), by "
          "the source of the referral that opened their file."),
       FigureUnit::kCount, CoreMembersBySource},
      {"outreach_presentations", N_("Outreach"), N_("Presentations and public events"),
       N_("Presentations and events held during the period."), FigureUnit::kCount,
       OutreachPresentations},
      {"media_outreach", N_("Outreach"), N_("Media interviews and articles"),
       N_("Interviews given and articles published during the period."), FigureUnit::kCount,
       MediaOutreach},
      {"people_reached", N_("Outreach"), N_("People reached"),
       N_("The reach recorded for each outreach activity of the period, added up."),
       FigureUnit::kCount, PeopleReached},
      {"new_charges", N_("Outcomes"), N_("New charges"),
       N_("New charges laid during the period, by category, during or after the circle."),
       FigureUnit::kCount, NewCharges},
      {"convictions", N_("Outcomes"), N_("Convictions"),
       N_("Convictions during the period, by category, during or after the circle."),
       FigureUnit::kCount, Convictions},
      {"breaches_of_conditions", N_("Outcomes"), N_("Breaches of conditions"),
       N_("Breaches of conditions during the period, during or after the circle."),
       FigureUnit::kCount, BreachesOfConditions},
      {"returns_to_custody", N_("Outcomes"), N_("Returns to custody"),
       N_("Returns to custody during the period, during or after the circle."), FigureUnit::kCount,
       ReturnsToCustody},
  };
  return figures;
}

const FigureDefinition* FindFunderFigure(std::string_view key) {
  for (const auto& figure : FunderFigures()) {
    if (figure.key == key) return &figure;
  }
  return nullptr;
}

bool PublishableStory(const ReportRecords& records, const SignificantStory& story,
                      CivilDate today) {
  static const std::vector<Consent> kNone;
  const CoreMemberRecord* about =
      story.about_core_member_id ? records.FindCoreMember(*story.about_core_member_id) : nullptr;
  return Publishable(story, about ? about->media_consents : kNone, today);
}

std::vector<SignificantStory> ReviewedStoriesIn(const ReportRecords& records,
                                                const ReportPeriod& period, CivilDate today) {
  std::vector<SignificantStory> stories;
  for (const auto& story : records.stories) {
    if (PublishableStory(records, story, today) && period.Contains(story.written_on)) {
      stories.push_back(story);
    }
  }
  std::sort(stories.begin(), stories.end(), [](const auto& a, const auto& b) {
    return std::tie(b.written_on, b.id) < std::tie(a.written_on, a.id);
  });
  return stories;
}

std::optional<SignificantStory> ChooseStory(const ReportRecords& records,
                                            const ReportPeriod& period, CivilDate today,
                                            std::optional<std::int64_t> wanted) {
  const auto stories = ReviewedStoriesIn(records, period, today);
  if (stories.empty()) return std::nullopt;
  if (wanted) {
    for (const auto& story : stories) {
      if (story.id == *wanted) return story;
    }
  }
  return stories.front();
}

}  // namespace cercle::domain
