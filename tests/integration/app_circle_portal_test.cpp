// The volunteer's phone view of their circles called straight on the application layer, without a
// socket, on SQLite and PostgreSQL: the volunteer reads the circles they are on (each view audited
// once), writes the minutes they may write once, logs contacts while the circle is open and resets
// their calendar address; a circle they are not on, another organisation and the coordinators get
// NotFound, exactly as for a missing record, with nothing changed.
#include <gtest/gtest.h>

#include "app/circles/portal_circle.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using app::circles::ViewAudit;
using domain::CirclePhase;
using domain::VolunteerStage;

class AppCirclePortal : public ::testing::TestWithParam<Backend> {
 protected:
  AppCirclePortal() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    own_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole", VolunteerStage::kActive,
                                       a_.volunteer.id);
    odile_ = volunteers_.CreateVolunteer(a_.id, "Odile", "Membre", VolunteerStage::kActive);
    volunteers_.CreateVolunteer(b_.id, "Olivier", "Ailleurs", VolunteerStage::kActive,
                                b_.volunteer.id);
    const auto core_member = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
    const auto other_member = intake_.CreateCoreMember(a_.id, "Gérard Autre", "2026-002");

    circle_ = circles_.CreateCircle(a_.id, core_member, CirclePhase::kWeekly, AddDays(today_, -60),
                                    AddDays(today_, -60));
    circles_.AddMember(a_.id, circle_, own_, AddDays(today_, -60), true);
    circles_.AddMember(a_.id, circle_, odile_, AddDays(today_, -60));
    due_ =
        circles_.AddMeeting(a_.id, circle_, CircleFixture::At(AddDays(today_, -1), 19 * 60), own_);
    planned_ =
        circles_.AddMeeting(a_.id, circle_, CircleFixture::At(AddDays(today_, 6), 19 * 60), own_);

    other_circle_ = circles_.CreateCircle(a_.id, other_member, CirclePhase::kWeekly,
                                          AddDays(today_, -30), AddDays(today_, -30));
    circles_.AddMember(a_.id, other_circle_, odile_, AddDays(today_, -30));
    other_meeting_ = circles_.AddMeeting(a_.id, other_circle_,
                                         CircleFixture::At(AddDays(today_, -2), 19 * 60), odile_);
    volunteer_ = ActorOf(a_.volunteer);
  }

  // Minutes of meeting `meeting` with both volunteers present, as the volunteer types them.
  app::circles::MinutesCommand Minutes(std::int64_t meeting) const {
    return {.meeting_id = meeting,
            .core_member_present = true,
            .present = {own_, odile_},
            .duration_minutes = 90,
            .check_in = "Tour de table (essai).",
            .accountability = "Rien de préoccupant."};
  }

  app::circles::LogContactCommand Contact(std::int64_t circle) const {
    return {.circle_id = circle,
            .contacted_on = today_,
            .kind = domain::ContactKind::kCall,
            .duration_minutes = 30,
            .note = "Appel de suivi (essai)."};
  }

  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(a_.id, action, a_.volunteer.id);
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  auth::Actor volunteer_;
  std::int64_t own_ = 0, odile_ = 0;
  std::int64_t circle_ = 0, other_circle_ = 0;
  std::int64_t due_ = 0, planned_ = 0, other_meeting_ = 0;
};

TEST_P(AppCirclePortal, TheVolunteerReadsTheirCircleItsMeetingsAndTheListAuditedOnce) {
  const auto page = app::circles::LoadPortalCircle(server_.app(), volunteer_, circle_);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->circle.id, circle_);
  ASSERT_TRUE(page->core_member);
  EXPECT_EQ(page->core_member->name, "Marcel Exemple");
  ASSERT_EQ(page->members.size(), 2u);
  EXPECT_TRUE(std::any_of(page->members.begin(), page->members.end(),
                          [](const auto& member) { return member.me && member.primary; }));
  ASSERT_TRUE(page->next_meeting);
  EXPECT_EQ(page->next_meeting->meeting.id, planned_);
  EXPECT_TRUE(page->next_meeting->writer_is_me);
  ASSERT_EQ(page->to_write.size(), 1u);
  EXPECT_EQ(page->to_write.front().meeting.id, due_);
  EXPECT_TRUE(page->held.empty()) << "the minutes to write are set apart";
  EXPECT_TRUE(page->can_log);
  EXPECT_FALSE(page->has_feed);
  EXPECT_FALSE(page->access_ends);
  EXPECT_EQ(Audited("circle.view"), 1u);
  ASSERT_TRUE(app::circles::LoadPortalCircle(server_.app(), volunteer_, circle_, ViewAudit::kSkip));
  EXPECT_EQ(Audited("circle.view"), 1u);

  const auto meeting = app::circles::LoadPortalMeeting(server_.app(), volunteer_, due_);
  ASSERT_TRUE(meeting);
  EXPECT_TRUE(meeting->may_write);
  EXPECT_EQ(meeting->state, domain::MinutesState::kDue);
  EXPECT_EQ(meeting->members.size(), 2u);
  EXPECT_EQ(Audited("circle.meeting_view"), 1u);

  const auto list = app::circles::LoadPortalCircles(server_.app(), volunteer_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u) << "never the circle the volunteer is not on";
  EXPECT_EQ(list->front().circle.id, circle_);
  EXPECT_EQ(list->front().core_member, "Marcel Exemple");
  ASSERT_TRUE(list->front().next_meeting);
  EXPECT_EQ(list->front().next_meeting->id, planned_);
  ASSERT_EQ(list->front().to_write.size(), 1u);
  EXPECT_EQ(list->front().to_write.front().meeting.id, due_);
}

TEST_P(AppCirclePortal, ACircleTheVolunteerIsNotOnAnotherOrganisationAndCoordinatorsGetNotFound) {
  const auto expect_not_found = [](const auto& result) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ErrorKind::kNotFound);
  };
  expect_not_found(app::circles::LoadPortalCircle(server_.app(), volunteer_, other_circle_));
  expect_not_found(app::circles::LoadPortalMeeting(server_.app(), volunteer_, other_meeting_));
  expect_not_found(app::circles::LogContact(server_.app(), volunteer_, Contact(other_circle_)));
  expect_not_found(app::circles::SubmitMinutes(server_.app(), volunteer_, Minutes(other_meeting_)));
  for (const auto* user : {&a_.coordinator, &b_.volunteer, &a_.partner}) {
    const auto actor = ActorOf(*user);
    expect_not_found(app::circles::LoadPortalCircle(server_.app(), actor, circle_));
    expect_not_found(app::circles::LoadPortalMeeting(server_.app(), actor, due_));
    expect_not_found(app::circles::LogContact(server_.app(), actor, Contact(circle_)));
    expect_not_found(app::circles::SubmitMinutes(server_.app(), actor, Minutes(due_)));
  }
  expect_not_found(app::circles::LoadPortalCircles(server_.app(), ActorOf(a_.coordinator)));
  expect_not_found(app::circles::ResetCalendar(server_.app(), ActorOf(a_.coordinator)));
  EXPECT_EQ(auth_.CountRows("circle_contacts"), 0);
  EXPECT_EQ(auth_.CountRows("circle_minutes"), 0);
  EXPECT_EQ(auth_.CountRows("calendar_tokens"), 0);
  EXPECT_EQ(Audited("circle.view"), 0u);
}

TEST_P(AppCirclePortal, MinutesAreWrittenOnceByAMemberOfThatDayWithTheirAttendanceAndAudited) {
  auto stranger = Minutes(due_);
  stranger.present = {own_, 0};
  const auto refused = app::circles::SubmitMinutes(server_.app(), volunteer_, stranger);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "present");
  auto empty = Minutes(due_);
  empty.accountability = "";
  ASSERT_FALSE(app::circles::SubmitMinutes(server_.app(), volunteer_, empty));
  EXPECT_EQ(auth_.CountRows("circle_minutes"), 0);

  const auto written = app::circles::SubmitMinutes(server_.app(), volunteer_, Minutes(due_));
  ASSERT_TRUE(written) << written.error().message.id;
  EXPECT_EQ(*written, due_);
  EXPECT_EQ(auth_.CountRows("volunteer_hours WHERE kind = 'circle_meeting' AND minutes = 90"), 2)
      << "attendance feeds the hours of each volunteer present";
  EXPECT_EQ(Audited("circle.minutes_submit"), 1u);
  const auto again = app::circles::SubmitMinutes(server_.app(), volunteer_, Minutes(due_));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  const auto meeting = app::circles::LoadPortalMeeting(server_.app(), volunteer_, due_);
  ASSERT_TRUE(meeting && meeting->minutes);
  EXPECT_FALSE(meeting->may_write);
  EXPECT_EQ(Audited("circle.minutes_view"), 1u);

  // A meeting held before the volunteer joined: they read it, but may not write its minutes.
  const auto before =
      circles_.AddMeeting(a_.id, circle_, CircleFixture::At(AddDays(today_, -70), 19 * 60), odile_);
  const auto early = app::circles::SubmitMinutes(server_.app(), volunteer_, Minutes(before));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message.id,
            "You were not a member of this circle on the day of this meeting.");
  EXPECT_EQ(Audited("circle.minutes_submit"), 1u);
}

TEST_P(AppCirclePortal, AContactIsLoggedAfterItsChecksAndNoLongerOnceTheCircleClosed) {
  const auto unread = app::circles::LogContact(server_.app(), volunteer_, {.circle_id = circle_});
  ASSERT_FALSE(unread);
  EXPECT_EQ(unread.error().fields.size(), 3u) << "the date, the kind and the length";
  const auto logged = app::circles::LogContact(server_.app(), volunteer_, Contact(circle_));
  ASSERT_TRUE(logged) << logged.error().message.id;
  EXPECT_EQ(auth_.CountRows("circle_contacts"), 1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.contact_log", a_.volunteer.id), 1u);
  const auto page = app::circles::LoadPortalCircle(server_.app(), volunteer_, circle_);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->contacts.size(), 1u);
  EXPECT_EQ(page->contacts.front().who, "Bastien Bénévole");

  circles_.CloseCircle(a_.id, circle_, today_);
  const auto closed = app::circles::LogContact(server_.app(), volunteer_, Contact(circle_));
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().message.id, "This circle has ended: contacts can no longer be logged.");
  EXPECT_EQ(auth_.CountRows("circle_contacts"), 1);
  const auto read = app::circles::LoadPortalCircle(server_.app(), volunteer_, circle_);
  ASSERT_TRUE(read) << "the volunteer still reads a circle closed today";
  EXPECT_FALSE(read->can_log);
  EXPECT_TRUE(read->access_ends);
}

TEST_P(AppCirclePortal, ACalendarResetGivesANewAddressEachTimeAndIsAudited) {
  const auto first = app::circles::ResetCalendar(server_.app(), volunteer_);
  ASSERT_TRUE(first);
  EXPECT_NE(first->address.find("/calendar/"), std::string::npos);
  EXPECT_TRUE(first->address.ends_with(".ics"));
  EXPECT_TRUE(first->webcal.starts_with("webcal"));
  const auto second = app::circles::ResetCalendar(server_.app(), volunteer_);
  ASSERT_TRUE(second);
  EXPECT_NE(second->address, first->address);
  EXPECT_EQ(auth_.CountRows("calendar_tokens"), 1);
  EXPECT_EQ(Audited("calendar.reset"), 2u);
  const auto page = app::circles::LoadPortalCircle(server_.app(), volunteer_, circle_);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->has_feed);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppCirclePortal, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppCirclePortal, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
