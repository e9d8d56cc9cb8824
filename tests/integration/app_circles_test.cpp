// The circles' commands called straight on the application layer, without a socket, on SQLite and
// PostgreSQL: each changes what a coordinator then sees, refuses what the rules refuse with nothing
// changed, is audited once, and answers another organisation's actor as if the record did not
// exist.
#include <gtest/gtest.h>

#include "app/circles/calendar_feed.hpp"
#include "app/circles/circle_attention.hpp"
#include "app/circles/circle_changes.hpp"
#include "app/circles/circle_list.hpp"
#include "app/circles/circle_meetings.hpp"
#include "app/circles/circle_membership.hpp"
#include "app/circles/circle_page.hpp"
#include "app/circles/circle_phase.hpp"
#include "app/circles/covenant_template.hpp"
#include "app/circles/venues.hpp"
#include "store/settings_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::CirclePhase;
using domain::CoreMemberStatus;

class AppCircles : public ::testing::TestWithParam<Backend> {
 protected:
  AppCircles() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    coordinator_ = ActorOf(a_.coordinator);
    coordinator_.language = "fr";
    stranger_ = ActorOf(b_.coordinator);
    core_member_ = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001",
                                            CoreMemberStatus::kWaitingForCircle);
    for (const auto& [first, last] : {std::pair{"Odile", "Membre"},
                                      {"Rosalie", "Exemple"},
                                      {"Paul", "Libre"},
                                      {"Xavier", "Quatrième"}}) {
      volunteers_ids_.push_back(Eligible(first, last));
    }
    forming_ = circles_.CreateCircle(a_.id, core_member_, CirclePhase::kForming, today_);
  }

  // An active volunteer who passes the gate: full screening and the basic training.
  std::int64_t Eligible(const std::string& first, const std::string& last) {
    const auto id =
        volunteers_.CreateVolunteer(a_.id, first, last, domain::VolunteerStage::kActive);
    volunteers_.AddFullScreening(a_.id, id, AddDays(today_, -100));
    volunteers_.AddTrainingSession(a_.id, 0, AddDays(today_, -90), 15 * 60, {id});
    return id;
  }

  // Joins the first `count` volunteers (those not joined yet) to the forming circle through the
  // app.
  void JoinVolunteers(std::size_t count) {
    for (std::size_t i = joined_; i < count; ++i, ++joined_) {
      ASSERT_TRUE(app::circles::Join(server_.app(), coordinator_,
                                     {.circle_id = forming_, .volunteer_id = volunteers_ids_[i]}));
    }
  }

  // Signs the current covenant for the core member and the first `count` volunteers.
  void SignAll(std::size_t count) {
    ASSERT_TRUE(app::circles::SignCovenant(
        server_.app(), coordinator_,
        {.circle_id = forming_, .signatory = domain::Signatory::kCoreMember, .signed_on = today_}));
    for (std::size_t i = 0; i < count; ++i) {
      ASSERT_TRUE(app::circles::SignCovenant(server_.app(), coordinator_,
                                             {.circle_id = forming_,
                                              .signatory = domain::Signatory::kVolunteer,
                                              .volunteer_id = volunteers_ids_[i],
                                              .signed_on = today_}));
    }
  }

  // A venue of the organisation, where a meeting in person is planned.
  std::int64_t Venue(const char* name) {
    app::circles::VenueCommand command;
    command.venue.name = name;
    const auto id = app::circles::CreateVenue(server_.app(), coordinator_, command);
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  // Starts the forming circle: three volunteers who signed, and the move to the intensive phase.
  void Start() {
    JoinVolunteers(3);
    SignAll(3);
    ASSERT_TRUE(app::circles::ChangePhase(server_.app(), coordinator_, StartCommand()));
  }

  app::circles::PhaseChangeCommand StartCommand() const {
    return {.circle_id = forming_,
            .to = CirclePhase::kIntensive,
            .decided_on = today_,
            .reason = "Libération."};
  }

  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(a_.id, action, a_.coordinator.id);
  }
  long long Rows(const std::string& table) {
    return auth_.CountRows(table + " WHERE circle_id = " + std::to_string(forming_));
  }
  void SetSetting(domain::SettingKey key, std::int64_t value) {
    FixtureWrite(server_, a_.id, [&](soci::session& session) -> Status {
      store::SettingsStore(session).Set(a_.id, key, value);
      return {};
    });
  }

  TestServer server_{{.backend = GetParam(), .listen = false}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  auth::Actor coordinator_, stranger_;
  CivilDate today_;
  std::int64_t core_member_ = 0, forming_ = 0;
  std::vector<std::int64_t> volunteers_ids_;
  std::size_t joined_ = 0;
};

TEST_P(AppCircles, TheFirstActivePhaseWaitsForTheSizeAndEverySignatureThenMovesTheCoreMember) {
  JoinVolunteers(2);
  auto refused = app::circles::ChangePhase(server_.app(), coordinator_, StartCommand());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid) << "two volunteers only";
  JoinVolunteers(3);
  refused = app::circles::ChangePhase(server_.app(), coordinator_, StartCommand());
  ASSERT_FALSE(refused) << "nobody signed";
  EXPECT_EQ(circles_.Stored(a_.id, forming_).phase, CirclePhase::kForming);
  EXPECT_EQ(Audited("circle.phase"), 0u);

  SignAll(3);
  const auto started = app::circles::ChangePhase(server_.app(), coordinator_, StartCommand());
  ASSERT_TRUE(started);
  EXPECT_TRUE(started->first_start);
  const auto circle = circles_.Stored(a_.id, forming_);
  EXPECT_EQ(circle.phase, CirclePhase::kIntensive);
  EXPECT_EQ(circle.started_on, today_);
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, core_member_).status, CoreMemberStatus::kInCircle);
  EXPECT_EQ(Audited("circle.phase"), 1u);
}

TEST_P(AppCircles, ALaterPhaseChangeAmendsTheCovenantInTheActorsLanguage) {
  Start();
  const auto versions = Rows("covenant_versions");
  app::circles::PhaseChangeCommand weekly{.circle_id = forming_,
                                          .to = CirclePhase::kWeekly,
                                          .decided_on = today_,
                                          .reason = "Fin de la période intensive."};
  const auto refused = app::circles::ChangePhase(server_.app(), coordinator_, weekly);
  ASSERT_FALSE(refused) << "the amended covenant is required";
  EXPECT_EQ(refused.error().fields.front().field, "covenant_body");
  weekly.covenant_body = "Entente modifiée : une rencontre par semaine.";
  const auto changed = app::circles::ChangePhase(server_.app(), coordinator_, weekly);
  ASSERT_TRUE(changed);
  EXPECT_FALSE(changed->first_start);
  EXPECT_EQ(circles_.Stored(a_.id, forming_).phase, CirclePhase::kWeekly);
  EXPECT_EQ(Rows("covenant_versions"), versions + 1);
  EXPECT_EQ(auth_.CountRows("covenant_versions WHERE note LIKE 'Changement de phase%'"), 1);
  EXPECT_EQ(Rows("circle_phase_changes"), 3) << "the opening, the start and this change";
  EXPECT_EQ(Audited("circle.phase"), 2u);
}

TEST_P(AppCircles, APhaseChangeRefusesAMissingPhaseAFutureDayAndAnotherOrganisation) {
  auto command = StartCommand();
  command.to.reset();
  auto refused = app::circles::ChangePhase(server_.app(), coordinator_, command);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "to");
  command = StartCommand();
  command.decided_on = AddDays(today_, 1);
  refused = app::circles::ChangePhase(server_.app(), coordinator_, command);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "decided_on");
  refused = app::circles::ChangePhase(server_.app(), stranger_, StartCommand());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(Rows("circle_phase_changes"), 1) << "the opening only";
}

TEST_P(AppCircles, ClosingRecordsTheReasonMovesTheCoreMemberAndFreezesTheCircle) {
  Start();
  const app::circles::CloseCommand close{.circle_id = forming_,
                                         .reason = domain::ClosureReason::kCompleted,
                                         .closed_on = today_,
                                         .note = "  Deux années stables.  "};
  EXPECT_EQ(app::circles::Close(server_.app(), stranger_, close).error().kind,
            ErrorKind::kNotFound);
  ASSERT_TRUE(app::circles::Close(server_.app(), coordinator_, close));
  const auto circle = circles_.Stored(a_.id, forming_);
  EXPECT_TRUE(circle.closed());
  EXPECT_EQ(circle.closing_note, "Deux années stables.");
  EXPECT_EQ(intake_.StoredCoreMember(a_.id, core_member_).status,
            CoreMemberStatus::kBetweenCircles);
  EXPECT_EQ(Audited("circle.close"), 1u);
  const auto again = app::circles::Close(server_.app(), coordinator_, close);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict) << "a closed circle is read-only";
  const auto details =
      app::circles::UpdateDetails(server_.app(), coordinator_, {.circle_id = forming_});
  ASSERT_FALSE(details);
  EXPECT_EQ(details.error().kind, ErrorKind::kConflict);
}

TEST_P(AppCircles, JoiningGoesThroughTheGateAndTheSizeLimit) {
  const auto unscreened =
      volunteers_.CreateVolunteer(a_.id, "Gilles", "Novice", domain::VolunteerStage::kActive);
  std::string described;
  const auto refused =
      app::circles::Join(server_.app(), coordinator_,
                         {.circle_id = forming_,
                          .volunteer_id = unscreened,
                          .describe_gate_failure = [&](const domain::GateFailure& failure) {
                            described += std::string(domain::NameOf(failure.condition));
                            return std::string(domain::NameOf(failure.condition));
                          }});
  ASSERT_FALSE(refused);
  EXPECT_FALSE(described.empty()) << "each failing condition is described";
  EXPECT_EQ(app::circles::Join(server_.app(), coordinator_, {.circle_id = forming_})
                .error()
                .fields.front()
                .field,
            "volunteer");
  EXPECT_EQ(app::circles::Join(server_.app(), stranger_,
                               {.circle_id = forming_, .volunteer_id = volunteers_ids_[0]})
                .error()
                .kind,
            ErrorKind::kNotFound);
  SetSetting(domain::SettingKey::kCircleMaximumVolunteers, 3);
  JoinVolunteers(3);
  EXPECT_FALSE(app::circles::Join(server_.app(), coordinator_,
                                  {.circle_id = forming_, .volunteer_id = volunteers_ids_[3]}))
      << "a fourth volunteer goes over the limit";
  EXPECT_EQ(Rows("circle_members"), 3);
  EXPECT_EQ(Audited("circle.member_add"), 3u);
}

TEST_P(AppCircles, AReplacementEndsTheStayKeepsThePrimaryRoleAndALeavingIsRecorded) {
  JoinVolunteers(3);
  const auto first = circles_.AddMember(a_.id, forming_, volunteers_ids_[3], today_);
  EXPECT_EQ(app::circles::MakePrimary(server_.app(), stranger_, first).error().kind,
            ErrorKind::kNotFound);
  ASSERT_TRUE(app::circles::MakePrimary(server_.app(), coordinator_, first));
  const auto missing_reason = app::circles::Replace(
      server_.app(), coordinator_, {.member_id = first, .volunteer_id = volunteers_ids_[3]});
  ASSERT_FALSE(missing_reason);
  EXPECT_EQ(missing_reason.error().fields.front().field, "reason");
  const auto newcomer = Eligible("Yves", "Cinquième");
  const auto joined = app::circles::Replace(
      server_.app(), coordinator_,
      {.member_id = first, .volunteer_id = newcomer, .reason = "Déménagement."});
  ASSERT_TRUE(joined);
  EXPECT_EQ(joined->circle_id, forming_);
  const std::string circle = std::to_string(forming_);
  EXPECT_EQ(auth_.CountRows("circle_members WHERE circle_id = " + circle +
                            " AND left_on IS NULL AND is_primary = 1 AND volunteer_id = " +
                            std::to_string(newcomer)),
            1)
      << "the newcomer takes over the primary role";
  EXPECT_EQ(auth_.CountRows("circle_members WHERE left_on IS NOT NULL AND circle_id = " + circle),
            1);
  EXPECT_EQ(Audited("circle.member_replace"), 1u);

  const auto leaving = circles_.AddMember(a_.id, forming_, Eligible("Zoé", "Sixième"), today_);
  const auto left = app::circles::Leave(
      server_.app(), coordinator_, {.member_id = leaving, .left_on = today_, .reason = "Santé."});
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, forming_);
  EXPECT_EQ(app::circles::Leave(server_.app(), coordinator_,
                                {.member_id = leaving, .left_on = today_, .reason = "Santé."})
                .error()
                .kind,
            ErrorKind::kConflict)
      << "a stay that ended cannot end again";
  EXPECT_EQ(auth_.CountRows("circle_members WHERE left_on IS NOT NULL AND circle_id = " + circle),
            2);
  EXPECT_EQ(Audited("circle.member_leave"), 1u);
}

TEST_P(AppCircles, DetailsCovenantAndReviewsAreRecordedOnAnOpenCircle) {
  const auto details = app::circles::UpdateDetails(
      server_.app(), coordinator_,
      {.circle_id = forming_,
       .details = {.offence_profile = domain::OffenceProfile::kOnline,
                   .meeting_times = domain::Availability::Parse("tue-evening")}});
  ASSERT_TRUE(details);
  EXPECT_EQ(circles_.Stored(a_.id, forming_).offence_profile, domain::OffenceProfile::kOnline);
  EXPECT_EQ(Audited("circle.update"), 1u);
  const auto place = app::circles::UpdateDetails(
      server_.app(), coordinator_,
      {.circle_id = forming_, .details = {.meeting_place = "Salle de la paroisse Saint-Fictif"}});
  ASSERT_TRUE(place);
  EXPECT_EQ(circles_.Stored(a_.id, forming_).meeting_place, "Salle de la paroisse Saint-Fictif");
  EXPECT_EQ(circles_.Stored(a_.id, forming_).offence_profile, std::nullopt)
      << "the details are replaced whole";

  const auto versions = Rows("covenant_versions");
  EXPECT_FALSE(app::circles::AmendCovenant(server_.app(), coordinator_,
                                           {.circle_id = forming_, .body = "   "}));
  ASSERT_TRUE(app::circles::AmendCovenant(server_.app(), coordinator_,
                                          {.circle_id = forming_, .body = "Nouvelle entente."}));
  EXPECT_EQ(Rows("covenant_versions"), versions + 1);
  EXPECT_EQ(auth_.CountRows("covenant_versions WHERE note = 'Modification'"), 1)
      << "an empty note says Amendment in the actor's language";
  EXPECT_EQ(Audited("circle.covenant_amend"), 1u);
  EXPECT_EQ(app::circles::AmendCovenant(server_.app(), stranger_,
                                        {.circle_id = forming_, .body = "Autre."})
                .error()
                .kind,
            ErrorKind::kNotFound);

  const app::circles::ReviewCommand review{.circle_id = forming_,
                                           .kind = domain::ReviewKind::kReview,
                                           .held_on = today_,
                                           .participants = "La coordination",
                                           .outcome = "Bon départ."};
  EXPECT_EQ(app::circles::RecordReview(server_.app(), coordinator_, review).error().kind,
            ErrorKind::kInvalid)
      << "a circle is reviewed once it has started";
  Start();
  ASSERT_TRUE(app::circles::RecordReview(server_.app(), coordinator_, review));
  EXPECT_EQ(Rows("circle_reviews"), 1);
  EXPECT_EQ(Audited("circle.review"), 1u);
  EXPECT_EQ(Audited("circle.covenant_sign"), 4u);
}

TEST_P(AppCircles, MeetingsArePlannedInASeriesCancelledAndTheirMinutesAcknowledgedOnce) {
  Start();
  domain::MeetingPlan plan{.kind = domain::MeetingKind::kGroup,
                           .date = AddDays(today_, 2),
                           .start_minute = 19 * 60,
                           .duration_minutes = 120,
                           .count = 3,
                           .venue_id = Venue("Local communautaire")};
  EXPECT_EQ(
      app::circles::PlanMeetings(server_.app(), stranger_, {.circle_id = forming_, .plan = plan})
          .error()
          .kind,
      ErrorKind::kNotFound);
  const auto outsider = Eligible("Yves", "Dehors");
  const auto refused = app::circles::PlanMeetings(
      server_.app(), coordinator_,
      {.circle_id = forming_, .plan = plan, .writer_volunteer_id = outsider});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "writer");
  ASSERT_TRUE(app::circles::PlanMeetings(
      server_.app(), coordinator_,
      {.circle_id = forming_, .plan = plan, .writer_volunteer_id = volunteers_ids_[0]}));
  EXPECT_EQ(Rows("circle_meetings"), 3) << "a series at the phase's rhythm";
  EXPECT_EQ(auth_.CountRows("circle_meetings WHERE place = 'Local communautaire'"), 3);
  EXPECT_EQ(Audited("circle.meeting_plan"), 1u);

  const auto planned =
      circles_.AddMeeting(a_.id, forming_, CircleFixture::At(AddDays(today_, 5), 23 * 60));
  ASSERT_TRUE(app::circles::CancelMeeting(server_.app(), coordinator_, planned));
  EXPECT_EQ(app::circles::CancelMeeting(server_.app(), coordinator_, planned).error().kind,
            ErrorKind::kConflict)
      << "cancelled already";
  EXPECT_EQ(Audited("circle.meeting_cancel"), 1u);

  const auto held = circles_.AddMeeting(
      a_.id, forming_, CircleFixture::At(AddDays(today_, -1), 23 * 60), volunteers_ids_[0]);
  EXPECT_EQ(app::circles::AcknowledgeMinutes(server_.app(), coordinator_, {.meeting_id = held})
                .error()
                .kind,
            ErrorKind::kConflict)
      << "no minutes yet";
  circles_.AddMinutes(a_.id, held, volunteers_ids_[0], {volunteers_ids_[1]},
                      CircleFixture::At(today_, 12 * 60));
  ASSERT_TRUE(app::circles::AcknowledgeMinutes(server_.app(), coordinator_,
                                               {.meeting_id = held, .comment = "Merci."}));
  EXPECT_FALSE(app::circles::AcknowledgeMinutes(server_.app(), coordinator_,
                                                {.meeting_id = held, .comment = "Encore."}));
  EXPECT_EQ(Audited("circle.minutes_acknowledge"), 1u);

  const auto page = app::circles::LoadMeetingPage(server_.app(), coordinator_, held);
  ASSERT_TRUE(page);
  ASSERT_TRUE(page->minutes);
  EXPECT_TRUE(page->minutes->acknowledged());
  EXPECT_EQ(page->minutes->coordinator_comment, "Merci.");
  EXPECT_EQ(page->volunteer_names.at(volunteers_ids_[0]), "Odile Membre");
  EXPECT_EQ(Audited("circle.minutes_view"), 1u);
  EXPECT_EQ(app::circles::LoadMeetingPage(server_.app(), stranger_, held).error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AppCircles, OpeningACircleStartsFromTheTemplateAndAppearsInTheList) {
  const auto gaston = intake_.CreateCoreMember(a_.id, "Gaston Fictif", "2026-002",
                                               CoreMemberStatus::kWaitingForCircle);
  EXPECT_EQ(app::circles::SaveCovenantTemplate(server_.app(), coordinator_, "Texte.").error().kind,
            ErrorKind::kForbidden)
      << "administrators only";
  const auto admin = ActorOf(a_.admin);
  ASSERT_TRUE(app::circles::SaveCovenantTemplate(server_.app(), admin, "  Entente type.  "));
  EXPECT_EQ(app::circles::LoadCovenantTemplate(server_.app(), admin).value(),
            std::optional<std::string>("Entente type."));
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "settings.covenant_template", a_.admin.id), 1u);

  const auto without = app::circles::LoadCoreMembersWithoutCircle(server_.app(), coordinator_);
  ASSERT_TRUE(without);
  ASSERT_EQ(without->size(), 1u) << "Marcel has a forming circle already";
  EXPECT_EQ(without->front().id, gaston);
  const auto refused =
      app::circles::Open(server_.app(), coordinator_, {.core_member_id = core_member_});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "core_member");
  const auto opened = app::circles::Open(
      server_.app(), coordinator_,
      {.core_member_id = gaston, .details = {.offence_profile = domain::OffenceProfile::kOnline}});
  ASSERT_TRUE(opened);
  EXPECT_EQ(circles_.Stored(a_.id, *opened).phase, CirclePhase::kForming);
  EXPECT_EQ(auth_.CountRows("covenant_versions WHERE body = 'Entente type.' AND circle_id = " +
                            std::to_string(*opened)),
            1);
  EXPECT_EQ(Audited("circle.create"), 1u);
  const auto foreign = app::circles::Open(server_.app(), stranger_, {.core_member_id = gaston});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().fields.front().field, "core_member")
      << "another organisation's file is not one to choose";

  std::int64_t total = 0;
  const auto list = app::circles::LoadCircleList(
      server_.app(), coordinator_, store::IncludeClosed::kNo, [&](std::int64_t count) {
        total = count;
        return store::PageSlice{50, 0};
      });
  ASSERT_TRUE(list);
  EXPECT_EQ(total, 2);
  ASSERT_EQ(list->circles.size(), 2u);
  EXPECT_EQ(list->core_member_names.at(gaston), "Gaston Fictif");
  const auto other =
      app::circles::LoadCircleList(server_.app(), stranger_, store::IncludeClosed::kNo,
                                   [](std::int64_t) { return store::PageSlice{}; });
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->circles.empty()) << "another organisation sees none of them";
}

TEST_P(AppCircles, LateMinutesAreFlaggedForTheCoordinator) {
  Start();
  const auto held = circles_.AddMeeting(
      a_.id, forming_, CircleFixture::At(AddDays(today_, -4), 23 * 60), volunteers_ids_[0]);
  const auto activity = app::circles::LoadActivity(server_.app(), coordinator_);
  ASSERT_EQ(activity.circles.size(), 1u);
  const auto flags = app::circles::FlagsByCircle(server_.app(), activity);
  ASSERT_TRUE(flags.contains(forming_));
  EXPECT_TRUE(std::any_of(
      flags.at(forming_).begin(), flags.at(forming_).end(), [&](const domain::CircleFlag& flag) {
        return flag.kind == domain::CircleFlagKind::kMinutesLate && flag.meeting_id == held;
      }));
  EXPECT_TRUE(app::circles::LoadActivity(server_.app(), stranger_).circles.empty());
}

TEST_P(AppCircles, ACalendarFeedListsTheVolunteersMeetingsByCodeNameOnly) {
  Start();
  const auto meeting =
      circles_.AddMeeting(a_.id, forming_, CircleFixture::At(AddDays(today_, 3), 23 * 60));
  const auto token = circles_.CreateCalendarToken(a_.id, volunteers_ids_[0]);
  const auto feed = app::circles::LoadCalendarFeed(server_.app(), token);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->meetings.size(), 1u);
  EXPECT_EQ(feed->meetings.front().id, meeting);
  EXPECT_EQ(feed->code_names.at(forming_), circles_.Stored(a_.id, forming_).code_name);
  EXPECT_EQ(app::circles::LoadCalendarFeed(server_.app(), std::string(43, 'A')).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::circles::LoadCalendarFeed(server_.app(), "court").error().kind,
            ErrorKind::kNotFound);
}

TEST_P(AppCircles, TheCirclePageReadsEverySectionAndRecordsEachViewOnce) {
  Start();
  circles_.AddContact(a_.id, forming_, volunteers_ids_[0], today_);
  const auto contact = circles_.AddPartnerContact(a_.id, "Agathe Agente");
  circles_.AddAgreement(a_.id, contact, forming_, AddDays(today_, -3));
  const auto held =
      circles_.AddMeeting(a_.id, forming_, CircleFixture::At(AddDays(today_, -2), 23 * 60));
  circles_.AddMeeting(a_.id, forming_, CircleFixture::At(AddDays(today_, -9), 23 * 60));
  circles_.AddMeeting(a_.id, forming_, CircleFixture::At(AddDays(today_, 6), 23 * 60));

  const auto page = app::circles::LoadCirclePage(server_.app(), coordinator_, forming_);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->circle.phase, CirclePhase::kIntensive);
  ASSERT_TRUE(page->core_member);
  EXPECT_EQ(page->core_member->id, core_member_);
  EXPECT_EQ(page->members.size(), 3u);
  EXPECT_EQ(page->volunteer_names.at(volunteers_ids_[0]), "Odile Membre");
  ASSERT_EQ(page->candidates.size(), 1u) << "only the volunteer outside the circle";
  EXPECT_EQ(page->candidates.front().id, volunteers_ids_[3]);
  EXPECT_EQ(page->phases.size(), 2u) << "the opening and the start";
  EXPECT_EQ(page->signatures.size(), 4u);
  EXPECT_EQ(page->planned.size(), 1u);
  EXPECT_EQ(page->past.size(), 2u);
  ASSERT_FALSE(page->recent_held.empty());
  EXPECT_EQ(page->recent_held.front().meeting.id, held) << "latest first";
  ASSERT_TRUE(page->last_held);
  EXPECT_EQ(page->contacts.size(), 1u);
  EXPECT_EQ(page->contact_total, 1);
  EXPECT_EQ(page->last_contact, today_);
  ASSERT_EQ(page->agreements.size(), 1u);
  EXPECT_EQ(page->agreements.front().partner_contact_id, contact);
  EXPECT_EQ(page->partners.size(), 1u);
  EXPECT_EQ(page->user_names.at(a_.coordinator.id), a_.coordinator.display_name);
  EXPECT_EQ(Audited("circle.view"), 1u);
  EXPECT_EQ(page->viewers.size(), 1u) << "this view is listed";

  // Every held meeting, a page at a time; shown again after a refused form, nothing is recorded.
  const auto meetings =
      app::circles::LoadCirclePage(server_.app(), coordinator_, forming_,
                                   {.all_meetings = app::circles::AllMeetings::kYes,
                                    .meetings_page = {.page = 2, .size = 1},
                                    .audit = app::circles::ViewAudit::kSkip});
  ASSERT_TRUE(meetings);
  EXPECT_EQ(meetings->past_total, 2);
  ASSERT_EQ(meetings->past.size(), 1u);
  EXPECT_NE(meetings->past.front().meeting.id, held) << "the second page holds the older one";
  EXPECT_EQ(Audited("circle.view"), 1u);

  EXPECT_EQ(app::circles::LoadCirclePage(server_.app(), stranger_, forming_).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(
      app::circles::LoadCirclePage(server_.app(), ActorOf(a_.volunteer), forming_).error().kind,
      ErrorKind::kNotFound);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.view"), 1u) << "refusals record no view";
}

TEST_P(AppCircles, SeveralSuggestedVolunteersAreProposedTogetherEachAudited) {
  const auto proposed = app::circles::ProposeVolunteers(
      server_.app(), coordinator_,
      {.circle_id = forming_,
       .volunteer_ids = {volunteers_ids_[0], volunteers_ids_[1], volunteers_ids_[2]},
       .primary_id = volunteers_ids_[1]});
  ASSERT_TRUE(proposed) << proposed.error().message.id;
  EXPECT_EQ(proposed->size(), 3u);
  EXPECT_EQ(Rows("circle_members"), 3);
  EXPECT_EQ(Audited("circle.member_add"), 3u) << "one entry per volunteer";
  const auto page = app::circles::LoadCirclePage(server_.app(), coordinator_, forming_);
  ASSERT_TRUE(page);
  for (const auto& member : page->members) {
    EXPECT_EQ(member.primary, member.volunteer_id == volunteers_ids_[1]);
  }
}

TEST_P(AppCircles, OneVolunteerWhoCannotJoinRefusesTheWholeProposalWithNothingSaved) {
  const auto unscreened =
      volunteers_.CreateVolunteer(a_.id, "Gilles", "Novice", domain::VolunteerStage::kActive);
  auto refused = app::circles::ProposeVolunteers(
      server_.app(), coordinator_,
      {.circle_id = forming_,
       .volunteer_ids = {volunteers_ids_[0], unscreened, volunteers_ids_[1]},
       .describe_gate_failure = [](const domain::GateFailure& failure) {
         return std::string(domain::NameOf(failure.condition));
       }});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields.front().field, "volunteer");
  const auto& arguments = refused.error().fields.front().message.arguments;
  ASSERT_FALSE(arguments.empty());
  EXPECT_EQ(arguments.front().value, "Gilles Novice") << "the refusal names who cannot join";
  EXPECT_EQ(Rows("circle_members"), 0) << "the volunteer before him is not saved either";
  EXPECT_EQ(Audited("circle.member_add"), 0u);

  // Over the maximum: four allowed, five proposed.
  const auto fifth = Eligible("Yvette", "Cinquième");
  refused = app::circles::ProposeVolunteers(
      server_.app(), coordinator_,
      {.circle_id = forming_,
       .volunteer_ids = {volunteers_ids_[0], volunteers_ids_[1], volunteers_ids_[2],
                         volunteers_ids_[3], fifth}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(Rows("circle_members"), 0);
  // Nobody chosen, an unreadable choice, a primary who is not among them.
  EXPECT_EQ(app::circles::ProposeVolunteers(server_.app(), coordinator_, {.circle_id = forming_})
                .error()
                .fields.front()
                .field,
            "volunteer");
  EXPECT_EQ(app::circles::ProposeVolunteers(
                server_.app(), coordinator_,
                {.circle_id = forming_, .volunteer_ids = {volunteers_ids_[0]}, .unreadable = true})
                .error()
                .fields.front()
                .field,
            "volunteer");
  EXPECT_EQ(app::circles::ProposeVolunteers(server_.app(), coordinator_,
                                            {.circle_id = forming_,
                                             .volunteer_ids = {volunteers_ids_[0]},
                                             .primary_id = volunteers_ids_[1]})
                .error()
                .fields.front()
                .field,
            "primary");
  EXPECT_EQ(
      app::circles::ProposeVolunteers(
          server_.app(), stranger_, {.circle_id = forming_, .volunteer_ids = {volunteers_ids_[0]}})
          .error()
          .kind,
      ErrorKind::kNotFound);
  EXPECT_EQ(Rows("circle_members"), 0);
  EXPECT_EQ(Audited("circle.member_add"), 0u);
}

TEST_P(AppCircles, TheCovenantChecklistRecordsEverySignatureOnOneDayEachAudited) {
  JoinVolunteers(3);
  std::vector<app::circles::Signer> everyone{{domain::Signatory::kCoreMember, std::nullopt}};
  for (std::size_t i = 0; i < 3; ++i) {
    everyone.push_back({domain::Signatory::kVolunteer, volunteers_ids_[i]});
  }
  const auto day = today_;
  // A volunteer who is not a member spoils the checklist: nothing is recorded.
  auto with_outsider = everyone;
  with_outsider.push_back({domain::Signatory::kVolunteer, volunteers_ids_[3]});
  auto refused = app::circles::RecordSignatures(
      server_.app(), coordinator_,
      {.circle_id = forming_, .signers = with_outsider, .signed_on = day});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "signatory");
  EXPECT_EQ(auth_.CountRows("covenant_signatures"), 0);
  EXPECT_EQ(Audited("circle.covenant_sign"), 0u);
  // Nobody ticked and no day: both are said at once.
  refused = app::circles::RecordSignatures(server_.app(), coordinator_, {.circle_id = forming_});
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "signatory");
  EXPECT_EQ(refused.error().fields[1].field, "signed_on");
  refused = app::circles::RecordSignatures(
      server_.app(), coordinator_,
      {.circle_id = forming_, .signers = everyone, .signed_on = AddDays(today_, 1)});
  ASSERT_FALSE(refused) << "a day in the future";
  EXPECT_EQ(
      app::circles::RecordSignatures(server_.app(), stranger_,
                                     {.circle_id = forming_, .signers = everyone, .signed_on = day})
          .error()
          .kind,
      ErrorKind::kNotFound);
  EXPECT_EQ(auth_.CountRows("covenant_signatures"), 0);

  const auto recorded = app::circles::RecordSignatures(
      server_.app(), coordinator_, {.circle_id = forming_, .signers = everyone, .signed_on = day});
  ASSERT_TRUE(recorded) << recorded.error().message.id;
  EXPECT_EQ(*recorded, 4);
  EXPECT_EQ(Audited("circle.covenant_sign"), 4u) << "one entry per signature";
  const auto page = app::circles::LoadCirclePage(server_.app(), coordinator_, forming_);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->signatures.size(), 4u);
  for (const auto& signature : page->signatures) EXPECT_EQ(signature.signed_on, day);
  // Signing again is refused as a whole.
  EXPECT_FALSE(app::circles::RecordSignatures(
      server_.app(), coordinator_, {.circle_id = forming_, .signers = everyone, .signed_on = day}));
  EXPECT_EQ(Audited("circle.covenant_sign"), 4u);
  EXPECT_TRUE(app::circles::ChangePhase(server_.app(), coordinator_, StartCommand()))
      << "the circle can start";
}

TEST_P(AppCircles, TheCirclePageLeadsWithTheNextStepOfEachPhase) {
  const auto next = [&] {
    const auto page = app::circles::LoadCirclePage(server_.app(), coordinator_, forming_);
    EXPECT_TRUE(page);
    return page ? page->next_step : domain::NextStep{};
  };
  auto step = next();
  EXPECT_EQ(step.kind, domain::NextStepKind::kProposeVolunteers);
  EXPECT_EQ(step.count, 3);
  JoinVolunteers(3);
  step = next();
  EXPECT_EQ(step.kind, domain::NextStepKind::kSignCovenant);
  EXPECT_EQ(step.count, 4) << "the core member and three volunteers";
  SignAll(3);
  EXPECT_EQ(next().kind, domain::NextStepKind::kStart);
  ASSERT_TRUE(app::circles::ChangePhase(server_.app(), coordinator_, StartCommand()));
  EXPECT_EQ(next().kind, domain::NextStepKind::kPlanMeetings);
  ASSERT_TRUE(app::circles::PlanMeetings(server_.app(), coordinator_,
                                         {.circle_id = forming_,
                                          .plan = {.kind = domain::MeetingKind::kGroup,
                                                   .date = AddDays(today_, 2),
                                                   .start_minute = 19 * 60,
                                                   .duration_minutes = 120,
                                                   .count = 1,
                                                   .venue_id = Venue("Local communautaire")}}));
  EXPECT_EQ(next().kind, domain::NextStepKind::kNothingDue);
  ASSERT_TRUE(app::circles::Close(server_.app(), coordinator_,
                                  {.circle_id = forming_,
                                   .reason = domain::ClosureReason::kCompleted,
                                   .closed_on = today_,
                                   .note = "Fin du parcours."}));
  EXPECT_EQ(next().kind, domain::NextStepKind::kClosed);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppCircles, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppCircles, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
