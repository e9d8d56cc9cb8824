// The end-of-circle questionnaires (app/circles/endings, app/portal/endings), on SQLite and
// PostgreSQL: closing a circle opens one for the core member, one for each volunteer still in it
// and one for the officer, whose link is mailed to the circle's parole officer; the coordinator
// types in the core member's paper answers once; over HTTP a volunteer answers only his own
// questionnaire, once (another's is 404), partners, evaluators and another organisation see none
// of it, and the officer's single-use link works once and then no more; the dashboard's figures
// equal those computed here from the answers given.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/circles/circle_phase.hpp"
#include "app/circles/endings.hpp"
#include "app/portal/endings.hpp"
#include "app/portal/portal.hpp"
#include "app/reports/report_queries.hpp"
#include "store/circle_store.hpp"
#include "store/ending_store.hpp"
#include "support/auth_fixture.hpp"
#include "support/circle_fixture.hpp"
#include "support/concern_fixture.hpp"
#include "support/test_server.hpp"
#include "support/volunteer_fixture.hpp"

namespace cercle::testing {
namespace {

using domain::EndingRespondent;

class AppEndings : public ::testing::TestWithParam<Backend> {
 protected:
  AppEndings() {
    a_ = auth_.CreateOrganisationWithEveryRole("Cercles A (essai)", "cercles-a");
    b_ = auth_.CreateOrganisationWithEveryRole("Cercles B (essai)", "cercles-b");
    today_ = circles_.Today();
    const auto circle = circles_.CreateWeeklyCircle(a_.id, "Marcel Exemple", "2026-001", 100,
                                                    "Solange", "Portail", a_.volunteer.id);
    circle_ = circle.circle_id;
    own_ = circle.volunteer_id;
    other_user_ = auth_.CreateUser(a_.id, "Odile Membre", "odile@cercles-a.example",
                                   {domain::Role::kVolunteer});
    second_ = volunteers_.CreateVolunteer(a_.id, "Odile", "Membre", domain::VolunteerStage::kActive,
                                          other_user_.id);
    circles_.AddMember(a_.id, circle_, second_, AddDays(today_, -100));
    const auto gone =
        volunteers_.CreateVolunteer(a_.id, "Gaston", "Parti", domain::VolunteerStage::kActive);
    const auto stay = circles_.AddMember(a_.id, circle_, gone, AddDays(today_, -100));
    FixtureWrite(server_, a_.id, [&](soci::session& session) -> Status {
      store::CircleStore(session).EndMember(stay, a_.id, AddDays(today_, -10), "Déménagé");
      return {};
    });
    const auto officer = circles_.AddPartnerContact(a_.id, "Agente Exemple (fictive)");
    FixtureWrite(server_, a_.id, [&](soci::session& session) -> Status {
      session
          << "UPDATE partner_contacts SET email = 'agente@correctionnel.example' WHERE id = :id",
          soci::use(officer);
      return {};
    });
    circles_.AddAgreement(a_.id, officer, circle_, AddDays(today_, -90));
  }

  auth::Actor Volunteer(const TestUser& user) const {
    auto actor = ActorOf(user);
    actor.has_volunteer_file = true;
    return actor;
  }

  void CloseCircle() {
    const auto closed = app::circles::Close(
        server_.app(), ActorOf(a_.coordinator),
        {circle_, domain::ClosureReason::kCompleted, today_, "Parcours terminé (essai)."});
    ASSERT_TRUE(closed) << (closed ? "" : closed.error().message.id);
  }

  std::vector<domain::EndingQuestionnaire> Questionnaires() {
    return server_.app().database.Read(
        store::Scope::Organisation(a_.id), [&](soci::session& session) {
          return store::EndingStore(session).OfCircle(circle_, a_.id);
        });
  }

  std::int64_t QuestionnaireOf(EndingRespondent respondent,
                               std::optional<std::int64_t> volunteer = {}) {
    for (const auto& questionnaire : Questionnaires()) {
      if (questionnaire.respondent == respondent && questionnaire.volunteer_id == volunteer) {
        return questionnaire.id;
      }
    }
    ADD_FAILURE() << "no questionnaire";
    return 0;
  }

  std::vector<domain::EndingAnswer> AnswersOf(std::int64_t questionnaire) {
    return server_.app().database.Read(
        store::Scope::Organisation(a_.id), [&](soci::session& session) {
          return store::EndingStore(session).AnswersOf(questionnaire, a_.id);
        });
  }

  // A reply giving `scores` to `respondent`'s questions in order.
  static domain::EndingReply Reply(EndingRespondent respondent, const std::vector<int>& scores,
                                   const std::string& comment = "") {
    domain::EndingReply reply;
    const auto questions = domain::EndingQuestionsFor(respondent);
    for (std::size_t i = 0; i < questions.size(); ++i) {
      reply.scores[std::string(questions[i].key)] = scores.at(i);
    }
    reply.comment = comment;
    return reply;
  }

  // The same reply as form fields.
  static std::vector<std::pair<std::string, std::string>> Fields(EndingRespondent respondent,
                                                                 const std::vector<int>& scores) {
    std::vector<std::pair<std::string, std::string>> fields;
    const auto questions = domain::EndingQuestionsFor(respondent);
    for (std::size_t i = 0; i < questions.size(); ++i) {
      fields.emplace_back(domain::EndingField(questions[i].key), std::to_string(scores.at(i)));
    }
    return fields;
  }

  // The path of a fresh officer's link, issued by the coordinator.
  std::string OfficerPath() {
    const auto link =
        app::circles::IssueOfficerLink(server_.app(), ActorOf(a_.coordinator), circle_);
    EXPECT_TRUE(link);
    if (!link) return "";
    const auto at = link->find("/q/");
    EXPECT_NE(at, std::string::npos);
    return link->substr(at);
  }

  TestServer server_{{.backend = GetParam()}};
  AuthFixture auth_{server_};
  VolunteerFixture volunteers_{server_};
  CircleFixture circles_{server_};
  ConcernFixture concerns_{server_};
  TestOrganisation a_, b_;
  TestUser other_user_;
  CivilDate today_;
  std::int64_t circle_ = 0, own_ = 0, second_ = 0;
};

TEST_P(AppEndings, ClosingOpensOneQuestionnairePerRespondentAndMailsTheOfficer) {
  EXPECT_TRUE(Questionnaires().empty());
  CloseCircle();
  std::map<EndingRespondent, int> kinds;
  std::set<std::int64_t> volunteers;
  for (const auto& questionnaire : Questionnaires()) {
    ++kinds[questionnaire.respondent];
    EXPECT_FALSE(questionnaire.answered());
    if (questionnaire.volunteer_id) volunteers.insert(*questionnaire.volunteer_id);
  }
  EXPECT_EQ(kinds[EndingRespondent::kCoreMember], 1);
  EXPECT_EQ(kinds[EndingRespondent::kVolunteer], 2) << "the two current members, not the one gone";
  EXPECT_EQ(kinds[EndingRespondent::kOfficer], 1);
  EXPECT_EQ(volunteers, (std::set<std::int64_t>{own_, second_}));
  const auto recipients = concerns_.QueuedRecipients();
  EXPECT_NE(std::find(recipients.begin(), recipients.end(), "agente@correctionnel.example"),
            recipients.end());
  // The volunteer's portal lists his own.
  const auto open =
      app::portal::OpenEndingsOf(server_.app(), Volunteer(a_.volunteer),
                                 *app::portal::FindOwnFile(server_.app(), Volunteer(a_.volunteer)));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, QuestionnaireOf(EndingRespondent::kVolunteer, own_));
}

TEST_P(AppEndings, TheCoordinatorTypesTheCoreMembersPaperAnswersOnce) {
  CloseCircle();
  auto reply = Reply(EndingRespondent::kCoreMember, {5, 4, 3, 5}, "Merci au cercle (essai).");
  reply.answered_on = AddDays(today_, 1);
  const auto future =
      app::circles::RecordCoreMemberAnswers(server_.app(), ActorOf(a_.coordinator), circle_, reply);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().kind, ErrorKind::kInvalid);
  reply.answered_on = today_;
  ASSERT_TRUE(app::circles::RecordCoreMemberAnswers(server_.app(), ActorOf(a_.coordinator), circle_,
                                                    reply));
  const auto id = QuestionnaireOf(EndingRespondent::kCoreMember);
  EXPECT_EQ(AnswersOf(id).size(), 4u);
  auto again = Reply(EndingRespondent::kCoreMember, {1, 1, 1, 1});
  again.answered_on = today_;
  const auto second =
      app::circles::RecordCoreMemberAnswers(server_.app(), ActorOf(a_.coordinator), circle_, again);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(AnswersOf(id).front().score, 5) << "the first answers stay";

  // Over HTTP the page shows it answered, and a refused form keeps what was typed.
  auto client = auth_.SignedInClient(a_.coordinator);
  const std::string page = "/circles/" + std::to_string(circle_) + "/endings";
  const auto shown = client->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Merci au cercle (essai)."), std::string::npos);
  EXPECT_EQ(shown.body.find("/endings/core-member"), std::string::npos) << "no form once typed";
}

TEST_P(AppEndings, AVolunteerAnswersOnlyHisOwnQuestionnaireAndOnlyOnce) {
  CloseCircle();
  const auto own = QuestionnaireOf(EndingRespondent::kVolunteer, own_);
  const auto others = QuestionnaireOf(EndingRespondent::kVolunteer, second_);
  const std::string own_page = "/portal/endings/" + std::to_string(own);
  const std::string others_page = "/portal/endings/" + std::to_string(others);
  auto client = auth_.SignedInClient(a_.volunteer);
  const auto portal = client->Get("/portal");
  ASSERT_EQ(portal.status, 200);
  EXPECT_NE(portal.body.find("href=\"" + own_page + "\""), std::string::npos);
  EXPECT_EQ(portal.body.find(others_page), std::string::npos);
  EXPECT_EQ(client->Get(own_page).status, 200);
  EXPECT_EQ(client->Get(others_page).status, 404);
  EXPECT_EQ(
      client->PostForm(others_page, Fields(EndingRespondent::kVolunteer, {5, 5, 5, 5}), own_page)
          .status,
      404);
  EXPECT_TRUE(AnswersOf(others).empty());

  auto missing = Fields(EndingRespondent::kVolunteer, {4, 4, 4, 4});
  missing.pop_back();
  const auto refused = client->PostForm(own_page, missing, own_page);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(AnswersOf(own).empty());

  auto fields = Fields(EndingRespondent::kVolunteer, {4, 3, 5, 2});
  fields.emplace_back("comment", "Bonne expérience (essai).");
  EXPECT_EQ(client->PostForm(own_page, fields, own_page).status, 303);
  const auto second =
      client->PostForm(own_page, Fields(EndingRespondent::kVolunteer, {1, 1, 1, 1}), "/portal");
  EXPECT_EQ(second.status, 409);
  const auto answers = AnswersOf(own);
  ASSERT_EQ(answers.size(), 4u);
  EXPECT_EQ(answers[0].score, 4) << "the first answer stays";
  EXPECT_EQ(client->Get("/portal").body.find(own_page), std::string::npos);
  const auto done = client->Get(own_page);
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.body.find("name=\"q_again\""), std::string::npos);

  // The other volunteer reaches his own, not the first one's.
  auto other = auth_.SignedInClient(other_user_);
  EXPECT_EQ(other->Get(others_page).status, 200);
  EXPECT_EQ(other->Get(own_page).status, 404);
}

TEST_P(AppEndings, PartnersEvaluatorsAndAnotherOrganisationSeeNone) {
  CloseCircle();
  const auto own = QuestionnaireOf(EndingRespondent::kVolunteer, own_);
  const std::string staff_page = "/circles/" + std::to_string(circle_) + "/endings";
  const std::string portal_page = "/portal/endings/" + std::to_string(own);
  EXPECT_EQ(auth_.SignedInClient(a_.coordinator)->Get(staff_page).status, 200);
  EXPECT_EQ(auth_.SignedInClient(a_.admin)->Get(staff_page).status, 200);
  for (const auto* user :
       {&a_.partner, &a_.evaluator, &a_.volunteer, &b_.coordinator, &b_.admin, &b_.volunteer}) {
    auto client = auth_.SignedInClient(*user);
    EXPECT_EQ(client->Get(staff_page).status, 404) << user->email;
    auto paper = Fields(EndingRespondent::kCoreMember, {3, 3, 3, 3});
    paper.emplace_back("answered_on", FormatIsoDate(today_));
    EXPECT_EQ(client->PostForm(staff_page + "/core-member", paper, "/").status, 404) << user->email;
    EXPECT_EQ(client->PostForm(staff_page + "/officer-link", {}, "/").status, 404) << user->email;
    if (user != &a_.volunteer) {
      EXPECT_EQ(client->Get(portal_page).status, 404) << user->email;
    }
  }
  EXPECT_TRUE(AnswersOf(QuestionnaireOf(EndingRespondent::kCoreMember)).empty());
  const auto evaluator = app::reports::LoadDashboard(
      server_.app(), ActorOf(a_.evaluator), domain::ReportPeriod{AddDays(today_, -30), today_});
  if (evaluator) {
    EXPECT_TRUE(evaluator->endings.empty());
  }
}

TEST_P(AppEndings, TheOfficersLinkWorksOnceAndThenNoMore) {
  CloseCircle();
  const auto id = QuestionnaireOf(EndingRespondent::kOfficer);
  const auto first = OfficerPath();
  const auto path = OfficerPath();
  HttpClient officer(server_.base_url());
  EXPECT_EQ(officer.Get(first).status, 410) << "a new link kills the former one";
  EXPECT_EQ(officer.Get("/q/inconnu").status, 410);
  ASSERT_EQ(officer.Get(path).status, 200);
  auto missing = Fields(EndingRespondent::kOfficer, {4, 4, 4});
  missing.pop_back();
  EXPECT_EQ(officer.PostForm(path, missing, path).status, 422);
  EXPECT_TRUE(AnswersOf(id).empty());
  auto fields = Fields(EndingRespondent::kOfficer, {5, 4, 3});
  const auto answered = officer.PostForm(path, fields, path);
  EXPECT_EQ(answered.status, 200);
  ASSERT_EQ(AnswersOf(id).size(), 3u);
  EXPECT_EQ(officer.Get(path).status, 410);
  const auto again = officer.PostForm(path, Fields(EndingRespondent::kOfficer, {1, 1, 1}), "/");
  EXPECT_EQ(again.status, 410);
  EXPECT_EQ(AnswersOf(id).front().score, 5) << "nothing changed";
  const auto relink =
      app::circles::IssueOfficerLink(server_.app(), ActorOf(a_.coordinator), circle_);
  ASSERT_FALSE(relink);
  EXPECT_EQ(relink.error().kind, ErrorKind::kConflict);
}

TEST_P(AppEndings, TheDashboardFiguresEqualThoseComputedFromTheAnswers) {
  CloseCircle();
  const std::vector<int> own_scores{5, 4, 3, 2}, second_scores{2, 4, 5, 5};
  const std::vector<int> core_scores{4, 4, 5, 3}, officer_scores{3, 5, 4};
  ASSERT_TRUE(app::portal::AnswerOwnEnding(server_.app(), Volunteer(a_.volunteer),
                                           QuestionnaireOf(EndingRespondent::kVolunteer, own_),
                                           Reply(EndingRespondent::kVolunteer, own_scores)));
  ASSERT_TRUE(app::portal::AnswerOwnEnding(server_.app(), Volunteer(other_user_),
                                           QuestionnaireOf(EndingRespondent::kVolunteer, second_),
                                           Reply(EndingRespondent::kVolunteer, second_scores)));
  auto paper = Reply(EndingRespondent::kCoreMember, core_scores);
  paper.answered_on = today_;
  ASSERT_TRUE(app::circles::RecordCoreMemberAnswers(server_.app(), ActorOf(a_.coordinator), circle_,
                                                    paper));
  HttpClient officer(server_.base_url());
  const auto path = OfficerPath();
  ASSERT_EQ(officer.PostForm(path, Fields(EndingRespondent::kOfficer, officer_scores), path).status,
            200);

  // Expected, from the answers given above: per respondent and question, the count and the mean.
  std::map<std::pair<EndingRespondent, std::string>, std::pair<int, double>> expected;
  const auto add = [&](EndingRespondent respondent, const std::vector<int>& scores) {
    const auto questions = domain::EndingQuestionsFor(respondent);
    for (std::size_t i = 0; i < questions.size(); ++i) {
      auto& [count, sum] = expected[{respondent, std::string(questions[i].key)}];
      ++count;
      sum += scores[i];
    }
  };
  add(EndingRespondent::kVolunteer, own_scores);
  add(EndingRespondent::kVolunteer, second_scores);
  add(EndingRespondent::kCoreMember, core_scores);
  add(EndingRespondent::kOfficer, officer_scores);

  const auto dashboard = app::reports::LoadDashboard(
      server_.app(), ActorOf(a_.coordinator), domain::ReportPeriod{AddDays(today_, -30), today_});
  ASSERT_TRUE(dashboard);
  ASSERT_EQ(dashboard->endings.size(), expected.size());
  for (const auto& figure : dashboard->endings) {
    const auto& [count, sum] = expected.at({figure.respondent, std::string(figure.question)});
    EXPECT_EQ(figure.answers, count) << figure.question;
    EXPECT_DOUBLE_EQ(figure.mean, sum / count) << figure.question;
  }
  // A period before the closing counts none.
  const auto before =
      app::reports::LoadDashboard(server_.app(), ActorOf(a_.coordinator),
                                  domain::ReportPeriod{AddDays(today_, -60), AddDays(today_, -31)});
  ASSERT_TRUE(before);
  for (const auto& figure : before->endings) EXPECT_EQ(figure.answers, 0) << figure.question;
  // Over HTTP the dashboard shows the table.
  const auto page = auth_.SignedInClient(a_.coordinator)->Get("/reports");
  EXPECT_NE(page.body.find("id=\"ending-figures\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, AppEndings, ::testing::Values(Backend::kSqlite));
INSTANTIATE_TEST_SUITE_P(Postgres, AppEndings, ::testing::Values(Backend::kPostgres));

}  // namespace
}  // namespace cercle::testing
