// Volunteer care (app/volunteers/volunteer_care, app/portal/wellbeing), on SQLite and PostgreSQL:
// closing an urgent concern schedules a debrief for each volunteer in its circle at that moment
// (none for a routine concern), shown on the coordinator's home page until recorded held; a
// volunteer answers the monthly wellbeing check once a month; a fall, the bottom of the scale and
// two months unanswered while in a circle flag the volunteer on the home page; over HTTP, a
// volunteer sees only their own answers, partners and evaluators nothing, and another
// organisation gets 404; an exit interview is recorded once a file is exited, once, and the
// dashboard counts its reasons over the period.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app/concerns/concern_handling.hpp"
#include "app/home/triage.hpp"
#include "app/portal/wellbeing.hpp"
#include "app/reports/report_queries.hpp"
#include "app/volunteers/volunteer_care.hpp"
#include "store/circle_store.hpp"
#include "store/volunteer_care_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using app::volunteers::AttentionReason;
using app::volunteers::VolunteerAttention;

class AppVolunteerCare : public ::testing::TestWithParam<Backend> {
 protected:
  AppVolunteerCare() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    const auto circle = circles_.CreateWeeklyCircle(a_.id, "Marcel Exemple", "2026-001", 100,
                                                    "Solange", "Portail", a_.volunteer.id);
    circle_ = circle.circle_id;
    own_ = circle.volunteer_id;
    second_ =
        volunteers_.CreateVolunteer(a_.id, "Odile", "Membre", domain::VolunteerStage::kActive);
    circles_.AddMember(a_.id, circle_, second_, AddDays(today_, -100));
    const auto gone =
        volunteers_.CreateVolunteer(a_.id, "Gaston", "Parti", domain::VolunteerStage::kActive);
    const auto stay = circles_.AddMember(a_.id, circle_, gone, AddDays(today_, -100));
    const auto ended = server_.app().database.Write(
        store::Scope::Organisation(a_.id), [&](soci::session& session) -> Status {
          store::CircleStore(session).EndMember(stay, a_.id, AddDays(today_, -10), "Déménagé");
          return {};
        });
    EXPECT_TRUE(ended);
  }

  auth::Actor Volunteer() const {
    auto actor = ActorOf(a_.volunteer);
    actor.has_volunteer_file = true;
    return actor;
  }

  // A concern of `severity` about the circle, raised by its volunteer and taken in hand, closed by
  // the coordinator through the app.
  std::int64_t CloseConcern(domain::Severity severity) {
    const auto concern = concerns_.Raise(
        {a_.id, circle_, a_.volunteer.id, own_, domain::ConcernCategory::kHostility, severity});
    concerns_.Acknowledge(a_.id, concern, a_.coordinator.id, true);
    const auto closed = app::concerns::Close(
        server_.app(), ActorOf(a_.coordinator),
        {concern, domain::ConcernOutcome::kResolved, "Situation apaisée (essai)."});
    EXPECT_TRUE(closed) << (closed ? "" : closed.error().message.id);
    return concern;
  }

  std::vector<domain::VolunteerDebrief> DebriefsOf(std::int64_t concern) {
    return server_.app().database.Read(
        store::Scope::Organisation(a_.id), [&](soci::session& session) {
          return store::VolunteerCareStore(session).DebriefsOfConcern(concern, a_.id);
        });
  }

  // The volunteers group of the coordinator's home page, entries of `reason` only (about
  // `volunteer` only, when given).
  std::vector<VolunteerAttention> HomeItems(AttentionReason reason,
                                            std::optional<std::int64_t> volunteer = {}) {
    std::vector<VolunteerAttention> found;
    for (const auto& section : app::home::LoadTriage(server_.app(), ActorOf(a_.coordinator))) {
      if (section.group != app::home::TriageGroup::kVolunteers) continue;
      for (const auto& item : section.items) {
        const auto* entry = std::get_if<VolunteerAttention>(&item.subject);
        if (!entry || entry->reason != reason) continue;
        if (!volunteer || entry->volunteer_id == *volunteer) found.push_back(*entry);
      }
    }
    return found;
  }

  Result<std::int64_t> Answer(int score, const std::string& note = "") {
    return app::portal::AnswerWellbeing(server_.app(), Volunteer(), {score, note});
  }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_, b_;
  CivilDate today_;
  std::int64_t circle_ = 0, own_ = 0, second_ = 0;
};

TEST_P(AppVolunteerCare, ClosingAnUrgentConcernSchedulesADebriefForEachVolunteerOfTheCircle) {
  const auto concern = CloseConcern(domain::Severity::kUrgent);
  const auto debriefs = DebriefsOf(concern);
  ASSERT_EQ(debriefs.size(), 2u) << "the two current members, not the one who left";
  std::set<std::int64_t> volunteers;
  for (const auto& debrief : debriefs) {
    volunteers.insert(debrief.volunteer_id);
    EXPECT_EQ(debrief.due_on, AddDays(today_, domain::kDebriefWithinDays));
    EXPECT_EQ(debrief.circle_id, circle_);
    EXPECT_FALSE(debrief.held());
  }
  EXPECT_EQ(volunteers, (std::set<std::int64_t>{own_, second_}));
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.debrief_schedule", a_.coordinator.id), 2u);

  const auto emergency = CloseConcern(domain::Severity::kEmergency);
  EXPECT_EQ(DebriefsOf(emergency).size(), 2u);
  EXPECT_EQ(HomeItems(AttentionReason::kDebriefDue).size(), 4u);
}

TEST_P(AppVolunteerCare, ARoutineConcernSchedulesNoDebrief) {
  EXPECT_TRUE(DebriefsOf(CloseConcern(domain::Severity::kConcern)).empty());
  EXPECT_TRUE(DebriefsOf(CloseConcern(domain::Severity::kInformation)).empty());
  EXPECT_TRUE(HomeItems(AttentionReason::kDebriefDue).empty());
}

TEST_P(AppVolunteerCare, ADebriefStaysOnTheHomePageUntilRecordedHeld) {
  const auto debriefs = DebriefsOf(CloseConcern(domain::Severity::kUrgent));
  ASSERT_EQ(debriefs.size(), 2u);
  auto due = HomeItems(AttentionReason::kDebriefDue);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].date, AddDays(today_, domain::kDebriefWithinDays));

  const auto coordinator = ActorOf(a_.coordinator);
  // A day in the future is refused and changes nothing.
  const auto refused = app::volunteers::RecordDebrief(
      server_.app(), coordinator, {debriefs[0].id, {AddDays(today_, 1), "Trop tôt."}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(HomeItems(AttentionReason::kDebriefDue).size(), 2u);

  ASSERT_TRUE(app::volunteers::RecordDebrief(server_.app(), coordinator,
                                             {debriefs[0].id, {today_, "Échange d'une heure."}}));
  due = HomeItems(AttentionReason::kDebriefDue);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].debrief_id, debriefs[1].id);
  const auto page = app::volunteers::LoadDebrief(server_.app(), coordinator, debriefs[0].id);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->debrief.held_on, today_);
  EXPECT_EQ(page->debrief.note, "Échange d'une heure.");
  EXPECT_EQ(page->circle_code_name, "Cercle A");
  const auto again = app::volunteers::RecordDebrief(server_.app(), coordinator,
                                                    {debriefs[0].id, {today_, "Encore."}});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.debrief_held", a_.coordinator.id), 1u);

  // Nobody but staff of the organisation reaches a debrief.
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator, &b_.admin}) {
    const auto seen = app::volunteers::LoadDebrief(server_.app(), ActorOf(*user), debriefs[1].id);
    ASSERT_FALSE(seen) << user->email;
    EXPECT_EQ(seen.error().kind, ErrorKind::kNotFound) << user->email;
  }
}

TEST_P(AppVolunteerCare, OneWellbeingAnswerAMonthAndAFallFlagsTheVolunteer) {
  auto check = app::portal::LoadWellbeingCheck(server_.app(), Volunteer());
  ASSERT_TRUE(check);
  EXPECT_FALSE(check->answer);
  EXPECT_FALSE(Answer(0));
  ASSERT_TRUE(Answer(5, "Tout va bien."));
  const auto twice = Answer(3);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  check = app::portal::LoadWellbeingCheck(server_.app(), Volunteer());
  ASSERT_TRUE(check && check->answer);
  EXPECT_EQ(check->answer->score, 5) << "the first answer of the month stays";
  EXPECT_TRUE(HomeItems(AttentionReason::kWellbeingFlag, own_).empty());

  server_.clock().Advance(24h * 31);
  ASSERT_TRUE(Answer(4));
  EXPECT_TRUE(HomeItems(AttentionReason::kWellbeingFlag, own_).empty()) << "5 to 4 is no fall";
  server_.clock().Advance(24h * 31);
  ASSERT_TRUE(Answer(3));
  EXPECT_TRUE(HomeItems(AttentionReason::kWellbeingFlag, own_).empty()) << "4 to 3 is no fall";
  server_.clock().Advance(24h * 31);
  ASSERT_TRUE(Answer(1, "Une semaine difficile."));
  const auto flags = HomeItems(AttentionReason::kWellbeingFlag, own_);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].volunteer_id, own_);
  ASSERT_TRUE(flags[0].wellbeing);
  EXPECT_EQ(flags[0].wellbeing->reason, domain::WellbeingFlagReason::kLowest);

  const auto history =
      app::volunteers::LoadWellbeingHistory(server_.app(), ActorOf(a_.coordinator), own_);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->answers.size(), 4u);
  EXPECT_EQ(history->answers[0].note, "Une semaine difficile.");
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "volunteer.wellbeing_view", a_.coordinator.id), 1u);
}

TEST_P(AppVolunteerCare, AFallOfTwoPointsFlagsTheVolunteer) {
  ASSERT_TRUE(Answer(4));
  server_.clock().Advance(24h * 31);
  ASSERT_TRUE(Answer(2));
  const auto flags = HomeItems(AttentionReason::kWellbeingFlag, own_);
  ASSERT_EQ(flags.size(), 1u);
  ASSERT_TRUE(flags[0].wellbeing);
  EXPECT_EQ(flags[0].wellbeing->reason, domain::WellbeingFlagReason::kFell);
  EXPECT_EQ(flags[0].wellbeing->previous, 4);
  EXPECT_EQ(flags[0].wellbeing->score, 2);
}

TEST_P(AppVolunteerCare, TwoMonthsUnansweredInACircleFlagTheVolunteerUntilTheyAnswer) {
  // Both members joined 100 days ago and never answered.
  auto flags = HomeItems(AttentionReason::kWellbeingFlag);
  ASSERT_EQ(flags.size(), 2u);
  for (const auto& flag : flags) {
    ASSERT_TRUE(flag.wellbeing);
    EXPECT_EQ(flag.wellbeing->reason, domain::WellbeingFlagReason::kUnanswered);
  }
  ASSERT_TRUE(Answer(4));
  flags = HomeItems(AttentionReason::kWellbeingFlag);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].volunteer_id, second_);
}

TEST_P(AppVolunteerCare, OnlyCoordinatorsOfTheOrganisationSeeAVolunteersWellbeing) {
  ASSERT_TRUE(Answer(2, "Note confidentielle de Solange."));
  const std::string own_page = "/volunteers/" + std::to_string(own_) + "/wellbeing";
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto seen = coordinator->Get(own_page);
  ASSERT_EQ(seen.status, 200);
  EXPECT_NE(seen.body.find("Note confidentielle de Solange."), std::string::npos);

  // Another volunteer of the organisation, with a portal of their own.
  const auto other_user = auth_.CreateUser(a_.id, "Odile Membre", "odile@cercles-a.example",
                                           {domain::Role::kVolunteer});
  const auto other_file = volunteers_.CreateVolunteer(
      a_.id, "Odile", "Portail", domain::VolunteerStage::kActive, other_user.id);
  auto other = auth_.SignedInClient(other_user);
  const auto their_portal = other->Get("/portal/wellbeing");
  ASSERT_EQ(their_portal.status, 200);
  EXPECT_EQ(their_portal.body.find("Note confidentielle"), std::string::npos);
  EXPECT_EQ(other->Get(own_page).status, 404);
  EXPECT_EQ(other->Get("/volunteers/" + std::to_string(other_file) + "/wellbeing").status, 404)
      << "not even their own, which is staff's page";

  for (const auto* user : {&a_.partner, &a_.evaluator, &b_.coordinator, &b_.admin, &b_.volunteer}) {
    auto client = auth_.SignedInClient(*user);
    const auto page = client->Get(own_page);
    EXPECT_EQ(page.status, 404) << user->email;
    EXPECT_EQ(page.body.find("Note confidentielle"), std::string::npos) << user->email;
    const auto portal = client->Get("/portal/wellbeing");
    EXPECT_EQ(portal.status, 404) << user->email;
    EXPECT_EQ(portal.body.find("Note confidentielle"), std::string::npos) << user->email;
  }
}

TEST_P(AppVolunteerCare, TheVolunteerAnswersInThePortalAndSeesItDone) {
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto portal = client->Get("/portal");
  ASSERT_EQ(portal.status, 200);
  EXPECT_NE(portal.body.find("href=\"/portal/wellbeing\""), std::string::npos);
  const auto refused = client->PostForm("/portal/wellbeing", {{"score", "9"}}, "/portal/wellbeing");
  EXPECT_EQ(refused.status, 422);
  const auto answered = client->PostForm("/portal/wellbeing", {{"score", "4"}, {"note", "Bien."}},
                                         "/portal/wellbeing");
  EXPECT_EQ(answered.status, 303);
  const auto done = client->Get("/portal/wellbeing?answered=1");
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.body.find("name=\"score\""), std::string::npos);
  EXPECT_EQ(client->Get("/portal").body.find("href=\"/portal/wellbeing\""), std::string::npos);
}

TEST_P(AppVolunteerCare, AnotherOrganisationsDebriefIsNotFoundOverHttp) {
  const auto debriefs = DebriefsOf(CloseConcern(domain::Severity::kUrgent));
  ASSERT_FALSE(debriefs.empty());
  const std::string page = "/volunteers/debriefs/" + std::to_string(debriefs[0].id);
  EXPECT_EQ(auth_.SignedInClient(a_.coordinator)->Get(page).status, 200);
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator}) {
    auto client = auth_.SignedInClient(*user);
    EXPECT_EQ(client->Get(page).status, 404) << user->email;
    EXPECT_EQ(client->PostForm(page, {{"held_on", FormatIsoDate(today_)}}, "/").status, 404)
        << user->email;
  }
  EXPECT_EQ(HomeItems(AttentionReason::kDebriefDue).size(), debriefs.size()) << "nothing held";
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  EXPECT_EQ(coordinator->PostForm(page, {{"held_on", "demain"}}, page).status, 422);
  const auto held = coordinator->PostForm(page, {{"held_on", FormatIsoDate(today_)}}, page);
  EXPECT_EQ(held.status, 303);
  EXPECT_EQ(HomeItems(AttentionReason::kDebriefDue).size(), debriefs.size() - 1);
}

TEST_P(AppVolunteerCare, AnExitInterviewIsRecordedOnceTheFileIsExitedAndItsReasonsCounted) {
  using domain::ExitReason;
  const auto coordinator = ActorOf(a_.coordinator);
  const auto record = [&](std::int64_t volunteer, std::vector<ExitReason> reasons,
                          const std::string& note = "") {
    return app::volunteers::RecordExitInterview(
        server_.app(), coordinator,
        {volunteer, {circles_.Today(), std::move(reasons), false, note}});
  };
  const auto exited = [&](const std::string& first_name) {
    return volunteers_.CreateVolunteer(a_.id, first_name, "Partie",
                                       domain::VolunteerStage::kExited);
  };
  // Not before the file is exited.
  const auto not_yet = record(second_, {ExitReason::kTime});
  ASSERT_FALSE(not_yet);
  EXPECT_EQ(not_yet.error().kind, ErrorKind::kConflict);

  const auto early = exited("Agathe");
  ASSERT_TRUE(record(early, {ExitReason::kTime, ExitReason::kHealth}));
  server_.clock().Advance(24h * 40);
  const std::vector<std::vector<ExitReason>> later = {
      {ExitReason::kTime, ExitReason::kMoved},
      {ExitReason::kEmotionalLoad, ExitReason::kTime},
      {ExitReason::kOther}};
  std::vector<std::int64_t> files;
  for (std::size_t i = 0; i < later.size(); ++i)
    files.push_back(exited("Bénévole" + std::to_string(i)));
  const auto no_note = record(files[2], later[2]);
  ASSERT_FALSE(no_note) << "another reason needs a note";
  EXPECT_EQ(no_note.error().kind, ErrorKind::kInvalid);
  for (std::size_t i = 0; i < later.size(); ++i) {
    ASSERT_TRUE(record(files[i], later[i], "Retour aux études (essai)."));
  }
  const auto twice = record(files[0], {ExitReason::kHealth});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  const auto page = app::volunteers::LoadExitInterview(server_.app(), coordinator, files[1]);
  ASSERT_TRUE(page && page->interview);
  EXPECT_EQ(page->interview->reasons,
            (std::vector<ExitReason>{ExitReason::kTime, ExitReason::kEmotionalLoad}));

  // The dashboard of the last thirty days counts the later three only, reason by reason.
  const auto today = circles_.Today();
  const domain::ReportPeriod period{AddDays(today, -30), today};
  std::map<ExitReason, int> expected;
  for (const auto& reasons : later) {
    for (const auto reason : reasons) ++expected[reason];
  }
  const auto dashboard = app::reports::LoadDashboard(server_.app(), coordinator, period);
  ASSERT_TRUE(dashboard);
  ASSERT_EQ(dashboard->exit_reasons.size(), domain::EnumValues<ExitReason>().size());
  for (const auto& [reason, count] : dashboard->exit_reasons) {
    EXPECT_EQ(count, expected[reason]) << domain::NameOf(reason);
  }

  // Over HTTP: the coordinator reads it; a form without a reason is refused and kept.
  auto client = auth_.SignedInClient(a_.coordinator);
  const std::string href = "/volunteers/" + std::to_string(files[0]) + "/exit-interview";
  const auto shown = client->Get(href);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Retour aux études (essai)."), std::string::npos);
  const std::string fresh = "/volunteers/" + std::to_string(exited("Zoé")) + "/exit-interview";
  const auto refused = client->PostForm(
      fresh, {{"held_on", FormatIsoDate(today)}, {"note", "Gardée (essai)."}}, fresh);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Gardée (essai)."), std::string::npos);
  const auto saved = client->PostForm(
      fresh, {{"held_on", FormatIsoDate(today)}, {"reasons", "moved"}, {"reasons", "health"}},
      fresh);
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("location"), fresh + "?saved=1");

  // Nobody but staff of the organisation reads it.
  for (const auto* user : {&a_.volunteer, &a_.partner, &a_.evaluator, &b_.coordinator}) {
    EXPECT_EQ(auth_.SignedInClient(*user)->Get(href).status, 404) << user->email;
    const auto seen = app::volunteers::LoadExitInterview(server_.app(), ActorOf(*user), early);
    ASSERT_FALSE(seen) << user->email;
    EXPECT_EQ(seen.error().kind, ErrorKind::kNotFound) << user->email;
    const auto written = app::volunteers::RecordExitInterview(
        server_.app(), ActorOf(*user), {early, {today, {ExitReason::kTime}, false, ""}});
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().kind, ErrorKind::kNotFound) << user->email;
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppVolunteerCare, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppVolunteerCare, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
