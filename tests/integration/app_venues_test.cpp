// The register of meeting places and the planning of meetings against the core member's conditions,
// on SQLite and PostgreSQL: called straight on the application layer (a clash refused with the
// condition named, the audited override, nothing saved when refused, another organisation's venue
// missing), the same for an emergency meeting planned from a concern, then over a real socket (who
// may see the register, the clash on the circle page and the concern page, the calendar feed
// naming the venue and no one).
#include <gtest/gtest.h>

#include "app/circles/calendar_feed.hpp"
#include "app/circles/circle_meetings.hpp"
#include "app/circles/venues.hpp"
#include "app/concerns/concern_handling.hpp"
#include "app/concerns/concern_raise.hpp"
#include "app/intake/legal.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/core_member_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::ConditionKind;
using domain::MeetingMode;

constexpr const char* kMinorsText = "Aucun contact avec des personnes de moins de 16 ans";
constexpr const char* kInternetText = "Ne pas utiliser Internet sans supervision";
constexpr const char* kZoneText = "Ne pas se trouver dans le secteur du parc des Érables";

// What the app and HTTP tests share: two organisations, a circle of organisation A whose core
// member has the three conditions, a volunteer member of it, and two venues.
class VenueSetting {
 protected:
  explicit VenueSetting(Backend backend, bool listen)
      : server_({.backend = backend, .listen = listen}) {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    coordinator_ = ActorOf(a_.coordinator);
    core_member_ = intake_.CreateCoreMember(a_.id, "Marcel Exemple", "2026-001",
                                            domain::CoreMemberStatus::kInCircle);
    circle_ = circles_.CreateCircle(a_.id, core_member_, domain::CirclePhase::kWeekly,
                                    AddDays(today_, -30), AddDays(today_, -30));
    member_ = volunteers_.CreateVolunteer(a_.id, "Bastien", "Bénévole",
                                          domain::VolunteerStage::kActive, a_.volunteer.id);
    circles_.AddMember(a_.id, circle_, member_, AddDays(today_, -30), true);
    const auto order = app::intake::CreateOrder(
        server_.app(), coordinator_, core_member_,
        {.type = domain::OrderType::kStatutoryRelease, .starts_on = AddDays(today_, -60)});
    EXPECT_TRUE(order);
    order_ = order ? *order : 0;
    AddCondition(ConditionKind::kNoContactMinors, kMinorsText);
    AddCondition(ConditionKind::kInternet, kInternetText);
    AddCondition(ConditionKind::kExclusionZone, kZoneText, "Parc des Érables");
    library_ = Venue("Bibliothèque municipale (salle B)", domain::VenueKind::kLibrary, true, "");
    park_cafe_ = Venue("Café du parc", domain::VenueKind::kCafe, false, "parc des erables");
    office_ = Venue("Local de l'organisme", domain::VenueKind::kOffice, false, "");
  }

  void AddCondition(ConditionKind kind, const char* text, const char* zone = "") {
    app::intake::ConditionDetails details;
    details.kind = kind;
    details.text = text;
    details.zone = zone;
    EXPECT_TRUE(app::intake::CreateCondition(server_.app(), coordinator_, order_, details));
  }

  std::int64_t Venue(const char* name, domain::VenueKind kind, bool children, const char* zones) {
    app::circles::VenueCommand command;
    command.venue.name = name;
    command.venue.kind = kind;
    command.venue.children_present = children;
    command.venue.exclusion_zones = zones;
    const auto id = app::circles::CreateVenue(server_.app(), coordinator_, command);
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }

  app::circles::PlanMeetingsCommand Plan(MeetingMode mode, std::optional<std::int64_t> venue) {
    return {.circle_id = circle_,
            .plan = {.kind = domain::MeetingKind::kGroup,
                     .date = AddDays(today_, 3),
                     .start_minute = 19 * 60,
                     .duration_minutes = 120,
                     .count = 1,
                     .mode = mode,
                     .venue_id = venue}};
  }

  // A concern about the circle raised by the coordinator and acknowledged; returns its id.
  std::int64_t AcknowledgedConcern() {
    const auto raised = app::concerns::Raise(
        server_.app(), coordinator_,
        {.raiser = app::concerns::Raiser::kStaff,
         .circle_id = circle_,
         .draft = {.category = domain::ConcernCategory::kHostility,
                   .severity = domain::Severity::kConcern,
                   .observed = "Propos inquiétants entendus à la rencontre (essai).",
                   .observed_at = server_.clock().Now() - std::chrono::hours(1),
                   .already_done = ""}});
    EXPECT_TRUE(raised);
    if (!raised) return 0;
    EXPECT_TRUE(app::concerns::Acknowledge(server_.app(), coordinator_,
                                           {.concern_id = raised->concern_id}));
    return raised->concern_id;
  }

  // An emergency meeting of the circle tomorrow at 19:00 for `concern`.
  app::concerns::PlanEmergencyMeetingCommand Emergency(std::int64_t concern, MeetingMode mode,
                                                       std::optional<std::int64_t> venue) {
    const auto tomorrow = AddDays(today_, 1);
    return {.concern_id = concern,
            .plan = {.date = tomorrow,
                     .start_minute = 19 * 60,
                     .duration_minutes = 90,
                     .mode = mode,
                     .venue_id = venue},
            .starts = CircleFixture::At(tomorrow, 19 * 60),
            .note = "Rencontre d'urgence demain soir (essai)."};
  }

  long long Actions() {
    return auth_.CountRows("concern_actions WHERE organisation_id = " + std::to_string(a_.id));
  }

  // Expects one meeting kept with the override `reason` (no quote in it) by the coordinator, and
  // one override audited.
  void ExpectOverrideKept(const std::string& reason) {
    EXPECT_EQ(auth_.CountRows("circle_meetings WHERE clash_override_reason = '" + reason +
                              "' AND clash_overridden_by = " + std::to_string(a_.coordinator.id)),
              1);
    EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_clash_override", a_.coordinator.id),
              1u);
  }

  long long Meetings() {
    return auth_.CountRows("circle_meetings WHERE circle_id = " + std::to_string(circle_));
  }

  TestServer server_;
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CoreMemberFixture intake_{server_};
  CircleFixture circles_{server_};
  TestOrganisation a_, b_;
  auth::Actor coordinator_;
  CivilDate today_;
  std::int64_t core_member_ = 0, circle_ = 0, member_ = 0, order_ = 0;
  std::int64_t library_ = 0, park_cafe_ = 0, office_ = 0;
};

class AppVenues : public ::testing::TestWithParam<Backend>, protected VenueSetting {
 protected:
  AppVenues() : VenueSetting(GetParam(), false) {}

  // The messages of the field errors of `refused`.
  static std::string Messages(const Result<std::int64_t>& refused) {
    std::string text;
    for (const auto& field : refused.error().fields) {
      text += field.field + ": " + field.message.id;
      for (const auto& argument : field.message.arguments) text += " [" + argument.value + "]";
      text += "\n";
    }
    return text;
  }
};

TEST_P(AppVenues, AVenueIsCreatedListedAndArchivedAndAnotherOrganisationsIsMissing) {
  const auto venues = app::circles::ListVenues(server_.app(), coordinator_);
  ASSERT_TRUE(venues);
  ASSERT_EQ(venues->size(), 3u);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "venue.create", a_.coordinator.id), 3u);
  app::circles::VenueCommand twin;
  twin.venue.name = "  Café du parc ";
  const auto refused = app::circles::CreateVenue(server_.app(), coordinator_, twin);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "name") << "a name once per organisation";

  const auto stranger = ActorOf(b_.coordinator);
  EXPECT_EQ(app::circles::FindVenue(server_.app(), stranger, library_).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app::circles::ArchiveVenue(server_.app(), stranger, library_).error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(app::circles::ListVenues(server_.app(), stranger)->empty());
  for (const auto& user : {a_.volunteer, a_.partner, a_.evaluator}) {
    EXPECT_FALSE(app::circles::ListVenues(server_.app(), ActorOf(user))) << user.email;
    EXPECT_EQ(app::circles::FindVenue(server_.app(), ActorOf(user), library_).error().kind,
              ErrorKind::kNotFound);
  }

  ASSERT_TRUE(app::circles::ArchiveVenue(server_.app(), coordinator_, office_));
  EXPECT_EQ(app::circles::ActiveVenues(server_.app(), coordinator_).size(), 2u);
  const auto archived = app::circles::PlanMeetings(server_.app(), coordinator_,
                                                   Plan(MeetingMode::kInPerson, office_));
  ASSERT_FALSE(archived);
  EXPECT_EQ(archived.error().fields.front().field, "venue") << "no meeting at an archived venue";
}

TEST_P(AppVenues, AChildrenPresentVenueIsRefusedWithTheNoContactWithMinorsConditionNamed) {
  const auto refused = app::circles::PlanMeetings(server_.app(), coordinator_,
                                                  Plan(MeetingMode::kInPerson, library_));
  ASSERT_FALSE(refused);
  const auto messages = Messages(refused);
  EXPECT_NE(messages.find("venue: "), std::string::npos) << messages;
  EXPECT_NE(messages.find("No contact with minors"), std::string::npos) << messages;
  EXPECT_NE(messages.find(kMinorsText), std::string::npos) << messages;
  EXPECT_EQ(refused.error().fields.size(), 1u) << messages;
  EXPECT_EQ(Meetings(), 0);
}

TEST_P(AppVenues, VideoIsRefusedWithTheInternetConditionNamedAndTelephoneIsNot) {
  const auto refused =
      app::circles::PlanMeetings(server_.app(), coordinator_, Plan(MeetingMode::kVideo, library_));
  ASSERT_FALSE(refused);
  const auto messages = Messages(refused);
  EXPECT_NE(messages.find("mode: "), std::string::npos) << messages;
  EXPECT_NE(messages.find(kInternetText), std::string::npos) << messages;
  EXPECT_EQ(messages.find(kMinorsText), std::string::npos) << "a video meeting has no venue";
  EXPECT_EQ(Meetings(), 0);

  ASSERT_TRUE(app::circles::PlanMeetings(server_.app(), coordinator_,
                                         Plan(MeetingMode::kTelephone, library_)));
  EXPECT_EQ(auth_.CountRows("circle_meetings WHERE mode = 'telephone' AND venue_id IS NULL"), 1);
}

TEST_P(AppVenues, AVenueInAnExclusionZoneIsRefusedAndAFittingVenueIsPlanned) {
  const auto refused = app::circles::PlanMeetings(server_.app(), coordinator_,
                                                  Plan(MeetingMode::kInPerson, park_cafe_));
  ASSERT_FALSE(refused);
  const auto messages = Messages(refused);
  EXPECT_NE(messages.find("Exclusion zone"), std::string::npos) << messages;
  EXPECT_NE(messages.find(kZoneText), std::string::npos) << messages;
  EXPECT_EQ(Meetings(), 0);

  ASSERT_TRUE(app::circles::PlanMeetings(server_.app(), coordinator_,
                                         Plan(MeetingMode::kInPerson, office_)));
  EXPECT_EQ(auth_.CountRows("circle_meetings WHERE venue_id = " + std::to_string(office_) +
                            " AND place = 'Local de l''organisme'"),
            1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_clash_override", a_.coordinator.id), 0u);
}

TEST_P(AppVenues, ACoordinatorOverridesWithAReasonKeptOnTheMeetingAndAudited) {
  auto command = Plan(MeetingMode::kInPerson, library_);
  command.override_clashes = true;
  command.override_reason = "   ";
  const auto without = app::circles::PlanMeetings(server_.app(), coordinator_, command);
  ASSERT_FALSE(without);
  EXPECT_EQ(without.error().fields.front().field, "override_reason");
  command.override_reason = std::string(501, 'x');
  EXPECT_FALSE(app::circles::PlanMeetings(server_.app(), coordinator_, command));
  EXPECT_EQ(Meetings(), 0) << "nothing saved without a reason";
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_clash_override", a_.coordinator.id), 0u);

  command.override_reason = "Salle réservée un soir de fermeture : aucun enfant présent.";
  ASSERT_TRUE(app::circles::PlanMeetings(server_.app(), coordinator_, command));
  ExpectOverrideKept(command.override_reason);
}

TEST_P(AppVenues, AVolunteerCannotPlanNorOverrideAndAnotherOrganisationsVenueIsRefused) {
  auto command = Plan(MeetingMode::kInPerson, library_);
  command.override_clashes = true;
  command.override_reason = "Je décide seul.";
  EXPECT_EQ(app::circles::PlanMeetings(server_.app(), ActorOf(a_.volunteer), command).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(Meetings(), 0);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_clash_override", a_.volunteer.id), 0u);

  app::circles::VenueCommand theirs;
  theirs.venue.name = "Salle de l'autre organisme";
  const auto foreign = app::circles::CreateVenue(server_.app(), ActorOf(b_.coordinator), theirs);
  ASSERT_TRUE(foreign);
  const auto refused = app::circles::PlanMeetings(server_.app(), coordinator_,
                                                  Plan(MeetingMode::kInPerson, *foreign));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "venue");
  EXPECT_EQ(Meetings(), 0);
}

TEST_P(AppVenues, TheCalendarFeedShowsTheVenuesNameAndARenameReachesIt) {
  ASSERT_TRUE(app::circles::PlanMeetings(server_.app(), coordinator_,
                                         Plan(MeetingMode::kInPerson, office_)));
  app::circles::VenueCommand renamed{.id = office_};
  renamed.venue.name = "Local de l'organisme (salle 2)";
  renamed.venue.kind = domain::VenueKind::kOffice;
  ASSERT_TRUE(app::circles::UpdateVenue(server_.app(), coordinator_, renamed));
  const auto token = circles_.CreateCalendarToken(a_.id, member_);
  const auto feed = app::circles::LoadCalendarFeed(server_.app(), token);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->meetings.size(), 1u);
  EXPECT_EQ(feed->meetings.front().place, "Local de l'organisme (salle 2)");
  EXPECT_EQ(feed->meetings.front().venue_id.value_or(0), office_);
}

TEST_P(AppVenues, AnEmergencyMeetingThatClashesIsRefusedWithTheConditionNamedAndNothingSaved) {
  const auto concern = AcknowledgedConcern();
  const auto refused = app::concerns::PlanEmergencyMeeting(
      server_.app(), coordinator_, Emergency(concern, MeetingMode::kInPerson, library_));
  ASSERT_FALSE(refused);
  auto messages = Messages(refused);
  EXPECT_NE(messages.find("venue: "), std::string::npos) << messages;
  EXPECT_NE(messages.find(kMinorsText), std::string::npos) << messages;

  const auto video = app::concerns::PlanEmergencyMeeting(
      server_.app(), coordinator_, Emergency(concern, MeetingMode::kVideo, std::nullopt));
  ASSERT_FALSE(video);
  messages = Messages(video);
  EXPECT_NE(messages.find("mode: "), std::string::npos) << messages;
  EXPECT_NE(messages.find(kInternetText), std::string::npos) << messages;

  const auto no_venue = app::concerns::PlanEmergencyMeeting(
      server_.app(), coordinator_, Emergency(concern, MeetingMode::kInPerson, std::nullopt));
  ASSERT_FALSE(no_venue);
  EXPECT_EQ(no_venue.error().fields.front().field, "venue") << "no free-text place any more";
  EXPECT_EQ(Meetings(), 0);
  EXPECT_EQ(Actions(), 0) << "no action recorded for a refused meeting";
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_plan", a_.coordinator.id), 0u);

  ASSERT_TRUE(app::concerns::PlanEmergencyMeeting(
      server_.app(), coordinator_, Emergency(concern, MeetingMode::kInPerson, office_)));
  EXPECT_EQ(auth_.CountRows("circle_meetings WHERE kind = 'emergency' AND venue_id = " +
                            std::to_string(office_) + " AND place = 'Local de l''organisme'"),
            1);
  EXPECT_EQ(Actions(), 1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_clash_override", a_.coordinator.id), 0u);
}

TEST_P(AppVenues, AnEmergencyMeetingIsPlannedDespiteAClashWithAReasonKeptAndAudited) {
  const auto concern = AcknowledgedConcern();
  auto command = Emergency(concern, MeetingMode::kInPerson, park_cafe_);
  command.override_clashes = true;
  command.override_reason = "  ";
  const auto without = app::concerns::PlanEmergencyMeeting(server_.app(), coordinator_, command);
  ASSERT_FALSE(without);
  EXPECT_EQ(without.error().fields.front().field, "override_reason");
  EXPECT_EQ(Meetings(), 0) << "nothing saved without a reason";
  EXPECT_EQ(Actions(), 0);

  command.override_reason = "Seul lieu ouvert ce soir ; rencontre en salle fermée.";
  ASSERT_TRUE(app::concerns::PlanEmergencyMeeting(server_.app(), coordinator_, command));
  ExpectOverrideKept(command.override_reason);
  EXPECT_EQ(auth_.CountRows("circle_meetings WHERE kind = 'emergency'"), 1);
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_plan", a_.coordinator.id), 1u);
  EXPECT_EQ(Actions(), 1);

  auto volunteer = Emergency(concern, MeetingMode::kInPerson, park_cafe_);
  volunteer.override_clashes = true;
  volunteer.override_reason = "Je décide seul.";
  EXPECT_EQ(app::concerns::PlanEmergencyMeeting(server_.app(), ActorOf(a_.volunteer), volunteer)
                .error()
                .kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(Meetings(), 1);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppVenues, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppVenues, ::testing::Values(Backend::kPostgres));

// The same over a real socket.
class VenueAccess : public ::testing::TestWithParam<Backend>, protected VenueSetting {
 protected:
  VenueAccess() : VenueSetting(GetParam(), true) {}

  using Fields = std::vector<std::pair<std::string, std::string>>;

  // Posts `plan` at the library to `path` from page `back`: refused with the minors condition
  // named, the override offered and nothing saved; then planned with the override and a reason.
  void ExpectRefusedThenOverridden(HttpClient& client, const std::string& path,
                                   const std::string& back, Fields plan) {
    const auto refused = client.PostForm(path, plan, back);
    ASSERT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find(kMinorsText), std::string::npos);
    EXPECT_NE(refused.body.find("name=\"override_reason\""), std::string::npos);
    EXPECT_EQ(Meetings(), 0);
    plan.push_back({"override", "yes"});
    plan.push_back({"override_reason", "Soirée de fermeture de la bibliothèque."});
    EXPECT_EQ(client.PostForm(path, plan, back).status, 303);
    EXPECT_EQ(Meetings(), 1);
  }
};

TEST_P(VenueAccess, OnlyStaffSeeTheRegisterAndAnotherOrganisationsVenueIsMissing) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const auto page = coordinator->Get("/circles/venues");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Bibliothèque municipale (salle B)"), std::string::npos);
  EXPECT_NE(page.body.find("/circles/venues/" + std::to_string(library_)), std::string::npos);
  const auto created = coordinator->PostForm(
      "/circles/venues", {{"name", "Centre communautaire (essai)"}, {"kind", "community_centre"}},
      "/circles/venues/new");
  EXPECT_EQ(created.status, 303);
  const auto empty = coordinator->PostForm("/circles/venues", {{"name", ""}, {"kind", "cafe"}},
                                           "/circles/venues/new");
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(auth_.CountRows("venues WHERE organisation_id = " + std::to_string(a_.id)), 4);

  for (const auto& user : {a_.partner, a_.evaluator, a_.volunteer}) {
    auto client = auth_.SignedInClient(user);
    const auto refused = client->Get("/circles/venues");
    EXPECT_EQ(refused.status, 403) << user.email;
    EXPECT_EQ(refused.body.find("Bibliothèque municipale"), std::string::npos) << user.email;
    EXPECT_EQ(client->Get("/circles/venues/" + std::to_string(library_)).status, 404);
  }
  auto stranger = auth_.SignedInClient(b_.coordinator);
  const auto foreign = stranger->Get("/circles/venues/" + std::to_string(library_));
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.body.find("Bibliothèque municipale"), std::string::npos);
  EXPECT_EQ(stranger->Get("/circles/venues").body.find("Bibliothèque municipale"),
            std::string::npos);
}

TEST_P(VenueAccess, TheCirclePageRefusesAClashNamingTheConditionAndTheFeedNamesTheVenue) {
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string circle = "/circles/" + std::to_string(circle_);
  ExpectRefusedThenOverridden(*coordinator, circle + "/meetings", circle,
                              {{"kind", "group"},
                               {"date", FormatIsoDate(AddDays(today_, 3))},
                               {"time", "19:00"},
                               {"duration", "2"},
                               {"mode", "in_person"},
                               {"venue", std::to_string(library_)},
                               {"count", "1"}});

  auto volunteer = auth_.SignedInClient(a_.volunteer);
  const auto made = volunteer->PostForm("/portal/calendar", {});
  const std::string token = TextBetween(made.body, "/calendar/", ".ics");
  HttpClient anyone(server_.base_url());
  const auto feed = anyone.Get("/calendar/" + token + ".ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.body.find("Bibliothèque municipale (salle B)"), std::string::npos) << feed.body;
  EXPECT_EQ(feed.body.find("Marcel"), std::string::npos);
  EXPECT_EQ(feed.body.find("Bastien"), std::string::npos);
}

TEST_P(VenueAccess, TheConcernPageRefusesAnEmergencyMeetingThatClashesUnlessOverridden) {
  const auto concern_id = AcknowledgedConcern();
  auto coordinator = auth_.SignedInClient(a_.coordinator);
  const std::string concern = "/concerns/" + std::to_string(concern_id);
  const auto page = coordinator->Get(concern);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"venue\""), std::string::npos);
  EXPECT_NE(page.body.find("Bibliothèque municipale (salle B)"), std::string::npos);
  ExpectRefusedThenOverridden(*coordinator, concern + "/emergency-meeting", concern,
                              {{"date", FormatIsoDate(AddDays(today_, 1))},
                               {"time", "19:00"},
                               {"duration", "90"},
                               {"mode", "in_person"},
                               {"venue", std::to_string(library_)}});
  EXPECT_EQ(auth_.CountAuditEntries(a_.id, "circle.meeting_clash_override", a_.coordinator.id), 1u);
  EXPECT_EQ(auth_.CountRows("concern_actions WHERE note LIKE '%Bibliothèque municipale%'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, VenueAccess, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, VenueAccess, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
