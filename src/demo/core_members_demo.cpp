#include "app/accounts/creation.hpp"
#include "demo/core_members_demo.hpp"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/core_member.hpp"
#include "domain/eligibility.hpp"
#include "domain/legal.hpp"
#include "domain/referral.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/referral_store.hpp"
#include "store/user_store.hpp"

namespace cercle::demo {
namespace {

using domain::CoreMemberStatus;
using domain::ReferralSource;
using domain::ReferralStatus;
using namespace std::chrono;

// A condition of a demo order. Victim details only where the condition protects someone.
struct DemoCondition {
  domain::ConditionKind kind;
  const char* text;
  int ends_in_days;  // 0: no end date
  const char* victim_identity;
  const char* victim_places;
};

// A consent of a demo file, dated relative to today.
struct DemoConsent {
  domain::ConsentScope scope;
  const char* partner;
  int given_days_ago;
  int expires_in_days;     // 0: no expiry; negative: expired
  int withdrawn_days_ago;  // 0: not withdrawn
};

// One invented core member. Every name says it is not real.
struct DemoCoreMember {
  const char* legal_name;
  const char* preferred_name;
  const char* birth_date;
  ReferralSource source;
  const char* referrer;
  const char* referrer_organisation;
  int referred_days_ago;
  // The statuses the file goes through after its acceptance (it starts as a candidate).
  std::vector<CoreMemberStatus> path;
  const char* closing_reason;  // for a path that ends closed
  const char* region;
  bool second_coordinator;
  domain::PreferredLanguage language;
  const char* offence_summary;
  const char* volunteer_summary;
  domain::OrderType order_type;
  int order_started_days_ago;
  int order_ends_in_days;         // 0: no end date
  int statutory_release_in_days;  // 0: none recorded
  int warrant_expiry_in_days;     // 0: none recorded
  std::vector<DemoCondition> conditions;
  const char* static99r_score;  // "": no assessment recorded
  const char* static99r_level;
  std::vector<DemoConsent> consents;
};

const std::vector<DemoCoreMember>& CoreMembers() {
  using enum CoreMemberStatus;
  using domain::ConditionKind;
  using domain::ConsentScope;
  using domain::OrderType;
  static const std::vector<DemoCoreMember> members = {
      {"Marcel Exemple",
       "Marcel",
       "1961-04-12",
       ReferralSource::kCsc,
       "Agente Lise Prototype",
       "Service correctionnel du Canada (démo)",
       400,
       {kWaitingForCircle, kInCircle},
       "",
       "Montréal — Rosemont",
       false,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive pour agression sexuelle (démo). Deux victimes adultes connues de lui.",
       "Marcel aime le jardinage et cherche du travail en entretien paysager. Il parle volontiers "
       "de ses "
       "difficultés avec la solitude.",
       OrderType::kFullParole,
       300,
       0,
       0,
       20,
       {{ConditionKind::kNoContactPerson,
         "Aucun contact direct ou indirect avec la victime désignée.", 0,
         "Mme Josée Inventée (victime, démo)",
         "Rue Fictive, quartier Rosemont; son lieu de travail (démo)"},
        {ConditionKind::kNoContactMinors,
         "Aucun contact avec des personnes de moins de 16 ans, sauf en présence "
         "d'un adulte informé.",
         0, "", ""}},
       "6",
       "IVa — bien au-dessus de la moyenne",
       {{ConsentScope::kOuterCircle, "", 280, 0, 0}, {ConsentScope::kResearch, "", 280, 200, 0}}},
      {"Gaston Fictif",
       "",
       "1958-09-30",
       ReferralSource::kProvincialCorrections,
       "Agent Rémi Gabarit",
       "Services correctionnels du Québec (démo)",
       380,
       {kWaitingForCircle, kInCircle},
       "",
       "Laval",
       true,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive pour leurre d'enfant (démo).",
       "Gaston a travaillé longtemps comme chauffeur. Il tient à ses rencontres du mardi.",
       OrderType::kProbation,
       350,
       5,
       0,
       0,
       {{ConditionKind::kCurfew, "Être à son domicile entre 22 h et 6 h.", 5, "", ""},
        {ConditionKind::kInternet, "Aucun accès à Internet sans logiciel de surveillance approuvé.",
         5, "", ""}},
       "5",
       "III — moyenne-élevée",
       {{ConsentScope::kOuterCircle, "", 340, 0, 0}, {ConsentScope::kMedia, "", 300, 0, 30}}},
      {"Bernard Bidon",
       "Ben",
       "1970-01-22",
       ReferralSource::kPolice,
       "Sergente Anne Calque",
       "Police fictive de Longueuil (démo)",
       150,
       {kWaitingForCircle},
       "",
       "Longueuil",
       false,
       domain::PreferredLanguage::kFrench,
       "Ordonnance fictive en vertu de l'art. 810.1 (démo).",
       "Ben souhaite reprendre contact avec sa sœur. Il est nerveux en groupe au début.",
       OrderType::kRecognizance8101,
       120,
       245,
       0,
       0,
       {{ConditionKind::kExclusionZone, "Ne pas se trouver à moins de 500 m des lieux désignés.", 0,
         "Victime désignée : M. Léo Postiche (démo)",
         "École fictive Saint-Exemple; parc du Modèle (démo)"}},
       "7",
       "IVb — bien au-dessus de la moyenne",
       {{ConsentScope::kPartnerOrganisation, "Centre d'aide fictif (démo)", 400, -20, 0},
        {ConsentScope::kOuterCircle, "", 100, 0, 0}}},
      {"Lucien Imaginaire",
       "",
       "1975-06-03",
       ReferralSource::kCommunityOrganisation,
       "Mme Berthe Copie",
       "Maison d'hébergement fictive (démo)",
       40,
       {},
       "",
       "Montréal — Plateau",
       true,
       domain::PreferredLanguage::kEnglish,
       "Fictional conviction for sexual interference (demo).",
       "Lucien prefers English and is learning French. He volunteers at a food bank.",
       OrderType::kStatutoryRelease,
       -12,
       400,
       12,
       400,
       {},
       "",
       "",
       {{ConsentScope::kOuterCircle, "", 8, 0, 0}}},
      {"Rémi Modèle",
       "",
       "1966-11-15",
       ReferralSource::kCsc,
       "Agent Paul Réplique",
       "Service correctionnel du Canada (démo)",
       900,
       {kWaitingForCircle, kInCircle, kBetweenCircles},
       "",
       "Montréal — Rosemont",
       false,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive pour agression sexuelle sur mineur (démo).",
       "Rémi a terminé un premier cercle et attend le suivant. Il aime la pêche.",
       OrderType::kLongTermSupervision,
       800,
       1500,
       0,
       0,
       {{ConditionKind::kInternet, "Déclarer tout appareil branché à Internet.", 25, "", ""},
        {ConditionKind::kTreatment, "Suivre le programme de traitement prescrit.", 0, "", ""}},
       "4",
       "III — moyenne-élevée",
       {{ConsentScope::kOuterCircle, "", 800, 0, 0}}},
      {"Théo Supposé",
       "",
       "1955-02-28",
       ReferralSource::kSelfReferral,
       "",
       "",
       1400,
       {kWaitingForCircle, kInCircle, kClosed},
       "Cercle terminé : il se sent prêt à continuer seul (démo).",
       "Laval",
       false,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive ancienne (démo).",
       "Théo a terminé son cercle.",
       OrderType::kWarrantExpiry,
       1300,
       0,
       0,
       0,
       {},
       "",
       "",
       {{ConsentScope::kOuterCircle, "", 1300, -300, 0},
        {ConsentScope::kResearch, "", 1300, -300, 0}}},
      {"Armand Hypothèse",
       "",
       "1980-08-19",
       ReferralSource::kSelfReferral,
       "",
       "",
       90,
       {kWaitingForCircle},
       "",
       "Montréal — Plateau",
       true,
       domain::PreferredLanguage::kOther,
       "Condamnation fictive pour possession de matériel interdit (démo).",
       "Armand parle surtout espagnol; un bénévole hispanophone serait un atout.",
       OrderType::kDayParole,
       60,
       60,
       0,
       0,
       {{ConditionKind::kResidence, "Résider à la maison de transition désignée.", 60, "", ""}},
       "3",
       "II — moyenne-faible",
       {{ConsentScope::kOuterCircle, "", 50, 0, 0}}},
      {"Félix Chimère",
       "",
       "1963-12-01",
       ReferralSource::kCsc,
       "Agente Lise Prototype",
       "Service correctionnel du Canada (démo)",
       600,
       {kWaitingForCircle, kInCircle},
       "",
       "Montréal — Rosemont",
       false,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive pour agression sexuelle (démo).",
       "Félix cuisine pour son cercle une fois par mois.",
       OrderType::kStatutoryRelease,
       500,
       28,
       0,
       28,
       {{ConditionKind::kSubstances, "S'abstenir de consommer de l'alcool.", 28, "", ""},
        {ConditionKind::kNoContactPerson, "Aucun contact avec l'ancienne conjointe.", 28,
         "Mme Colette Factice (démo)", "Quartier Villeray (démo)"}},
       "4",
       "III — moyenne-élevée",
       {{ConsentScope::kOuterCircle, "", 480, 0, 0}, {ConsentScope::kResearch, "", 480, 0, 60}}},
      {"Hervé Brouillon",
       "",
       "1972-03-09",
       ReferralSource::kPolice,
       "Agent Marc Simili",
       "Police fictive (démo)",
       700,
       {kWaitingForCircle, kInCircle, kClosed},
       "Réincarcéré pour un bris de conditions (démo).",
       "Laval",
       true,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive (démo).",
       "",
       OrderType::kRecognizance8102,
       650,
       0,
       0,
       0,
       {},
       "8",
       "IVb — bien au-dessus de la moyenne",
       {}},
      {"Octave Semblant",
       "",
       "1983-07-21",
       ReferralSource::kProvincialCorrections,
       "Agente Julie Gabarit",
       "Services correctionnels du Québec (démo)",
       30,
       {},
       "",
       "Longueuil",
       false,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive pour exhibitionnisme (démo).",
       "",
       OrderType::kProbation,
       20,
       700,
       0,
       0,
       {{ConditionKind::kOther, "Se présenter à l'agente de probation chaque semaine.", 0, "", ""}},
       "",
       "",
       {}},
      {"Jules Apparence",
       "",
       "1968-05-05",
       ReferralSource::kCsc,
       "Agent Paul Réplique",
       "Service correctionnel du Canada (démo)",
       500,
       {kWaitingForCircle, kInCircle},
       "",
       "Montréal — Plateau",
       true,
       domain::PreferredLanguage::kFrench,
       "Condamnation fictive (démo).",
       "Jules joue de la guitare et aime les marches en montagne.",
       OrderType::kRecognizance8102,
       400,
       3,
       0,
       0,
       {{ConditionKind::kResidence, "Aviser de tout changement d'adresse.", 3, "", ""}},
       "5",
       "III — moyenne-élevée",
       {{ConsentScope::kOuterCircle, "", 390, 0, 0}}},
  };
  return members;
}

// The referrals still open or refused, with no file.
struct DemoReferral {
  const char* person;
  ReferralSource source;
  const char* referrer;
  int received_days_ago;
  std::vector<ReferralStatus> path;
  const char* reason;
  int criteria_met;  // how many of the default criteria the checklist ticks
};

const std::vector<DemoReferral>& OpenReferrals() {
  using enum ReferralStatus;
  static const std::vector<DemoReferral> referrals = {
      {"Valère Ébauchon", ReferralSource::kPolice, "Sergente Anne Calque", 3, {}, "", 0},
      {"Sylvain Croquis", ReferralSource::kCsc, "Agente Lise Prototype", 15, {kScreening}, "", 2},
      {"Aimé Pochade",
       ReferralSource::kCommunityOrganisation,
       "M. Gilles Duplicata",
       60,
       {kScreening, kWaitlisted},
       "En attente de bénévoles disponibles à Laval (démo).",
       4},
      {"Denis Néant",
       ReferralSource::kProvincialCorrections,
       "Agent Rémi Gabarit",
       45,
       {kScreening, kDeclined},
       "Ne souhaite pas d'aide pour le moment; pas de demande personnelle (démo).",
       2},
      {"Paul Ombre",
       ReferralSource::kOther,
       "Mme Aline Copie",
       80,
       {kWithdrawn},
       "Déménagement hors de la région (démo).",
       0},
  };
  return referrals;
}

std::optional<CivilDate> In(CivilDate today, int days) {
  if (days == 0) return std::nullopt;
  return AddDays(today, days);
}

// "accueil@demo.example" for the first copy, "accueil+2@demo.example" for the second…
std::string CopyEmail(const std::string& local, int copy) {
  return copy == 1 ? local + "@demo.example" : local + "+" + std::to_string(copy) + "@demo.example";
}

}  // namespace

Status LoadCoreMembers(store::Database& database, const app::Services& services, const Clock& clock,
                       std::int64_t organisation_id, int copy, const std::string& password) {
  const auto second_coordinator =
      TRY(app::accounts::CreateAccount(services, {.organisation_id = organisation_id,
                                                  .display_name = "Irène Accueil",
                                                  .email = CopyEmail("accueil", copy),
                                                  .roles = {domain::Role::kCoordinator},
                                                  .password = password,
                                                  .check = app::accounts::PasswordCheck::kNo}));
  const Instant now = clock.Now();
  const CivilDate today{floor<days>(now)};
  const auto days_ago = [&](int days) { return now - std::chrono::days(days); };
  return database.Write(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) -> Status {
        store::UserStore users(session);
        std::optional<std::int64_t> coordinator, partner;
        for (const auto& user : users.ListOrganisation(organisation_id)) {
          if (user.email == CopyEmail("coordination", copy)) coordinator = user.id;
          if (user.email == CopyEmail("partenaire", copy)) partner = user.id;
        }
        store::EligibilityStore eligibility(session);
        eligibility.EnsureDefaults(organisation_id, days_ago(2000));
        const auto criteria = eligibility.List(organisation_id);
        store::ReferralStore referrals(session);
        store::CoreMemberStore core_members(session);
        store::LegalStore legal(session);

        // Creates a referral received `received_days_ago` and ticks its first `met` criteria.
        const auto refer = [&](const char* person, const char* preferred, const char* birth,
                               ReferralSource source, const char* referrer,
                               const char* referrer_organisation, int received_days_ago,
                               std::size_t met) {
          domain::Referral referral;
          referral.organisation_id = organisation_id;
          referral.source = source;
          referral.source_other = source == ReferralSource::kOther ? "Paroisse fictive (démo)" : "";
          referral.referrer_name = referrer;
          referral.referrer_organisation = referrer_organisation;
          referral.referrer_contact = *referrer ? "514 555-0199 (démo)" : "";
          referral.received_on = AddDays(today, -received_days_ago);
          referral.person_legal_name = person;
          referral.person_preferred_name = preferred;
          referral.person_birth_date = ParseIsoDate(birth ? birth : "");
          referral.summary = "Demande reçue pour un suivi en cercle (démo).";
          referral.created_by = coordinator;
          referral.created_at = referral.updated_at = days_ago(received_days_ago);
          referral.id = referrals.Insert(referral);
          std::vector<std::int64_t> ticked;
          for (std::size_t i = 0; i < criteria.size() && i < met; ++i)
            ticked.push_back(criteria[i].id);
          referrals.SetMetCriteria(referral.id, organisation_id, ticked, coordinator,
                                   days_ago(received_days_ago));
          return referral;
        };

        int number = 0;
        for (const auto& demo : CoreMembers()) {
          auto referral = refer(demo.legal_name, demo.preferred_name, demo.birth_date, demo.source,
                                demo.referrer, demo.referrer_organisation, demo.referred_days_ago,
                                criteria.size());
          const int screening_days_ago = demo.referred_days_ago - 2;
          referrals.Move(referral, ReferralStatus::kScreening, "", coordinator,
                         days_ago(screening_days_ago));
          referral.status = ReferralStatus::kScreening;
          store::Acceptance acceptance;
          ++number;
          char file_number[32];
          std::snprintf(file_number, sizeof file_number, "%d-%03d", static_cast<int>(today.year()),
                        number);
          acceptance.file_number = file_number;
          acceptance.coordinator_user_id =
              demo.second_coordinator ? std::optional(second_coordinator) : coordinator;
          const int accepted_days_ago =
              demo.referred_days_ago - 7 > 0 ? demo.referred_days_ago - 7 : 0;
          const auto id = TRY(store::AcceptReferral(session, referral, acceptance, coordinator,
                                                    days_ago(accepted_days_ago)));

          auto member = *core_members.Find(id, organisation_id);
          member.preferred_language = demo.language;
          member.other_language =
              demo.language == domain::PreferredLanguage::kOther ? "espagnol" : "";
          member.phone = "514 555-01" + std::to_string(10 + number) + " (démo)";
          member.region = demo.region;
          member.address = std::to_string(100 + number) + ", rue de l'Exemple (démo)";
          member.offence_summary = demo.offence_summary;
          member.volunteer_summary = demo.volunteer_summary;
          member.statutory_release_date = In(today, demo.statutory_release_in_days);
          member.warrant_expiry_date = In(today, demo.warrant_expiry_in_days);
          member.updated_at = days_ago(accepted_days_ago);
          core_members.Update(member);

          // The file's path after acceptance, spread over the time since.
          int step_days_ago = accepted_days_ago;
          for (std::size_t step = 0; step < demo.path.size(); ++step) {
            step_days_ago = step_days_ago * 2 / 3;
            const auto to = demo.path[step];
            const std::string reason = to == CoreMemberStatus::kClosed ? demo.closing_reason : "";
            core_members.SetStatus(member, to, reason, std::nullopt, coordinator,
                                   days_ago(step_days_ago));
            member.status = to;
          }

          domain::SupervisionOrder order;
          order.organisation_id = organisation_id;
          order.core_member_id = member.id;
          order.type = demo.order_type;
          order.starts_on = AddDays(today, -demo.order_started_days_ago);
          order.ends_on = In(today, demo.order_ends_in_days);
          if (number % 3 == 0) {
            order.officer_user_id = partner;
          } else {
            order.officer_name = "Agent·e Claude Doublure (démo)";
            order.officer_contact = "514 555-0142";
          }
          order.created_at = order.updated_at = days_ago(accepted_days_ago);
          order.id = legal.InsertOrder(order);
          for (const auto& demo_condition : demo.conditions) {
            domain::Condition condition;
            condition.organisation_id = organisation_id;
            condition.core_member_id = member.id;
            condition.order_id = order.id;
            condition.kind = demo_condition.kind;
            condition.text = demo_condition.text;
            condition.ends_on = In(today, demo_condition.ends_in_days);
            condition.protects_victim = *demo_condition.victim_identity != '\0';
            condition.victim_identity = demo_condition.victim_identity;
            condition.victim_places = demo_condition.victim_places;
            condition.created_at = condition.updated_at = days_ago(accepted_days_ago);
            legal.InsertCondition(domain::NormalisedCondition(condition));
          }
          if (*demo.static99r_score) {
            domain::RiskAssessment assessment;
            assessment.organisation_id = organisation_id;
            assessment.core_member_id = member.id;
            assessment.tool = domain::RiskTool::kStatic99R;
            assessment.score = demo.static99r_score;
            assessment.level = demo.static99r_level;
            assessment.assessed_on = AddDays(today, -demo.referred_days_ago - 30);
            assessment.assessor = "Dre Hélène Gabarit, psychologue (démo)";
            assessment.recorded_by = coordinator;
            assessment.recorded_at = days_ago(accepted_days_ago);
            core_members.InsertRiskAssessment(assessment);
            assessment.tool = domain::RiskTool::kStable2007;
            assessment.score = std::to_string(std::stoi(demo.static99r_score) + 6);
            assessment.level = "Modéré (démo)";
            core_members.InsertRiskAssessment(assessment);
          }
          for (const auto& demo_consent : demo.consents) {
            domain::Consent consent;
            consent.organisation_id = organisation_id;
            consent.core_member_id = member.id;
            consent.scope = demo_consent.scope;
            consent.partner_organisation = demo_consent.partner;
            consent.given_on = AddDays(today, -demo_consent.given_days_ago);
            consent.expires_on = In(today, demo_consent.expires_in_days);
            consent.recorded_by = coordinator;
            consent.recorded_at = days_ago(demo_consent.given_days_ago);
            consent.id = core_members.InsertConsent(consent);
            if (demo_consent.withdrawn_days_ago > 0) {
              core_members.WithdrawConsent(consent.id, organisation_id,
                                           AddDays(today, -demo_consent.withdrawn_days_ago),
                                           coordinator);
            }
          }
        }

        // Norbert was in the program before: his file was closed, and a new referral reopened it.
        {
          auto first = refer("Norbert Prétexte", "", "1960-10-10", ReferralSource::kCsc,
                             "Agent Paul Réplique", "Service correctionnel du Canada (démo)", 1600,
                             criteria.size());
          referrals.Move(first, ReferralStatus::kScreening, "", coordinator, days_ago(1590));
          first.status = ReferralStatus::kScreening;
          store::Acceptance acceptance;
          acceptance.file_number = std::to_string(static_cast<int>(today.year()) - 4) + "-017";
          acceptance.coordinator_user_id = coordinator;
          const auto id =
              TRY(store::AcceptReferral(session, first, acceptance, coordinator, days_ago(1580)));
          auto member = *core_members.Find(id, organisation_id);
          member.region = "Longueuil";
          member.offence_summary = "Condamnation fictive (démo).";
          member.volunteer_summary = "Norbert revient au programme après une pause.";
          member.updated_at = days_ago(1580);
          core_members.Update(member);
          core_members.SetStatus(member, CoreMemberStatus::kClosed,
                                 "S'est retiré du programme (démo).", std::nullopt, coordinator,
                                 days_ago(1200));
          auto second = refer("Norbert Prétexte", "", "1960-10-10", ReferralSource::kSelfReferral,
                              "", "", 20, criteria.size());
          referrals.Move(second, ReferralStatus::kScreening, "", coordinator, days_ago(18));
          second.status = ReferralStatus::kScreening;
          store::Acceptance reopening;
          reopening.reopen_core_member_id = id;
          reopening.reason = "Il demande à reprendre un cercle (démo).";
          TRY(store::AcceptReferral(session, second, reopening, coordinator, days_ago(10)));
        }

        for (const auto& demo : OpenReferrals()) {
          auto referral =
              refer(demo.person, "", nullptr, demo.source, demo.referrer, "",
                    demo.received_days_ago, static_cast<std::size_t>(demo.criteria_met));
          int step_days_ago = demo.received_days_ago;
          for (const auto to : demo.path) {
            step_days_ago = step_days_ago * 2 / 3;
            const bool decided = to == ReferralStatus::kDeclined ||
                                 to == ReferralStatus::kWithdrawn ||
                                 to == ReferralStatus::kWaitlisted;
            TRY(domain::CheckReferralMove(referral.status, to, decided ? demo.reason : "", 0));
            referrals.Move(referral, to, decided ? demo.reason : "", coordinator,
                           days_ago(step_days_ago));
            referral.status = to;
          }
        }
        return {};
      });
}

}  // namespace cercle::demo
