// The volunteer's portal called without HTTP, on SQLite and PostgreSQL: only the volunteer whose
// account is linked to the file finds it, and its home (their screening, training, hours and
// circles) is audited once; the hours they log are stored as pending and audited, after the form's
// own checks; a closed file logs no more hours; anyone else gets NotFound.
#include <gtest/gtest.h>

#include "app/portal/home.hpp"
#include "app/portal/portal.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::VolunteerStage;

class AppPortal : public ::testing::TestWithParam<Backend> {
 protected:
  AppPortal() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    own_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole", VolunteerStage::kActive,
                                       a_.volunteer.id);
    volunteers_.CreateVolunteer(b_.id, "Odile", "Partie", VolunteerStage::kExited, b_.volunteer.id);
  }

  // Hours typed by the volunteer, read without mistakes.
  app::portal::LogHoursCommand Typed() {
    return {.hours = {.worked_on = AddDays(circles_.Today(), -1),
                      .kind = domain::HoursKind::kTravel,
                      .minutes = 90,
                      .description = "Trajet vers la rencontre (essai)."}};
  }

  TestServer server_{TestServer::Options{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  std::int64_t own_ = 0;
};

TEST_P(AppPortal, OnlyTheVolunteerLinkedToTheFileFindsIt) {
  const auto file = app::portal::FindOwnFile(server_.app(), ActorOf(a_.volunteer));
  ASSERT_TRUE(file);
  EXPECT_EQ(file->id, own_);
  const auto coordinator = app::portal::FindOwnFile(server_.app(), ActorOf(a_.coordinator));
  ASSERT_FALSE(coordinator);
  EXPECT_EQ(coordinator.error().kind, ErrorKind::kNotFound);
  // Two organisations: the welcome page names none.
  EXPECT_FALSE(app::portal::HostedOrganisationName(server_.app()));
}

TEST_P(AppPortal, LoggedHoursAreStoredPendingAndAudited) {
  ASSERT_TRUE(app::portal::LogHours(server_.app(), ActorOf(a_.volunteer), Typed()));
  EXPECT_EQ(auth_.CountRows("volunteer_hours"), 1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.hours_log", a_.volunteer.id), 1u);
}

TEST_P(AppPortal, HoursAreRefusedForMistakesAClosedFileAndAnyoneWithoutAPortal) {
  auto mistaken = Typed();
  mistaken.read = Error::Fields({{"duration", {"Enter a duration.", {}}}});
  const auto refused = app::portal::LogHours(server_.app(), ActorOf(a_.volunteer), mistaken);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "duration");
  const auto closed = app::portal::LogHours(server_.app(), ActorOf(b_.volunteer), Typed());
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().message.id, "Your file is closed: hours can no longer be logged.");
  const auto staff = app::portal::LogHours(server_.app(), ActorOf(a_.coordinator), Typed());
  ASSERT_FALSE(staff);
  EXPECT_EQ(staff.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(auth_.CountRows("volunteer_hours"), 0);
}

TEST_P(AppPortal, TheHomeShowsTheFilesScreeningTrainingHoursAndCirclesAuditedOnce) {
  const auto today = circles_.Today();
  volunteers_.AddFullScreening(a_.id, own_, AddDays(today, -100));
  volunteers_.AddTrainingSession(a_.id, 0, AddDays(today, -90), 15 * 60, {own_});
  const auto core_member = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001");
  const auto circle = circles_.CreateCircle(a_.id, core_member, domain::CirclePhase::kWeekly,
                                            AddDays(today, -60), AddDays(today, -60));
  circles_.AddMember(a_.id, circle, own_, AddDays(today, -60));
  ASSERT_TRUE(app::portal::LogHours(server_.app(), ActorOf(a_.volunteer), Typed()));

  const auto home = app::portal::LoadPortalHome(server_.app(), ActorOf(a_.volunteer), {});
  ASSERT_TRUE(home);
  EXPECT_EQ(home->volunteer.id, own_);
  EXPECT_FALSE(home->items.empty());
  EXPECT_EQ(home->attendance.size(), 1u);
  EXPECT_EQ(home->logged.own_page.size(), 1u);
  ASSERT_EQ(home->circles.size(), 1u);
  EXPECT_EQ(home->circles.front().circle.id, circle);
  EXPECT_TRUE(home->can_log_hours);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.view_own", a_.volunteer.id), 1u);
  ASSERT_TRUE(app::portal::LoadPortalHome(server_.app(), ActorOf(a_.volunteer), {},
                                          app::circles::ViewAudit::kSkip));
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.view_own", a_.volunteer.id), 1u);

  const auto closed = app::portal::LoadPortalHome(server_.app(), ActorOf(b_.volunteer), {});
  ASSERT_TRUE(closed);
  EXPECT_FALSE(closed->can_log_hours) << "a closed file logs no more hours";
  const auto staff = app::portal::LoadPortalHome(server_.app(), ActorOf(a_.coordinator), {});
  ASSERT_FALSE(staff);
  EXPECT_EQ(staff.error().kind, ErrorKind::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppPortal, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppPortal, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
