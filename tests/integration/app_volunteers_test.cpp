// The volunteer workflows of the application layer, called without HTTP on SQLite and PostgreSQL:
// each command changes what its page query then shows, writes its audit entry, and refuses another
// organisation's actor as if the record did not exist.
#include <gtest/gtest.h>

#include <map>

#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/training.hpp"
#include "app/volunteers/volunteer_attention.hpp"
#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

namespace volunteers = app::volunteers;
using domain::VolunteerStage;
using volunteers::RecordView;

class AppVolunteers : public ::testing::TestWithParam<Backend> {
 protected:
  AppVolunteers() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    other_ = auth_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
  }

  const app::Services& services() { return server_.app(); }
  auth::Actor Coordinator() { return ActorOf(organisation_.coordinator); }
  auth::Actor Admin() { return ActorOf(organisation_.admin); }
  auth::Actor Stranger() { return ActorOf(other_.coordinator); }
  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(organisation_.id, action);
  }
  std::int64_t NewVolunteer(VolunteerStage stage, std::optional<std::int64_t> user = {}) {
    return fixture_.CreateVolunteer(organisation_.id, "Rosalie", "Essai", stage, user, "",
                                    organisation_.coordinator.id);
  }
  volunteers::FilePage File(std::int64_t id) {
    auto page = volunteers::LoadFilePage(services(), Coordinator(), id, {}, RecordView::kNo);
    EXPECT_TRUE(page);
    return page ? *page : volunteers::FilePage{};
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture fixture_{server_};
  TestOrganisation organisation_;
  TestOrganisation other_;
};

TEST_P(AppVolunteers, CreateVolunteerOpensAFileAtInquiry) {
  const auto created = volunteers::CreateVolunteer(services(), Coordinator(),
                                                   {.first_name = "Lucie",
                                                    .last_name = "Fictive",
                                                    .email = "lucie@courriel.example",
                                                    .date_of_birth = "1990-04-02",
                                                    .heard_about = domain::HeardAbout::kMedia});
  ASSERT_TRUE(created);
  const auto page = File(*created);
  EXPECT_EQ(page.volunteer.FullName(), "Lucie Fictive");
  EXPECT_EQ(page.volunteer.stage, VolunteerStage::kInquiry);
  EXPECT_EQ(page.history.size(), 1u);
  EXPECT_EQ(Audited("volunteer.create"), 1u);

  const auto refused = volunteers::CreateVolunteer(services(), ActorOf(organisation_.partner),
                                                   {.first_name = "A", .last_name = "B"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  const auto invalid = volunteers::CreateVolunteer(services(), Coordinator(),
                                                   {.first_name = "", .last_name = "Fictive"});
  ASSERT_FALSE(invalid);
  EXPECT_FALSE(invalid.error().fields.empty());
  EXPECT_EQ(Audited("volunteer.create"), 1u);
}

TEST_P(AppVolunteers, UpdateVolunteerStoresDetailsAndRefusesAnotherOrganisation) {
  const auto id = NewVolunteer(VolunteerStage::kOrientation);
  const volunteers::UpdateVolunteerCommand command{
      .volunteer_id = id,
      .details = {.first_name = "Rosalie", .last_name = "Exemple", .region = "Laval"}};
  ASSERT_TRUE(volunteers::UpdateVolunteer(services(), Coordinator(), command));
  EXPECT_EQ(File(id).volunteer.region, "Laval");
  EXPECT_EQ(Audited("volunteer.update"), 1u);

  const auto refused = volunteers::UpdateVolunteer(services(), Stranger(), command);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound);
  // An account that is not a volunteer's cannot be linked.
  auto linked = command;
  linked.details.user_id = organisation_.partner.id;
  const auto unlinkable = volunteers::UpdateVolunteer(services(), Coordinator(), linked);
  ASSERT_FALSE(unlinkable);
  ASSERT_EQ(unlinkable.error().fields.size(), 1u);
  EXPECT_EQ(unlinkable.error().fields[0].field, "user_id");
}

TEST_P(AppVolunteers, MoveStageFollowsThePipeline) {
  const auto id = NewVolunteer(VolunteerStage::kInquiry);
  ASSERT_TRUE(volunteers::MoveStage(
      services(), Coordinator(),
      {.volunteer_id = id, .to = VolunteerStage::kOrientation, .reason = "Séance d'information."}));
  const auto page = File(id);
  EXPECT_EQ(page.volunteer.stage, VolunteerStage::kOrientation);
  EXPECT_EQ(page.history.back().reason, "Séance d'information.");
  EXPECT_EQ(Audited("volunteer.stage"), 1u);

  const auto skipped =
      volunteers::MoveStage(services(), Coordinator(),
                            {.volunteer_id = id, .to = VolunteerStage::kActive, .reason = "x"});
  ASSERT_FALSE(skipped);
  EXPECT_EQ(skipped.error().kind, ErrorKind::kInvalid);
  const auto stranger = volunteers::MoveStage(
      services(), Stranger(), {.volunteer_id = id, .to = VolunteerStage::kTraining, .reason = "x"});
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(File(id).volunteer.stage, VolunteerStage::kOrientation);
}

TEST_P(AppVolunteers, AddSupervisionShowsOnTheFile) {
  const auto id = NewVolunteer(VolunteerStage::kActive);
  ASSERT_TRUE(volunteers::AddSupervision(services(), Coordinator(),
                                         {.volunteer_id = id,
                                          .held_on = fixture_.Today(),
                                          .kind = domain::SupervisionKind::kDebriefing,
                                          .notes = "Rencontre difficile."}));
  const auto page = File(id);
  ASSERT_EQ(page.supervision.size(), 1u);
  EXPECT_EQ(page.supervision[0].kind, domain::SupervisionKind::kDebriefing);
  EXPECT_FALSE(page.supervision_overdue_days);
  EXPECT_EQ(Audited("volunteer.supervision"), 1u);
  const auto future = volunteers::AddSupervision(
      services(), Coordinator(), {.volunteer_id = id, .held_on = AddDays(fixture_.Today(), 3)});
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields[0].field, "held_on");
}

TEST_P(AppVolunteers, HoursLoggedByCoordinatorAreApprovedAndOwnHoursAwaitReview) {
  const auto id = NewVolunteer(VolunteerStage::kActive, organisation_.volunteer.id);
  const auto logged = volunteers::LogHours(services(), Coordinator(),
                                           {.volunteer_id = id,
                                            .worked_on = fixture_.Today(),
                                            .kind = domain::HoursKind::kTravel,
                                            .minutes = 90,
                                            .description = "Trajets"});
  ASSERT_TRUE(logged);
  const auto own = volunteers::LogOwnHours(
      services(), ActorOf(organisation_.volunteer),
      {.worked_on = fixture_.Today(), .kind = domain::HoursKind::kPhoneContact, .minutes = 30});
  ASSERT_TRUE(own);
  const auto page = File(id);
  ASSERT_EQ(page.logged.own_total, 2);
  EXPECT_EQ(Audited("volunteer.hours_log"), 2u);
  auto hours = volunteers::LoadHoursPage(services(), Coordinator(), {});
  ASSERT_TRUE(hours);
  ASSERT_EQ(hours->pending_total, 1);
  EXPECT_EQ(hours->pending[0].id, *own);
  EXPECT_EQ(hours->year_approved.total, 90);

  ASSERT_TRUE(volunteers::ReviewHours(
      services(), Coordinator(), {.entry_id = *own, .decision = domain::HoursStatus::kApproved}));
  hours = volunteers::LoadHoursPage(services(), Coordinator(), {});
  EXPECT_EQ(hours->pending_total, 0);
  EXPECT_EQ(hours->year_approved.total, 120);
  const auto again = volunteers::ReviewHours(
      services(), Coordinator(), {.entry_id = *own, .decision = domain::HoursStatus::kRejected});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  const auto stranger = volunteers::ReviewHours(
      services(), Stranger(), {.entry_id = *own, .decision = domain::HoursStatus::kRejected});
  EXPECT_EQ(stranger.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(Audited("volunteer.hours_review"), 1u);
  EXPECT_EQ(volunteers::LoadHoursPage(services(), ActorOf(organisation_.partner), {}).error().kind,
            ErrorKind::kForbidden);
}

TEST_P(AppVolunteers, ScreeningIsRecordedThenWithdrawnOnce) {
  const auto id = NewVolunteer(VolunteerStage::kScreening);
  const auto types = fixture_.Setup(organisation_.id).types;
  const auto recorded = volunteers::RecordScreening(services(), Coordinator(),
                                                    {.volunteer_id = id,
                                                     .type_id = types[2].id,
                                                     .completed_on = AddDays(fixture_.Today(), -2),
                                                     .result = domain::ScreeningResult::kPassed});
  ASSERT_TRUE(recorded);
  ASSERT_EQ(File(id).items.size(), 1u);
  EXPECT_EQ(Audited("volunteer.screening_record"), 1u);
  const auto unknown_type = volunteers::RecordScreening(
      services(), Coordinator(),
      {.volunteer_id = id, .type_id = 999999, .completed_on = fixture_.Today()});
  ASSERT_FALSE(unknown_type);
  EXPECT_EQ(unknown_type.error().fields[0].field, "type");

  const auto no_reason = volunteers::WithdrawScreening(services(), Coordinator(),
                                                       {.item_id = *recorded, .reason = " "});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields[0].field, "reason");
  EXPECT_EQ(volunteers::WithdrawScreening(services(), Stranger(),
                                          {.item_id = *recorded, .reason = "Erreur."})
                .error()
                .kind,
            ErrorKind::kNotFound);
  const auto withdrawn = volunteers::WithdrawScreening(services(), Coordinator(),
                                                       {.item_id = *recorded, .reason = "Erreur."});
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(*withdrawn, id);
  EXPECT_TRUE(File(id).items[0].withdrawn_at.has_value());
  const auto twice = volunteers::WithdrawScreening(services(), Coordinator(),
                                                   {.item_id = *recorded, .reason = "Erreur."});
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(Audited("volunteer.screening_withdraw"), 1u);
}

TEST_P(AppVolunteers, AStepForwardNeedsNoReasonAndAStepBackDoes) {
  const auto id = NewVolunteer(VolunteerStage::kOrientation);
  ASSERT_TRUE(volunteers::MoveStage(services(), Coordinator(),
                                    {.volunteer_id = id, .to = VolunteerStage::kTraining}));
  EXPECT_EQ(File(id).volunteer.stage, VolunteerStage::kTraining);
  EXPECT_EQ(File(id).history.back().reason, "");
  const auto no_reason = volunteers::MoveStage(
      services(), Coordinator(), {.volunteer_id = id, .to = VolunteerStage::kOrientation});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
  EXPECT_EQ(File(id).volunteer.stage, VolunteerStage::kTraining);
  ASSERT_TRUE(volunteers::MoveStage(
      services(), Coordinator(),
      {.volunteer_id = id, .to = VolunteerStage::kOrientation, .reason = "Inscrite trop tôt."}));
  EXPECT_EQ(File(id).volunteer.stage, VolunteerStage::kOrientation);
  EXPECT_EQ(File(id).history.back().reason, "Inscrite trop tôt.");
  EXPECT_EQ(Audited("volunteer.stage"), 2u);
}

TEST_P(AppVolunteers, ScreeningRowsAreSavedTogetherOrNotAtAll) {
  const auto id = NewVolunteer(VolunteerStage::kScreening);
  const auto types = fixture_.Setup(organisation_.id).types;
  const std::string yesterday = FormatIsoDate(AddDays(fixture_.Today(), -1));
  const std::string tomorrow = FormatIsoDate(AddDays(fixture_.Today(), 1));
  std::vector<volunteers::ScreeningRow> rows = {
      {"row-0", types[0].id, yesterday, "passed", ""},
      {"row-1", types[1].id, yesterday, "passed", ""},
      {"row-2", types[1].id, "", "passed", ""},  // left empty: skipped
      {"row-3", types[2].id, yesterday, "pending", ""},
      {"row-4", types[3].id, tomorrow, "passed", ""},  // in the future
  };
  const auto refused = volunteers::RecordScreeningRows(services(), Coordinator(),
                                                       {.volunteer_id = id, .rows = rows});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "row-4-completed_on");
  EXPECT_TRUE(File(id).items.empty()) << "one wrong row saves nothing";
  EXPECT_EQ(Audited("volunteer.screening_record"), 0u);

  // A result chosen without a date, and a date that is no date, are the rows' errors too.
  rows[4].completed_on = "";
  rows[4].result = "failed";
  rows[2].expires_on = "31/12/2030";
  rows[2].completed_on = yesterday;
  const auto two_rows = volunteers::RecordScreeningRows(services(), Coordinator(),
                                                        {.volunteer_id = id, .rows = rows});
  ASSERT_FALSE(two_rows);
  ASSERT_EQ(two_rows.error().fields.size(), 2u);
  EXPECT_EQ(two_rows.error().fields[0].field, "row-2-expires_on");
  EXPECT_EQ(two_rows.error().fields[1].field, "row-4-completed_on");
  EXPECT_TRUE(File(id).items.empty());

  rows[2].expires_on = "";
  rows[4] = {"row-4", types[3].id, "", "passed", ""};
  const auto saved = volunteers::RecordScreeningRows(services(), Coordinator(),
                                                     {.volunteer_id = id, .rows = rows});
  ASSERT_TRUE(saved) << saved.error().message.id;
  EXPECT_EQ(*saved, 4);
  const auto page = File(id);
  ASSERT_EQ(page.items.size(), 4u);
  EXPECT_EQ(Audited("volunteer.screening_record"), 4u);
  // The police check got its usual validity; the interview is being checked.
  for (const auto& item : page.items) {
    if (item.type_id == types[0].id) {
      EXPECT_EQ(item.expires_on, AddMonths(AddDays(fixture_.Today(), -1), 36));
    }
    if (item.type_id == types[2].id) {
      EXPECT_EQ(item.result, domain::ScreeningResult::kPending);
    }
    EXPECT_EQ(item.checked_by, organisation_.coordinator.id);
  }

  const std::vector<volunteers::ScreeningRow> empty = {{"row-0", types[0].id, "", "passed", ""}};
  const auto nothing = volunteers::RecordScreeningRows(services(), Coordinator(),
                                                       {.volunteer_id = id, .rows = empty});
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().kind, ErrorKind::kInvalid);
  const auto stranger =
      volunteers::RecordScreeningRows(services(), Stranger(), {.volunteer_id = id, .rows = rows});
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(File(id).items.size(), 4u);
  EXPECT_EQ(Audited("volunteer.screening_record"), 4u);
}

TEST_P(AppVolunteers, AMultiDayTrainingIsOneEntryWithItsHoursAndAFilteredRoster) {
  const auto in_training = NewVolunteer(VolunteerStage::kTraining);
  const auto in_screening =
      fixture_.CreateVolunteer(organisation_.id, "Ulysse", "Exemple", VolunteerStage::kScreening);
  const auto modules = fixture_.Setup(organisation_.id).modules;
  const auto first_day = AddDays(fixture_.Today(), -3);
  const auto created = volunteers::CreateTrainingSession(services(), Coordinator(),
                                                         {.module_id = modules[0].id,
                                                          .held_on = first_day,
                                                          .ends_on = AddDays(first_day, 2),
                                                          .duration_minutes = 15 * 60,
                                                          .title = "Fin de semaine intensive"});
  ASSERT_TRUE(created);
  EXPECT_EQ(Audited("training.session_create"), 1u);
  const auto roster = volunteers::LoadTrainingSessionPage(services(), Coordinator(), *created,
                                                          {.stage = VolunteerStage::kTraining});
  ASSERT_TRUE(roster);
  EXPECT_EQ(roster->session.ends_on, AddDays(first_day, 2));
  EXPECT_EQ(roster->session.duration_minutes, 15 * 60);
  ASSERT_EQ(roster->roster.size(), 1u) << "only the volunteer in training";
  EXPECT_EQ(roster->roster[0].id, in_training);
  ASSERT_TRUE(volunteers::SaveAttendance(
      services(), Coordinator(), {.session_id = *created, .attendance = {{in_training, 15 * 60}}}));
  EXPECT_EQ(Audited("training.attendance"), 1u);
  // The whole basic training in one entry: the module is complete.
  const auto progress = domain::SummariseTraining(modules, File(in_training).attendance);
  ASSERT_FALSE(progress.empty());
  EXPECT_TRUE(progress[0].complete());
  // Filtered to another step, the roster still shows who attended, and searches by name.
  const auto screening = volunteers::LoadTrainingSessionPage(
      services(), Coordinator(), *created,
      {.stage = VolunteerStage::kScreening, .search = "ulysse"});
  ASSERT_TRUE(screening);
  ASSERT_EQ(screening->roster.size(), 2u);
  // By last name: Essai, then Exemple.
  EXPECT_EQ(screening->roster[0].id, in_training);
  EXPECT_EQ(screening->roster[1].id, in_screening);

  // Backwards dates and too many hours a day are refused, and nothing is stored.
  const auto backwards = volunteers::CreateTrainingSession(services(), Coordinator(),
                                                           {.module_id = modules[0].id,
                                                            .held_on = first_day,
                                                            .ends_on = AddDays(first_day, -1),
                                                            .duration_minutes = 60});
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().fields.at(0).field, "ends_on");
  const auto too_long = volunteers::CreateTrainingSession(services(), Coordinator(),
                                                          {.module_id = modules[0].id,
                                                           .held_on = first_day,
                                                           .ends_on = AddDays(first_day, 1),
                                                           .duration_minutes = 25 * 60});
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().fields.at(0).field, "duration");
  EXPECT_EQ(Audited("training.session_create"), 1u);
  EXPECT_EQ(volunteers::LoadTrainingSessionPage(services(), Stranger(), *created).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(
      volunteers::SaveAttendance(services(), Stranger(), {.session_id = *created, .attendance = {}})
          .error()
          .kind,
      ErrorKind::kNotFound);
}

TEST_P(AppVolunteers, AdministratorsAdjustTypesAndModules) {
  const auto added = volunteers::AddScreeningType(
      services(), Admin(), {.name = "Formation en ligne", .required = true, .required_count = 1});
  ASSERT_TRUE(added);
  auto setup = volunteers::LoadSetupPage(services(), Admin());
  ASSERT_TRUE(setup);
  EXPECT_EQ(setup->screening_types.back().name, "Formation en ligne");
  ASSERT_TRUE(volunteers::UpdateScreeningType(
      services(), Admin(), {.id = *added, .name = "Formation en ligne", .active = false}));
  EXPECT_FALSE(volunteers::LoadSetupPage(services(), Admin())->screening_types.back().active);
  EXPECT_EQ(Audited("volunteer_setup.screening_type"), 2u);
  EXPECT_EQ(volunteers::UpdateScreeningType(services(), ActorOf(other_.admin),
                                            {.id = *added, .name = "x"})
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(volunteers::LoadSetupPage(services(), Coordinator()).error().kind,
            ErrorKind::kForbidden);

  const auto module = volunteers::AddTrainingModule(
      services(), Admin(), {.name = "Premiers soins", .required_minutes = 120});
  ASSERT_TRUE(module);
  ASSERT_TRUE(volunteers::UpdateTrainingModule(
      services(), Admin(), {.id = *module, .name = "Premiers soins", .required_minutes = 180}));
  setup = volunteers::LoadSetupPage(services(), Admin());
  EXPECT_EQ(setup->training_modules.back().required_minutes, 180);
  EXPECT_EQ(Audited("volunteer_setup.training_module"), 2u);
  const auto invalid =
      volunteers::AddTrainingModule(services(), Admin(), {.name = "", .required_minutes = -1});
  ASSERT_FALSE(invalid);
  EXPECT_FALSE(invalid.error().fields.empty());
}

TEST_P(AppVolunteers, TrainingSessionsRecordAttendance) {
  const auto id = NewVolunteer(VolunteerStage::kTraining);
  const auto modules = fixture_.Setup(organisation_.id).modules;
  const auto created = volunteers::CreateTrainingSession(services(), Coordinator(),
                                                         {.module_id = modules[0].id,
                                                          .held_on = fixture_.Today(),
                                                          .duration_minutes = 180,
                                                          .title = "Écoute et limites"});
  ASSERT_TRUE(created);
  EXPECT_EQ(Audited("training.session_create"), 1u);
  ASSERT_TRUE(volunteers::SaveAttendance(services(), Coordinator(),
                                         {.session_id = *created, .attendance = {{id, 150}}}));
  const auto page = volunteers::LoadTrainingSessionPage(services(), Coordinator(), *created);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->attended.at(id), 150);
  EXPECT_EQ(File(id).attendance.size(), 1u);
  EXPECT_EQ(Audited("training.attendance"), 1u);
  const auto too_long = volunteers::SaveAttendance(
      services(), Coordinator(), {.session_id = *created, .attendance = {{id, 240}}});
  EXPECT_EQ(too_long.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(volunteers::LoadTrainingSessionPage(services(), Stranger(), *created).error().kind,
            ErrorKind::kNotFound);
  const auto list = volunteers::LoadTrainingPage(services(), Coordinator(), {});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->total, 1);
}

TEST_P(AppVolunteers, PageQueriesShowTheFilesAndAuditViews) {
  const auto id = NewVolunteer(VolunteerStage::kApproved);
  const auto list = volunteers::LoadVolunteerList(services(), Coordinator(), {});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->rows.size(), 1u);
  EXPECT_FALSE(list->rows[0].ready);  // no screening, no training
  EXPECT_EQ(list->counts.at(VolunteerStage::kApproved), 1);

  ASSERT_TRUE(volunteers::LoadFilePage(services(), Coordinator(), id, {}, RecordView::kYes));
  EXPECT_EQ(Audited("volunteer.view"), 1u);
  const auto viewed = File(id);
  EXPECT_EQ(viewed.viewers.size(), 1u);
  EXPECT_TRUE(domain::FirstApprovedAt(viewed.history).has_value());
  EXPECT_EQ(volunteers::LoadFilePage(services(), Stranger(), id, {}, RecordView::kYes).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(Audited("volunteer.view"), 1u);
  const auto form =
      volunteers::LoadDetailsForm(services(), Coordinator(), std::nullopt, RecordView::kNo);
  ASSERT_TRUE(form);
  ASSERT_EQ(form->accounts.size(), 1u);
  EXPECT_EQ(form->accounts[0].id, organisation_.volunteer.id);
}

TEST_P(AppVolunteers, AttentionFlagsExpiredScreeningAndMissingSupervision) {
  const auto id = NewVolunteer(VolunteerStage::kActive);
  fixture_.AddScreeningItem(organisation_.id, id, 0, AddDays(fixture_.Today(), -400),
                            domain::ScreeningResult::kPassed, "", AddDays(fixture_.Today(), -3));
  server_.clock().Advance(std::chrono::hours(24 * 200));
  const auto attention = volunteers::LoadVolunteerAttention(services(), Coordinator());
  ASSERT_EQ(attention.size(), 2u);
  EXPECT_EQ(attention[0].reason, volunteers::AttentionReason::kScreeningExpired);
  EXPECT_TRUE(attention[0].required);
  EXPECT_EQ(attention[1].reason, volunteers::AttentionReason::kSupervisionOverdue);
  EXPECT_TRUE(
      volunteers::LoadVolunteerAttention(services(), ActorOf(organisation_.partner)).empty());
}

// The attention list asks SQL for the files its rules may concern, then applies the rules to them
// alone: the rules' boundaries hold (supervision every 90 days, screening notice 60 days, the
// defaults), and a closed file is never listed.
TEST_P(AppVolunteers, AttentionFindsItsFilesAtTheRulesBoundaries) {
  const CivilDate today = fixture_.Today();
  const auto org = organisation_.id;
  const auto on_time = NewVolunteer(VolunteerStage::kActive);
  fixture_.AddSupervision(org, on_time, AddDays(today, -90), "");
  const auto late = NewVolunteer(VolunteerStage::kActive);
  fixture_.AddSupervision(org, late, AddDays(today, -91), "");
  const auto expiring = NewVolunteer(VolunteerStage::kActive);
  fixture_.AddSupervision(org, expiring, today, "");
  fixture_.AddScreeningItem(org, expiring, 0, AddDays(today, -300),
                            domain::ScreeningResult::kPassed, "", AddDays(today, 60));
  const auto later = NewVolunteer(VolunteerStage::kActive);
  fixture_.AddSupervision(org, later, today, "");
  fixture_.AddScreeningItem(org, later, 0, AddDays(today, -300), domain::ScreeningResult::kPassed,
                            "", AddDays(today, 61));
  const auto exited = NewVolunteer(VolunteerStage::kExited);
  fixture_.AddSupervision(org, exited, AddDays(today, -400), "");
  fixture_.AddScreeningItem(org, exited, 0, AddDays(today, -400), domain::ScreeningResult::kPassed,
                            "", AddDays(today, -5));

  std::map<std::int64_t, std::vector<volunteers::VolunteerAttention>> by_file;
  for (auto& entry : volunteers::LoadVolunteerAttention(services(), Coordinator()))
    by_file[entry.volunteer_id].push_back(std::move(entry));
  EXPECT_FALSE(by_file.contains(on_time));
  ASSERT_EQ(by_file[late].size(), 1u);
  EXPECT_EQ(by_file[late][0].reason, volunteers::AttentionReason::kSupervisionOverdue);
  EXPECT_EQ(by_file[late][0].days, 91);
  ASSERT_EQ(by_file[expiring].size(), 1u);
  EXPECT_EQ(by_file[expiring][0].reason, volunteers::AttentionReason::kScreeningExpiring);
  EXPECT_EQ(by_file[expiring][0].date, AddDays(today, 60));
  EXPECT_FALSE(by_file.contains(later));
  EXPECT_FALSE(by_file.contains(exited));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppVolunteers, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppVolunteers, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
