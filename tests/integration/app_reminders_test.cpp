// Reminders and the weekly digest by mail (app/reminders/), on SQLite and PostgreSQL, with the
// test's manual clock and delivered to a real SMTP server (tests/support/smtp_sink.py): the writer
// is reminded of their minutes a day after the meeting and told they are late at two days; a
// screening item expiring soon reminds the coordinators and the volunteer; a review and a
// follow-up due remind the coordinators; the digest goes to each coordinator on Monday from 7:00
// with every group of the home page and its count; each reminder goes once; what a person turned
// off on /account/reminders does not go; and no mail names a person or a file.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/intake/core_members.hpp"
#include "app/reminders/reminders.hpp"
#include "store/reminder_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using domain::ReminderKind;

class AppReminders : public ::testing::TestWithParam<Backend> {
 protected:
  AppReminders() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    second_coordinator_ = auth_.CreateUser(a_.id, "Bruno Second", "second@cercles-a.example",
                                           {domain::Role::kCoordinator});
    today_ = circles_.Today();
    const auto circle = circles_.CreateWeeklyCircle(a_.id, "Marcel Exemple", "2026-001", 20,
                                                    "Solange", "Brouillon", a_.volunteer.id);
    circle_ = circle.circle_id;
    writer_ = circle.volunteer_id;
    volunteers_.AddFullScreening(a_.id, writer_, AddDays(today_, -100));
  }

  // Runs the reminders as the scheduler does, delivers the mail to the SMTP server and returns
  // the messages that arrived since the last call.
  std::vector<ReceivedMail> Run() {
    const int queued = app::reminders::SendDueReminders(server_.app());
    const int delivered = server_.runtime().mail_sender().DeliverDue();
    EXPECT_EQ(delivered, queued);
    auto received = sink_.WaitFor(seen_ + static_cast<std::size_t>(queued), 10s);
    std::vector<ReceivedMail> fresh(received.begin() + static_cast<std::ptrdiff_t>(seen_),
                                    received.end());
    seen_ = received.size();
    all_.insert(all_.end(), fresh.begin(), fresh.end());
    return fresh;
  }

  // The messages of `mails` to `email`.
  static std::vector<ReceivedMail> To(const std::vector<ReceivedMail>& mails,
                                      const std::string& email) {
    std::vector<ReceivedMail> to;
    std::copy_if(mails.begin(), mails.end(), std::back_inserter(to),
                 [&](const ReceivedMail& mail) { return mail.envelope_to == email; });
    return to;
  }

  static bool Says(const ReceivedMail& mail, const std::string& text) {
    return mail.body.find(text) != std::string::npos;
  }

  // Turns off every reminder of `user` but those in `on`, as /account/reminders does.
  void KeepOn(const TestUser& user, std::vector<std::string> on, bool has_file = false) {
    auto actor = ActorOf(user);
    actor.has_volunteer_file = has_file;
    ASSERT_TRUE(app::reminders::SaveReminderChoices(server_.app(), actor, {std::move(on)}));
  }

  // A meeting of the circle that ends now, its minutes asked of the writer.
  std::int64_t MeetingEndingNow() {
    return circles_.AddMeeting(a_.id, circle_, server_.clock().Now() - 2h, writer_);
  }

  SmtpSink sink_;
  TestServer server_{
      {.backend = GetParam(),
       .configure = [this](config::Config& config) { config.mail.smtp_url = sink_.url(); },
       .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_;
  TestUser second_coordinator_;
  CivilDate today_;
  std::int64_t circle_ = 0, writer_ = 0;
  std::size_t seen_ = 0;
  std::vector<ReceivedMail> all_;  // every message of the test
};

TEST_P(AppReminders, TheWriterIsRemindedADayAfterTheMeetingAndToldAtTwoDaysThatTheMinutesAreLate) {
  Run();  // whatever is due at the start (the digest) goes first
  const auto meeting = MeetingEndingNow();
  const std::string link = "/portal/meetings/" + std::to_string(meeting);
  server_.clock().Advance(23h);
  EXPECT_TRUE(To(Run(), a_.volunteer.email).empty()) << "not before a day";

  server_.clock().Advance(1h + 1min);
  auto mails = To(Run(), a_.volunteer.email);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "Un rappel de Cercle");
  EXPECT_TRUE(Says(mails[0], "Cercle A : le compte rendu de la rencontre du")) << mails[0].body;
  EXPECT_TRUE(Says(mails[0], "est attendu")) << mails[0].body;
  EXPECT_TRUE(Says(mails[0], link)) << mails[0].body;
  EXPECT_TRUE(Says(mails[0], "/account/reminders")) << mails[0].body;
  EXPECT_TRUE(To(Run(), a_.volunteer.email).empty()) << "once";

  server_.clock().Advance(24h);
  mails = To(Run(), a_.volunteer.email);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(Says(mails[0], "est en retard")) << mails[0].body;
  EXPECT_TRUE(Says(mails[0], link)) << mails[0].body;
  EXPECT_TRUE(To(Run(), a_.volunteer.email).empty()) << "once";

  // Minutes written in time: no reminder.
  const auto written = MeetingEndingNow();
  circles_.AddMinutes(a_.id, written, writer_, {}, server_.clock().Now() + 1h);
  server_.clock().Advance(25h);
  EXPECT_TRUE(To(Run(), a_.volunteer.email).empty());
}

TEST_P(AppReminders, AScreeningItemExpiringSoonRemindsEachCoordinatorAndTheVolunteerOnce) {
  Run();
  volunteers_.AddScreeningItem(a_.id, writer_, 0, AddDays(today_, -10),
                               domain::ScreeningResult::kPassed, "", AddDays(today_, 20));
  const auto mails = Run();
  const auto coordinator = To(mails, a_.coordinator.email);
  ASSERT_EQ(coordinator.size(), 1u);
  EXPECT_TRUE(Says(coordinator[0], "/volunteers/" + std::to_string(writer_) + "#screening"))
      << coordinator[0].body;
  EXPECT_EQ(To(mails, second_coordinator_.email).size(), 1u);
  const auto volunteer = To(mails, a_.volunteer.email);
  ASSERT_EQ(volunteer.size(), 1u);
  EXPECT_TRUE(Says(volunteer[0], "Une de vos vérifications expire le")) << volunteer[0].body;
  EXPECT_TRUE(Says(volunteer[0], "/portal")) << volunteer[0].body;
  EXPECT_TRUE(To(mails, a_.admin.email).empty()) << "administrators get no reminders";

  server_.clock().Advance(1h);
  EXPECT_TRUE(Run().empty()) << "each once";
}

TEST_P(AppReminders, AReviewAndAFollowUpDueRemindTheCoordinators) {
  Run();
  // The circle started 20 days ago: its first review (3 months) comes within 30 days after 65.
  const auto closed = intake_.CreateCoreMember(a_.id, "Hervé Fermé", "2026-002");
  ASSERT_TRUE(app::intake::MoveCoreMember(
      server_.app(), ActorOf(a_.coordinator),
      {closed, domain::CoreMemberStatus::kClosed, "Fin du suivi (essai)"}));
  server_.clock().Advance(std::chrono::days(65));
  auto mails = To(Run(), a_.coordinator.email);
  ASSERT_FALSE(mails.empty());
  std::string bodies;
  for (const auto& mail : mails) bodies += mail.body;
  EXPECT_NE(bodies.find("Cercle A : une revue est prévue le"), std::string::npos) << bodies;
  EXPECT_NE(bodies.find("/circles/" + std::to_string(circle_)), std::string::npos) << bodies;

  // The 6-month follow-up of the closed file, due within 14 days.
  server_.clock().Advance(std::chrono::days(110));
  mails = To(Run(), a_.coordinator.email);
  bodies.clear();
  for (const auto& mail : mails) bodies += mail.body;
  EXPECT_NE(bodies.find("Le suivi de 6 mois d'un dossier fermé est prévu le"), std::string::npos)
      << bodies;
  EXPECT_NE(bodies.find("/core-members/" + std::to_string(closed)), std::string::npos) << bodies;
}

TEST_P(AppReminders, TheDigestGoesToEachCoordinatorOnMondayFromSevenWithEveryGroupAndItsCount) {
  // Monday 30 November, 5:00 in Montréal: too early.
  server_.clock().Set(kTestStart - 4h);
  EXPECT_TRUE(To(Run(), a_.coordinator.email).empty());
  server_.clock().Set(kTestStart - 2h);  // 7:00
  auto mails = Run();
  const auto digest = To(mails, a_.coordinator.email);
  ASSERT_EQ(digest.size(), 1u);
  EXPECT_EQ(digest[0].subject, "Votre semaine dans Cercle (30 novembre 2026)");
  // Every group, with its count (the circle has met no one for 20 days: a follow-up).
  for (const char* group :
       {"- Préoccupations dont prendre acte : 0\n", "- Comptes rendus à lire ou en retard : 0\n",
        "- Dates légales : 0\n", "- Bénévoles : 0\n", "- Bilans et renouvellements : 0\n",
        "- Suivis : 2\n"})
    EXPECT_TRUE(Says(digest[0], group)) << group << "\n" << digest[0].body;
  EXPECT_EQ(To(mails, second_coordinator_.email).size(), 1u);
  EXPECT_TRUE(To(mails, a_.volunteer.email).empty());
  EXPECT_TRUE(To(mails, a_.admin.email).empty());

  server_.clock().Advance(3h);
  EXPECT_TRUE(To(Run(), a_.coordinator.email).empty()) << "once a week";
  server_.clock().Advance(24h);
  EXPECT_TRUE(To(Run(), a_.coordinator.email).empty()) << "Tuesday";
  // The next Monday, with a meeting whose minutes are late on the home page.
  MeetingEndingNow();
  server_.clock().Set(kTestStart + std::chrono::days(7) - 2h);
  mails = To(Run(), a_.coordinator.email);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(Says(mails[0], "Comptes rendus à lire ou en retard : 1")) << mails[0].body;
}

TEST_P(AppReminders, WhatSomeoneTurnedOffDoesNotGo) {
  KeepOn(a_.coordinator, {"screening_expiring", "review_due", "follow_up_due"});
  KeepOn(a_.volunteer, {"minutes_late"}, true);
  server_.clock().Set(kTestStart - 2h);
  auto mails = Run();
  EXPECT_TRUE(To(mails, a_.coordinator.email).empty()) << "no digest";
  EXPECT_EQ(To(mails, second_coordinator_.email).size(), 1u) << "the other coordinator's digest";

  MeetingEndingNow();
  server_.clock().Advance(25h);
  EXPECT_TRUE(To(Run(), a_.volunteer.email).empty()) << "the day-after reminder is off";
  server_.clock().Advance(24h);
  const auto late = To(Run(), a_.volunteer.email);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_TRUE(Says(late[0], "est en retard")) << late[0].body;
}

TEST_P(AppReminders, NoMailNamesAPersonOrAFile) {
  volunteers_.AddScreeningItem(a_.id, writer_, 0, AddDays(today_, -10),
                               domain::ScreeningResult::kPassed, "", AddDays(today_, 20));
  MeetingEndingNow();
  server_.clock().Set(kTestStart - 2h);
  Run();
  server_.clock().Advance(49h);
  Run();
  server_.clock().Advance(std::chrono::days(70));
  Run();
  ASSERT_GE(all_.size(), 6u);
  for (const auto& mail : all_) {
    for (const std::string& name :
         std::vector<std::string>{"Marcel", "Exemple", "2026-001", "Solange", "Brouillon",
                                  a_.coordinator.display_name, a_.volunteer.display_name}) {
      EXPECT_EQ(mail.body.find(name), std::string::npos) << name << " in\n" << mail.body;
      EXPECT_EQ(mail.subject.find(name), std::string::npos) << name << " in " << mail.subject;
    }
  }
}

TEST_P(AppReminders, ChoicesAreEachPersonsOwnAndAnUnknownOneChangesNothing) {
  auto volunteer = ActorOf(a_.volunteer);
  volunteer.has_volunteer_file = true;
  auto page = app::reminders::LoadRemindersPage(server_.app(), volunteer);
  ASSERT_EQ(page.choices.size(), 3u);
  EXPECT_TRUE(std::all_of(page.choices.begin(), page.choices.end(),
                          [](const auto& choice) { return choice.on; }));

  ASSERT_TRUE(app::reminders::SaveReminderChoices(server_.app(), volunteer, {{"minutes_late"}}));
  page = app::reminders::LoadRemindersPage(server_.app(), volunteer);
  EXPECT_FALSE(page.choices[0].on);
  EXPECT_TRUE(page.choices[1].on);
  EXPECT_FALSE(page.choices[2].on);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "account.reminders", a_.volunteer.id), 1u);

  // The digest is not a volunteer's: refused, and nothing changed.
  const auto refused =
      app::reminders::SaveReminderChoices(server_.app(), volunteer, {{"weekly_digest"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(app::reminders::LoadRemindersPage(server_.app(), volunteer).choices[1].on, true);

  // The coordinator's choices are theirs alone.
  const auto coordinator =
      app::reminders::LoadRemindersPage(server_.app(), ActorOf(a_.coordinator));
  ASSERT_EQ(coordinator.choices.size(), 4u);
  EXPECT_TRUE(std::all_of(coordinator.choices.begin(), coordinator.choices.end(),
                          [](const auto& choice) { return choice.on; }));
  EXPECT_TRUE(
      app::reminders::LoadRemindersPage(server_.app(), ActorOf(a_.partner)).choices.empty());
}

// The server's scheduler looks for reminders at its first pass and then every 10 minutes, unless
// `[scheduler] reminders` is false.
TEST_P(AppReminders, TheSchedulerLooksForRemindersEveryTenMinutesUnlessTurnedOff) {
  EXPECT_EQ(server_.runtime().scheduler().RunOnce(), 0) << "off on the test server";

  TestServer::Options options{.backend = GetParam(), .listen = false};
  options.configure = [](config::Config& config) { config.scheduler.reminders = true; };
  TestServer server(options);
  AuthFixture auth(server);
  const auto organisation = auth.CreateOrganisationWithEveryRole("Cercles C (essai)", "cercles-c");
  EXPECT_EQ(server.runtime().scheduler().RunOnce(), 1) << "Monday 9:00: the coordinator's digest";
  auth.CreateUser(organisation.id, "Bruno Second", "second@cercles-c.example",
                  {domain::Role::kCoordinator});
  server.clock().Advance(9min);
  EXPECT_EQ(server.runtime().scheduler().RunOnce(), 0) << "not looked for again yet";
  server.clock().Advance(1min);
  EXPECT_EQ(server.runtime().scheduler().RunOnce(), 1) << "the new coordinator's digest";
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppReminders, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppReminders, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
