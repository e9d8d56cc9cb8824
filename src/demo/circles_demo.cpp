#include "demo/circles_demo.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/admin/settings.hpp"
#include "app/circles/circle_changes.hpp"
#include "app/circles/circle_phase.hpp"
#include "app/circles/circles.hpp"
#include "app/intake/core_members.hpp"
#include "auth/actor.hpp"
#include "base/dates.hpp"
#include "base/folding.hpp"
#include "demo/demo_actors.hpp"
#include "domain/circle.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_formation.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_partners.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/core_member.hpp"
#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"
#include "domain/volunteer_gate.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"
#include "store/screening_store.hpp"
#include "store/settings_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_hours_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::demo {
namespace {

using domain::CirclePhase;
using std::chrono::hours;
using std::chrono::minutes;

// The circles need more volunteers who pass the gate than the volunteers' demo has: these, active,
// fully screened and trained a year ago. Every name says it is not real.
struct ExtraVolunteer {
  const char* first_name;
  const char* last_name;
  const char* region;
  const char* languages;
  const char* availability;
  int age;
  const char* occupation;
  const char* gender;
};

constexpr ExtraVolunteer kExtraVolunteers[] = {
    {"Mireille", "Simulacre", "Montréal — Rosemont", "français", "tue-evening,sat-morning", 52,
     "Bibliothécaire", "femme"},
    {"Didier", "Postiche", "Laval", "français, anglais", "thu-evening,sun-afternoon", 47,
     "Électricien", "homme"},
    {"Agathe", "Calque", "Longueuil", "français", "mon-evening,wed-evening", 39,
     "Infirmière auxiliaire", "femme"},
    {"Bruno", "Mirage", "Montréal — Plateau", "français, espagnol", "wed-evening,sat-afternoon", 58,
     "Professeur d'espagnol retraité", "homme"},
    {"Clémence", "Reflet", "Montréal — Villeray", "français", "tue-evening,thu-evening", 33,
     "Intervenante jeunesse", "femme"},
    {"Étienne", "Songe", "Montréal — Ahuntsic", "français, anglais", "wed-evening,fri-evening", 64,
     "Aumônier retraité", "homme"},
    {"Florence", "Copie", "Brossard", "français", "mon-evening,thu-evening", 45, "Comptable",
     "femme"},
    {"Karim", "Fantaisie", "Montréal — Plateau", "français, anglais, arabe",
     "tue-evening,sat-morning", 41, "Chauffeur d'autobus", "homme"},
};

// One phase of a circle's history: the phase and the day it began, in days before today.
struct PhaseStep {
  CirclePhase phase;
  int days_ago;
  const char* reason;
};

// One review or renewal decision.
struct DemoReview {
  domain::ReviewKind kind;
  int days_ago;
  std::optional<domain::RenewalDecision> renewal;
  const char* outcome;
  const char* decisions;
};

// One invented circle. The first phase step is the opening (forming).
struct DemoCircle {
  const char* core_member;  // legal name of a demo core member
  std::vector<const char*>
      members;  // "First Last" of the volunteers; the first is the primary volunteer
  std::vector<PhaseStep> phases;                 // oldest first
  std::optional<domain::ClosureReason> closure;  // set with a last step kClosed
  const char* closing_note;
  std::optional<domain::OffenceProfile> profile;
  const char* meeting_times;
  const char* place;
  // The most recent held meeting, in days before today (0: none, the circle does not meet yet).
  int last_meeting_days_ago;
  // How many meetings are planned ahead.
  int planned_ahead;
  // Special cases shown on the coordinator's home page and the volunteer's phone: the meeting (by
  // days ago) whose minutes are still to write, and the one whose minutes wait for acknowledgement
  // (0: none).
  int minutes_missing_days_ago;
  int minutes_unacknowledged_days_ago;
  // Contacts between meetings: every `contact_every` days, the latest `last_contact_days_ago` days
  // ago (0: none).
  int contact_every;
  int last_contact_days_ago;
  std::vector<DemoReview> reviews;
};

const std::vector<DemoCircle>& Circles() {
  using enum CirclePhase;
  using domain::OffenceProfile;
  using domain::RenewalDecision;
  using domain::ReviewKind;
  static const std::vector<DemoCircle> circles = {
      {"Marcel Exemple",
       {"Bastien Fictif", "Solange Brouillon", "Anatole Ébauche", "Mireille Simulacre"},
       {{kForming, 395, "Cercle ouvert."},
        {kIntensive, 380, "Sortie de Marcel : début des rencontres intensives."},
        {kWeekly, 345, "Marcel est installé; on passe à une rencontre par semaine."},
        {kBiweekly, 220, "Marcel a trouvé un emploi saisonnier; il tient ses engagements."},
        {kMonthly, 120,
         "Stabilité depuis plusieurs mois; rencontres mensuelles, contacts entre-temps."}},
       std::nullopt,
       "",
       OffenceProfile::kAdultVictims,
       "tue-evening",
       "Salle communautaire du quartier (démo)",
       1,
       2,
       1,
       0,
       9,
       3,
       {{ReviewKind::kReview, 290, std::nullopt,
         "Le cercle fonctionne bien; Marcel parle plus ouvertement.",
         "Garder le rythme hebdomadaire encore deux mois."},
        {ReviewKind::kReview, 200, std::nullopt, "Emploi saisonnier trouvé; moins d'isolement.",
         "Passer aux rencontres aux deux semaines."},
        {ReviewKind::kReview, 110, std::nullopt,
         "Bonne stabilité; un moment difficile bien géré en équipe.",
         "Rencontres mensuelles; contacts hebdomadaires maintenus."},
        {ReviewKind::kRenewal, 16, RenewalDecision::kRenewed,
         "Marcel souhaite poursuivre une deuxième année; les bénévoles aussi.",
         "Engagement renouvelé pour un an."}}},
      {"Gaston Fictif",
       {"Didier Postiche", "Agathe Calque", "Florence Copie"},
       {{kForming, 165, "Cercle ouvert."},
        {kIntensive, 150, "Premières semaines après la libération."},
        {kWeekly, 110, "Fin de la période intensive."}},
       std::nullopt,
       "",
       OffenceProfile::kOnline,
       "thu-evening",
       "Bibliothèque de quartier, salle 2 (démo)",
       4,
       3,
       4,
       0,
       6,
       2,
       {{ReviewKind::kReview, 60, std::nullopt,
         "Gaston tient à ses rencontres; il cherche un logement.",
         "Rester aux rencontres hebdomadaires jusqu'au déménagement."}}},
      {"Félix Chimère",
       {"Solange Brouillon", "Clémence Reflet", "Étienne Songe"},
       {{kForming, 275, "Cercle ouvert."},
        {kIntensive, 260, "Libération d'office : début intensif."},
        {kWeekly, 225, "Félix est bien entouré; rencontres hebdomadaires."},
        {kBiweekly, 95, "Progrès constants; rencontres aux deux semaines."}},
       std::nullopt,
       "",
       OffenceProfile::kAdultVictims,
       "wed-evening",
       "Local de l'organisme (démo)",
       3,
       3,
       0,
       3,
       10,
       5,
       {{ReviewKind::kReview, 170, std::nullopt,
         "Félix reste abstinent; il cuisine pour le cercle.", "Continuer ainsi."},
        {ReviewKind::kReview, 80, std::nullopt, "Passage aux deux semaines réussi.",
         "Revoir la fréquence à la prochaine revue."}}},
      {"Jules Apparence",
       {"Anatole Ébauche", "Didier Postiche", "Karim Fantaisie"},
       {{kForming, 485, "Cercle ouvert."},
        {kIntensive, 470, "Début du cercle."},
        {kWeekly, 440, "Rythme hebdomadaire."},
        {kBiweekly, 330, "Rencontres aux deux semaines."},
        {kMonthly, 230, "Rencontres mensuelles."},
        {kInformal, 140, "Jules est autonome; le cercle reste disponible au besoin."}},
       std::nullopt,
       "",
       std::nullopt,
       "sat-morning",
       "Café du parc (démo)",
       95,
       1,
       0,
       0,
       20,
       40,
       {{ReviewKind::kReview, 380, std::nullopt, "Bonne intégration.", "Continuer."},
        {ReviewKind::kReview, 290, std::nullopt, "Jules a repris la musique.",
         "Réduire la fréquence."},
        {ReviewKind::kReview, 195, std::nullopt, "Aucune inquiétude.", "Rencontres mensuelles."},
        {ReviewKind::kRenewal, 104, RenewalDecision::kRenewed, "Jules veut garder le lien.",
         "Renouvelé pour un an, en mode informel."},
        {ReviewKind::kReview, 12, std::nullopt, "Peu de nouvelles depuis l'été.",
         "La coordination relance Jules et planifie une rencontre."}}},
      {"Bernard Bidon",
       {"Agathe Calque", "Bruno Mirage", "Clémence Reflet", "Florence Copie"},
       {{kForming, 40, "Cercle ouvert."},
        {kIntensive, 23, "Ben est libéré : contacts quotidiens au début."}},
       std::nullopt,
       "",
       OffenceProfile::kChildVictims,
       "mon-evening",
       "Local de l'organisme, Longueuil (démo)",
       2,
       3,
       0,
       0,
       2,
       1,
       {}},
      {"Armand Hypothèse",
       {"Bruno Mirage", "Étienne Songe", "Mireille Simulacre"},
       {{kForming, 95, "Cercle ouvert."},
        {kIntensive, 80, "Début en maison de transition."},
        {kWeekly, 50, "Rencontres hebdomadaires."},
        {kSuspended, 15,
         "Armand est hospitalisé quelques semaines; le cercle reprendra à sa sortie."}},
       std::nullopt,
       "",
       std::nullopt,
       "wed-evening",
       "Maison de transition, salle commune (démo)",
       15,
       0,
       0,
       0,
       7,
       16,
       {}},
      {"Lucien Imaginaire",
       {"Karim Fantaisie", "Octave Essai", "Fernand Factice"},
       {{kForming, 45, "Cercle ouvert."},
        {kPreRelease, 30, "Rencontres en établissement avant la libération d'office."}},
       std::nullopt,
       "",
       std::nullopt,
       "sat-morning",
       "Établissement, parloir (démo)",
       2,
       2,
       0,
       0,
       7,
       4,
       {}},
      {"Octave Semblant",
       {"Octave Essai", "Fernand Factice"},
       {{kForming, 5, "Cercle ouvert; bénévoles proposés."}},
       std::nullopt,
       "",
       domain::OffenceProfile::kNonContact,
       "mon-evening",
       "Local de l'organisme, Longueuil (démo)",
       0,
       0,
       0,
       0,
       0,
       0,
       {}},
      {"Rémi Modèle",
       {"Capucine Échantillon", "Léon Maquette", "Héloïse Hypothèse"},
       {{kForming, 620, "Cercle ouvert."},
        {kIntensive, 600, "Début du cercle."},
        {kWeekly, 560, "Rythme hebdomadaire."},
        {kBiweekly, 450, "Rencontres aux deux semaines."},
        {kMonthly, 330, "Rencontres mensuelles."},
        {kClosed, 200, "Cercle terminé."}},
       domain::ClosureReason::kCompleted,
       "Rémi a vécu deux années stables; il souhaite un nouveau cercle plus tard, près de son "
       "nouveau "
       "quartier.",
       OffenceProfile::kChildVictims,
       "thu-evening",
       "Salle communautaire du quartier (démo)",
       200,
       0,
       0,
       0,
       14,
       210,
       {{ReviewKind::kReview, 510, std::nullopt, "Bon départ.", "Continuer."},
        {ReviewKind::kReview, 420, std::nullopt, "Stable.", "Rencontres aux deux semaines."},
        {ReviewKind::kRenewal, 235, RenewalDecision::kClosing,
         "Rémi se sent prêt à continuer seul pour le moment.",
         "Fermeture du cercle dans un mois."}}},
      {"Hervé Brouillon",
       {"Bastien Fictif", "Capucine Échantillon", "Léon Maquette"},
       {{kForming, 315, "Cercle ouvert."},
        {kIntensive, 300, "Début du cercle."},
        {kWeekly, 265, "Rythme hebdomadaire."},
        {kClosed, 10, "Cercle fermé."}},
       domain::ClosureReason::kReincarcerated,
       "Hervé est retourné en détention pour un bris de conditions. Le cercle a tenu une rencontre "
       "de "
       "clôture.",
       std::nullopt,
       "fri-evening",
       "Bibliothèque de quartier, salle 2 (démo)",
       10,
       0,
       0,
       0,
       8,
       12,
       {{ReviewKind::kReview, 210, std::nullopt, "Hervé manque des rencontres.",
         "Entretien avec la coordination."},
        {ReviewKind::kReview, 120, std::nullopt,
         "Inquiétudes partagées avec l'agent de libération.",
         "Rencontres maintenues chaque semaine."},
        {ReviewKind::kReview, 30, std::nullopt, "Situation fragile.", "Vigilance accrue."}}},
  };
  return circles;
}

// The covenant every demo circle starts from, in French.
constexpr const char* kCovenant =
    "Entente du cercle\n\n"
    "Nous, le membre principal et les bénévoles de ce cercle, avec la coordination qui "
    "l'accompagne, nous "
    "engageons à nous rencontrer régulièrement et à garder contact entre les rencontres, pour que "
    "le membre "
    "principal rebâtisse une vie sans nouvelle victime.\n\n"
    "Le membre principal s'engage à participer honnêtement, à respecter ses conditions et à parler "
    "de ce qui "
    "l'inquiète, y compris des situations qui pourraient mettre quelqu'un à risque.\n\n"
    "Les bénévoles s'engagent à écouter sans juger, à rappeler au membre principal ses engagements "
    "et à "
    "signaler à la coordination tout signe préoccupant.\n\n"
    "Limites de la confidentialité : ce qui se dit dans le cercle reste dans le cercle, sauf si "
    "quelqu'un est "
    "en danger, si un enfant peut être à risque (Loi sur la protection de la jeunesse, art. 39), "
    "si une "
    "condition n'est pas respectée, ou si le membre principal a consenti à ce que l'information "
    "soit "
    "partagée. Seule la coordination parle au cercle externe : libération conditionnelle, police, "
    "thérapeutes.";

// What a phase asks of the circle, added to the covenant when it enters it.
const char* PhaseClause(CirclePhase phase) {
  switch (phase) {
    case CirclePhase::kPreRelease:
      return "Phase prélibératoire : une rencontre aux deux semaines en établissement.";
    case CirclePhase::kIntensive:
      return "Phase intensive : une rencontre par semaine et un contact chaque jour.";
    case CirclePhase::kWeekly:
      return "Phase hebdomadaire : une rencontre par semaine, des contacts entre-temps.";
    case CirclePhase::kBiweekly:
      return "Phase aux deux semaines : une rencontre toutes les deux semaines.";
    case CirclePhase::kMonthly:
      return "Phase mensuelle : une rencontre par mois, un contact chaque semaine.";
    case CirclePhase::kInformal:
      return "Phase informelle : rencontres au besoin; le cercle reste joignable.";
    case CirclePhase::kSuspended:
      return "Cercle suspendu : il reprendra dès que possible.";
    default:
      return "";
  }
}

// Days between meetings in each phase.
int Rhythm(CirclePhase phase) {
  switch (phase) {
    case CirclePhase::kPreRelease:
    case CirclePhase::kBiweekly:
      return 14;
    case CirclePhase::kMonthly:
      return 30;
    case CirclePhase::kInformal:
      return 60;
    default:
      return 7;
  }
}

// Short, invented minutes, taken in turn.
constexpr const char* kCheckIns[] = {
    "Tour de table : chacun raconte sa semaine. Le membre principal parle de son travail et de sa "
    "fatigue.",
    "Bonne humeur générale. Le membre principal a revu sa sœur au téléphone.",
    "Le membre principal arrive tendu après un rendez-vous difficile; le tour de table l'apaise.",
    "Rencontre calme. On souligne un mois sans incident.",
    "Le membre principal présente un projet de cours du soir."};
constexpr const char* kAccountability[] = {
    "Aucun contact avec des personnes visées par ses conditions. Il a évité un parc où jouent des "
    "enfants.",
    "Il reconnaît un moment d'isolement la fin de semaine; il a appelé un bénévole comme convenu.",
    "Discussion franche sur une invitation qu'il a refusée à cause de ses conditions.",
    "Rien de préoccupant. Il respecte son couvre-feu et ses rendez-vous de surveillance.",
    "Il parle d'une colère envers son agent; le cercle l'aide à la formuler autrement."};
constexpr const char* kSupport[] = {
    "Aide pour remplir un formulaire de logement.", "Écoute et encouragements.",
    "Accompagnement à un rendez-vous à la banque alimentaire.", "Conseils pour le budget du mois.",
    "Marche ensemble après la rencontre."};
constexpr const char* kDecisions[] = {
    "Maintenir le rythme actuel.", "Un bénévole l'accompagnera mardi.",
    "Aucune décision particulière.", "Proposer une sortie au musée.",
    "Préparer la prochaine revue."};
constexpr const char* kNextSteps[] = {
    "Appel de suivi jeudi.", "Rencontre habituelle.", "Le membre principal apporte son CV.",
    "Prévoir un repas partagé.", "Faire le point sur la recherche de logement."};
constexpr const char* kComments[] = {"Merci pour ce compte rendu clair et complet.",
                                     "Bien noté. Continuez à me signaler les moments d'isolement.",
                                     "", "Bon travail d'équipe dans une rencontre difficile.", ""};
constexpr const char* kContactNotes[] = {
    "Appel de courtoisie, tout va bien.",    "Café ensemble après son travail.",
    "Texto pour confirmer la rencontre.",    "Marche au parc du quartier.",
    "Il voulait parler d'une lettre reçue.", ""};

// The demo's instants: the evening of `day` (about 19 h in Montréal), or a morning.
Instant Evening(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch() + hours(23) + minutes(30));
}
Instant Morning(CivilDate day) {
  return Instant(std::chrono::sys_days(day).time_since_epoch() + hours(14));
}

// The phase of `circle` in force on the day `days_ago` before today.
CirclePhase PhaseOn(const DemoCircle& circle, int days_ago) {
  CirclePhase phase = circle.phases.front().phase;
  for (const auto& step : circle.phases) {
    if (step.days_ago >= days_ago) phase = step.phase;
  }
  return phase;
}

// The days (before today) of the held meetings of `circle`, newest first, back to a year ago or its
// start: at the rhythm of the phase in force, with a meeting on the day of each phase change
// (decided there).
std::vector<int> HeldMeetingDays(const DemoCircle& circle, int started_days_ago) {
  std::vector<int> days;
  if (circle.last_meeting_days_ago == 0) return days;
  const int oldest = std::min(started_days_ago, 365);
  for (int day = circle.last_meeting_days_ago; day <= oldest;) {
    days.push_back(day);
    int next = day + Rhythm(PhaseOn(circle, day + 1));
    for (const auto& step : circle.phases) {
      if (step.days_ago > day && step.days_ago < next && step.phase != CirclePhase::kForming)
        next = step.days_ago;
    }
    day = next;
  }
  return days;
}

// What the loader's steps share: the organisation, today, the coordinator who records everything
// (as the app layer sees him), and everyone by name.
struct Loader {
  const app::Services& services;
  std::int64_t organisation_id = 0;
  Instant now;
  CivilDate today;
  auth::Actor coordinator;
  std::optional<auth::Actor> admin;
  std::optional<std::int64_t> partner_account;
  std::map<std::string, domain::Volunteer> by_name;
  std::map<std::string, domain::CoreMember> files;
  std::map<std::string, std::int64_t> circle_ids;
  std::size_t turn = 0;  // rotates the invented texts

  CivilDate DaysAgo(int count) const { return AddDays(today, -count); }
  std::int64_t by() const { return coordinator.user_id; }
  store::Scope scope() const { return store::Scope::Organisation(organisation_id); }
};

// A circle as it was opened: its record and its volunteers' stays, the primary first.
struct Opened {
  domain::Circle circle;
  std::vector<domain::CircleMember> stays;
  std::vector<std::int64_t> volunteer_ids;
};

// The demo's coordinator, as a signed-in actor of the organisation, and the demo partner's account.
Status FindAccounts(Loader& loader) {
  const auto actors = TRY(FindActors(loader.services, loader.organisation_id));
  loader.coordinator = actors.coordinator;
  loader.admin = actors.admin;
  if (actors.partner) loader.partner_account = actors.partner->user_id;
  return {};
}

// One volunteer the circles need, active, fully screened a year ago and supervised since.
std::int64_t AddExtraVolunteer(soci::session& session, const Loader& loader,
                               const ExtraVolunteer& demo, std::size_t index,
                               const std::vector<domain::ScreeningItemType>& types) {
  const std::int64_t organisation_id = loader.organisation_id;
  const std::int64_t by = loader.by();
  store::VolunteerStore volunteers(session);
  domain::Volunteer volunteer;
  volunteer.organisation_id = organisation_id;
  volunteer.first_name = demo.first_name;
  volunteer.last_name = demo.last_name;
  volunteer.email = FoldForSearch(std::string(demo.first_name) + "." + demo.last_name);
  std::replace(volunteer.email.begin(), volunteer.email.end(), ' ', '-');
  volunteer.email += "@courriel.example";
  volunteer.phone = "514-555-02" + std::to_string(10 + index);
  volunteer.region = demo.region;
  volunteer.languages = demo.languages;
  volunteer.availability = domain::Availability::Parse(demo.availability);
  volunteer.date_of_birth = loader.DaysAgo(demo.age * 365 + 40);
  volunteer.occupation = demo.occupation;
  volunteer.heard_about = domain::HeardAbout::kWordOfMouth;
  volunteer.gender = demo.gender;
  const std::int64_t id = volunteers.Insert(volunteer, by, loader.now - hours(24 * 520));
  using enum domain::VolunteerStage;
  domain::VolunteerStage from = kInquiry;
  int when = 510;
  for (const auto step : {kOrientation, kTraining, kScreening, kApproved, kActive}) {
    volunteers.MoveStage(id, organisation_id, from, step, "Étape franchie (démo).", by,
                         loader.now - hours(24 * when));
    from = step;
    when -= 25;
  }
  store::ScreeningStore screening(session);
  const CivilDate checked = loader.DaysAgo(420);
  for (std::size_t type = 0; type < types.size(); ++type) {
    domain::ScreeningItem item;
    item.organisation_id = organisation_id;
    item.volunteer_id = id;
    item.type_id = types[type].id;
    item.completed_on = AddDays(checked, static_cast<int>(type));
    item.result = domain::ScreeningResult::kPassed;
    item.expires_on = domain::DefaultExpiry(types[type], item.completed_on);
    item.checked_by = by;
    item.recorded_at = loader.now;
    screening.InsertItem(item);
    // Two references, as the program asks.
    if (type == 1) {
      item.completed_on = AddDays(item.completed_on, 1);
      screening.InsertItem(item);
    }
  }
  // Supervised by the coordination every few months, the latest a few weeks ago.
  for (const int ago : {200, 110, 20 + static_cast<int>(index) * 3}) {
    domain::SupervisionSession supervision;
    supervision.organisation_id = organisation_id;
    supervision.volunteer_id = id;
    supervision.held_on = loader.DaysAgo(ago);
    supervision.notes = "Point sur l'engagement dans les cercles (démo).";
    supervision.recorded_by = by;
    supervision.recorded_at = Morning(supervision.held_on);
    volunteers.InsertSupervision(supervision);
  }
  return id;
}

// The volunteers the circles need beyond the volunteers' demo, screened and trained a year ago,
// and the program's rule that a volunteer may serve in two circles at once.
Status AddExtraVolunteers(const Loader& loader) {
  if (!loader.admin) return Error::Invalid(N_("The demo organisation lacks one of its accounts."));
  TRY(app::admin::SaveSettings(
      loader.services, *loader.admin,
      {.values = {{domain::SettingKey::kVolunteerCirclesPerVolunteer, 2}}}));
  return loader.services.database.Write(loader.scope(), [&](soci::session& session) -> Status {
    const std::int64_t organisation_id = loader.organisation_id;
    store::TrainingStore training(session);
    const auto types = store::ScreeningStore(session).ListTypes(organisation_id);
    const auto modules = training.ListModules(organisation_id);
    if (types.size() < 5 || modules.empty()) {
      return Error::Invalid(N_("The demo set-up is incomplete."));
    }
    std::vector<std::int64_t> extra_ids;
    for (const auto& demo : kExtraVolunteers) {
      extra_ids.push_back(AddExtraVolunteer(session, loader, demo, extra_ids.size(), types));
    }
    // Their basic training: a cohort of five three-hour sessions, fourteen months ago.
    for (int i = 0; i < 5; ++i) {
      domain::TrainingSession record;
      record.organisation_id = organisation_id;
      record.module_id = modules.front().id;
      record.held_on = loader.DaysAgo(440 - 7 * i);
      record.duration_minutes = 180;
      record.title = "Cohorte du printemps (démo)";
      const auto session_id = training.InsertSession(record, loader.by(), loader.now);
      std::vector<std::pair<std::int64_t, int>> present;
      for (const auto id : extra_ids) present.emplace_back(id, 180);
      training.ReplaceAttendance(session_id, organisation_id, present, loader.by(), loader.now);
    }
    return {};
  });
}

// Everyone by name: the volunteers and the core members' files.
void ReadNames(Loader& loader) {
  (void)loader.services.database.Read(loader.scope(), [&](soci::session& session) -> Status {
    store::VolunteerFilter every;
    every.include_closed = true;
    for (auto& volunteer : store::VolunteerStore(session).List(loader.organisation_id, every)) {
      loader.by_name[volunteer.FullName()] = volunteer;
    }
    store::CoreMemberFilter all_files;
    all_files.limit = 100000;
    for (auto& file : store::CoreMemberStore(session).List(loader.organisation_id, all_files)) {
      loader.files[file.legal_name] = file;
    }
    return {};
  });
}

// The volunteers of `demo` joined the day before it opened, the first the primary volunteer.
Status AddVolunteers(soci::session& session, const Loader& loader, const DemoCircle& demo,
                     Opened& opened) {
  const std::int64_t organisation_id = loader.organisation_id;
  const bool stays_open = !demo.closure;
  store::CircleStore circles(session);
  store::ScreeningStore screening(session);
  store::TrainingStore training(session);
  const auto types = screening.ListTypes(organisation_id);
  const auto modules = training.ListModules(organisation_id);
  const auto settings = store::SettingsStore(session).Load(organisation_id);
  const auto limits = app::circles::CircleSettingsOf(settings);
  for (std::size_t i = 0; i < demo.members.size(); ++i) {
    const auto volunteer = loader.by_name.find(demo.members[i]);
    if (volunteer == loader.by_name.end()) {
      return Error::Invalid(N_("The demo volunteers are missing."));
    }
    if (stays_open) {
      const auto gate = domain::CheckVolunteerGate(
          {volunteer->second, types, screening.ListItems(volunteer->second.id, organisation_id),
           modules, training.VolunteerAttendance(volunteer->second.id, organisation_id),
           circles.CurrentCircleCount(volunteer->second.id, organisation_id)},
          settings, loader.today);
      if (!gate.passed()) {
        return Error::Invalid(N_("A demo volunteer does not pass the volunteer gate: {name}."),
                              {{"name", volunteer->second.FullName()}});
      }
    }
    domain::CircleMember member;
    member.organisation_id = organisation_id;
    member.circle_id = opened.circle.id;
    member.volunteer_id = volunteer->second.id;
    member.primary = i == 0;
    member.joined_on = loader.DaysAgo(demo.phases.front().days_ago - 1);
    member.added_by = loader.by();
    member.added_at = Morning(member.joined_on);
    member.id = circles.InsertMember(member);
    opened.stays.push_back(member);
    opened.volunteer_ids.push_back(member.volunteer_id);
    if (stays_open) {
      TRY(domain::CheckCircleSize(domain::CurrentMemberCount(opened.stays), limits.minimum,
                                  limits.maximum, false));
    }
  }
  return {};
}

// The circle of `demo` as it was opened, forming, with its first covenant version and its
// volunteers. The volunteers of a circle still open today must pass the volunteer gate today (the
// gate on the day they joined would refuse some: the demo's histories are older than some
// volunteers' approval), within the size limits; so they are recorded here, not through
// app::circles::Join, which judges the gate on the day it runs.
Result<Opened> OpenCircle(Loader& loader, const DemoCircle& demo) {
  const std::int64_t organisation_id = loader.organisation_id;
  return loader.services.database.Write(
      loader.scope(), [&](soci::session& session) -> Result<Opened> {
        const auto file = loader.files.find(demo.core_member);
        if (file == loader.files.end()) {
          return Error::Invalid(N_("The demo core members are missing."));
        }
        store::CircleStore circles(session);
        const CivilDate opened_on = loader.DaysAgo(demo.phases.front().days_ago);
        Opened opened;
        domain::Circle& circle = opened.circle;
        circle.organisation_id = organisation_id;
        circle.core_member_id = file->second.id;
        circle.code_name = domain::NextCodeName(circles.CodeNames(organisation_id));
        circle.phase = CirclePhase::kForming;
        circle.phase_since = opened_on;
        circle.offence_profile = demo.profile;
        circle.meeting_times = domain::Availability::Parse(demo.meeting_times);
        circle.created_by = loader.by();
        circle.created_at = circle.updated_at = Morning(opened_on);
        circle.id = circles.Insert(circle);
        domain::PhaseChange opening;
        opening.circle_id = circle.id;
        opening.to = CirclePhase::kForming;
        opening.decided_on = opened_on;
        opening.reason = demo.phases.front().reason;
        opening.decided_by = loader.by();
        opening.recorded_at = Morning(opened_on);
        circles.InsertPhaseChange(opening, organisation_id);
        domain::CovenantVersion version;
        version.organisation_id = organisation_id;
        version.circle_id = circle.id;
        version.body = kCovenant;
        version.note = "Première version, d'après le modèle de l'organisme.";
        version.created_by = loader.by();
        version.created_at = Morning(opened_on);
        circles.InsertCovenantVersion(version);
        TRY(AddVolunteers(session, loader, demo, opened));
        return opened;
      });
}

// Circles that closed within this many days are closed by LoadLateClosures, once the concerns
// raised about them while they were open are in.
constexpr int kLateClosureDays = 30;

// Replays a circle's history through the application layer, each step on its own day: `at` is the
// app's services with a clock that the replay sets to the morning of each step.
class Replay {
 public:
  Replay(const Loader& loader, const Opened& opened)
      : loader_(loader), opened_(opened), clock_(loader.now), at_{loader.services.database,
                                                                  clock_,
                                                                  loader.services.audit,
                                                                  loader.services.vault,
                                                                  loader.services.config,
                                                                  loader.services.secrets,
                                                                  loader.services.translator,
                                                                  {}} {}

  // The core member and every volunteer sign the current covenant version on `day`.
  Status SignAll(CivilDate day) {
    clock_.Set(Morning(day));
    app::circles::SignCovenantCommand signature{.circle_id = opened_.circle.id,
                                                .signatory = domain::Signatory::kCoreMember,
                                                .signed_on = day};
    TRY(app::circles::SignCovenant(at_, loader_.coordinator, signature));
    signature.signatory = domain::Signatory::kVolunteer;
    for (const auto id : opened_.volunteer_ids) {
      signature.volunteer_id = id;
      TRY(app::circles::SignCovenant(at_, loader_.coordinator, signature));
    }
    return {};
  }

  // The phase change to `step`, with `body` as the amended covenant after the first start.
  Status ChangePhase(const PhaseStep& step, const std::string& body) {
    const CivilDate day = loader_.DaysAgo(step.days_ago);
    clock_.Set(Morning(day));
    TRY(app::circles::ChangePhase(at_, loader_.coordinator,
                                  {.circle_id = opened_.circle.id,
                                   .to = step.phase,
                                   .decided_on = day,
                                   .reason = step.reason,
                                   .covenant_body = body}));
    return {};
  }

  // The closure on the day of `step`.
  Status Close(const DemoCircle& demo, const PhaseStep& step) {
    const CivilDate day = loader_.DaysAgo(step.days_ago);
    clock_.Set(Morning(day));
    TRY(app::circles::Close(at_, loader_.coordinator,
                            {.circle_id = opened_.circle.id,
                             .reason = demo.closure,
                             .closed_on = day,
                             .note = demo.closing_note}));
    return {};
  }

 private:
  const Loader& loader_;
  const Opened& opened_;
  ManualClock clock_;
  app::Services at_;
};

// The phase history of `demo` after its opening, through app::circles: everyone signs the first
// version two days after the opening (but in a circle still forming), each later change amends the
// covenant with the new phase's clause and is signed within three days, and the closure ends it.
Status ReplayPhases(const Loader& loader, const DemoCircle& demo, const Opened& opened) {
  Replay replay(loader, opened);
  const bool signs = demo.phases.back().phase != CirclePhase::kForming;
  if (signs) TRY(replay.SignAll(loader.DaysAgo(demo.phases.front().days_ago - 2)));
  std::string body = kCovenant;
  CirclePhase previous = demo.phases.front().phase;
  for (auto step = demo.phases.begin() + 1; step != demo.phases.end(); ++step) {
    if (step->phase == CirclePhase::kClosed) {
      if (step->days_ago >= kLateClosureDays) TRY(replay.Close(demo, *step));
      break;
    }
    const bool first_start = previous == CirclePhase::kForming;
    if (!first_start) body += std::string("\n\n") + PhaseClause(step->phase);
    TRY(replay.ChangePhase(*step, first_start ? std::string() : body));
    if (!first_start && signs) {
      TRY(replay.SignAll(loader.DaysAgo(std::max(step->days_ago - 3, 0))));
    }
    previous = step->phase;
  }
  return {};
}

// The day (before today) of the circle's first active phase, if it started.
std::optional<int> StartedDaysAgo(const DemoCircle& demo) {
  for (const auto& step : demo.phases) {
    if (domain::IsActivePhase(step.phase)) return step.days_ago;
  }
  return std::nullopt;
}

// One held meeting `day` days ago with its minutes (written the next day, acknowledged two days
// later), except the ones the demo leaves to write or to acknowledge.
void AddHeldMeeting(soci::session& session, Loader& loader, const DemoCircle& demo,
                    const Opened& opened, int day) {
  const std::int64_t organisation_id = loader.organisation_id;
  const auto& ids = opened.volunteer_ids;
  const std::size_t turn = loader.turn++;
  const bool closing = demo.closure && day == demo.phases.back().days_ago;
  domain::Meeting meeting;
  meeting.organisation_id = organisation_id;
  meeting.circle_id = opened.circle.id;
  meeting.kind = closing         ? domain::MeetingKind::kClosure
                 : turn % 7 == 6 ? domain::MeetingKind::kOneToOne
                                 : domain::MeetingKind::kGroup;
  meeting.starts = Evening(loader.DaysAgo(day));
  meeting.duration_minutes = meeting.kind == domain::MeetingKind::kOneToOne ? 60 : 120;
  meeting.place = demo.place;
  meeting.writer_volunteer_id =
      day == demo.minutes_missing_days_ago ? ids.front() : ids[turn % ids.size()];
  meeting.created_by = loader.by();
  meeting.created_at = Morning(loader.DaysAgo(day + 14));
  store::MeetingStore meetings(session);
  meeting.id = meetings.Insert(meeting);
  if (day == demo.minutes_missing_days_ago) return;
  const std::size_t next = turn + 1;  // the texts rotate with the count of meetings so far
  domain::Minutes minutes;
  minutes.meeting_id = meeting.id;
  minutes.organisation_id = organisation_id;
  minutes.written_by_volunteer_id = *meeting.writer_volunteer_id;
  // The account that submitted them: the writer's own, when they have one.
  for (const auto& [name, volunteer] : loader.by_name) {
    if (volunteer.id == minutes.written_by_volunteer_id) minutes.written_by = volunteer.user_id;
  }
  minutes.duration_minutes = meeting.duration_minutes - 15 + static_cast<int>(next % 4) * 15;
  minutes.core_member_present = next % 11 != 5;
  if (meeting.kind == domain::MeetingKind::kOneToOne) {
    minutes.present_volunteers = {*meeting.writer_volunteer_id};
  } else {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      // Now and then someone is away.
      if (ids[i] != *meeting.writer_volunteer_id && (next + i) % 9 == 0) continue;
      minutes.present_volunteers.push_back(ids[i]);
    }
  }
  minutes.check_in = kCheckIns[next % std::size(kCheckIns)];
  minutes.accountability = kAccountability[(next + 1) % std::size(kAccountability)];
  minutes.support = kSupport[(next + 2) % std::size(kSupport)];
  minutes.decisions = kDecisions[(next + 3) % std::size(kDecisions)];
  minutes.next_steps = kNextSteps[(next + 4) % std::size(kNextSteps)];
  minutes.submitted_at = Morning(loader.DaysAgo(day - 1));
  meetings.InsertMinutes(minutes, loader.DaysAgo(day), opened.circle.code_name);
  if (day != demo.minutes_unacknowledged_days_ago) {
    meetings.Acknowledge(meeting.id, organisation_id, loader.by(),
                         kComments[next % std::size(kComments)],
                         Morning(loader.DaysAgo(std::max(day - 3, 0))));
  }
}

// A year of meetings with their minutes, and the meetings planned ahead.
Status AddMeetings(Loader& loader, const DemoCircle& demo, const Opened& opened) {
  const auto started_days_ago = StartedDaysAgo(demo);
  if (!started_days_ago) return {};
  return loader.services.database.Write(loader.scope(), [&](soci::session& session) -> Status {
    const auto held = HeldMeetingDays(demo, *started_days_ago);
    for (auto it = held.rbegin(); it != held.rend(); ++it) {
      AddHeldMeeting(session, loader, demo, opened, *it);
    }
    if (held.empty() || demo.closure) return {};
    const CirclePhase phase = demo.phases.back().phase;
    const int step = Rhythm(phase);
    store::MeetingStore meetings(session);
    for (int i = 1, day = held.front() - step; i <= demo.planned_ahead; ++i, day -= step) {
      // A circle overdue for a meeting gets one planned soon.
      const int when = day >= 0 ? -12 * i : day;
      domain::Meeting meeting;
      meeting.organisation_id = loader.organisation_id;
      meeting.circle_id = opened.circle.id;
      meeting.kind = domain::MeetingKind::kGroup;
      meeting.starts = Evening(loader.DaysAgo(when));
      meeting.place = demo.place;
      meeting.writer_volunteer_id =
          opened.volunteer_ids[(loader.turn + i) % opened.volunteer_ids.size()];
      meeting.created_by = loader.by();
      meeting.created_at = loader.now;
      meetings.Insert(meeting);
    }
    return {};
  });
}

// Contacts between meetings over the last year of the circle's life, and its reviews and renewal
// decisions.
Status AddContactsAndReviews(const Loader& loader, const DemoCircle& demo, const Opened& opened) {
  return loader.services.database.Write(loader.scope(), [&](soci::session& session) -> Status {
    const std::int64_t organisation_id = loader.organisation_id;
    const auto& ids = opened.volunteer_ids;
    const auto started_days_ago = StartedDaysAgo(demo);
    if (demo.last_contact_days_ago > 0 && started_days_ago) {
      store::CircleContactStore contacts(session);
      const int oldest = std::min(*started_days_ago, 365);
      for (int day = demo.last_contact_days_ago; day <= oldest; day += demo.contact_every) {
        const auto index = static_cast<std::size_t>(day);
        domain::CircleContact contact;
        contact.organisation_id = organisation_id;
        contact.circle_id = opened.circle.id;
        contact.volunteer_id = ids[(loader.turn + index) % ids.size()];
        contact.contacted_on = loader.DaysAgo(day);
        contact.kind = domain::EnumValues<domain::ContactKind>()[index % domain::EnumValues<domain::ContactKind>().size()];
        contact.duration_minutes = 15 + static_cast<int>(index % 6) * 15;
        contact.note = kContactNotes[index % std::size(kContactNotes)];
        contact.logged_by = loader.by();
        contact.logged_at = Morning(contact.contacted_on);
        contacts.Insert(contact, opened.circle.code_name);
      }
    }
    store::CircleReviewStore reviews(session);
    for (const auto& review : demo.reviews) {
      domain::CircleReview record;
      record.organisation_id = organisation_id;
      record.circle_id = opened.circle.id;
      record.kind = review.kind;
      record.held_on = loader.DaysAgo(review.days_ago);
      record.participants = "La coordination, le membre principal et les bénévoles du cercle";
      record.outcome = review.outcome;
      record.decisions = review.decisions;
      record.renewal = review.renewal;
      record.recorded_by = loader.by();
      record.recorded_at = Morning(record.held_on);
      reviews.Insert(record);
    }
    return {};
  });
}

// One invented circle: opened, its history replayed through the app layer, then its meetings,
// contacts and reviews.
Status AddCircle(Loader& loader, const DemoCircle& demo) {
  const auto opened = TRY(OpenCircle(loader, demo));
  loader.circle_ids[demo.core_member] = opened.circle.id;
  TRY(ReplayPhases(loader, demo, opened));
  TRY(AddMeetings(loader, demo, opened));
  return AddContactsAndReviews(loader, demo, opened);
}

// The contacts' hours older than two weeks approved by the coordination (the recent ones wait),
// and the core members' files that follow their circles beyond what the phase changes moved.
Status FollowUp(const Loader& loader) {
  TRY(loader.services.database.Write(loader.scope(), [&](soci::session& session) -> Status {
    const std::int64_t organisation_id = loader.organisation_id;
    store::VolunteerHoursStore hours_store(session);
    for (const auto& entry : hours_store.ListPending(organisation_id)) {
      if (entry.kind == domain::HoursKind::kCircleContact && entry.worked_on < loader.DaysAgo(14)) {
        hours_store.Review(entry.id, organisation_id, domain::HoursStatus::kApproved, loader.by(),
                           loader.now);
      }
    }
    return {};
  }));
  // Lucien's and Octave's files follow their circles (Bernard's and Armand's moved to "in a circle"
  // when their circles started).
  using enum domain::CoreMemberStatus;
  // A move the file has made already, or that its status no longer allows, is skipped.
  const auto move = [&](const char* name, domain::CoreMemberStatus to, const char* reason,
                        int ago) -> Status {
    const Backdated at(loader.services, Morning(loader.DaysAgo(ago)));
    const std::int64_t id = loader.files.at(name).id;
    const auto form = TRY(app::intake::LoadCoreMemberForm(at.services(), loader.coordinator, id,
                                                          app::intake::Viewing::kNotRecorded));
    const auto moves = domain::AllowedCoreMemberMoves(form.member.status);
    if (std::find(moves.begin(), moves.end(), to) == moves.end()) return {};
    return app::intake::MoveCoreMember(at.services(), loader.coordinator,
                                       {.core_member_id = id, .to = to, .reason = reason});
  };
  TRY(move("Lucien Imaginaire", kWaitingForCircle, "Accepté; un cercle se forme.", 44));
  TRY(move("Lucien Imaginaire", kInCircle, "Cercle G commencé avant la libération.", 30));
  return move("Octave Semblant", kWaitingForCircle, "Accepté; un cercle se forme.", 5);
}

// A partner contact of the outer circle.
std::int64_t AddPartner(store::PartnerStore& partners, const Loader& loader,
                        domain::PartnerKind kind, const char* name, const char* organisation,
                        const char* role, const char* email, std::optional<std::int64_t> account) {
  domain::PartnerContact record;
  record.organisation_id = loader.organisation_id;
  record.kind = kind;
  record.name = name;
  record.partner_organisation = organisation;
  record.role_title = role;
  record.phone = "514-555-0199";
  record.email = email;
  record.user_id = account;
  record.created_at = record.updated_at = loader.now;
  return partners.Insert(record, loader.by());
}

// An information-sharing agreement attaching `contact_id` to the circle of `core_member`.
void AddAgreement(store::PartnerStore& partners, const Loader& loader, std::int64_t contact_id,
                  const char* core_member, int starts_days_ago, std::optional<int> ends_days_ago,
                  const char* scope) {
  domain::SharingAgreement record;
  record.organisation_id = loader.organisation_id;
  record.partner_contact_id = contact_id;
  record.circle_id = loader.circle_ids.at(core_member);
  record.starts_on = loader.DaysAgo(starts_days_ago);
  if (ends_days_ago) record.ends_on = loader.DaysAgo(*ends_days_ago);
  record.scope = scope;
  record.created_by = loader.by();
  record.created_at = Morning(record.starts_on);
  partners.InsertAgreement(record);
}

// The outer circle (partner contacts and their agreements; the demo partner's account sees circle
// E), and what volunteers declared about serving.
Status AddOuterCircle(const Loader& loader) {
  return loader.services.database.Write(loader.scope(), [&](soci::session& session) -> Status {
    using domain::PartnerKind;
    store::PartnerStore partners(session);
    const auto octave =
        AddPartner(partners, loader, PartnerKind::kParoleOfficer, "Octave Prototype",
                   "Service correctionnel du Canada (démo)", "Agent de libération conditionnelle",
                   "partenaire@demo.example", loader.partner_account);
    AddAgreement(partners, loader, octave, "Bernard Bidon", 20, std::nullopt,
                 "Cercle actif ou non, phase, date de la dernière rencontre et consentements du "
                 "membre principal.");
    // The demo partner also follows the demo volunteer's circle.
    AddAgreement(partners, loader, octave, "Marcel Exemple", 60, std::nullopt,
                 "Préoccupations de sécurité signalées par le cercle, et présence aux rencontres.");
    const auto police =
        AddPartner(partners, loader, PartnerKind::kPoliceLiaison, "Sergente Anne Calque",
                   "Police fictive de Longueuil (démo)", "Agente de liaison", "", std::nullopt);
    AddAgreement(partners, loader, police, "Bernard Bidon", 20, std::nullopt,
                 "Situations d'urgence seulement.");
    const auto therapist =
        AddPartner(partners, loader, PartnerKind::kTherapist, "Dre Berthe Modèle",
                   "Clinique fictive (démo)", "Psychologue", "", std::nullopt);
    AddAgreement(partners, loader, therapist, "Marcel Exemple", 300, std::nullopt,
                 "Assiduité au traitement, avec le consentement de Marcel.");
    const auto csc = AddPartner(partners, loader, PartnerKind::kCsc, "Agente Lise Prototype",
                                "Service correctionnel du Canada (démo)",
                                "Agente de libération conditionnelle", "", std::nullopt);
    AddAgreement(partners, loader, csc, "Marcel Exemple", 370, 30,
                 "Phase du cercle et présence aux rencontres.");
    AddAgreement(partners, loader, csc, "Félix Chimère", 250, std::nullopt,
                 "Phase du cercle et présence aux rencontres.");

    const std::int64_t organisation_id = loader.organisation_id;
    store::CircleStore circles(session);
    store::VolunteerConflict conflict;
    conflict.volunteer_id = loader.by_name.at("Fernand Factice").id;
    conflict.core_member_id = loader.files.at("Bernard Bidon").id;
    conflict.note = "Ancien voisin de Ben à Longueuil.";
    conflict.recorded_by = loader.by();
    conflict.recorded_at = loader.now;
    circles.InsertConflict(conflict, organisation_id);
    circles.ReplaceDeclinedProfiles(loader.by_name.at("Capucine Échantillon").id, organisation_id,
                                    {domain::OffenceProfile::kChildVictims});
    circles.ReplaceDeclinedProfiles(loader.by_name.at("Anatole Ébauche").id, organisation_id,
                                    {domain::OffenceProfile::kOnline});
    return {};
  });
}

// The loader of organisation `organisation_id`, dated from the services' clock.
Loader LoaderOf(const app::Services& services, std::int64_t organisation_id) {
  const Instant now = services.clock.Now();
  return Loader{.services = services,
                .organisation_id = organisation_id,
                .now = now,
                .today = CivilDate{std::chrono::floor<std::chrono::days>(now)}};
}

}  // namespace

Result<CircleIds> LoadCircles(const app::Services& services, std::int64_t organisation_id) {
  Loader loader = LoaderOf(services, organisation_id);
  TRY(FindAccounts(loader));
  TRY(AddExtraVolunteers(loader));
  ReadNames(loader);
  for (const auto& demo : Circles()) TRY(AddCircle(loader, demo));
  TRY(FollowUp(loader));
  TRY(AddOuterCircle(loader));
  return loader.circle_ids;
}

Status LoadLateClosures(const app::Services& services, std::int64_t organisation_id,
                        const CircleIds& circles) {
  Loader loader = LoaderOf(services, organisation_id);
  TRY(FindAccounts(loader));
  for (const auto& demo : Circles()) {
    const auto& last = demo.phases.back();
    if (last.phase != CirclePhase::kClosed || last.days_ago >= kLateClosureDays) continue;
    Opened opened;
    opened.circle.id = circles.at(demo.core_member);
    TRY(Replay(loader, opened).Close(demo, last));
  }
  return {};
}

}  // namespace cercle::demo
