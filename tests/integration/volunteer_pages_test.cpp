// The coordinators' volunteer pages and the volunteer portal over a real socket, on SQLite and
// PostgreSQL: the pipeline (allowed moves work, others are refused with nothing changed), forms
// that keep what was typed, the gate following the clock, the home page's attention items, hours
// from the portal to the funders' totals, training attendance, screening documents and the
// organisation's set-up.
#include <gtest/gtest.h>

#include "store/volunteer_hours_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"
#include "web/http.hpp"

namespace cercle::testing {
namespace {

using namespace std::chrono_literals;
using domain::VolunteerStage;

class VolunteerPages : public ::testing::TestWithParam<Backend> {
 protected:
  VolunteerPages() {
    organisation_ = auth_.CreateOrganisationWithEveryRole("Cercles Montréal (essai)", "montreal");
    coordinator_ = auth_.SignedInClient(organisation_.coordinator);
  }

  std::string Id(std::int64_t id) const { return std::to_string(id); }
  std::size_t Audited(const std::string& action) {
    return auth_.CountAuditEntries(organisation_.id, action, organisation_.coordinator.id);
  }
  // A file that passes the gate today: approved, every item satisfactory, the basic training done.
  std::int64_t ReadyVolunteer(const std::string& first_name) {
    const auto id = volunteers_.CreateVolunteer(organisation_.id, first_name, "Essai",
                                                VolunteerStage::kApproved, std::nullopt, "",
                                                organisation_.coordinator.id);
    volunteers_.AddFullScreening(organisation_.id, id, AddDays(volunteers_.Today(), -30));
    for (int i = 0; i < 5; ++i) {
      volunteers_.AddTrainingSession(organisation_.id, 0, AddDays(volunteers_.Today(), -40 + i),
                                     180, {id});
    }
    return id;
  }

  // Moves the expiry of the volunteer's expiring items (the police check) to `date`.
  void ExpireChecksOn(std::int64_t id, CivilDate date) {
    const std::string expires = FormatIsoDate(date);
    const auto done = server_.runtime().database().Write(
        store::Scope::Organisation(organisation_.id), [&](soci::session& session) -> Status {
          session << "UPDATE screening_items SET expires_on = :date WHERE volunteer_id = :id"
                     " AND expires_on IS NOT NULL",
              soci::use(expires, "date"), soci::use(id, "id");
          return {};
        });
    ASSERT_TRUE(done);
  }

  TestServer server_{TestServer::Options{GetParam(), {}}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  TestOrganisation organisation_;
  std::unique_ptr<HttpClient> coordinator_;
};

TEST_P(VolunteerPages, ACoordinatorMovesAnApplicantThroughToApproved) {
  const auto created = coordinator_->PostForm("/volunteers", {{"first_name", "Rosalie"},
                                                              {"last_name", "Exemple"},
                                                              {"email", "rosalie@courriel.example"},
                                                              {"date_of_birth", "1988-04-02"},
                                                              {"availability", "tue-evening"},
                                                              {"availability", "sat-morning"},
                                                              {"heard_about", "word_of_mouth"}});
  ASSERT_EQ(created.status, 303);
  const std::string location = created.Header("location");
  ASSERT_TRUE(location.starts_with("/volunteers/")) << location;
  const std::string path = location.substr(0, location.find('?'));
  const auto id = std::stoll(path.substr(std::string("/volunteers/").size()));
  EXPECT_EQ(Audited("volunteer.create"), 1u);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, id).stage, VolunteerStage::kInquiry);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, id).availability.Format(),
            "tue-evening,sat-morning");

  for (const char* to : {"orientation", "training", "screening", "approved"}) {
    const auto moved = coordinator_->PostForm(path + "/stage",
                                              {{"to", to}, {"reason", std::string("Vers ") + to}});
    ASSERT_EQ(moved.status, 303) << to << ": "
                                 << TextBetween(moved.body, "role=\"alert\"", "</div>");
    EXPECT_EQ(moved.Header("location"), path + "?moved=1");
  }
  EXPECT_EQ(volunteers_.Stored(organisation_.id, id).stage, VolunteerStage::kApproved);
  EXPECT_EQ(volunteers_.HistoryLength(organisation_.id, id), 5u);
  EXPECT_EQ(Audited("volunteer.stage"), 4u);
  const auto file = coordinator_->Get(path);
  EXPECT_NE(file.body.find("Vers approved"), std::string::npos) << "the reason is in the history";
}

TEST_P(VolunteerPages, AMoveThePipelineDoesNotAllowChangesNothing) {
  const auto id =
      volunteers_.CreateVolunteer(organisation_.id, "Octave", "Essai", VolunteerStage::kInquiry);
  const std::string path = "/volunteers/" + Id(id);
  const auto snapshot = [&] {
    return std::to_string(static_cast<int>(volunteers_.Stored(organisation_.id, id).stage)) + "/" +
           std::to_string(volunteers_.HistoryLength(organisation_.id, id)) + "/" +
           std::to_string(Audited("volunteer.stage"));
  };
  const auto before = snapshot();
  // Skipping steps.
  const auto skipped =
      coordinator_->PostForm(path + "/stage", {{"to", "approved"}, {"reason", "Trop pressé"}});
  EXPECT_EQ(skipped.status, 422);
  EXPECT_NE(skipped.body.find("Trop pressé"), std::string::npos) << "the reason typed is kept";
  EXPECT_NE(skipped.body.find("aria-invalid=\"true\" aria-describedby=\"move-to-error\""),
            std::string::npos);
  // No reason for a closing move (a step forward needs none), an unknown step, a closed file.
  EXPECT_EQ(
      coordinator_->PostForm(path + "/stage", {{"to", "not_retained"}, {"reason", "  "}}).status,
      422);
  EXPECT_EQ(coordinator_->PostForm(path + "/stage", {{"to", "promoted"}, {"reason", "x"}}).status,
            422);
  EXPECT_EQ(snapshot(), before);

  const auto closed = volunteers_.CreateVolunteer(organisation_.id, "Héloïse", "Hypothèse",
                                                  VolunteerStage::kExited);
  EXPECT_EQ(coordinator_
                ->PostForm("/volunteers/" + Id(closed) + "/stage",
                           {{"to", "active"}, {"reason", "Retour"}})
                .status,
            422);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, closed).stage, VolunteerStage::kExited);

  // Approval needs a date of birth showing the minimum age.
  const auto young =
      volunteers_.CreateVolunteer(organisation_.id, "Jules", "Inventé", VolunteerStage::kScreening);
  auto stored = volunteers_.Stored(organisation_.id, young);
  const auto changed = coordinator_->PostForm(
      "/volunteers/" + Id(young) + "/edit",
      {{"first_name", stored.first_name},
       {"last_name", stored.last_name},
       {"date_of_birth", FormatIsoDate(AddMonths(volunteers_.Today(), -12 * 20))}});
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(coordinator_
                ->PostForm("/volunteers/" + Id(young) + "/stage",
                           {{"to", "approved"}, {"reason", "Prêt"}})
                .status,
            422);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, young).stage, VolunteerStage::kScreening);
}

TEST_P(VolunteerPages, FormsKeepWhatWasTypedAndStoreNothingWhenWrong) {
  const auto refused = coordinator_->PostForm("/volunteers", {{"first_name", "Capucine"},
                                                              {"last_name", ""},
                                                              {"email", "pas une adresse"},
                                                              {"region", "Mile End"},
                                                              {"availability", "fri-evening"},
                                                              {"notes", "Rencontrée au salon"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("value=\"Capucine\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"Mile End\""), std::string::npos);
  EXPECT_NE(refused.body.find("Rencontrée au salon"), std::string::npos);
  EXPECT_NE(TextBetween(refused.body, "value=\"fri-evening\"", ">").find(" checked"),
            std::string::npos)
      << "the availability ticked is kept";
  EXPECT_EQ(TextBetween(refused.body, "value=\"sat-evening\"", ">").find(" checked"),
            std::string::npos);
  EXPECT_NE(refused.body.find("id=\"last_name-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("id=\"email-error\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("volunteers"), 0);
}

TEST_P(VolunteerPages, TheGateFollowsTheClockAndAnExpiredCheckPutsTheVolunteerOnHold) {
  const auto id = ReadyVolunteer("Octave");
  // The police check (the only item that expires) expires tomorrow.
  ExpireChecksOn(id, AddDays(volunteers_.Today(), 1));
  const std::string path = "/volunteers/" + Id(id);
  const auto ready = coordinator_->Get(path);
  ASSERT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body.find("data-condition="), std::string::npos) << "every condition holds today";
  EXPECT_EQ(ready.body.find("gate-failures"), std::string::npos);

  server_.clock().Advance(24h);
  coordinator_ = auth_.SignedInClient(organisation_.coordinator);  // sessions end after 12 hours
  const auto blocked = coordinator_->Get(path);
  EXPECT_NE(blocked.body.find("data-condition=\"screening_valid\""), std::string::npos)
      << "blocked the day after";
  EXPECT_NE(blocked.body.find("badge--danger"), std::string::npos);
  const auto list = coordinator_->Get("/volunteers");
  EXPECT_NE(TextBetween(list.body, "<tbody>", "</tbody>").find("badge--danger"), std::string::npos)
      << "the list shows the volunteer on hold";
}

TEST_P(VolunteerPages, TheHomePageListsExpiringChecksAndMissingSupervision) {
  const auto id = ReadyVolunteer("Fernand");
  ExpireChecksOn(id, AddDays(volunteers_.Today(), 30));
  const auto soon = coordinator_->Get("/");
  const auto attention = TextBetween(soon.body, "attention__list", "</ul>");
  // The home page's triage: the item is "soon", names the volunteer and leads to the screening.
  const auto item = TextBetween(attention, "attention__item--soon triage-item", "</li>");
  EXPECT_NE(item.find("Fernand Essai"), std::string::npos) << attention;
  EXPECT_NE(item.find("href=\"/volunteers/" + Id(id) + "#screening\""), std::string::npos)
      << attention;
  EXPECT_EQ(attention.find("#supervision"), std::string::npos);

  // Thirty-one days later the check has expired (urgent), and the approval is older than 90 days?
  // Not yet.
  server_.clock().Advance(24h * 31);
  coordinator_ = auth_.SignedInClient(organisation_.coordinator);  // sessions end after 12 hours
  const auto expired = TextBetween(coordinator_->Get("/").body, "attention__list", "</ul>");
  EXPECT_NE(TextBetween(expired, "attention__item--urgent triage-item", "</li>")
                .find("href=\"/volunteers/" + Id(id) + "#screening\""),
            std::string::npos)
      << expired;
  EXPECT_EQ(expired.find("#supervision"), std::string::npos);
  // Sixty more days: 91 days since the approval, without supervision.
  server_.clock().Advance(24h * 60);
  coordinator_ = auth_.SignedInClient(organisation_.coordinator);  // sessions end after 12 hours
  const auto overdue = TextBetween(coordinator_->Get("/").body, "attention__list", "</ul>");
  EXPECT_NE(overdue.find("/volunteers/" + Id(id) + "#supervision"), std::string::npos) << overdue;
  EXPECT_NE(overdue.find("91"), std::string::npos);
  // A supervision session clears the flag.
  const auto recorded = coordinator_->PostForm("/volunteers/" + Id(id) + "/supervision",
                                               {{"held_on", FormatIsoDate(volunteers_.Today())},
                                                {"kind", "supervision"},
                                                {"notes", "Tout va bien."}});
  EXPECT_EQ(recorded.status, 303);
  EXPECT_EQ(
      TextBetween(coordinator_->Get("/").body, "attention__list", "</ul>").find("#supervision"),
      std::string::npos);
  // A volunteer's home page has no attention list.
  EXPECT_EQ(auth_.SignedInClient(organisation_.volunteer)->Get("/").body.find("attention__list"),
            std::string::npos);
}

TEST_P(VolunteerPages, HoursGoFromThePortalToTheFundersTotalsOnceApproved) {
  const auto id = volunteers_.CreateVolunteer(organisation_.id, "Bastien", "Fictif",
                                              VolunteerStage::kActive, organisation_.volunteer.id);
  auto volunteer = auth_.SignedInClient(organisation_.volunteer);
  const std::string today = FormatIsoDate(volunteers_.Today());
  // A wrong duration keeps what was typed.
  const auto wrong = volunteer->PostForm("/portal/hours", {{"worked_on", today},
                                                           {"kind", "travel"},
                                                           {"duration", "beaucoup"},
                                                           {"description", "Trajet à Laval"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("value=\"beaucoup\""), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"Trajet à Laval\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("volunteer_hours"), 0);

  const auto logged = volunteer->PostForm("/portal/hours", {{"worked_on", today},
                                                            {"kind", "travel"},
                                                            {"duration", "1:30"},
                                                            {"description", "Trajet à Laval"}});
  ASSERT_EQ(logged.status, 303);
  EXPECT_EQ(logged.Header("location"), "/portal?logged=1");
  const auto pending_page = coordinator_->Get("/volunteers/hours");
  ASSERT_EQ(pending_page.status, 200);
  EXPECT_NE(
      TextBetween(pending_page.body, "id=\"pending-title\"", "</section>").find("Trajet à Laval"),
      std::string::npos);
  const std::string year = std::to_string(static_cast<int>(volunteers_.Today().year()));
  EXPECT_EQ(pending_page.body.find("<th scope=\"row\">" + year + "</th>"), std::string::npos)
      << "pending hours are not counted";

  const auto entry = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_.id), [&](soci::session& session) {
        return store::VolunteerHoursStore(session).ListPending(organisation_.id);
      });
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry.front().minutes, 90);
  EXPECT_EQ(entry.front().volunteer_id, id);
  // A volunteer cannot approve their own hours.
  EXPECT_EQ(volunteer
                ->PostForm("/volunteers/hours/" + Id(entry.front().id) + "/review",
                           {{"decision", "approve"}})
                .status,
            404);
  const auto approved =
      coordinator_->PostForm("/volunteers/hours/" + Id(entry.front().id) + "/review",
                             {{"decision", "approve"}, {"back", "hours"}});
  ASSERT_EQ(approved.status, 303);
  EXPECT_EQ(Audited("volunteer.hours_review"), 1u);
  // Reviewed once only.
  EXPECT_EQ(coordinator_
                ->PostForm("/volunteers/hours/" + Id(entry.front().id) + "/review",
                           {{"decision", "reject"}})
                .status,
            409);
  const auto totals = coordinator_->Get("/volunteers/hours");
  EXPECT_NE(totals.body.find("<th scope=\"row\">" + year + "</th><td>1,5</td><td>41,25 $</td>"),
            std::string::npos)
      << "1.5 h at the default 27.50 $ an hour";
  EXPECT_NE(volunteer->Get("/portal").body.find("1,5 h"), std::string::npos);
}

TEST_P(VolunteerPages, TotalsCountApprovedHoursByMonthAndYearAcrossBoundaries) {
  server_.clock().Set(Instant(std::chrono::sys_days(std::chrono::year{2027} / 1 / 20)) + 14h);
  coordinator_ = auth_.SignedInClient(organisation_.coordinator);  // sessions end after 12 hours
  const auto id =
      volunteers_.CreateVolunteer(organisation_.id, "Anatole", "Ébauche", VolunteerStage::kActive);
  const auto by = organisation_.coordinator.id;
  using std::chrono::year, std::chrono::month, std::chrono::day;
  const auto on = [](int y, unsigned m, unsigned d) {
    return CivilDate{year{y}, month{m}, day{d}};
  };
  volunteers_.AddHours(organisation_.id, id, on(2026, 11, 30), 60, domain::HoursStatus::kApproved,
                       by);
  volunteers_.AddHours(organisation_.id, id, on(2026, 12, 1), 30, domain::HoursStatus::kApproved,
                       by);
  volunteers_.AddHours(organisation_.id, id, on(2026, 12, 31), 120, domain::HoursStatus::kApproved,
                       by);
  volunteers_.AddHours(organisation_.id, id, on(2027, 1, 1), 90, domain::HoursStatus::kApproved,
                       by);
  volunteers_.AddHours(organisation_.id, id, on(2027, 1, 2), 45, domain::HoursStatus::kPending, by);
  volunteers_.AddHours(organisation_.id, id, on(2026, 12, 31), 600, domain::HoursStatus::kRejected,
                       by);
  volunteers_.AddTrainingSession(organisation_.id, 1, on(2027, 1, 3), 120, {id});

  const auto counted = server_.runtime().database().Read(
      store::Scope::Organisation(organisation_.id), [&](soci::session& session) {
        return store::VolunteerHoursStore(session).ListCounted(organisation_.id);
      });
  const auto totals = domain::TotalHours(counted, domain::CountedHours::kApprovedOnly);
  EXPECT_EQ(totals.by_month.at(domain::YearMonth{2026, 11}), 60);
  EXPECT_EQ(totals.by_month.at(domain::YearMonth{2026, 12}), 150);
  EXPECT_EQ(totals.by_month.at(domain::YearMonth{2027, 1}), 90);
  EXPECT_EQ(totals.by_year.at(2026), 210);
  EXPECT_EQ(totals.by_year.at(2027), 90);

  // The funders' page: training counts, pending hours are shown apart and not counted.
  const auto page = coordinator_->Get("/volunteers/hours?year=2027");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<th scope=\"row\">2027</th><td>3,5</td>"), std::string::npos)
      << "1.5 h logged + 2 h training";
  EXPECT_NE(page.body.find("<th scope=\"row\">2026</th><td>3,5</td>"), std::string::npos);
  EXPECT_NE(page.body.find("<td>3,5</td><td>96,25 $</td><td>0,75</td>"), std::string::npos)
      << "January 2027";
  const auto december = coordinator_->Get("/volunteers/hours?year=2026");
  EXPECT_NE(december.body.find("<td>2,5</td><td>68,75 $</td><td>—</td>"), std::string::npos)
      << "December 2026";
  EXPECT_NE(december.body.find("<td>1</td><td>27,50 $</td><td>—</td>"), std::string::npos)
      << "November 2026";
}

TEST_P(VolunteerPages, TrainingAttendanceAddsUpPerVolunteer) {
  const auto id =
      volunteers_.CreateVolunteer(organisation_.id, "Lucie", "Fictive", VolunteerStage::kTraining);
  const auto setup = volunteers_.Setup(organisation_.id);
  const auto created = coordinator_->PostForm("/volunteers/training",
                                              {{"module", Id(setup.modules[0].id)},
                                               {"held_on", FormatIsoDate(volunteers_.Today())},
                                               {"duration", "3"},
                                               {"title", "Écoute et limites"}});
  ASSERT_EQ(created.status, 303);
  const std::string session =
      created.Header("location").substr(0, created.Header("location").find('?'));
  // A time longer than the session is refused, with the ticks kept.
  const auto wrong =
      coordinator_->PostForm(session, {{"attended", Id(id)}, {"time-" + Id(id), "4"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("id=\"time-" + Id(id) + "-error\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("training_attendance"), 0);
  const auto saved =
      coordinator_->PostForm(session, {{"attended", Id(id)}, {"time-" + Id(id), "2:30"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(Audited("training.attendance"), 1u);
  const auto file = coordinator_->Get("/volunteers/" + Id(id));
  EXPECT_NE(file.body.find("2,5 h / 15 h"), std::string::npos);
  EXPECT_NE(file.body.find("data-condition=\"basic_training_complete\""), std::string::npos);
}

TEST_P(VolunteerPages, AScreeningItemIsRecordedWithItsDocumentAndWithdrawnWithAReason) {
  const auto id = volunteers_.CreateVolunteer(organisation_.id, "Ginette", "Simulée",
                                              VolunteerStage::kScreening);
  const auto setup = volunteers_.Setup(organisation_.id);
  const std::string boundary = "----cercle-essai";
  std::string body;
  const auto field = [&](const std::string& name, const std::string& value) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  };
  field("csrf", coordinator_->CsrfToken("/volunteers/" + Id(id) + "/screening"));
  field("type", Id(setup.types[0].id));
  field("completed_on", FormatIsoDate(AddDays(volunteers_.Today(), -3)));
  field("result", "passed");
  field("notes", "Aucun antécédent.");
  body += "--" + boundary +
          "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"police.pdf\"\r\n"
          "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj <<>> endobj\ntrailer "
          "<<>>\n%%EOF\n\r\n";
  body += "--" + boundary + "--\r\n";
  const auto recorded = coordinator_->Post("/volunteers/" + Id(id) + "/screening", body, {},
                                           "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(recorded.status, 303) << TextBetween(recorded.body, "role=\"alert\"", "</div>");
  EXPECT_EQ(Audited("volunteer.screening_record"), 1u);
  EXPECT_EQ(Audited("document.upload"), 1u);
  const auto file = coordinator_->Get("/volunteers/" + Id(id));
  const auto document = TextBetween(file.body, "href=\"/volunteers/documents/", "\"");
  ASSERT_FALSE(document.empty());
  EXPECT_EQ(coordinator_->Get("/volunteers/documents/" + document).body.rfind("%PDF", 0), 0u);
  // The expiry is three years on.
  const auto item = TextBetween(file.body, "action=\"/volunteers/screening/", "/withdraw\"");
  ASSERT_FALSE(item.empty());
  // Withdrawing needs a reason, and a confirmation in the page.
  EXPECT_NE(file.body.find("data-confirm="), std::string::npos);
  EXPECT_EQ(coordinator_->PostForm("/volunteers/screening/" + item + "/withdraw", {{"reason", " "}})
                .status,
            422);
  EXPECT_EQ(auth_.CountRows("screening_items WHERE withdrawn_at IS NOT NULL"), 0);
  EXPECT_EQ(
      coordinator_
          ->PostForm("/volunteers/screening/" + item + "/withdraw", {{"reason", "Mauvais dossier"}})
          .status,
      303);
  EXPECT_EQ(auth_.CountRows("screening_items WHERE withdrawn_at IS NOT NULL"), 1);
  EXPECT_EQ(
      coordinator_->PostForm("/volunteers/screening/" + item + "/withdraw", {{"reason", "Encore"}})
          .status,
      409);
}

TEST_P(VolunteerPages, AStepForwardIsChosenAlreadyAndAStepBackSaysWhy) {
  const auto id =
      volunteers_.CreateVolunteer(organisation_.id, "Octave", "Essai", VolunteerStage::kInquiry);
  const std::string path = "/volunteers/" + Id(id);
  const auto file = coordinator_->Get(path);
  EXPECT_NE(file.body.find("<option value=\"orientation\" selected>"), std::string::npos)
      << "the step forward is chosen already";
  const auto forward = coordinator_->PostForm(path + "/stage", {{"to", "orientation"}});
  ASSERT_EQ(forward.status, 303);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, id).stage, VolunteerStage::kOrientation);
  const auto back = coordinator_->PostForm(path + "/stage", {{"to", "inquiry"}, {"reason", ""}});
  EXPECT_EQ(back.status, 422);
  EXPECT_NE(back.body.find("id=\"move-reason-error\""), std::string::npos);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, id).stage, VolunteerStage::kOrientation);
  ASSERT_EQ(
      coordinator_->PostForm(path + "/stage", {{"to", "inquiry"}, {"reason", "Séance reportée."}})
          .status,
      303);
  EXPECT_EQ(volunteers_.Stored(organisation_.id, id).stage, VolunteerStage::kInquiry);
  EXPECT_EQ(Audited("volunteer.stage"), 2u);
}

TEST_P(VolunteerPages, TheFileRecordsEveryScreeningItemInOneSubmitOrNone) {
  const auto id = volunteers_.CreateVolunteer(organisation_.id, "Ginette", "Simulée",
                                              VolunteerStage::kScreening);
  const auto types = volunteers_.Setup(organisation_.id).types;
  const std::string path = "/volunteers/" + Id(id);
  // One row per item needed: the police check, two references, the interview, two agreements.
  const auto file = coordinator_->Get(path);
  ASSERT_EQ(file.status, 200);
  for (int row = 0; row < 6; ++row) {
    EXPECT_NE(file.body.find("name=\"row-" + std::to_string(row) + "-completed_on\""),
              std::string::npos)
        << row;
  }
  EXPECT_EQ(file.body.find("name=\"row-6-completed_on\""), std::string::npos);
  const std::string yesterday = FormatIsoDate(AddDays(volunteers_.Today(), -1));
  std::vector<std::pair<std::string, std::string>> fields;
  for (int row = 0; row < 6; ++row) {
    const std::string name = "row-" + std::to_string(row);
    const auto& type = types[row == 0 ? 0 : row <= 2 ? 1 : static_cast<std::size_t>(row - 1)];
    fields.push_back({name + "-type", Id(type.id)});
    fields.push_back({name + "-completed_on", row == 3 ? "le 3 mai" : yesterday});
    fields.push_back({name + "-result", "passed"});
    fields.push_back({name + "-expires_on", ""});
  }
  const auto refused = coordinator_->PostForm(path + "/screening-items", fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("id=\"row-3-completed_on-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"le 3 mai\""), std::string::npos) << "what was typed stays";
  EXPECT_NE(refused.body.find("value=\"" + yesterday + "\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("screening_items"), 0) << "one wrong row saves nothing";
  EXPECT_EQ(Audited("volunteer.screening_record"), 0u);

  fields[3 * 4 + 1].second = yesterday;
  const auto saved = coordinator_->PostForm(path + "/screening-items", fields);
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("location"), path + "?screened=1#screening");
  EXPECT_EQ(auth_.CountRows("screening_items"), 6);
  EXPECT_EQ(Audited("volunteer.screening_record"), 6u);
  const auto after = coordinator_->Get(path + "?screened=1");
  EXPECT_EQ(after.body.find("data-condition=\"screening_valid\""), std::string::npos)
      << "every item is valid";

  // Another organisation's coordinator gets the audited 404, and nothing is saved.
  const auto other = auth_.CreateOrganisationWithEveryRole("Cercles Québec (essai)", "quebec");
  const auto stranger = auth_.SignedInClient(other.coordinator);
  EXPECT_EQ(stranger->PostForm(path + "/screening-items", fields).status, 404);
  EXPECT_EQ(auth_.CountRows("screening_items"), 6);
}

TEST_P(VolunteerPages, AMultiDayTrainingIsOneEntryAndAttendanceIsTickedFromAFilteredRoster) {
  const auto trainee =
      volunteers_.CreateVolunteer(organisation_.id, "Lucie", "Fictive", VolunteerStage::kTraining);
  const auto applicant =
      volunteers_.CreateVolunteer(organisation_.id, "Noé", "Imaginaire", VolunteerStage::kInquiry);
  const auto setup = volunteers_.Setup(organisation_.id);
  const auto first_day = AddDays(volunteers_.Today(), -10);
  const auto wrong = coordinator_->PostForm("/volunteers/training",
                                            {{"module", Id(setup.modules[0].id)},
                                             {"held_on", FormatIsoDate(first_day)},
                                             {"ends_on", FormatIsoDate(AddDays(first_day, 1))},
                                             {"duration", "30"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("id=\"duration-error\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("training_sessions"), 0);
  const auto created = coordinator_->PostForm("/volunteers/training",
                                              {{"module", Id(setup.modules[0].id)},
                                               {"held_on", FormatIsoDate(first_day)},
                                               {"ends_on", FormatIsoDate(AddDays(first_day, 2))},
                                               {"duration", "15"},
                                               {"title", "Fin de semaine intensive"}});
  ASSERT_EQ(created.status, 303);
  const std::string session =
      created.Header("location").substr(0, created.Header("location").find('?'));
  const auto page = coordinator_->Get(session);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"attended-" + Id(trainee) + "\""), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"attended-" + Id(applicant) + "\""), std::string::npos)
      << "the roster shows the volunteers in training";
  EXPECT_NE(page.body.find("value=\"15\""), std::string::npos) << "the whole training is filled in";
  const auto every = coordinator_->Get(session + "?stage=all&q=imag");
  EXPECT_NE(every.body.find("id=\"attended-" + Id(applicant) + "\""), std::string::npos);
  EXPECT_EQ(every.body.find("id=\"attended-" + Id(trainee) + "\""), std::string::npos);

  const auto saved = coordinator_->PostForm(
      session + "?stage=training", {{"attended", Id(trainee)}, {"time-" + Id(trainee), "15"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.Header("location"), session + "?stage=training&saved=1");
  EXPECT_EQ(Audited("training.attendance"), 1u);
  const auto file = coordinator_->Get("/volunteers/" + Id(trainee));
  EXPECT_NE(file.body.find("15 h / 15 h"), std::string::npos);
  EXPECT_EQ(file.body.find("data-condition=\"basic_training_complete\""), std::string::npos);
  const auto list = coordinator_->Get("/volunteers/training");
  EXPECT_NE(list.body.find("Fin de semaine intensive"), std::string::npos);
}

TEST_P(VolunteerPages, AdminsAdjustTheScreeningItemsAndTrainingModules) {
  auto admin = auth_.SignedInClient(organisation_.admin);
  const auto page = admin->Get("/volunteers/setup");
  ASSERT_EQ(page.status, 200);
  // The five default items and two default modules, each a form of its own, and one to add each.
  EXPECT_EQ(auth_.CountRows("screening_item_types"), 5);
  EXPECT_NE(page.body.find("action=\"/volunteers/setup/screening/"), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/volunteers/setup/training\""), std::string::npos);
  EXPECT_EQ(coordinator_->Get("/volunteers/setup").status, 403);
  const auto refused = admin->PostForm(
      "/volunteers/setup/screening",
      {{"name", "Formation en ligne"}, {"required_count", "0"}, {"validity_months", "12"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("value=\"Formation en ligne\""), std::string::npos);
  EXPECT_EQ(auth_.CountRows("screening_item_types"), 5);
  const auto added = admin->PostForm("/volunteers/setup/screening",
                                     {{"name", "Vérification du permis de conduire"},
                                      {"required", "1"},
                                      {"required_count", "1"},
                                      {"validity_months", "12"}});
  EXPECT_EQ(added.status, 303);
  EXPECT_EQ(auth_.CountRows("screening_item_types"), 6);
  // The basic training becomes 12 hours long.
  const auto setup = volunteers_.Setup(organisation_.id);
  const auto changed = admin->PostForm("/volunteers/setup/training/" + Id(setup.modules[0].id),
                                       {{"name", "Formation de base"},
                                        {"required_hours", "12"},
                                        {"required_for_circles", "1"},
                                        {"active", "1"}});
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(volunteers_.Setup(organisation_.id).modules[0].required_minutes, 12 * 60);
  EXPECT_EQ(auth_.CountAuditEntries(organisation_.id, "volunteer_setup.training_module",
                                    organisation_.admin.id),
            1u);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, VolunteerPages, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, VolunteerPages, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
