#include "demo/circles_demo_data.hpp"

#include <iterator>

namespace cercle::demo::circles_data {

using domain::CirclePhase;

namespace {

constexpr ExtraVolunteer kExtraVolunteers[] = {
    {.first_name = "Mireille",
     .last_name = "Simulacre",
     .region = "Montréal — Rosemont",
     .languages = "français",
     .availability = "tue-evening,sat-morning",
     .age = 52,
     .occupation = "Bibliothécaire",
     .gender = "femme"},
    {.first_name = "Didier",
     .last_name = "Postiche",
     .region = "Laval",
     .languages = "français, anglais",
     .availability = "thu-evening,sun-afternoon",
     .age = 47,
     .occupation = "Électricien",
     .gender = "homme"},
    {.first_name = "Agathe",
     .last_name = "Calque",
     .region = "Longueuil",
     .languages = "français",
     .availability = "mon-evening,wed-evening",
     .age = 39,
     .occupation = "Infirmière auxiliaire",
     .gender = "femme"},
    {.first_name = "Bruno",
     .last_name = "Mirage",
     .region = "Montréal — Plateau",
     .languages = "français, espagnol",
     .availability = "wed-evening,sat-afternoon",
     .age = 58,
     .occupation = "Professeur d'espagnol retraité",
     .gender = "homme"},
    {.first_name = "Clémence",
     .last_name = "Reflet",
     .region = "Montréal — Villeray",
     .languages = "français",
     .availability = "tue-evening,thu-evening",
     .age = 33,
     .occupation = "Intervenante jeunesse",
     .gender = "femme"},
    {.first_name = "Étienne",
     .last_name = "Songe",
     .region = "Montréal — Ahuntsic",
     .languages = "français, anglais",
     .availability = "wed-evening,fri-evening",
     .age = 64,
     .occupation = "Aumônier retraité",
     .gender = "homme"},
    {.first_name = "Florence",
     .last_name = "Copie",
     .region = "Brossard",
     .languages = "français",
     .availability = "mon-evening,thu-evening",
     .age = 45,
     .occupation = "Comptable",
     .gender = "femme"},
    {.first_name = "Karim",
     .last_name = "Fantaisie",
     .region = "Montréal — Plateau",
     .languages = "français, anglais, arabe",
     .availability = "tue-evening,sat-morning",
     .age = 41,
     .occupation = "Chauffeur d'autobus",
     .gender = "homme"},
};

constexpr DemoPartner kPartners[] = {
    {.kind = domain::PartnerKind::kParoleOfficer,
     .name = "Octave Prototype",
     .organisation = "Service correctionnel du Canada (démo)",
     .role = "Agent de libération conditionnelle",
     .email = "partenaire@demo.example",
     .demo_account = true},
    {.kind = domain::PartnerKind::kPoliceLiaison,
     .name = "Sergente Anne Calque",
     .organisation = "Police fictive de Longueuil (démo)",
     .role = "Agente de liaison"},
    {.kind = domain::PartnerKind::kTherapist,
     .name = "Dre Berthe Modèle",
     .organisation = "Clinique fictive (démo)",
     .role = "Psychologue"},
    {.kind = domain::PartnerKind::kCsc,
     .name = "Agente Lise Prototype",
     .organisation = "Service correctionnel du Canada (démo)",
     .role = "Agente de libération conditionnelle"},
};

const DemoAgreement kAgreements[] = {
    {.partner = "Octave Prototype",
     .core_member = "Bernard Bidon",
     .starts_days_ago = 20,
     .scope = "Cercle actif ou non, phase, date de la dernière rencontre et consentements du "
              "membre principal."},
    // The demo partner also follows the demo volunteer's circle.
    {.partner = "Octave Prototype",
     .core_member = "Marcel Exemple",
     .starts_days_ago = 60,
     .scope = "Préoccupations de sécurité signalées par le cercle, et présence aux rencontres."},
    {.partner = "Sergente Anne Calque",
     .core_member = "Bernard Bidon",
     .starts_days_ago = 20,
     .scope = "Situations d'urgence seulement."},
    {.partner = "Dre Berthe Modèle",
     .core_member = "Marcel Exemple",
     .starts_days_ago = 300,
     .scope = "Assiduité au traitement, avec le consentement de Marcel."},
    {.partner = "Agente Lise Prototype",
     .core_member = "Marcel Exemple",
     .starts_days_ago = 370,
     .ends_days_ago = 30,
     .scope = "Phase du cercle et présence aux rencontres."},
    {.partner = "Agente Lise Prototype",
     .core_member = "Félix Chimère",
     .starts_days_ago = 250,
     .scope = "Phase du cercle et présence aux rencontres."},
};

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

}  // namespace

const std::vector<DemoCircle>& Circles() {
  using enum CirclePhase;
  using domain::Availability;
  using domain::OffenceProfile;
  using domain::RenewalDecision;
  using domain::ReviewKind;
  static const std::vector<DemoCircle> circles = {
      {.core_member = "Marcel Exemple",
       .members = {"Bastien Fictif", "Solange Brouillon", "Anatole Ébauche", "Mireille Simulacre"},
       .opened_days_ago = 395,
       .phases = {{kIntensive, 380, "Sortie de Marcel : début des rencontres intensives."},
                  {kWeekly, 345, "Marcel est installé; on passe à une rencontre par semaine."},
                  {kBiweekly, 220,
                   "Marcel a trouvé un emploi saisonnier; il tient ses engagements."},
                  {kMonthly, 120,
                   "Stabilité depuis plusieurs mois; rencontres mensuelles, contacts "
                   "entre-temps."}},
       .details = {.offence_profile = OffenceProfile::kAdultVictims,
                   .meeting_times = Availability::Parse("tue-evening"),
                   .meeting_place = "Salle communautaire du quartier (démo)"},
       .place = "Salle communautaire du quartier (démo)",
       .last_meeting_days_ago = 1,
       .planned_ahead = 2,
       .minutes_missing_days_ago = 1,
       .contact_every = 9,
       .last_contact_days_ago = 3,
       .reviews = {{ReviewKind::kReview, 290, std::nullopt,
                    "Le cercle fonctionne bien; Marcel parle plus ouvertement.",
                    "Garder le rythme hebdomadaire encore deux mois."},
                   {ReviewKind::kReview, 200, std::nullopt,
                    "Emploi saisonnier trouvé; moins d'isolement.",
                    "Passer aux rencontres aux deux semaines."},
                   {ReviewKind::kReview, 110, std::nullopt,
                    "Bonne stabilité; un moment difficile bien géré en équipe.",
                    "Rencontres mensuelles; contacts hebdomadaires maintenus."},
                   {ReviewKind::kRenewal, 16, RenewalDecision::kRenewed,
                    "Marcel souhaite poursuivre une deuxième année; les bénévoles aussi.",
                    "Engagement renouvelé pour un an."}}},
      {.core_member = "Gaston Fictif",
       .members = {"Didier Postiche", "Agathe Calque", "Florence Copie"},
       .opened_days_ago = 165,
       .phases = {{kIntensive, 150, "Premières semaines après la libération."},
                  {kWeekly, 110, "Fin de la période intensive."}},
       .details = {.offence_profile = OffenceProfile::kOnline,
                   .meeting_times = Availability::Parse("thu-evening"),
                   .meeting_place = "Bibliothèque de quartier, salle 2 (démo)"},
       .place = "Bibliothèque de quartier, salle 2 (démo)",
       .last_meeting_days_ago = 4,
       .planned_ahead = 3,
       .minutes_missing_days_ago = 4,
       .contact_every = 6,
       .last_contact_days_ago = 2,
       .reviews = {{ReviewKind::kReview, 60, std::nullopt,
                    "Gaston tient à ses rencontres; il cherche un logement.",
                    "Rester aux rencontres hebdomadaires jusqu'au déménagement."}}},
      {.core_member = "Félix Chimère",
       .members = {"Solange Brouillon", "Clémence Reflet", "Étienne Songe"},
       .opened_days_ago = 275,
       .phases = {{kIntensive, 260, "Libération d'office : début intensif."},
                  {kWeekly, 225, "Félix est bien entouré; rencontres hebdomadaires."},
                  {kBiweekly, 95, "Progrès constants; rencontres aux deux semaines."}},
       .details = {.offence_profile = OffenceProfile::kAdultVictims,
                   .meeting_times = Availability::Parse("wed-evening"),
                   .meeting_place = "Local de l'organisme (démo)"},
       .place = "Local de l'organisme (démo)",
       .last_meeting_days_ago = 3,
       .planned_ahead = 3,
       .minutes_unacknowledged_days_ago = 3,
       .contact_every = 10,
       .last_contact_days_ago = 5,
       .reviews = {{ReviewKind::kReview, 170, std::nullopt,
                    "Félix reste abstinent; il cuisine pour le cercle.", "Continuer ainsi."},
                   {ReviewKind::kReview, 80, std::nullopt, "Passage aux deux semaines réussi.",
                    "Revoir la fréquence à la prochaine revue."}}},
      {.core_member = "Jules Apparence",
       .members = {"Anatole Ébauche", "Didier Postiche", "Karim Fantaisie"},
       .opened_days_ago = 485,
       .phases = {{kIntensive, 470, "Début du cercle."},
                  {kWeekly, 440, "Rythme hebdomadaire."},
                  {kBiweekly, 330, "Rencontres aux deux semaines."},
                  {kMonthly, 230, "Rencontres mensuelles."},
                  {kInformal, 140, "Jules est autonome; le cercle reste disponible au besoin."}},
       .details = {.meeting_times = Availability::Parse("sat-morning"),
                   .meeting_place = "Café du parc (démo)"},
       .place = "Café du parc (démo)",
       .last_meeting_days_ago = 95,
       .planned_ahead = 1,
       .contact_every = 20,
       .last_contact_days_ago = 40,
       .reviews = {{ReviewKind::kReview, 380, std::nullopt, "Bonne intégration.", "Continuer."},
                   {ReviewKind::kReview, 290, std::nullopt, "Jules a repris la musique.",
                    "Réduire la fréquence."},
                   {ReviewKind::kReview, 195, std::nullopt, "Aucune inquiétude.",
                    "Rencontres mensuelles."},
                   {ReviewKind::kRenewal, 104, RenewalDecision::kRenewed,
                    "Jules veut garder le lien.", "Renouvelé pour un an, en mode informel."},
                   {ReviewKind::kReview, 12, std::nullopt, "Peu de nouvelles depuis l'été.",
                    "La coordination relance Jules et planifie une rencontre."}}},
      {.core_member = "Bernard Bidon",
       .members = {"Agathe Calque", "Bruno Mirage", "Clémence Reflet", "Florence Copie"},
       .opened_days_ago = 40,
       .phases = {{kIntensive, 23, "Ben est libéré : contacts quotidiens au début."}},
       .details = {.offence_profile = OffenceProfile::kChildVictims,
                   .meeting_times = Availability::Parse("mon-evening"),
                   .meeting_place = "Local de l'organisme, Longueuil (démo)"},
       .place = "Local de l'organisme, Longueuil (démo)",
       .last_meeting_days_ago = 2,
       .planned_ahead = 3,
       .contact_every = 2,
       .last_contact_days_ago = 1},
      {.core_member = "Armand Hypothèse",
       .members = {"Bruno Mirage", "Étienne Songe", "Mireille Simulacre"},
       .opened_days_ago = 95,
       .phases = {{kIntensive, 80, "Début en maison de transition."},
                  {kWeekly, 50, "Rencontres hebdomadaires."},
                  {kSuspended, 15,
                   "Armand est hospitalisé quelques semaines; le cercle reprendra à sa sortie."}},
       .details = {.meeting_times = Availability::Parse("wed-evening"),
                   .meeting_place = "Maison de transition, salle commune (démo)"},
       .place = "Maison de transition, salle commune (démo)",
       .last_meeting_days_ago = 15,
       .contact_every = 7,
       .last_contact_days_ago = 16},
      {.core_member = "Lucien Imaginaire",
       .members = {"Karim Fantaisie", "Octave Essai", "Fernand Factice"},
       .opened_days_ago = 45,
       .phases = {{kPreRelease, 30, "Rencontres en établissement avant la libération d'office."}},
       .details = {.meeting_times = Availability::Parse("sat-morning"),
                   .meeting_place = "Établissement, parloir (démo)"},
       .place = "Établissement, parloir (démo)",
       .last_meeting_days_ago = 2,
       .planned_ahead = 2,
       .contact_every = 7,
       .last_contact_days_ago = 4},
      {.core_member = "Octave Semblant",
       .members = {"Octave Essai", "Fernand Factice"},
       .opened_days_ago = 5,
       .details = {.offence_profile = OffenceProfile::kNonContact,
                   .meeting_times = Availability::Parse("mon-evening"),
                   .meeting_place = "Local de l'organisme, Longueuil (démo)"},
       .place = "Local de l'organisme, Longueuil (démo)"},
      {.core_member = "Rémi Modèle",
       .members = {"Capucine Échantillon", "Léon Maquette", "Héloïse Hypothèse"},
       .opened_days_ago = 620,
       .phases = {{kIntensive, 600, "Début du cercle."},
                  {kWeekly, 560, "Rythme hebdomadaire."},
                  {kBiweekly, 450, "Rencontres aux deux semaines."},
                  {kMonthly, 330, "Rencontres mensuelles."},
                  {kClosed, 200, "Cercle terminé."}},
       .closure = domain::ClosureReason::kCompleted,
       .closing_note = "Rémi a vécu deux années stables; il souhaite un nouveau cercle plus tard, "
                       "près de son nouveau quartier.",
       .details = {.offence_profile = OffenceProfile::kChildVictims,
                   .meeting_times = Availability::Parse("thu-evening"),
                   .meeting_place = "Salle communautaire du quartier (démo)"},
       .place = "Salle communautaire du quartier (démo)",
       .last_meeting_days_ago = 200,
       .contact_every = 14,
       .last_contact_days_ago = 210,
       .reviews = {{ReviewKind::kReview, 510, std::nullopt, "Bon départ.", "Continuer."},
                   {ReviewKind::kReview, 420, std::nullopt, "Stable.",
                    "Rencontres aux deux semaines."},
                   {ReviewKind::kRenewal, 235, RenewalDecision::kClosing,
                    "Rémi se sent prêt à continuer seul pour le moment.",
                    "Fermeture du cercle dans un mois."}}},
      {.core_member = "Hervé Brouillon",
       .members = {"Bastien Fictif", "Capucine Échantillon", "Léon Maquette"},
       .opened_days_ago = 315,
       .phases = {{kIntensive, 300, "Début du cercle."},
                  {kWeekly, 265, "Rythme hebdomadaire."},
                  {kClosed, 10, "Cercle fermé."}},
       .closure = domain::ClosureReason::kReincarcerated,
       .closing_note = "Hervé est retourné en détention pour un bris de conditions. Le cercle a "
                       "tenu une rencontre de clôture.",
       .file_closure = "Réincarcéré pour un bris de conditions (démo).",
       .details = {.meeting_times = Availability::Parse("fri-evening"),
                   .meeting_place = "Bibliothèque de quartier, salle 2 (démo)"},
       .place = "Bibliothèque de quartier, salle 2 (démo)",
       .last_meeting_days_ago = 10,
       .contact_every = 8,
       .last_contact_days_ago = 12,
       .reviews = {{ReviewKind::kReview, 210, std::nullopt, "Hervé manque des rencontres.",
                    "Entretien avec la coordination."},
                   {ReviewKind::kReview, 120, std::nullopt,
                    "Inquiétudes partagées avec l'agent de libération.",
                    "Rencontres maintenues chaque semaine."},
                   {ReviewKind::kReview, 30, std::nullopt, "Situation fragile.",
                    "Vigilance accrue."}}},
  };
  return circles;
}

std::span<const ExtraVolunteer> ExtraVolunteers() { return kExtraVolunteers; }
std::span<const DemoPartner> Partners() { return kPartners; }
std::span<const DemoAgreement> Agreements() { return kAgreements; }

const char* const kCovenant =
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

namespace {

// The clause each phase adds to the covenant, and the days between its meetings (every week when
// not listed).
struct PhaseText {
  CirclePhase phase;
  const char* clause;
  int rhythm;
};
constexpr PhaseText kPhaseTexts[] = {
    {CirclePhase::kPreRelease,
     "Phase prélibératoire : une rencontre aux deux semaines en établissement.", 14},
    {CirclePhase::kIntensive,
     "Phase intensive : une rencontre par semaine et un contact chaque jour.", 7},
    {CirclePhase::kWeekly,
     "Phase hebdomadaire : une rencontre par semaine, des contacts entre-temps.", 7},
    {CirclePhase::kBiweekly, "Phase aux deux semaines : une rencontre toutes les deux semaines.",
     14},
    {CirclePhase::kMonthly, "Phase mensuelle : une rencontre par mois, un contact chaque semaine.",
     30},
    {CirclePhase::kInformal, "Phase informelle : rencontres au besoin; le cercle reste joignable.",
     60},
    {CirclePhase::kSuspended, "Cercle suspendu : il reprendra dès que possible.", 7},
};

// The entry of `phase`, if it has one.
const PhaseText* PhaseTextOf(CirclePhase phase) {
  for (const auto& entry : kPhaseTexts) {
    if (entry.phase == phase) return &entry;
  }
  return nullptr;
}

}  // namespace

const char* PhaseClause(CirclePhase phase) {
  const auto* entry = PhaseTextOf(phase);
  return entry ? entry->clause : "";
}

int Rhythm(CirclePhase phase) {
  const auto* entry = PhaseTextOf(phase);
  return entry ? entry->rhythm : 7;
}

MinutesText MinutesTextOf(std::size_t turn) {
  return {kCheckIns[turn % std::size(kCheckIns)],
          kAccountability[(turn + 1) % std::size(kAccountability)],
          kSupport[(turn + 2) % std::size(kSupport)],
          kDecisions[(turn + 3) % std::size(kDecisions)],
          kNextSteps[(turn + 4) % std::size(kNextSteps)]};
}

const char* CommentOf(std::size_t turn) { return kComments[turn % std::size(kComments)]; }

const char* ContactNoteOf(std::size_t turn) {
  return kContactNotes[turn % std::size(kContactNotes)];
}

}  // namespace cercle::demo::circles_data
