#include "app/circles/endings.hpp"

#include "app/accounts/account_common.hpp"
#include "app/circles/circles.hpp"
#include "app/circles/ending_answers.hpp"
#include "auth/crypto.hpp"
#include "auth/policies/circle_policy.hpp"
#include "config/public_link.hpp"
#include "store/circle_store.hpp"
#include "store/ending_store.hpp"
#include "store/partner_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

using domain::EndingRespondent;

// The keyed hash an officer's link is stored under; the salt keeps it apart from other links.
std::string OfficerLinkHash(const Services& services, const std::string& token) {
  return auth::KeyedHash(services.secrets.session_key, "ending", token);
}

// The address of the officer's link `token`.
std::string OfficerLink(const Services& services, const std::string& token) {
  return config::PublicLink(services.config.server.public_url, "/q/" + token);
}

// The address of the circle's parole officer, from the agreements that attach partners to it;
// empty when none has one.
std::string OfficerEmail(const store::Unit& unit, const domain::Circle& circle) {
  store::PartnerStore partners(unit.session());
  for (const auto& agreement : partners.AgreementsOfCircle(circle.id, circle.organisation_id)) {
    const auto contact = partners.Find(agreement.partner_contact_id, circle.organisation_id);
    if (contact && contact->kind == domain::PartnerKind::kParoleOfficer &&
        !contact->email.empty()) {
      return contact->email;
    }
  }
  return "";
}

domain::EndingQuestionnaire Opened(const store::Unit& unit, const domain::Circle& circle,
                                   EndingRespondent respondent) {
  domain::EndingQuestionnaire questionnaire;
  questionnaire.organisation_id = circle.organisation_id;
  questionnaire.circle_id = circle.id;
  questionnaire.respondent = respondent;
  questionnaire.opened_at = unit.now();
  return questionnaire;
}

// The circle's questionnaire for `respondent` (not a volunteer's), if any.
std::optional<domain::EndingQuestionnaire> QuestionnaireOf(const store::Unit& unit,
                                                           const domain::Circle& circle,
                                                           EndingRespondent respondent) {
  for (auto& questionnaire :
       store::EndingStore(unit.session()).OfCircle(circle.id, circle.organisation_id)) {
    if (questionnaire.respondent == respondent) return questionnaire;
  }
  return std::nullopt;
}

// The questionnaire behind a live officer's link, if any.
std::optional<domain::EndingQuestionnaire> LiveOfficerLink(const Services& services,
                                                           const store::Unit& unit,
                                                           const std::string& token) {
  if (token.empty()) return std::nullopt;
  auto questionnaire =
      store::EndingStore(unit.session()).FindByLink(OfficerLinkHash(services, token));
  if (!questionnaire || questionnaire->respondent != EndingRespondent::kOfficer) {
    return std::nullopt;
  }
  const auto expires = questionnaire->opened_at + std::chrono::days(domain::kOfficerLinkDays);
  if (unit.now() > expires) return std::nullopt;
  return questionnaire;
}

Error OfficerLinkDead() {
  return Error::Invalid(
      N_("This link has expired or was used already. Ask the coordinator for a new one."));
}

}  // namespace

Status StoreEndingAnswers(const store::Unit& unit, domain::EndingQuestionnaire questionnaire,
                          const domain::EndingReply& reply, CivilDate answered_on,
                          std::optional<std::int64_t> recorded_by) {
  store::EndingStore endings(unit.session());
  questionnaire.answered_on = answered_on;
  questionnaire.recorded_by = recorded_by;
  questionnaire.recorded_at = unit.now();
  questionnaire.comment = reply.comment;
  if (!endings.MarkAnswered(questionnaire)) {
    return Error::Conflict(N_("This questionnaire was answered already."));
  }
  for (const auto& answer : domain::AnswersOf(questionnaire, reply)) endings.InsertAnswer(answer);
  return {};
}

void OpenEndings(const Services& services, const store::Unit& unit, const auth::Actor& actor,
                 const domain::Circle& circle) {
  store::EndingStore endings(unit.session());
  endings.Insert(Opened(unit, circle, EndingRespondent::kCoreMember));
  for (const auto& member :
       store::CircleStore(unit.session()).Members(circle.id, circle.organisation_id)) {
    if (!member.current()) continue;
    auto questionnaire = Opened(unit, circle, EndingRespondent::kVolunteer);
    questionnaire.volunteer_id = member.volunteer_id;
    endings.Insert(questionnaire);
  }
  const std::string token = auth::RandomToken();
  auto officer = Opened(unit, circle, EndingRespondent::kOfficer);
  officer.token_hash = OfficerLinkHash(services, token);
  endings.Insert(officer);
  if (const auto email = OfficerEmail(unit, circle); !email.empty()) {
    accounts::QueueAccountMail(services, unit, circle.organisation_id, email,
                               N_("A short questionnaire about a circle that ended"),
                               N_("A circle you supervised has ended. Would you answer three short "
                                  "questions about it? The link works once:\n{link}"),
                               OfficerLink(services, token));
  }
  Audit(services, unit, actor, {"circle.endings_open", "circle", std::to_string(circle.id)});
}

Result<EndingsPage> LoadEndings(const Services& services, const auth::Actor& actor,
                                std::int64_t circle_id) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<EndingsPage> {
    auto circle = TRY(FindManagedCircle(unit, actor, circle_id));
    EndingsPage result{std::move(circle), {}, services.Today()};
    store::EndingStore endings(unit.session());
    store::VolunteerStore volunteers(unit.session());
    const auto organisation = result.circle.organisation_id;
    for (auto& questionnaire : endings.OfCircle(circle_id, organisation)) {
      EndingSummary summary{questionnaire, "", {}};
      if (questionnaire.volunteer_id) {
        const auto volunteer = volunteers.Find(*questionnaire.volunteer_id, organisation);
        if (volunteer) summary.volunteer_name = volunteer->FullName();
      } else {
        summary.answers = endings.AnswersOf(questionnaire.id, organisation);
      }
      result.questionnaires.push_back(std::move(summary));
    }
    return result;
  }));
  AuditView(services, actor, {"circle.endings_view", "circle", std::to_string(circle_id)});
  return page;
}

Result<std::int64_t> RecordCoreMemberAnswers(const Services& services, const auth::Actor& actor,
                                             std::int64_t circle_id, domain::EndingReply reply) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto circle = TRY(FindManagedCircle(unit, actor, circle_id));
    const auto questionnaire = QuestionnaireOf(unit, circle, EndingRespondent::kCoreMember);
    if (!questionnaire || !circle.closed_on) return Error::NotFound();
    if (questionnaire->answered()) {
      return Error::Conflict(N_("This questionnaire was answered already."));
    }
    TRY(domain::CheckPaperReply(reply, *circle.closed_on, services.Today()));
    TRY(StoreEndingAnswers(unit, *questionnaire, reply, *reply.answered_on, actor.user_id));
    Audit(services, unit, actor,
          {"ending.record_paper", "ending_questionnaire", std::to_string(questionnaire->id)});
    return questionnaire->id;
  });
}

Result<std::string> IssueOfficerLink(const Services& services, const auth::Actor& actor,
                                     std::int64_t circle_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::string> {
    const auto circle = TRY(FindManagedCircle(unit, actor, circle_id));
    const auto questionnaire = QuestionnaireOf(unit, circle, EndingRespondent::kOfficer);
    if (!questionnaire) return Error::NotFound();
    const std::string token = auth::RandomToken();
    if (questionnaire->answered() || !store::EndingStore(unit.session())
                                          .ReplaceLink(questionnaire->id, circle.organisation_id,
                                                       OfficerLinkHash(services, token))) {
      return Error::Conflict(N_("The officer answered already."));
    }
    Audit(services, unit, actor,
          {"ending.officer_link", "ending_questionnaire", std::to_string(questionnaire->id)});
    return OfficerLink(services, token);
  });
}

Result<OfficerEnding> LoadOfficerEnding(const Services& services, const std::string& token) {
  return Read(services, store::Scope::System(), [&](store::Unit& unit) -> Result<OfficerEnding> {
    const auto questionnaire = LiveOfficerLink(services, unit, token);
    if (!questionnaire) return OfficerLinkDead();
    const auto circle = store::CircleStore(unit.session())
                            .Find(questionnaire->circle_id, questionnaire->organisation_id);
    if (!circle) return OfficerLinkDead();
    return OfficerEnding{circle->code_name, circle->closed_on};
  });
}

Result<std::int64_t> AnswerOfficerEnding(const Services& services, const auth::ClientInfo& client,
                                         const std::string& token, domain::EndingReply reply) {
  return Write(services, store::Scope::System(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto questionnaire = LiveOfficerLink(services, unit, token);
    if (!questionnaire) return OfficerLinkDead();
    TRY(domain::CheckEndingReply(domain::EndingRespondent::kOfficer, reply));
    if (!StoreEndingAnswers(unit, *questionnaire, reply, services.Today(), std::nullopt)) {
      return OfficerLinkDead();
    }
    services.audit.Append(
        unit, {questionnaire->organisation_id, std::nullopt, "ending.answer_officer",
               "ending_questionnaire", std::to_string(questionnaire->id), client.address,
               audit::Outcome::kSuccess, unit.now()});
    return questionnaire->id;
  });
}

std::vector<EndingSummary> EndingsOfCoreMember(const store::Unit& unit, std::int64_t core_member_id,
                                               std::int64_t organisation_id) {
  store::EndingStore endings(unit.session());
  std::vector<EndingSummary> summaries;
  for (auto& questionnaire : endings.OfCoreMember(core_member_id, organisation_id)) {
    if (!questionnaire.answered()) continue;
    auto answers = endings.AnswersOf(questionnaire.id, organisation_id);
    summaries.push_back({std::move(questionnaire), "", std::move(answers)});
  }
  return summaries;
}

std::vector<domain::EndingFigure> EndingFiguresOf(const Services& services,
                                                  const auth::Actor& actor,
                                                  const domain::ReportPeriod& period) {
  if (!auth::policies::CirclePolicy::CanManage(actor)) return {};
  const auto scores = Read(services, actor.scope(), [&](store::Unit& unit) {
    return store::EndingStore(unit.session())
        .ScoresBetween(period.from, period.to, unit.organisation_id());
  });
  return domain::EndingFigures(scores);
}

}  // namespace cercle::app::circles
