// The rules of circles that depend on time or on several records: the 48-hour minutes flag, the
// phase frequency flag, reviews and renewals due, contact, the volunteer gate on every path that
// adds a member, the size limits and the covenant before the first active phase, volunteers' access
// after closure, and the partner's agreements. Time comes from an injectable clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "base/clock.hpp"
#include "domain/circle.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_flags.hpp"
#include "domain/circle_formation.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"

namespace cercle::domain {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

// Midnight UTC of `day`, plus `offset`.
Instant At(CivilDate day, std::chrono::seconds offset = seconds(0)) {
  return Instant(std::chrono::sys_days(day).time_since_epoch() + offset);
}

// The day of `instant` (UTC: the tests' time zone).
CivilDate DayOf(Instant instant) {
  return CivilDate(std::chrono::floor<std::chrono::days>(instant));
}

Meeting GroupMeeting(Instant starts) {
  Meeting meeting;
  meeting.id = 7;
  meeting.circle_id = 3;
  meeting.starts = starts;
  meeting.duration_minutes = 120;
  meeting.place = "Local communautaire";
  return meeting;
}

Circle MeetingCircle(CirclePhase phase, CivilDate since) {
  Circle circle;
  circle.id = 3;
  circle.code_name = "Cercle A";
  circle.phase = phase;
  circle.phase_since = since;
  circle.started_on = since;
  return circle;
}

bool Has(const std::vector<CircleFlag>& flags, CircleFlagKind kind) {
  return std::any_of(flags.begin(), flags.end(),
                     [&](const CircleFlag& flag) { return flag.kind == kind; });
}

// --- The 48-hour minutes flag
// -------------------------------------------------------------------------------

TEST(MinutesFlag, AppearsOnlyFortyEightHoursAfterTheMeetingEnds) {
  ManualClock clock(At(D("2026-11-30"), hours(19)));
  const auto meeting = GroupMeeting(clock.Now());  // 19:00 to 21:00
  const auto day = DayOf(meeting.starts);
  EXPECT_FALSE(MinutesFlag(meeting, nullptr, day, clock.Now())) << "the meeting is under way";
  EXPECT_EQ(MinutesStateOf(meeting, nullptr, clock.Now()), MinutesState::kDue);
  clock.Advance(hours(2) + hours(48));  // exactly 48 hours after its end
  EXPECT_FALSE(MinutesFlag(meeting, nullptr, day, clock.Now())) << "still within 48 hours";
  clock.Advance(seconds(1));
  const auto late = MinutesFlag(meeting, nullptr, day, clock.Now());
  ASSERT_TRUE(late);
  EXPECT_EQ(late->kind, CircleFlagKind::kMinutesLate);
  EXPECT_TRUE(late->urgent);
  EXPECT_EQ(late->meeting_id, 7);
  EXPECT_EQ(FormatIsoDate(late->date), "2026-11-30");
}

TEST(MinutesFlag, SubmittedMinutesWaitForTheCoordinatorThenClear) {
  ManualClock clock(At(D("2026-11-30"), hours(19)));
  const auto meeting = GroupMeeting(clock.Now());
  clock.Advance(hours(80));
  Minutes minutes;
  minutes.meeting_id = meeting.id;
  minutes.submitted_at = clock.Now();
  const auto waiting = MinutesFlag(meeting, &minutes, DayOf(meeting.starts), clock.Now());
  ASSERT_TRUE(waiting) << "late minutes, once written, go to the coordinator";
  EXPECT_EQ(waiting->kind, CircleFlagKind::kMinutesToAcknowledge);
  EXPECT_FALSE(waiting->urgent);
  clock.Advance(hours(3));
  minutes.acknowledged_at = clock.Now();
  EXPECT_FALSE(MinutesFlag(meeting, &minutes, DayOf(meeting.starts), clock.Now()));
  EXPECT_EQ(MinutesStateOf(meeting, &minutes, clock.Now()), MinutesState::kAcknowledged);
}

TEST(MinutesFlag, PlannedAndCancelledMeetingsNeedNoMinutes) {
  ManualClock clock(At(D("2026-11-30"), hours(10)));
  auto meeting = GroupMeeting(clock.Now() + hours(24));
  EXPECT_EQ(MinutesStateOf(meeting, nullptr, clock.Now()), MinutesState::kPlanned);
  clock.Advance(hours(24 * 10));
  meeting.cancelled_at = clock.Now() - hours(24 * 9);
  EXPECT_EQ(MinutesStateOf(meeting, nullptr, clock.Now()), MinutesState::kCancelled);
  EXPECT_FALSE(MinutesFlag(meeting, nullptr, DayOf(meeting.starts), clock.Now()));
}

TEST(Minutes, AreWrittenOnlyAfterTheMeetingWithTheirRequiredParts) {
  ManualClock clock(At(D("2026-11-30"), hours(10)));
  const auto meeting = GroupMeeting(clock.Now() + hours(9));
  Minutes minutes;
  minutes.present_volunteers = {11};
  minutes.duration_minutes = 90;
  minutes.check_in = "Tour de table.";
  minutes.accountability = "Rien de préoccupant.";
  EXPECT_FALSE(CheckMinutes(minutes, meeting, clock.Now())) << "before the meeting";
  clock.Advance(hours(12));
  EXPECT_TRUE(CheckMinutes(minutes, meeting, clock.Now()));
  minutes.accountability = "   ";
  minutes.present_volunteers.clear();
  const auto refused = CheckMinutes(minutes, meeting, clock.Now());
  ASSERT_FALSE(refused);
  std::vector<std::string> fields;
  for (const auto& field : refused.error().fields) fields.push_back(field.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"present", "accountability"}));
}

// --- The phase frequency flag
// -------------------------------------------------------------------------------

TEST(PhaseFrequencyFlag, FlagsAWeeklyCircleAfterTenDaysWithoutAMeeting) {
  ManualClock clock(At(D("2026-11-30"), hours(12)));
  const auto circle = MeetingCircle(CirclePhase::kWeekly, D("2026-09-01"));
  const std::optional<CivilDate> last = D("2026-11-30");
  const FlagSettings settings{3, 400};
  clock.Advance(hours(24 * 10));
  EXPECT_FALSE(Has(CircleFlags(circle, last, last, {}, settings, DayOf(clock.Now())),
                   CircleFlagKind::kMeetingOverdue));
  clock.Advance(hours(24));
  const auto flags = CircleFlags(circle, last, last, {}, settings, DayOf(clock.Now()));
  ASSERT_TRUE(Has(flags, CircleFlagKind::kMeetingOverdue));
  const auto overdue = *std::find_if(flags.begin(), flags.end(), [](const auto& f) {
    return f.kind == CircleFlagKind::kMeetingOverdue;
  });
  EXPECT_EQ(overdue.days, 11);
  EXPECT_TRUE(overdue.urgent);
}

TEST(PhaseFrequencyFlag, EachPhaseAllowsItsOwnRhythm) {
  ManualClock clock(At(D("2026-11-30")));
  const FlagSettings settings{3, 400};
  const std::optional<CivilDate> last = D("2026-11-30");
  clock.Advance(hours(24 * 15));
  const auto today = DayOf(clock.Now());
  EXPECT_TRUE(Has(CircleFlags(MeetingCircle(CirclePhase::kIntensive, D("2026-01-01")), last, last,
                              {}, settings, today),
                  CircleFlagKind::kMeetingOverdue));
  EXPECT_FALSE(Has(CircleFlags(MeetingCircle(CirclePhase::kBiweekly, D("2026-01-01")), last, last,
                               {}, settings, today),
                   CircleFlagKind::kMeetingOverdue));
  EXPECT_FALSE(Has(CircleFlags(MeetingCircle(CirclePhase::kMonthly, D("2026-01-01")), last, last,
                               {}, settings, today),
                   CircleFlagKind::kMeetingOverdue));
  EXPECT_FALSE(Has(CircleFlags(MeetingCircle(CirclePhase::kSuspended, D("2026-01-01")), last, last,
                               {}, settings, today),
                   CircleFlagKind::kMeetingOverdue))
      << "a suspended circle has no rhythm";
}

TEST(PhaseFrequencyFlag, AChangeOfPhaseRestartsTheCount) {
  ManualClock clock(At(D("2026-11-30")));
  const FlagSettings settings{3, 400};
  // The last meeting was long ago, but the circle resumed (weekly) three days ago.
  const auto resumed = MeetingCircle(CirclePhase::kWeekly, DayOf(clock.Now() - hours(72)));
  EXPECT_FALSE(
      Has(CircleFlags(resumed, D("2026-08-01"), std::nullopt, {}, settings, DayOf(clock.Now())),
          CircleFlagKind::kMeetingOverdue));
}

TEST(CircleFlags, NothingForFormingOrClosedCircles) {
  const FlagSettings settings{3, 14};
  auto forming = MeetingCircle(CirclePhase::kForming, D("2025-01-01"));
  forming.started_on.reset();
  EXPECT_TRUE(
      CircleFlags(forming, std::nullopt, std::nullopt, {}, settings, D("2026-11-30")).empty());
  auto closed = MeetingCircle(CirclePhase::kClosed, D("2025-01-01"));
  closed.closed_on = D("2025-01-01");
  EXPECT_TRUE(
      CircleFlags(closed, std::nullopt, std::nullopt, {}, settings, D("2026-11-30")).empty());
}

// --- Contact
// ------------------------------------------------------------------------------------------------

TEST(NoContactFlag, CountsContactsAndMeetingsAgainstTheOrganisationsDays) {
  ManualClock clock(At(D("2026-11-30")));
  const auto circle = MeetingCircle(CirclePhase::kMonthly, D("2026-01-01"));
  const FlagSettings settings{3, 14};
  const std::optional<CivilDate> meeting = D("2026-11-10");
  const std::optional<CivilDate> contact = D("2026-11-20");
  clock.Advance(hours(24 * 4));  // 2026-12-04: 14 days after the contact
  EXPECT_FALSE(Has(CircleFlags(circle, meeting, contact, {}, settings, DayOf(clock.Now())),
                   CircleFlagKind::kNoContact));
  clock.Advance(hours(24));
  const auto flags = CircleFlags(circle, meeting, contact, {}, settings, DayOf(clock.Now()));
  ASSERT_TRUE(Has(flags, CircleFlagKind::kNoContact));
  EXPECT_EQ(std::find_if(flags.begin(), flags.end(),
                         [](const auto& f) { return f.kind == CircleFlagKind::kNoContact; })
                ->days,
            15);
  // A meeting counts as contact.
  EXPECT_FALSE(Has(CircleFlags(circle, D("2026-12-01"), contact, {}, settings, DayOf(clock.Now())),
                   CircleFlagKind::kNoContact));
}

TEST(Contacts, AreLoggedWithinSixtyDaysAndNeverInTheFuture) {
  CircleContact contact;
  contact.duration_minutes = 30;
  contact.contacted_on = D("2026-12-01");
  EXPECT_FALSE(CheckContact(contact, D("2026-11-30")));
  contact.contacted_on = D("2026-10-01");
  EXPECT_TRUE(CheckContact(contact, D("2026-11-30")));
  contact.contacted_on = D("2026-09-30");
  EXPECT_FALSE(CheckContact(contact, D("2026-11-30")));
}

// --- Reviews and renewal
// ------------------------------------------------------------------------------------

CircleReview Review(ReviewKind kind, CivilDate held_on,
                    std::optional<RenewalDecision> renewal = {}) {
  CircleReview review;
  review.kind = kind;
  review.held_on = held_on;
  review.renewal = renewal;
  return review;
}

TEST(ReviewFlags, ShowThirtyDaysAheadAndBecomeUrgentOncePassed) {
  ManualClock clock(At(D("2026-01-15")));
  const auto circle = MeetingCircle(CirclePhase::kMonthly, D("2026-01-15"));
  const FlagSettings settings{3, 400};
  const auto flags_on = [&] {
    return CircleFlags(circle, DayOf(clock.Now()), DayOf(clock.Now()), {}, settings,
                       DayOf(clock.Now()));
  };
  // The first review falls on 2026-04-15.
  clock.Set(At(D("2026-03-15")));
  EXPECT_FALSE(Has(flags_on(), CircleFlagKind::kReviewDue));
  clock.Set(At(D("2026-03-16")));
  auto flags = flags_on();
  ASSERT_TRUE(Has(flags, CircleFlagKind::kReviewDue));
  const auto due = *std::find_if(flags.begin(), flags.end(), [](const auto& f) {
    return f.kind == CircleFlagKind::kReviewDue;
  });
  EXPECT_EQ(FormatIsoDate(due.date), "2026-04-15");
  EXPECT_FALSE(due.urgent);
  clock.Set(At(D("2026-04-16")));
  flags = flags_on();
  EXPECT_TRUE(std::find_if(flags.begin(), flags.end(), [](const auto& f) {
                return f.kind == CircleFlagKind::kReviewDue;
              })->urgent);
}

TEST(ReviewFlags, TheYearlyRenewalIsDueAtTwelveMonthsAndMovesWhenRenewed) {
  const auto started = D("2025-12-20");
  auto schedule = ScheduleOf(started, {Review(ReviewKind::kReview, D("2026-10-01"))}, 3);
  EXPECT_EQ(FormatIsoDate(schedule.next_review), "2027-01-01");
  ASSERT_TRUE(schedule.next_renewal);
  EXPECT_EQ(FormatIsoDate(*schedule.next_renewal), "2026-12-20");
  const auto circle = MeetingCircle(CirclePhase::kMonthly, started);
  const FlagSettings settings{3, 400};
  EXPECT_TRUE(
      Has(CircleFlags(circle, D("2026-11-25"), D("2026-11-25"),
                      {Review(ReviewKind::kReview, D("2026-10-01"))}, settings, D("2026-11-30")),
          CircleFlagKind::kRenewalDue));
  // Renewed on 2026-12-18: the next renewal is a year later, and a renewal counts as a review.
  schedule = ScheduleOf(started,
                        {Review(ReviewKind::kReview, D("2026-10-01")),
                         Review(ReviewKind::kRenewal, D("2026-12-18"), RenewalDecision::kRenewed)},
                        3);
  EXPECT_EQ(FormatIsoDate(*schedule.next_renewal), "2027-12-18");
  EXPECT_EQ(FormatIsoDate(schedule.next_review), "2027-03-18");
  // A renewal that decided to close leaves no renewal due.
  schedule = ScheduleOf(
      started, {Review(ReviewKind::kRenewal, D("2026-12-18"), RenewalDecision::kClosing)}, 3);
  EXPECT_FALSE(schedule.next_renewal);
}

TEST(ReviewFlags, TheMonthsBetweenReviewsAreTheOrganisations) {
  EXPECT_EQ(FormatIsoDate(ScheduleOf(D("2026-01-10"), {}, 2).next_review), "2026-03-10");
  EXPECT_EQ(FormatIsoDate(ScheduleOf(D("2026-01-10"), {}, 6).next_review), "2026-07-10");
}

// --- The volunteer gate on every path that adds a member
// ------------------------------------------------------

CircleMember Stay(std::int64_t id, std::int64_t volunteer, bool current = true) {
  CircleMember member;
  member.id = id;
  member.circle_id = 3;
  member.volunteer_id = volunteer;
  member.joined_on = D("2026-01-10");
  if (!current) member.left_on = D("2026-06-01");
  return member;
}

std::string Describe(const GateFailure& failure) {
  return "[" + std::string(NameOf(failure.condition)) + "]";
}

class JoinPaths : public ::testing::TestWithParam<JoinPath> {};

TEST_P(JoinPaths, EveryPathRefusesAVolunteerTheGateRefusesAndNamesEachCondition) {
  const auto circle = MeetingCircle(
      GetParam() == JoinPath::kProposal ? CirclePhase::kForming : CirclePhase::kWeekly,
      D("2026-01-10"));
  const std::vector<CircleMember> members = {Stay(1, 101), Stay(2, 102), Stay(3, 103)};
  GateResult gate;
  gate.failures = {{GateCondition::kScreeningValid, "Police check", 0, 1},
                   {GateCondition::kBelowCircleLimit, "", 1, 1}};
  const JoinRequest request{
      GetParam(),
      circle,
      members,
      200,
      "Rosalie Exemple",
      gate,
      3,
      4,
      GetParam() == JoinPath::kReplacement ? std::optional<std::int64_t>(2) : std::nullopt};
  const auto refused = CheckJoin(request, Describe);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  const auto& message = refused.error().fields.front().message;
  EXPECT_EQ(message.arguments.at(0).value, "Rosalie Exemple");
  EXPECT_EQ(message.arguments.at(1).value, "[screening_valid] [below_circle_limit]");

  const GateResult passed;
  const JoinRequest allowed{GetParam(),
                            circle,
                            members,
                            200,
                            "Rosalie Exemple",
                            passed,
                            3,
                            4,
                            request.replacing_member_id};
  EXPECT_TRUE(CheckJoin(allowed, Describe));
}

INSTANTIATE_TEST_SUITE_P(ProposalDirectAddAndReplacement, JoinPaths,
                         ::testing::Values(JoinPath::kProposal, JoinPath::kDirectAdd,
                                           JoinPath::kReplacement));

TEST(CircleFormation, AFullCircleTakesAReplacementButNoExtraVolunteer) {
  const auto circle = MeetingCircle(CirclePhase::kWeekly, D("2026-01-10"));
  const std::vector<CircleMember> members = {Stay(1, 101), Stay(2, 102), Stay(3, 103), Stay(4, 104),
                                             Stay(5, 105, false)};
  const GateResult passed;
  EXPECT_FALSE(CheckJoin(
      {JoinPath::kDirectAdd, circle, members, 200, "Odile", passed, 3, 4, std::nullopt}, Describe))
      << "a fifth volunteer";
  EXPECT_TRUE(CheckJoin({JoinPath::kReplacement, circle, members, 200, "Odile", passed, 3, 4, 2},
                        Describe));
  EXPECT_FALSE(
      CheckJoin({JoinPath::kReplacement, circle, members, 200, "Odile", passed, 3, 4, 5}, Describe))
      << "the volunteer to replace has left already";
  EXPECT_TRUE(CheckJoin(
      {JoinPath::kDirectAdd, circle, members, 105, "Ancien", passed, 3, 5, std::nullopt}, Describe))
      << "someone who left may come back";
  const auto twice = CheckJoin(
      {JoinPath::kDirectAdd, circle, members, 101, "Déjà", passed, 3, 5, std::nullopt}, Describe);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  auto closed = circle;
  closed.phase = CirclePhase::kClosed;
  EXPECT_FALSE(CheckJoin(
      {JoinPath::kDirectAdd, closed, {}, 200, "Odile", passed, 3, 4, std::nullopt}, Describe));
}

TEST(CircleFormation, TheFirstActivePhaseNeedsTheSizeAndEverySignatureOfTheCurrentVersion) {
  std::vector<CircleMember> members = {Stay(1, 101), Stay(2, 102), Stay(9, 109, false)};
  const std::map<std::int64_t, std::string> names = {
      {101, "Anne Un"}, {102, "Bob Deux"}, {103, "Céline Trois"}};
  const auto signature = [](std::int64_t version, std::optional<std::int64_t> volunteer) {
    CovenantSignature signature;
    signature.version_id = version;
    signature.signatory = volunteer ? Signatory::kVolunteer : Signatory::kCoreMember;
    signature.volunteer_id = volunteer;
    return signature;
  };
  std::vector<CovenantSignature> signatures = {signature(1, std::nullopt), signature(1, 101),
                                               signature(1, 102)};
  const auto too_few = CheckStart(members, 3, 4, SignaturesOf(1, signatures, members, names), true);
  ASSERT_FALSE(too_few);
  EXPECT_EQ(too_few.error().message.id,
            "A circle needs at least {minimum} volunteers to start; it has {count}.");
  members.push_back(Stay(3, 103));
  const auto unsigned_one =
      CheckStart(members, 3, 4, SignaturesOf(1, signatures, members, names), true);
  ASSERT_FALSE(unsigned_one);
  EXPECT_EQ(unsigned_one.error().message.arguments.at(0).value, "Céline Trois")
      << "the one who has not signed";
  signatures.push_back(signature(1, 103));
  EXPECT_TRUE(CheckStart(members, 3, 4, SignaturesOf(1, signatures, members, names), true));
  // Signatures of an earlier version do not count for the current one.
  EXPECT_FALSE(CheckStart(members, 3, 4, SignaturesOf(2, signatures, members, names), true));
  EXPECT_FALSE(CheckStart(members, 3, 4, SignaturesOf(1, signatures, members, names), false));
}

TEST(Covenant, RefusesASecondSignatureAndOneFromOutsideTheCircle) {
  const std::vector<CircleMember> members = {Stay(1, 101)};
  CovenantSignature signature;
  signature.version_id = 4;
  signature.signatory = Signatory::kVolunteer;
  signature.volunteer_id = 101;
  signature.signed_on = D("2026-11-29");
  EXPECT_TRUE(CheckSignature(signature, {}, members, D("2026-11-20"), D("2026-11-30")));
  EXPECT_FALSE(CheckSignature(signature, {signature}, members, D("2026-11-20"), D("2026-11-30")));
  signature.volunteer_id = 999;
  EXPECT_FALSE(CheckSignature(signature, {}, members, D("2026-11-20"), D("2026-11-30")));
  signature.volunteer_id = 101;
  signature.signed_on = D("2026-11-19");
  EXPECT_FALSE(CheckSignature(signature, {}, members, D("2026-11-20"), D("2026-11-30")))
      << "before the draft";
}

// --- Volunteers' access after closure
// ------------------------------------------------------------------------

TEST(VolunteerAccess, EndsTheOrganisationsDaysAfterClosure) {
  ManualClock clock(At(D("2026-11-30")));
  auto circle = MeetingCircle(CirclePhase::kWeekly, D("2026-01-10"));
  const auto member = Stay(1, 101);
  EXPECT_TRUE(VolunteerMayRead(circle, member, 30, DayOf(clock.Now())));
  EXPECT_TRUE(VolunteerMayAct(circle, member));
  circle.phase = CirclePhase::kClosed;
  circle.closed_on = DayOf(clock.Now());
  EXPECT_FALSE(VolunteerMayAct(circle, member));
  clock.Advance(hours(24 * 30));
  EXPECT_TRUE(VolunteerMayRead(circle, member, 30, DayOf(clock.Now()))) << "the 30th day";
  clock.Advance(hours(24));
  EXPECT_FALSE(VolunteerMayRead(circle, member, 30, DayOf(clock.Now())));
  EXPECT_TRUE(VolunteerMayRead(circle, member, 60, DayOf(clock.Now())))
      << "the delay is configurable";
}

TEST(VolunteerAccess, AVolunteerWhoLeftKeepsTheSameDelayFromTheirDeparture) {
  const auto circle = MeetingCircle(CirclePhase::kWeekly, D("2026-01-10"));
  const auto left = Stay(1, 101, false);  // left on 2026-06-01
  EXPECT_FALSE(VolunteerMayAct(circle, left));
  EXPECT_TRUE(VolunteerMayRead(circle, left, 30, D("2026-07-01")));
  EXPECT_FALSE(VolunteerMayRead(circle, left, 30, D("2026-07-02")));
}

// --- Meetings planned by the phase's rhythm
// ------------------------------------------------------------------

TEST(MeetingSeries, RepeatsAtThePhasesRhythm) {
  const auto weekly = MeetingSeries(CirclePhase::kWeekly, D("2026-12-01"), 3);
  ASSERT_EQ(weekly.size(), 3u);
  EXPECT_EQ(FormatIsoDate(weekly[2]), "2026-12-15");
  EXPECT_EQ(FormatIsoDate(MeetingSeries(CirclePhase::kBiweekly, D("2026-12-01"), 2)[1]),
            "2026-12-15");
  EXPECT_EQ(FormatIsoDate(MeetingSeries(CirclePhase::kMonthly, D("2026-01-31"), 2)[1]),
            "2026-02-28");
  EXPECT_EQ(MeetingSeries(CirclePhase::kInformal, D("2026-12-01"), 5).size(), 1u);
  MeetingPlan plan{MeetingKind::kGroup, D("2026-12-01"), 19 * 60, 120, "Local", 4};
  EXPECT_TRUE(CheckMeetingPlan(plan, CirclePhase::kWeekly, D("2026-11-30")));
  EXPECT_FALSE(CheckMeetingPlan(plan, CirclePhase::kInformal, D("2026-11-30")));
  plan.count = 13;
  EXPECT_FALSE(CheckMeetingPlan(plan, CirclePhase::kWeekly, D("2026-11-30")));
}

TEST(CodeNames, NeverIdentifyAnyoneAndAreNeverReused) {
  EXPECT_EQ(NextCodeName({}), "Cercle A");
  EXPECT_EQ(NextCodeName({"Cercle A", "Cercle C"}), "Cercle B");
  EXPECT_EQ(CodeLetters(25), "Z");
  EXPECT_EQ(CodeLetters(26), "AA");
}

// --- The partner's agreements and consents
// ------------------------------------------------------------------

TEST(SharingAgreement, IsInForceFromItsStartToItsLastDay) {
  SharingAgreement agreement;
  agreement.starts_on = D("2026-11-01");
  EXPECT_FALSE(agreement.InForceOn(D("2026-10-31")));
  EXPECT_TRUE(agreement.InForceOn(D("2030-01-01")));
  agreement.ends_on = D("2026-11-29");
  EXPECT_TRUE(agreement.InForceOn(D("2026-11-29")));
  EXPECT_FALSE(agreement.InForceOn(D("2026-11-30")));
}

TEST(SharingConsents, ShowsTheConsentsInForceFirstAndMarksTheOthers) {
  const auto consent = [](ConsentScope scope, const char* given,
                          std::optional<CivilDate> withdrawn) {
    Consent c;
    c.scope = scope;
    c.given_on = D(given);
    c.withdrawn_on = withdrawn;
    return c;
  };
  const auto lines =
      SharingConsents({consent(ConsentScope::kOuterCircle, "2026-01-01", D("2026-06-01")),
                       consent(ConsentScope::kResearch, "2026-02-01", std::nullopt),
                       consent(ConsentScope::kOuterCircle, "2026-07-01", std::nullopt)},
                      D("2026-11-30"));
  ASSERT_EQ(lines.size(), 2u) << "research consents are not about partners";
  EXPECT_TRUE(lines[0].in_force);
  EXPECT_FALSE(lines[1].in_force);
  EXPECT_EQ(lines[1].state, ConsentState::kWithdrawn);
}

}  // namespace
}  // namespace cercle::domain
