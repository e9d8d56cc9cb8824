#include "demo/core_members_demo.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/intake/core_members.hpp"
#include "app/intake/eligibility.hpp"
#include "app/intake/legal.hpp"
#include "app/intake/referrals.hpp"
#include "base/dates.hpp"
#include "demo/demo_actors.hpp"
#include "domain/core_member.hpp"
#include "domain/eligibility.hpp"
#include "domain/legal.hpp"
#include "domain/referral.hpp"

namespace cercle::demo {
namespace {

using domain::CoreMemberStatus;
using domain::ReferralSource;
using domain::ReferralStatus;
using namespace std::chrono;

// A condition of a demo order. Victim details only where the condition protects someone.
struct DemoCondition {
  domain::ConditionKind kind = domain::ConditionKind::kOther;
  const char* text = "";
  int ends_in_days = 0;  // 0: no end date
  const char* victim_identity = "";
  const char* victim_places = "";
  const char* zone = "";  // an exclusion zone's name, as the demo venues list it
};

// A consent of a demo file, dated relative to today.
struct DemoConsent {
  domain::ConsentScope scope = domain::ConsentScope::kOuterCircle;
  const char* partner = "";
  int given_days_ago = 0;
  int expires_in_days = 0;     // 0: no expiry; negative: expired
  int withdrawn_days_ago = 0;  // 0: not withdrawn
};

// One invented core member. Every name says it is not real.
struct DemoCoreMember {
  const char* legal_name = "";
  const char* preferred_name = "";
  const char* birth_date = "";
  ReferralSource source = ReferralSource::kOther;
  const char* referrer = "";
  const char* referrer_organisation = "";
  int referred_days_ago = 0;
  // The statuses the file goes through after its acceptance (it starts as a candidate); the
  // circles' workflows move it further (in a circle, between circles).
  std::vector<CoreMemberStatus> path;
  const char* closing_reason = "";  // for a path that ends closed
  const char* region = "";
  bool second_coordinator = false;
  domain::PreferredLanguage language = domain::PreferredLanguage::kFrench;
  const char* offence_summary = "";
  const char* volunteer_summary = "";
  domain::OrderType order_type = domain::OrderType::kStatutoryRelease;
  int order_started_days_ago = 0;
  int order_ends_in_days = 0;         // 0: no end date
  int statutory_release_in_days = 0;  // 0: none recorded
  int warrant_expiry_in_days = 0;     // 0: none recorded
  std::vector<DemoCondition> conditions;
  const char* static99r_score = "";  // "": no assessment recorded
  const char* static99r_level = "";
  std::vector<DemoConsent> consents;
};

// The files of Marcel and Gaston: one run of CoreMembers().
std::vector<DemoCoreMember> FilesMarcelToGaston() {
  using enum CoreMemberStatus;
  using domain::ConditionKind;
  using domain::ConsentScope;
  using domain::OrderType;
  return {
      {.legal_name = "Marcel Exemple",
       .preferred_name = "Marcel",
       .birth_date = "1961-04-12",
       .source = ReferralSource::kCsc,
       .referrer = "Agente Lise Prototype",
       .referrer_organisation = "Service correctionnel du Canada (démo)",
       .referred_days_ago = 400,
       .path = {kWaitingForCircle, kInCircle},
       .region = "Montréal — Rosemont",
       .language = domain::PreferredLanguage::kFrench,
       .offence_summary = "Condamnation fictive pour agression sexuelle (démo). Deux victimes "
                          "adultes connues de lui.",
       .volunteer_summary = "Marcel aime le jardinage et cherche du travail en entretien paysager. "
                            "Il parle volontiers de ses difficultés avec la solitude.",
       .order_type = OrderType::kFullParole,
       .order_started_days_ago = 300,
       .warrant_expiry_in_days = 20,
       .conditions = {{.kind = ConditionKind::kNoContactPerson,
                       .text = "Aucun contact direct ou indirect avec la victime désignée.",
                       .victim_identity = "Mme Josée Inventée (victime, démo)",
                       .victim_places =
                           "Rue Fictive, quartier Rosemont; son lieu de travail (démo)"},
                      {.kind = ConditionKind::kNoContactMinors,
                       .text = "Aucun contact avec des personnes de moins de 16 ans, sauf en "
                               "présence d'un adulte informé."}},
       .static99r_score = "6",
       .static99r_level = "IVa — bien au-dessus de la moyenne",
       .consents = {{.scope = ConsentScope::kOuterCircle, .given_days_ago = 280},
                    {.scope = ConsentScope::kResearch,
                     .given_days_ago = 280,
                     .expires_in_days = 200}}},
      {.legal_name = "Gaston Fictif",
       .birth_date = "1958-09-30",
       .source = ReferralSource::kProvincialCorrections,
       .referrer = "Agent Rémi Gabarit",
       .referrer_organisation = "Services correctionnels du Québec (démo)",
       .referred_days_ago = 380,
       .path = {kWaitingForCircle, kInCircle},
       .region = "Laval",
       .second_coordinator = true,
       .language = domain::PreferredLanguage::kFrench,
       .offence_summary = "Condamnation fictive pour leurre d'enfant (démo).",
       .volunteer_summary =
           "Gaston a travaillé longtemps comme chauffeur. Il tient à ses rencontres du mardi.",
       .order_type = OrderType::kProbation,
       .order_started_days_ago = 350,
       .order_ends_in_days = 5,
       .conditions = {{.kind = ConditionKind::kCurfew,
                       .text = "Être à son domicile entre 22 h et 6 h.",
                       .ends_in_days = 5},
                      {.kind = ConditionKind::kInternet,
                       .text = "Aucun accès à Internet sans logiciel de surveillance approuvé.",
                       .ends_in_days = 5}},
       .static99r_score = "5",
       .static99r_level = "III — moyenne-élevée",
       .consents = {
           {.scope = ConsentScope::kOuterCircle, .given_days_ago = 340},
           {.scope = ConsentScope::kMedia, .given_days_ago = 300, .withdrawn_days_ago = 30}}}};
}

// The files of Bernard, Lucien and Rémi: one run of CoreMembers().
std::vector<DemoCoreMember> FilesBernardToRemi() {
  using enum CoreMemberStatus;
  using domain::ConditionKind;
  using domain::ConsentScope;
  using domain::OrderType;
  return {{.legal_name = "Bernard Bidon",
           .preferred_name = "Ben",
           .birth_date = "1970-01-22",
           .source = ReferralSource::kPolice,
           .referrer = "Sergente Anne Calque",
           .referrer_organisation = "Police fictive de Longueuil (démo)",
           .referred_days_ago = 150,
           .path = {kWaitingForCircle},
           .region = "Longueuil",
           .language = domain::PreferredLanguage::kFrench,
           .offence_summary = "Ordonnance fictive en vertu de l'art. 810.1 (démo).",
           .volunteer_summary =
               "Ben souhaite reprendre contact avec sa sœur. Il est nerveux en groupe au début.",
           .order_type = OrderType::kRecognizance8101,
           .order_started_days_ago = 120,
           .order_ends_in_days = 245,
           .conditions = {{.kind = ConditionKind::kExclusionZone,
                           .text = "Ne pas se trouver à moins de 500 m des lieux désignés.",
                           .victim_identity = "Victime désignée : M. Léo Postiche (démo)",
                           .victim_places = "École fictive Saint-Exemple; parc du Modèle (démo)",
                           .zone = "Parc du Modèle (démo)"}},
           .static99r_score = "7",
           .static99r_level = "IVb — bien au-dessus de la moyenne",
           .consents = {{.scope = ConsentScope::kPartnerOrganisation,
                         .partner = "Centre d'aide fictif (démo)",
                         .given_days_ago = 400,
                         .expires_in_days = -20},
                        {.scope = ConsentScope::kOuterCircle, .given_days_ago = 100}}},
          {.legal_name = "Lucien Imaginaire",
           .birth_date = "1975-06-03",
           .source = ReferralSource::kCommunityOrganisation,
           .referrer = "Mme Berthe Copie",
           .referrer_organisation = "Maison d'hébergement fictive (démo)",
           .referred_days_ago = 40,
           .region = "Montréal — Plateau",
           .second_coordinator = true,
           .language = domain::PreferredLanguage::kEnglish,
           .offence_summary = "Fictional conviction for sexual interference (demo).",
           .volunteer_summary =
               "Lucien prefers English and is learning French. He volunteers at a food bank.",
           .order_type = OrderType::kStatutoryRelease,
           .order_started_days_ago = -12,
           .order_ends_in_days = 400,
           .statutory_release_in_days = 12,
           .warrant_expiry_in_days = 400,
           .consents = {{.scope = ConsentScope::kOuterCircle, .given_days_ago = 8}}},
          {.legal_name = "Rémi Modèle",
           .birth_date = "1966-11-15",
           .source = ReferralSource::kCsc,
           .referrer = "Agent Paul Réplique",
           .referrer_organisation = "Service correctionnel du Canada (démo)",
           .referred_days_ago = 900,
           .path = {kWaitingForCircle},
           .region = "Montréal — Rosemont",
           .language = domain::PreferredLanguage::kFrench,
           .offence_summary = "Condamnation fictive pour agression sexuelle sur mineur (démo).",
           .volunteer_summary =
               "Rémi a terminé un premier cercle et attend le suivant. Il aime la pêche.",
           .order_type = OrderType::kLongTermSupervision,
           .order_started_days_ago = 800,
           .order_ends_in_days = 1500,
           .conditions = {{.kind = ConditionKind::kInternet,
                           .text = "Déclarer tout appareil branché à Internet.",
                           .ends_in_days = 25},
                          {.kind = ConditionKind::kTreatment,
                           .text = "Suivre le programme de traitement prescrit."}},
           .static99r_score = "4",
           .static99r_level = "III — moyenne-élevée",
           .consents = {{.scope = ConsentScope::kOuterCircle, .given_days_ago = 800}}}};
}

// The files of Théo, Armand and Félix: one run of CoreMembers().
std::vector<DemoCoreMember> FilesTheoToFelix() {
  using enum CoreMemberStatus;
  using domain::ConditionKind;
  using domain::ConsentScope;
  using domain::OrderType;
  return {
      {.legal_name = "Théo Supposé",
       .birth_date = "1955-02-28",
       .source = ReferralSource::kSelfReferral,
       .referred_days_ago = 1400,
       .path = {kWaitingForCircle, kInCircle, kClosed},
       .closing_reason = "Cercle terminé : il se sent prêt à continuer seul (démo).",
       .region = "Laval",
       .language = domain::PreferredLanguage::kFrench,
       .offence_summary = "Condamnation fictive ancienne (démo).",
       .volunteer_summary = "Théo a terminé son cercle.",
       .order_type = OrderType::kWarrantExpiry,
       .order_started_days_ago = 1300,
       .consents =
           {{.scope = ConsentScope::kOuterCircle, .given_days_ago = 1300, .expires_in_days = -300},
            {.scope = ConsentScope::kResearch, .given_days_ago = 1300, .expires_in_days = -300}}},
      {.legal_name = "Armand Hypothèse",
       .birth_date = "1980-08-19",
       .source = ReferralSource::kSelfReferral,
       .referred_days_ago = 90,
       .path = {kWaitingForCircle},
       .region = "Montréal — Plateau",
       .second_coordinator = true,
       .language = domain::PreferredLanguage::kOther,
       .offence_summary = "Condamnation fictive pour possession de matériel interdit (démo).",
       .volunteer_summary =
           "Armand parle surtout espagnol; un bénévole hispanophone serait un atout.",
       .order_type = OrderType::kDayParole,
       .order_started_days_ago = 60,
       .order_ends_in_days = 60,
       .conditions = {{.kind = ConditionKind::kResidence,
                       .text = "Résider à la maison de transition désignée.",
                       .ends_in_days = 60}},
       .static99r_score = "3",
       .static99r_level = "II — moyenne-faible",
       .consents = {{.scope = ConsentScope::kOuterCircle, .given_days_ago = 50}}},
      {.legal_name = "Félix Chimère",
       .birth_date = "1963-12-01",
       .source = ReferralSource::kCsc,
       .referrer = "Agente Lise Prototype",
       .referrer_organisation = "Service correctionnel du Canada (démo)",
       .referred_days_ago = 600,
       .path = {kWaitingForCircle, kInCircle},
       .region = "Montréal — Rosemont",
       .language = domain::PreferredLanguage::kFrench,
       .offence_summary = "Condamnation fictive pour agression sexuelle (démo).",
       .volunteer_summary = "Félix cuisine pour son cercle une fois par mois.",
       .order_type = OrderType::kStatutoryRelease,
       .order_started_days_ago = 500,
       .order_ends_in_days = 28,
       .warrant_expiry_in_days = 28,
       .conditions = {{.kind = ConditionKind::kSubstances,
                       .text = "S'abstenir de consommer de l'alcool.",
                       .ends_in_days = 28},
                      {.kind = ConditionKind::kNoContactPerson,
                       .text = "Aucun contact avec l'ancienne conjointe.",
                       .ends_in_days = 28,
                       .victim_identity = "Mme Colette Factice (démo)",
                       .victim_places = "Quartier Villeray (démo)"}},
       .static99r_score = "4",
       .static99r_level = "III — moyenne-élevée",
       .consents = {
           {.scope = ConsentScope::kOuterCircle, .given_days_ago = 480},
           {.scope = ConsentScope::kResearch, .given_days_ago = 480, .withdrawn_days_ago = 60}}}};
}

// The files of Hervé, Octave and Jules: one run of CoreMembers().
std::vector<DemoCoreMember> FilesHerveToJules() {
  using enum CoreMemberStatus;
  using domain::ConditionKind;
  using domain::ConsentScope;
  using domain::OrderType;
  return {{.legal_name = "Hervé Brouillon",
           .birth_date = "1972-03-09",
           .source = ReferralSource::kPolice,
           .referrer = "Agent Marc Simili",
           .referrer_organisation = "Police fictive (démo)",
           .referred_days_ago = 700,
           .path = {kWaitingForCircle},  // his circle's story moves the file on and closes it
           .region = "Laval",
           .second_coordinator = true,
           .language = domain::PreferredLanguage::kFrench,
           .offence_summary = "Condamnation fictive (démo).",
           .order_type = OrderType::kRecognizance8102,
           .order_started_days_ago = 650,
           .static99r_score = "8",
           .static99r_level = "IVb — bien au-dessus de la moyenne"},
          {.legal_name = "Octave Semblant",
           .birth_date = "1983-07-21",
           .source = ReferralSource::kProvincialCorrections,
           .referrer = "Agente Julie Gabarit",
           .referrer_organisation = "Services correctionnels du Québec (démo)",
           .referred_days_ago = 30,
           .region = "Longueuil",
           .language = domain::PreferredLanguage::kFrench,
           .offence_summary = "Condamnation fictive pour exhibitionnisme (démo).",
           .order_type = OrderType::kProbation,
           .order_started_days_ago = 20,
           .order_ends_in_days = 700,
           .conditions = {{.kind = ConditionKind::kOther,
                           .text = "Se présenter à l'agente de probation chaque semaine."}}},
          {.legal_name = "Jules Apparence",
           .birth_date = "1968-05-05",
           .source = ReferralSource::kCsc,
           .referrer = "Agent Paul Réplique",
           .referrer_organisation = "Service correctionnel du Canada (démo)",
           .referred_days_ago = 500,
           .path = {kWaitingForCircle, kInCircle},
           .region = "Montréal — Plateau",
           .second_coordinator = true,
           .language = domain::PreferredLanguage::kFrench,
           .offence_summary = "Condamnation fictive (démo).",
           .volunteer_summary = "Jules joue de la guitare et aime les marches en montagne.",
           .order_type = OrderType::kRecognizance8102,
           .order_started_days_ago = 400,
           .order_ends_in_days = 3,
           .conditions = {{.kind = ConditionKind::kResidence,
                           .text = "Aviser de tout changement d'adresse.",
                           .ends_in_days = 3}},
           .static99r_score = "5",
           .static99r_level = "III — moyenne-élevée",
           .consents = {{.scope = ConsentScope::kOuterCircle, .given_days_ago = 390}}}};
}

// Every demo file, in the order their file numbers are given.
const std::vector<DemoCoreMember>& CoreMembers() {
  static const std::vector<DemoCoreMember> members = [] {
    std::vector<DemoCoreMember> all;
    for (const auto& part :
         {FilesMarcelToGaston(), FilesBernardToRemi(), FilesTheoToFelix(), FilesHerveToJules()})
      all.insert(all.end(), part.begin(), part.end());
    return all;
  }();
  return members;
}

// The referrals still open or refused, with no file.
struct DemoReferral {
  const char* person = "";
  ReferralSource source = ReferralSource::kOther;
  const char* referrer = "";
  int received_days_ago = 0;
  std::vector<ReferralStatus> path;
  const char* reason = "";
  int criteria_met = 0;  // how many of the default criteria the checklist ticks
};

const std::vector<DemoReferral>& OpenReferrals() {
  using enum ReferralStatus;
  static const std::vector<DemoReferral> referrals = {
      {.person = "Valère Ébauchon",
       .source = ReferralSource::kPolice,
       .referrer = "Sergente Anne Calque",
       .received_days_ago = 3},
      {.person = "Sylvain Croquis",
       .source = ReferralSource::kCsc,
       .referrer = "Agente Lise Prototype",
       .received_days_ago = 15,
       .path = {kScreening},
       .criteria_met = 2},
      {.person = "Aimé Pochade",
       .source = ReferralSource::kCommunityOrganisation,
       .referrer = "M. Gilles Duplicata",
       .received_days_ago = 60,
       .path = {kScreening, kWaitlisted},
       .reason = "En attente de bénévoles disponibles à Laval (démo).",
       .criteria_met = 4},
      {.person = "Denis Néant",
       .source = ReferralSource::kProvincialCorrections,
       .referrer = "Agent Rémi Gabarit",
       .received_days_ago = 45,
       .path = {kScreening, kDeclined},
       .reason = "Ne souhaite pas d'aide pour le moment; pas de demande personnelle (démo).",
       .criteria_met = 2},
      {.person = "Paul Ombre",
       .source = ReferralSource::kOther,
       .referrer = "Mme Aline Copie",
       .received_days_ago = 80,
       .path = {kWithdrawn},
       .reason = "Déménagement hors de la région (démo)."}};
  return referrals;
}

// `days` after `today`, or none for 0.
std::optional<CivilDate> In(CivilDate today, int days) {
  if (days == 0) return std::nullopt;
  return AddDays(today, days);
}

// "accueil@demo.example" for the first copy, "accueil+2@demo.example" for the second…
std::string CopyEmail(const std::string& local, int copy) {
  return copy == 1 ? local + "@demo.example" : local + "+" + std::to_string(copy) + "@demo.example";
}

// The intake's story: every step through app::intake, by the demo coordinator, on the services
// with the clock on the day it happened.
class IntakeStory {
 public:
  IntakeStory(const app::Services& services, DemoActors actors, std::int64_t second_coordinator)
      : services_(services),
        actors_(std::move(actors)),
        second_coordinator_(second_coordinator),
        now_(services.clock.Now()),
        today_(services.Today()) {}

  Backdated At(int days_ago) const { return Backdated(services_, now_ - days(days_ago)); }
  CivilDate today() const { return today_; }
  CivilDate DaysAgo(int count) const { return AddDays(today_, -count); }
  const auth::Actor& coordinator() const { return actors_.coordinator; }
  std::int64_t second_coordinator() const { return second_coordinator_; }
  std::optional<std::int64_t> partner() const {
    return actors_.partner ? std::optional(actors_.partner->user_id) : std::nullopt;
  }

  // The organisation's checklist, given the program's defaults long ago by the administrator.
  Status LoadCriteria() {
    if (!actors_.admin)
      return Error::Invalid(N_("The demo organisation lacks one of its accounts."));
    criteria_ = TRY(app::intake::LoadCriteria(At(2000).services(), *actors_.admin));
    return {};
  }

  // A referral received `received_days_ago`, its first `met` criteria ticked that day; returns its
  // id.
  Result<std::int64_t> Refer(app::intake::ReferralDetails details, int received_days_ago,
                             std::size_t met) {
    const auto at = At(received_days_ago);
    details.received_on = DaysAgo(received_days_ago);
    details.referrer_contact = details.referrer_name.empty() ? "" : "514 555-0199 (démo)";
    details.summary = "Demande reçue pour un suivi en cercle (démo).";
    if (details.source == ReferralSource::kOther) details.source_other = "Paroisse fictive (démo)";
    const auto id = TRY(app::intake::CreateReferral(at.services(), coordinator(), details));
    std::vector<std::int64_t> ticked;
    for (std::size_t i = 0; i < criteria_.size() && i < met; ++i) ticked.push_back(criteria_[i].id);
    TRY(app::intake::SaveChecklist(at.services(), coordinator(),
                                   {.referral_id = id, .met = ticked}));
    return id;
  }

  // Moves referral `id` to `to` on the day `days_ago`.
  Status Move(std::int64_t id, ReferralStatus to, const std::string& reason, int days_ago) {
    TRY(app::intake::MoveReferral(At(days_ago).services(), coordinator(),
                                  {.referral_id = id, .to = to, .reason = reason}));
    return {};
  }

  // Accepts a referral on the day `days_ago`; returns the file's id.
  Result<std::int64_t> Accept(const app::intake::ReferralAcceptance& acceptance, int days_ago) {
    return app::intake::AcceptReferral(At(days_ago).services(), coordinator(), acceptance);
  }

  // Moves file `id` to `to` on the day `days_ago`.
  Status MoveFile(std::int64_t id, CoreMemberStatus to, const std::string& reason, int days_ago) {
    return app::intake::MoveCoreMember(At(days_ago).services(), coordinator(),
                                       {.core_member_id = id, .to = to, .reason = reason});
  }

  std::size_t criteria_count() const { return criteria_.size(); }

 private:
  const app::Services& services_;
  DemoActors actors_;
  std::int64_t second_coordinator_ = 0;
  Instant now_;
  CivilDate today_;
  std::vector<domain::EligibilityCriterion> criteria_;
};

// The details of a file, as the coordinator completes them on the day `days_ago`: what the
// referral did not say. `change` edits the file as it stands.
Status EditFile(const IntakeStory& story, std::int64_t id, int days_ago,
                const std::function<void(app::intake::CoreMemberEdit&)>& change) {
  const auto at = story.At(days_ago);
  const auto form = TRY(app::intake::LoadCoreMemberForm(at.services(), story.coordinator(), id,
                                                        app::intake::Viewing::kNotRecorded));
  const auto& member = form.member;
  app::intake::CoreMemberEdit edit{.core_member_id = id,
                                   .legal_name = member.legal_name,
                                   .preferred_name = member.preferred_name,
                                   .file_number = member.file_number,
                                   .birth_date = member.birth_date,
                                   .preferred_language = member.preferred_language,
                                   .other_language = member.other_language,
                                   .phone = member.phone,
                                   .email = member.email,
                                   .address = member.address,
                                   .region = member.region,
                                   .offence_summary = member.offence_summary,
                                   .volunteer_summary = member.volunteer_summary,
                                   .statutory_release_date = member.statutory_release_date,
                                   .warrant_expiry_date = member.warrant_expiry_date,
                                   .coordinator_user_id = member.coordinator_user_id};
  change(edit);
  return app::intake::EditCoreMember(at.services(), story.coordinator(), edit);
}

// The supervision order of `demo`'s file and its conditions, recorded on its acceptance day.
Status AddOrder(const IntakeStory& story, std::int64_t id, const DemoCoreMember& demo, int number,
                int accepted_days_ago) {
  const auto at = story.At(accepted_days_ago);
  const CivilDate today = story.today();
  app::intake::OrderDetails order{.type = demo.order_type,
                                  .starts_on = AddDays(today, -demo.order_started_days_ago),
                                  .ends_on = In(today, demo.order_ends_in_days)};
  if (number % 3 == 0) {
    order.officer_user_id = story.partner();
  } else {
    order.officer_name = "Agent·e Claude Doublure (démo)";
    order.officer_contact = "514 555-0142";
  }
  const auto order_id =
      TRY(app::intake::CreateOrder(at.services(), story.coordinator(), id, order));
  for (const auto& condition : demo.conditions) {
    TRY(app::intake::CreateCondition(at.services(), story.coordinator(), order_id,
                                     {.kind = condition.kind,
                                      .text = condition.text,
                                      .ends_on = In(today, condition.ends_in_days),
                                      .protects_victim = *condition.victim_identity != '\0',
                                      .victim_identity = condition.victim_identity,
                                      .victim_places = condition.victim_places,
                                      .zone = condition.zone}));
  }
  return {};
}

// The file's risk assessments as received (Static-99R and STABLE-2007), recorded on its acceptance
// day, and its consents, each recorded the day it was given and withdrawn the day it was.
Status AddRiskAndConsents(const IntakeStory& story, std::int64_t id, const DemoCoreMember& demo,
                          int accepted_days_ago) {
  if (*demo.static99r_score) {
    const auto at = story.At(accepted_days_ago);
    app::intake::NewRiskAssessment assessment{
        .core_member_id = id,
        .tool = domain::RiskTool::kStatic99R,
        .score = demo.static99r_score,
        .level = demo.static99r_level,
        .assessed_on = story.DaysAgo(demo.referred_days_ago + 30),
        .assessor = "Dre Hélène Gabarit, psychologue (démo)"};
    TRY(app::intake::CreateRiskAssessment(at.services(), story.coordinator(), assessment));
    assessment.tool = domain::RiskTool::kStable2007;
    assessment.score = std::to_string(std::stoi(demo.static99r_score) + 6);
    assessment.level = "Modéré (démo)";
    TRY(app::intake::CreateRiskAssessment(at.services(), story.coordinator(), assessment));
  }
  for (const auto& consent : demo.consents) {
    const auto consent_id = TRY(
        app::intake::CreateConsent(story.At(consent.given_days_ago).services(), story.coordinator(),
                                   {.core_member_id = id,
                                    .scope = consent.scope,
                                    .partner_organisation = consent.partner,
                                    .given_on = story.DaysAgo(consent.given_days_ago),
                                    .expires_on = In(story.today(), consent.expires_in_days)}));
    if (consent.withdrawn_days_ago == 0) continue;
    TRY(app::intake::WithdrawConsent(
        story.At(consent.withdrawn_days_ago).services(), story.coordinator(),
        {.consent_id = consent_id, .withdrawn_on = story.DaysAgo(consent.withdrawn_days_ago)}));
  }
  return {};
}

// One core member: referred, screened two days later, accepted a week after the referral as file
// `number` of the year, completed, moved along its path, with its order, risk and consents.
Status AddCoreMember(IntakeStory& story, const DemoCoreMember& demo, int number) {
  const auto referral = TRY(story.Refer({.source = demo.source,
                                         .referrer_name = demo.referrer,
                                         .referrer_organisation = demo.referrer_organisation,
                                         .person_legal_name = demo.legal_name,
                                         .person_preferred_name = demo.preferred_name,
                                         .person_birth_date = ParseIsoDate(demo.birth_date)},
                                        demo.referred_days_ago, story.criteria_count()));
  TRY(story.Move(referral, ReferralStatus::kScreening, "", demo.referred_days_ago - 2));
  char file_number[32];
  std::snprintf(file_number, sizeof file_number, "%d-%03d", static_cast<int>(story.today().year()),
                number);
  const int accepted_days_ago = std::max(demo.referred_days_ago - 7, 0);
  const auto id = TRY(
      story.Accept({.referral_id = referral,
                    .file_number = file_number,
                    .coordinator_user_id = demo.second_coordinator ? story.second_coordinator()
                                                                   : story.coordinator().user_id},
                   accepted_days_ago));
  TRY(EditFile(story, id, accepted_days_ago, [&](app::intake::CoreMemberEdit& edit) {
    edit.preferred_language = demo.language;
    edit.other_language = demo.language == domain::PreferredLanguage::kOther ? "espagnol" : "";
    edit.phone = "514 555-01" + std::to_string(10 + number) + " (démo)";
    edit.region = demo.region;
    edit.address = std::to_string(100 + number) + ", rue de l'Exemple (démo)";
    edit.offence_summary = demo.offence_summary;
    edit.volunteer_summary = demo.volunteer_summary;
    edit.statutory_release_date = In(story.today(), demo.statutory_release_in_days);
    edit.warrant_expiry_date = In(story.today(), demo.warrant_expiry_in_days);
  }));
  // The file's path after acceptance, spread over the time since.
  int step_days_ago = accepted_days_ago;
  for (const auto to : demo.path) {
    step_days_ago = step_days_ago * 2 / 3;
    TRY(story.MoveFile(id, to, to == CoreMemberStatus::kClosed ? demo.closing_reason : "",
                       step_days_ago));
  }
  TRY(AddOrder(story, id, demo, number, accepted_days_ago));
  return AddRiskAndConsents(story, id, demo, accepted_days_ago);
}

// Norbert was in the program before: his file was closed, and a new referral reopened it.
Status AddReopenedFile(IntakeStory& story) {
  const app::intake::ReferralDetails norbert{
      .source = ReferralSource::kCsc,
      .referrer_name = "Agent Paul Réplique",
      .referrer_organisation = "Service correctionnel du Canada (démo)",
      .person_legal_name = "Norbert Prétexte",
      .person_birth_date = ParseIsoDate("1960-10-10")};
  const auto first = TRY(story.Refer(norbert, 1600, story.criteria_count()));
  TRY(story.Move(first, ReferralStatus::kScreening, "", 1590));
  const auto id = TRY(story.Accept(
      {.referral_id = first,
       .file_number = std::to_string(static_cast<int>(story.today().year()) - 4) + "-017",
       .coordinator_user_id = story.coordinator().user_id},
      1580));
  TRY(EditFile(story, id, 1580, [](app::intake::CoreMemberEdit& edit) {
    edit.region = "Longueuil";
    edit.offence_summary = "Condamnation fictive (démo).";
    edit.volunteer_summary = "Norbert revient au programme après une pause.";
  }));
  TRY(story.MoveFile(id, CoreMemberStatus::kClosed, "S'est retiré du programme (démo).", 1200));
  auto again = norbert;
  again.source = ReferralSource::kSelfReferral;
  again.referrer_name = again.referrer_organisation = "";
  const auto second = TRY(story.Refer(again, 20, story.criteria_count()));
  TRY(story.Move(second, ReferralStatus::kScreening, "", 18));
  TRY(story.Accept({.referral_id = second,
                    .reopen_core_member_id = id,
                    .reason = "Il demande à reprendre un cercle (démo)."},
                   10));
  return {};
}

// The referrals still open or refused, each moved along its path.
Status AddOpenReferrals(IntakeStory& story) {
  for (const auto& demo : OpenReferrals()) {
    const auto id = TRY(story.Refer(
        {.source = demo.source, .referrer_name = demo.referrer, .person_legal_name = demo.person},
        demo.received_days_ago, static_cast<std::size_t>(demo.criteria_met)));
    int step_days_ago = demo.received_days_ago;
    for (const auto to : demo.path) {
      step_days_ago = step_days_ago * 2 / 3;
      const bool decided = to == ReferralStatus::kDeclined || to == ReferralStatus::kWithdrawn ||
                           to == ReferralStatus::kWaitlisted;
      TRY(story.Move(id, to, decided ? demo.reason : "", step_days_ago));
    }
  }
  return {};
}

}  // namespace

Status LoadCoreMembers(const app::Services& services, std::int64_t organisation_id, int copy) {
  const auto second_coordinator =
      TRY(CreateDemoAccount(services, organisation_id, "Irène Accueil", CopyEmail("accueil", copy),
                            domain::Role::kCoordinator));
  IntakeStory story(services, TRY(FindActors(services, organisation_id)), second_coordinator);
  TRY(story.LoadCriteria());
  int number = 0;
  for (const auto& demo : CoreMembers()) TRY(AddCoreMember(story, demo, ++number));
  TRY(AddReopenedFile(story));
  return AddOpenReferrals(story);
}

}  // namespace cercle::demo
