#include "demo/concerns_demo.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/circles/circles.hpp"
#include "app/concerns/concern_handling.hpp"
#include "app/concerns/concern_page.hpp"
#include "app/concerns/concern_raise.hpp"
#include "app/concerns/on_call.hpp"
#include "demo/demo_actors.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/concern_escalation.hpp"

namespace cercle::demo {
namespace {

using domain::ActionKind;
using domain::ConcernCategory;
using domain::ConcernOutcome;
using domain::DisclosureMeans;
using domain::LegalBasis;
using domain::RecipientKind;
using domain::Severity;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// Who raised a demo concern: the demo volunteer, the demo coordinator or the intake coordinator.
enum class Raiser { kVolunteer, kCoordinator, kIntake };

// One invented concern: whose circle, what, when (before now), and how far it went.
struct DemoConcern {
  const char* core_member = "";
  ConcernCategory category = ConcernCategory::kOther;
  Severity severity = Severity::kInformation;
  minutes raised_ago{0};
  Raiser raiser = Raiser::kCoordinator;
  const char* observed = "";
  const char* already_done = "";
  std::optional<minutes> acknowledged_after;
  std::optional<minutes> started_after;
  std::optional<minutes> closed_after;
  std::optional<ConcernOutcome> outcome;
  const char* outcome_note = "";
  const char* reply = "";
  // It cites the first warning sign of the circle plan in force (LoadCirclePlans).
  bool cites_sign = false;
};

// Concerns 0 to 4: Marcel's two, Hervé's, Bernard's and Félix's.
std::vector<DemoConcern> FirstConcerns() {
  return {
      // 0: Marcel, closed; a disclosure under his consent.
      {.core_member = "Marcel Exemple",
       .category = ConcernCategory::kLossOfSupports,
       .severity = Severity::kConcern,
       .raised_ago = days(40),
       .raiser = Raiser::kVolunteer,
       .observed = "Marcel m'a dit au téléphone que son frère ne veut plus le voir et qu'il passe "
                   "ses fins de semaine seul.",
       .already_done = "Je l'ai écouté et je lui ai proposé un café samedi.",
       .acknowledged_after = hours(3),
       .started_after = days(1),
       .closed_after = days(10),
       .outcome = ConcernOutcome::kResolved,
       .outcome_note = "Marcel a repris contact avec son groupe de marche; le cercle l'accompagne.",
       .reply = "Merci Bastien. J'ai parlé avec Marcel; sa psychologue est au courant, avec son "
                "accord. Continuez les cafés du samedi.",
       .cites_sign = true},
      // 1: Marcel, raised a few days ago, waiting.
      {.core_member = "Marcel Exemple",
       .category = ConcernCategory::kOther,
       .severity = Severity::kInformation,
       .raised_ago = days(3),
       .raiser = Raiser::kVolunteer,
       .observed = "Marcel pense quitter son emploi saisonnier avant la fin du contrat; il semble "
                   "découragé."},
      // 2: Hervé, closed when his circle closed; a disclosure under a court order.
      {.core_member = "Hervé Brouillon",
       .category = ConcernCategory::kConditionBreach,
       .severity = Severity::kUrgent,
       .raised_ago = days(14),
       .raiser = Raiser::kVolunteer,
       .observed = "Hervé n'était pas chez lui au couvre-feu deux soirs de suite; il dit avoir "
                   "dormi chez un ami.",
       .already_done =
           "Je lui ai rappelé sa condition et j'ai avisé la coordination tout de suite.",
       .acknowledged_after = minutes(5 * 60),
       .started_after = minutes(5 * 60 + 30),
       .closed_after = days(4),
       .outcome = ConcernOutcome::kCircleChanged,
       .outcome_note = "Hervé est retourné en détention pour bris de conditions; le cercle a tenu "
                       "une rencontre de clôture.",
       .reply = "Merci d'avoir signalé rapidement. La suite relève maintenant de son agent; le "
                "cercle se réunira une dernière fois."},
      // 3: Bernard, in progress: access to minors, the duty to report, an emergency meeting, the
      // parole officer.
      {.core_member = "Bernard Bidon",
       .category = ConcernCategory::kAccessToVictims,
       .severity = Severity::kUrgent,
       .raised_ago = days(6),
       .raiser = Raiser::kIntake,
       .observed = "Une bénévole a vu Ben au parc voisin de l'école primaire à la sortie des "
                   "classes, deux jours de suite.",
       .already_done = "La bénévole lui a parlé; il dit qu'il ne savait pas où aller.",
       .acknowledged_after = minutes(35),
       .started_after = minutes(50),
       .reply = "Merci. Une rencontre d'urgence du cercle est prévue; un plan de sécurité est en "
                "place."},
      // 4: Félix, in progress: an emergency, imminent danger.
      {.core_member = "Félix Chimère",
       .category = ConcernCategory::kSuicideRisk,
       .severity = Severity::kEmergency,
       .raised_ago = days(3),
       .raiser = Raiser::kCoordinator,
       .observed = "Félix a dit à un bénévole qu'il « ne voyait plus de raison de continuer » et "
                   "qu'il avait un plan.",
       .already_done = "Le bénévole est resté avec lui et a appelé la coordination.",
       .acknowledged_after = minutes(9),
       .started_after = minutes(15)},
  };
}

// Concerns 5 to 9: Armand's, Gaston's two, Jules's and Lucien's.
std::vector<DemoConcern> LaterConcerns() {
  return {
      // 5: Armand, closed: the circle is suspended.
      {.core_member = "Armand Hypothèse",
       .category = ConcernCategory::kEmotionalCollapse,
       .severity = Severity::kUrgent,
       .raised_ago = days(20),
       .raiser = Raiser::kCoordinator,
       .observed = "Armand pleure à chaque appel et ne mange presque plus; il a manqué deux "
                   "rendez-vous médicaux.",
       .acknowledged_after = minutes(50),
       .started_after = minutes(60),
       .closed_after = days(5),
       .outcome = ConcernOutcome::kCircleChanged,
       .outcome_note = "Armand est hospitalisé; le cercle est suspendu jusqu'à sa sortie."},
      // 6: Gaston, in progress; a disclosure on another basis.
      {.core_member = "Gaston Fictif",
       .category = ConcernCategory::kSubstanceAbuse,
       .severity = Severity::kConcern,
       .raised_ago = days(12),
       .raiser = Raiser::kCoordinator,
       .observed = "Gaston est arrivé à la rencontre en sentant l'alcool; il l'a reconnu à la fin.",
       .already_done = "Le cercle en a parlé avec lui calmement.",
       .acknowledged_after = days(1),
       .started_after = days(1) + hours(2)},
      // 7: Gaston, acknowledged only.
      {.core_member = "Gaston Fictif",
       .category = ConcernCategory::kEmotionalCollapse,
       .severity = Severity::kInformation,
       .raised_ago = days(2),
       .raiser = Raiser::kIntake,
       .observed = "Gaston dit qu'il dort mal depuis qu'il cherche un logement.",
       .acknowledged_after = hours(20)},
      // 8: Jules, closed: no risk confirmed.
      {.core_member = "Jules Apparence",
       .category = ConcernCategory::kRejectionOfSupervision,
       .severity = Severity::kInformation,
       .raised_ago = days(30),
       .raiser = Raiser::kCoordinator,
       .observed = "Jules a dit qu'il « n'a plus besoin de personne » et a annulé deux rencontres.",
       .acknowledged_after = days(2),
       .closed_after = days(5),
       .outcome = ConcernOutcome::kUnfounded,
       .outcome_note =
           "Jules voulait surtout plus d'autonomie; il garde le lien de façon informelle."},
      // 9: Lucien, raised two hours ago and not yet acknowledged: at the top of the home page.
      {.core_member = "Lucien Imaginaire",
       .category = ConcernCategory::kHostility,
       .severity = Severity::kUrgent,
       .raised_ago = hours(2),
       .raiser = Raiser::kCoordinator,
       .observed = "Au parloir, Lucien s'est emporté contre un agent et a menacé de « régler ses "
                   "comptes » à sa sortie.",
       .already_done = "Les bénévoles ont mis fin à la visite calmement."},
  };
}

// Every demo concern, in the order the actions' indexes refer to.
const std::vector<DemoConcern>& Concerns() {
  static const std::vector<DemoConcern> concerns = [] {
    auto all = FirstConcerns();
    const auto later = LaterConcerns();
    all.insert(all.end(), later.begin(), later.end());
    return all;
  }();
  return concerns;
}

// An action taken on concern `concern` (its index in Concerns()), `after` its raising.
struct DemoAction {
  std::size_t concern = 0;
  ActionKind kind = ActionKind::kTalkWithCoreMember;
  const char* note = "";
  minutes after{0};
};

const std::vector<DemoAction>& Actions() {
  static const std::vector<DemoAction> actions = {
      {.concern = 0,
       .kind = ActionKind::kTalkWithCoreMember,
       .note = "Appel avec Marcel : il se sent seul depuis la rupture avec son frère.",
       .after = days(1)},
      {.concern = 3,
       .kind = ActionKind::kSafetyPlan,
       .note = "Plan de sécurité revu avec Ben : trajets qui évitent l'école, appel à un bénévole "
               "en cas de besoin.",
       .after = hours(3)},
      {.concern = 4,
       .kind = ActionKind::kReferral,
       .note = "Félix accompagné à l'urgence; suivi avec la ligne de prévention du suicide (démo).",
       .after = minutes(30)},
      {.concern = 5,
       .kind = ActionKind::kReferral,
       .note = "Armand orienté vers son médecin de famille, puis hospitalisé.",
       .after = days(1)},
      {.concern = 6,
       .kind = ActionKind::kTalkWithCoreMember,
       .note = "Rencontre avec Gaston : il accepte de revoir son intervenant.",
       .after = days(2)},
  };
  return actions;
}

// A disclosure made about concern `concern`, `after` its raising; `contact` names a partner contact
// of the demo's outer circle, `name` and `organisation` any other recipient.
struct DemoDisclosure {
  std::size_t concern = 0;
  RecipientKind kind = RecipientKind::kOther;
  const char* contact = "";
  const char* name = "";
  const char* organisation = "";
  minutes after{0};
  DisclosureMeans means = DisclosureMeans::kPhone;
  const char* shared = "";
  LegalBasis basis = LegalBasis::kOther;
  const char* explanation = "";
};

const std::vector<DemoDisclosure>& Disclosures() {
  static const std::vector<DemoDisclosure> disclosures = {
      {.concern = 0,
       .kind = RecipientKind::kPartnerContact,
       .contact = "Dre Berthe Modèle",
       .after = days(2),
       .means = DisclosureMeans::kPhone,
       .shared = "Marcel traverse un moment d'isolement (rupture avec son frère); le cercle "
                 "augmente ses contacts.",
       .basis = LegalBasis::kConsent},
      {.concern = 2,
       .kind = RecipientKind::kPolice,
       .name = "Sergent-détective fictif, section des enquêtes (démo)",
       .organisation = "Police fictive de Montréal (démo)",
       .after = hours(6),
       .means = DisclosureMeans::kLetter,
       .shared = "Les dates des rencontres du cercle des deux dernières semaines et la présence "
                 "d'Hervé.",
       .basis = LegalBasis::kCourtOrder,
       .explanation = "Ordonnance de communication (démo) de la Cour du Québec, dossier fictif "
                      "500-01-000000-261, signifiée à l'organisme."},
      {.concern = 3,
       .kind = RecipientKind::kYouthProtection,
       .name = "Réception des signalements",
       .organisation = "DPJ fictive de la Montérégie (démo)",
       .after = minutes(45),
       .means = DisclosureMeans::kPhone,
       .shared = "Présence répétée d'un homme sous conditions près de l'école primaire à la sortie "
                 "des classes; aucun contact observé avec un enfant.",
       .basis = LegalBasis::kChildProtection},
      {.concern = 3,
       .kind = RecipientKind::kPartnerContact,
       .contact = "Octave Prototype",
       .after = minutes(55),
       .means = DisclosureMeans::kPhone,
       .shared = "Ben a été vu deux fois près de l'école primaire; rencontre d'urgence du cercle "
                 "prévue; plan de sécurité revu.",
       .basis = LegalBasis::kAgreement},
      {.concern = 4,
       .kind = RecipientKind::kPolice,
       .name = "Agente de service (démo)",
       .organisation = "Police fictive de Longueuil (démo)",
       .after = minutes(12),
       .means = DisclosureMeans::kPhone,
       .shared = "Félix a exprimé un plan suicidaire précis; adresse où il se trouvait.",
       .basis = LegalBasis::kImminentDanger,
       .explanation = "Risque immédiat pour la vie de Félix : il avait un plan et les moyens; il "
                      "fallait une intervention sur-le-champ."},
      {.concern = 6,
       .kind = RecipientKind::kOther,
       .name = "Service d'admission",
       .organisation = "Maison de thérapie fictive (démo)",
       .after = days(3),
       .means = DisclosureMeans::kEmail,
       .shared = "La date de fin de sa période de conditions, pour planifier son admission.",
       .basis = LegalBasis::kOther,
       .explanation = "Demande écrite de Gaston, datée et signée, versée au dossier : il veut que "
                      "la maison de thérapie planifie son admission."},
  };
  return disclosures;
}

// The outcome of a command whose result the story does not keep.
template <class T>
Status Done(const Result<T>& result) {
  if (!result) return result.error();
  return {};
}

// The concerns' story as a timeline: every step is an app:: command run on the services with the
// clock at the moment it happened, in the order of those moments whatever the order they were
// added in (steps at the same moment keep their order).
class ConcernStory {
 public:
  using Step = Timeline::Step;

  ConcernStory(const app::Services& services, DemoActors actors, const CircleIds& circles)
      : services_(services),
        actors_(std::move(actors)),
        circles_(circles),
        now_(services.clock.Now()),
        ids_(Concerns().size()) {}

  const auth::Actor& coordinator() const { return actors_.coordinator; }
  const auth::Actor& intake() const { return *actors_.intake; }
  const auth::Actor& admin() const { return *actors_.admin; }
  // The coordinator who handles concern `index`: the intake coordinator, unless she raised it.
  const auth::Actor& Handler(std::size_t index) const {
    return Concerns()[index].raiser == Raiser::kIntake ? coordinator() : intake();
  }
  Instant now() const { return now_; }
  Instant RaisedAt(std::size_t index) const { return now_ - Concerns()[index].raised_ago; }
  std::int64_t Id(std::size_t index) const { return ids_[index]; }
  void SetId(std::size_t index, std::int64_t id) { ids_[index] = id; }

  Result<std::int64_t> CircleOf(std::size_t index) const {
    const auto found = circles_.find(Concerns()[index].core_member);
    if (found == circles_.end()) return Error::Invalid(N_("The demo circles are missing."));
    return found->second;
  }
  Result<auth::Actor> RaiserOf(std::size_t index) const {
    switch (Concerns()[index].raiser) {
      case Raiser::kVolunteer:
        if (!actors_.bastien) return Error::Invalid(N_("The demo volunteer has no file."));
        return *actors_.bastien;
      case Raiser::kIntake:
        return intake();
      case Raiser::kCoordinator:
        break;
    }
    return coordinator();
  }

  // The services with the clock at `at`, for a step run at once.
  Backdated On(Instant at) const { return Backdated(services_, at); }
  void At(Instant at, Step step) { timeline_.Add(at, std::move(step)); }

  Status Run() { return timeline_.Replay(services_); }

 private:
  const app::Services& services_;
  DemoActors actors_;
  const CircleIds& circles_;
  Instant now_;
  std::vector<std::int64_t> ids_;
  Timeline timeline_;
};

// The on-call rota, set by the administrator two months ago: the demo coordinator, then the
// intake coordinator, then the administrator. Returns the rota's page, with the acknowledgement
// deadlines the alerts run on.
Result<app::concerns::OnCallPage> SetRota(const ConcernStory& story) {
  const auto at = story.On(story.now() - days(60));
  TRY(app::concerns::SaveOnCall(at.services(), story.admin(),
                                {.choices = {{.user_id = story.coordinator().user_id, .level = 0},
                                             {.user_id = story.intake().user_id, .level = 1},
                                             {.user_id = story.admin().user_id, .level = 2}}}));
  return app::concerns::LoadOnCallPage(at.services(), story.admin());
}

// The time the on-call rota has to acknowledge a concern of `severity`, when it alerts.
std::optional<minutes> DeadlineOf(Severity severity, const app::concerns::OnCallPage& rota) {
  if (severity == Severity::kEmergency) return minutes(rota.emergency_minutes);
  if (severity == Severity::kUrgent) return minutes(rota.urgent_minutes);
  return std::nullopt;
}

// The alert steps of concern `index` that fell due before its acknowledgement (or now), each
// fired by the scheduler's pass on the moment it fell due.
void AddAlerts(ConcernStory& story, std::size_t index, const app::concerns::OnCallPage& rota) {
  const auto& demo = Concerns()[index];
  const auto deadline = DeadlineOf(demo.severity, rota);
  if (!deadline) return;
  const Instant raised = story.RaisedAt(index);
  const Instant until = demo.acknowledged_after ? raised + *demo.acknowledged_after : story.now();
  for (Instant due = domain::NextStepDue(raised, *deadline); due <= until;
       due = domain::NextStepDue(due, *deadline)) {
    story.At(due, [](const app::Services& services) -> Status {
      app::concerns::EscalateDueAlerts(services);
      return {};
    });
  }
}

// Concern `index` raised (seen forty minutes before) by its raiser, with its alerts.
void AddRaising(ConcernStory& story, std::size_t index, const app::concerns::OnCallPage& rota) {
  story.At(story.RaisedAt(index), [&story, index](const app::Services& services) -> Status {
    const auto& demo = Concerns()[index];
    const auto raiser = TRY(story.RaiserOf(index));
    const bool volunteer = demo.raiser == Raiser::kVolunteer;
    const auto as = volunteer ? app::concerns::Raiser::kVolunteer : app::concerns::Raiser::kStaff;
    const auto circle_id = TRY(story.CircleOf(index));
    std::vector<std::int64_t> signs;
    if (demo.cites_sign) {
      const auto page =
          TRY(app::concerns::LoadRaisePage(services, raiser, as, circle_id, std::nullopt));
      if (!page.signs.empty()) signs.push_back(page.signs.front().id);
    }
    const auto raised =
        TRY(app::concerns::Raise(services, raiser,
                                 {.raiser = as,
                                  .circle_id = circle_id,
                                  .draft = {.category = demo.category,
                                            .severity = demo.severity,
                                            .observed = demo.observed,
                                            .observed_at = services.clock.Now() - minutes(40),
                                            .already_done = demo.already_done},
                                  .sign_ids = signs}));
    story.SetId(index, raised.concern_id);
    return {};
  });
  AddAlerts(story, index, rota);
}

// Concern `index` handled: acknowledged and started by its handler, who replies twenty minutes
// after the acknowledgement, and closed by the demo coordinator with its outcome.
void AddHandling(ConcernStory& story, std::size_t index) {
  const auto& demo = Concerns()[index];
  const Instant raised = story.RaisedAt(index);
  if (demo.acknowledged_after) {
    story.At(raised + *demo.acknowledged_after, [&story, index](const app::Services& services) {
      return Done(app::concerns::Acknowledge(services, story.Handler(index),
                                             {.concern_id = story.Id(index)}));
    });
  }
  if (demo.started_after) {
    story.At(raised + *demo.started_after, [&story, index](const app::Services& services) {
      return Done(
          app::concerns::Start(services, story.Handler(index), {.concern_id = story.Id(index)}));
    });
  }
  if (*demo.reply) {
    story.At(raised + demo.acknowledged_after.value_or(minutes(0)) + minutes(20),
             [&story, index](const app::Services& services) {
               return Done(app::concerns::Reply(
                   services, story.Handler(index),
                   {.concern_id = story.Id(index), .reply = Concerns()[index].reply}));
             });
  }
  if (demo.closed_after && demo.outcome) {
    story.At(raised + *demo.closed_after, [&story, index](const app::Services& services) {
      const auto& demo = Concerns()[index];
      return Done(app::concerns::Close(
          services, story.coordinator(),
          {.concern_id = story.Id(index), .outcome = demo.outcome, .note = demo.outcome_note}));
    });
  }
}

// The actions, recorded by the intake coordinator ten minutes after they were taken.
void AddActions(ConcernStory& story) {
  for (const auto& action : Actions()) {
    const Instant taken = story.RaisedAt(action.concern) + action.after;
    story.At(taken + minutes(10), [&story, &action, taken](const app::Services& services) {
      return Done(app::concerns::RecordAction(services, story.intake(),
                                              {.concern_id = story.Id(action.concern),
                                               .kind = action.kind,
                                               .note = action.note,
                                               .taken_at = taken}));
    });
  }
}

// The emergency meeting of Bernard's circle, by telephone, planned an hour after his concern was
// raised for tomorrow evening (18 h or 19 h in Montréal).
void AddEmergencyMeeting(ConcernStory& story) {
  constexpr std::size_t kBernard = 3;
  const Instant starts = std::chrono::floor<days>(story.now()) + days(1) + hours(23);
  story.At(story.RaisedAt(kBernard) + hours(1), [&story, starts](const app::Services& services) {
    return Done(app::concerns::PlanEmergencyMeeting(
        services, story.intake(),
        {.concern_id = story.Id(kBernard),
         .plan = {.kind = domain::MeetingKind::kEmergency,
                  .date = services.translator.LocalDate(starts),
                  .start_minute = app::circles::LocalMinute(services, starts),
                  .duration_minutes = 90,
                  .mode = domain::MeetingMode::kTelephone},
         .starts = starts,
         .note = "Rencontre d'urgence du cercle par téléphone demain soir."}));
  });
}

// The partner contact a demo disclosure names, as the concern page offers it.
Result<std::int64_t> ContactOf(const app::Services& services, const ConcernStory& story,
                               const DemoDisclosure& disclosure) {
  const auto page = TRY(app::concerns::LoadConcernPage(
      services, story.intake(), story.Id(disclosure.concern), app::concerns::RecordView::kNo));
  for (const auto& contact : page.contacts) {
    if (contact.name == disclosure.contact) return contact.id;
  }
  return Error::Invalid(N_("The demo partner contacts are missing."));
}

// The disclosures, one on each legal basis, recorded by the intake coordinator a quarter of an hour
// after they were made; the workflow checks each basis against the record.
void AddDisclosures(ConcernStory& story) {
  for (const auto& disclosure : Disclosures()) {
    const Instant made = story.RaisedAt(disclosure.concern) + disclosure.after;
    story.At(made + minutes(15),
             [&story, &disclosure, made](const app::Services& services) -> Status {
               domain::DisclosureDraft draft{.recipient_kind = disclosure.kind,
                                             .recipient_name = disclosure.name,
                                             .recipient_organisation = disclosure.organisation,
                                             .disclosed_at = made,
                                             .means = disclosure.means,
                                             .shared = disclosure.shared,
                                             .basis = disclosure.basis,
                                             .explanation = disclosure.explanation};
               if (*disclosure.contact)
                 draft.partner_contact_id = TRY(ContactOf(services, story, disclosure));
               return Done(app::concerns::RecordDisclosure(
                   services, story.intake(),
                   {.concern_id = story.Id(disclosure.concern), .draft = draft}));
             });
  }
}

}  // namespace

Status LoadConcerns(const app::Services& services, std::int64_t organisation_id,
                    const CircleIds& circles) {
  auto actors = TRY(FindActors(services, organisation_id));
  if (!actors.intake || !actors.admin) {
    return Error::Invalid(N_("The demo organisation lacks one of its accounts."));
  }
  ConcernStory story(services, std::move(actors), circles);
  const auto rota = TRY(SetRota(story));
  for (std::size_t index = 0; index < Concerns().size(); ++index) {
    AddRaising(story, index, rota);
    AddHandling(story, index);
  }
  AddActions(story);
  AddEmergencyMeeting(story);
  AddDisclosures(story);
  return story.Run();
}

}  // namespace cercle::demo
