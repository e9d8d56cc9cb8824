#include "demo/volunteers_demo.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/training.hpp"
#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "app/volunteers/volunteer_pages.hpp"
#include "base/dates.hpp"
#include "base/folding.hpp"
#include "demo/demo_actors.hpp"
#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"

namespace cercle::demo {
namespace {

using domain::VolunteerStage;
using namespace std::chrono;

// One invented volunteer. Every name is a word that says it is not real.
struct DemoVolunteer {
  const char* first_name;
  const char* last_name;
  VolunteerStage stage;
  int started_days_ago;  // the first inquiry
  const char* region;
  const char* languages;
  const char* availability;
  int age;
  const char* occupation;
  domain::HeardAbout heard_about;
  const char* gender;
  const char* notes;
};

constexpr DemoVolunteer kVolunteers[] = {
    {"Yvette", "Esquisse", VolunteerStage::kInquiry, 6, "Montréal — Rosemont", "français",
     "wed-evening", 34, "Infirmière", domain::HeardAbout::kMedia, "",
     "A écrit après un reportage à la radio."},
    {"Quentin", "Canevas", VolunteerStage::kInquiry, 12, "Laval", "français, anglais", "", 0,
     "Étudiant en criminologie", domain::HeardAbout::kSchool, "", ""},
    {"Paulin", "Pastiche", VolunteerStage::kInquiry, 3, "Montréal — Verdun", "français",
     "sat-morning", 58, "Retraité de l'enseignement", domain::HeardAbout::kFaithCommunity, "homme",
     ""},
    {"Noémie", "Témoin", VolunteerStage::kOrientation, 30, "Longueuil", "français",
     "mon-evening,thu-evening", 41, "Travailleuse sociale", domain::HeardAbout::kWordOfMouth,
     "femme", "Séance d'information prévue le mois prochain."},
    {"Marius", "Spécimen", VolunteerStage::kOrientation, 25, "Montréal — Ahuntsic",
     "français, espagnol", "tue-afternoon,fri-afternoon", 66, "Comptable retraité",
     domain::HeardAbout::kPresentation, "", ""},
    {"Lucie", "Fictive", VolunteerStage::kTraining, 60, "Montréal — Plateau", "français",
     "tue-evening,sun-afternoon", 29, "Libraire", domain::HeardAbout::kSocialMedia, "femme", ""},
    {"Jules", "Inventé", VolunteerStage::kTraining, 55, "Brossard", "français, anglais",
     "sat-morning,sat-afternoon", 47, "Technicien en informatique",
     domain::HeardAbout::kVolunteerCentre, "", ""},
    {"Irène", "Imaginaire", VolunteerStage::kTraining, 50, "Montréal — Hochelaga", "français",
     "mon-morning,wed-morning", 62, "Retraitée de la fonction publique",
     domain::HeardAbout::kFaithCommunity, "", ""},
    {"Rosalie", "Exemple", VolunteerStage::kScreening, 170, "Montréal — Villeray",
     "français, anglais", "tue-evening,thu-evening,sat-morning", 38, "Éducatrice spécialisée",
     domain::HeardAbout::kWordOfMouth, "femme",
     "Très motivée; attend le résultat de la vérification policière."},
    {"Hugo", "Maquette", VolunteerStage::kScreening, 165, "Terrebonne", "français", "wed-evening",
     52, "Menuisier", domain::HeardAbout::kPresentation, "", ""},
    {"Ginette", "Simulée", VolunteerStage::kScreening, 160, "Montréal — Saint-Michel",
     "français, créole", "mon-afternoon,thu-afternoon", 57, "Préposée aux bénéficiaires",
     domain::HeardAbout::kFaithCommunity, "", "Une deuxième référence est à obtenir."},
    {"Octave", "Essai", VolunteerStage::kApproved, 200, "Montréal — Outremont", "français, anglais",
     "mon-evening,wed-evening,sat-afternoon", 45, "Avocat", domain::HeardAbout::kWordOfMouth,
     "homme", ""},
    {"Fernand", "Factice", VolunteerStage::kApproved, 230, "Laval", "français",
     "tue-morning,thu-morning", 69, "Pasteur retraité", domain::HeardAbout::kFaithCommunity, "",
     "Vérification policière à renouveler bientôt."},
    {"Bastien", "Fictif", VolunteerStage::kActive, 420, "Montréal — Centre-Sud",
     "français, anglais", "tue-evening,thu-evening", 36, "Cuisinier",
     domain::HeardAbout::kSocialMedia, "homme",
     "Solide, à l'écoute; disponible pour un deuxième cercle plus tard."},
    {"Capucine", "Échantillon", VolunteerStage::kActive, 1200, "Montréal — Mile End", "français",
     "mon-evening,fri-evening", 44, "Graphiste", domain::HeardAbout::kMedia, "femme",
     "Vérification policière échue : relancée."},
    {"Anatole", "Ébauche", VolunteerStage::kActive, 500, "Longueuil", "français, portugais",
     "wed-afternoon,sat-morning", 61, "Ingénieur retraité", domain::HeardAbout::kPresentation, "",
     ""},
    {"Solange", "Brouillon", VolunteerStage::kActive, 600, "Montréal — Rosemont", "français",
     "tue-afternoon,thu-afternoon,sun-morning", 54, "Agente de bureau",
     domain::HeardAbout::kVolunteerCentre, "", ""},
    {"Léon", "Maquette", VolunteerStage::kOnLeave, 700, "Saint-Jérôme", "français", "sat-afternoon",
     49, "Camionneur", domain::HeardAbout::kWordOfMouth, "", "En congé jusqu'à l'automne."},
    {"Héloïse", "Hypothèse", VolunteerStage::kExited, 800, "Québec", "français", "", 33,
     "Psychoéducatrice", domain::HeardAbout::kSchool, "", ""},
    {"Gaston", "Gabarit", VolunteerStage::kNotRetained, 150, "Montréal — Anjou", "français",
     "fri-evening", 27, "Vendeur", domain::HeardAbout::kSocialMedia, "", ""},
};

// Why each move of the demo pipeline happened, by the stage it moved to.
constexpr std::pair<VolunteerStage, const char*> kReasons[] = {
    {VolunteerStage::kOrientation, "A assisté à la séance d'information."},
    {VolunteerStage::kTraining, "Inscription à la formation de base."},
    {VolunteerStage::kScreening, "Formation de base terminée."},
    {VolunteerStage::kApproved, "Vérifications complètes et satisfaisantes."},
    {VolunteerStage::kActive, "Disponible pour un cercle."},
    {VolunteerStage::kOnLeave, "Congé de quelques mois pour raisons familiales."},
    {VolunteerStage::kExited, "Déménagement hors de la région."},
    {VolunteerStage::kNotRetained,
     "L'entrevue et une référence ne permettent pas de retenir la candidature."},
};

std::string Reason(VolunteerStage to) {
  for (const auto& [stage, reason] : kReasons) {
    if (stage == to) return reason;
  }
  return "";
}

// The steps from inquiry to `stage`.
std::vector<VolunteerStage> PathTo(VolunteerStage stage) {
  using enum VolunteerStage;
  switch (stage) {
    case kInquiry:
      return {};
    case kOrientation:
      return {kOrientation};
    case kTraining:
      return {kOrientation, kTraining};
    case kScreening:
      return {kOrientation, kTraining, kScreening};
    case kApproved:
      return {kOrientation, kTraining, kScreening, kApproved};
    case kActive:
      return {kOrientation, kTraining, kScreening, kApproved, kActive};
    case kOnLeave:
      return {kOrientation, kTraining, kScreening, kApproved, kActive, kOnLeave};
    case kExited:
      return {kOrientation, kTraining, kScreening, kApproved, kActive, kExited};
    case kNotRetained:
      return {kOrientation, kTraining, kScreening, kNotRetained};
  }
  return {};
}

// Whether a volunteer whose path ends at `stage` was approved, and so has a portal account.
bool HasPortal(VolunteerStage stage) {
  const auto path = PathTo(stage);
  return std::find(path.begin(), path.end(), VolunteerStage::kApproved) != path.end();
}

// Whether `stage` ends a volunteer's service: on leave, or gone.
bool IsDeparture(VolunteerStage stage) {
  return stage == VolunteerStage::kOnLeave || stage == VolunteerStage::kExited;
}

// The day (before today) of step `step` of `demo`'s path: the steps spread over the time since the
// inquiry, the last one two days ago.
int StepDaysAgo(const DemoVolunteer& demo, std::size_t step) {
  const auto count = PathTo(demo.stage).size();
  return demo.started_days_ago - static_cast<int>((demo.started_days_ago - 2) * (step + 1) / count);
}

// The demo's steps, each through the app layer as a coordinator (or Bastien) would take it, dated
// relative to the clock's today.
class VolunteerDemo {
 public:
  VolunteerDemo(const app::Services& services, DemoActors actors)
      : services_(services),
        actors_(std::move(actors)),
        now_(services.clock.Now()),
        today_(services.Today()) {}

  CivilDate DaysAgo(int count) const { return AddDays(today_, -count); }
  Backdated At(int days_ago) const { return Backdated(services_, now_ - hours(24 * days_ago)); }
  const auth::Actor& coordinator() const { return actors_.coordinator; }

  Status LoadSetup() {
    const auto setup = app::volunteers::LoadProgramSetup(At(1300).services(), coordinator());
    if (setup.screening_types.size() < 5 || setup.training_modules.size() < 2)
      return Error::Invalid(N_("The demo set-up is incomplete."));
    types_ = setup.screening_types;
    modules_ = setup.training_modules;
    return {};
  }

  // The files, each at inquiry on its first day.
  Status CreateFiles() {
    for (const auto& demo : kVolunteers) {
      // "rosalie.exemple@courriel.example": the folded name, on a reserved domain.
      std::string email = FoldForSearch(std::string(demo.first_name) + "." + demo.last_name);
      std::replace(email.begin(), email.end(), ' ', '-');
      const bool bastien = std::string(demo.first_name) == "Bastien";
      const std::string address =
          VolunteerAddress(email, coordinator().organisation_id.value_or(0));
      // Approved volunteers sign in to their portal with the address of their file (Bastien with
      // the demo account made for his role).
      std::optional<std::int64_t> account =
          bastien && actors_.bastien ? std::optional(actors_.bastien->user_id) : std::nullopt;
      if (!bastien && HasPortal(demo.stage)) {
        account = TRY(CreateDemoAccount(At(demo.started_days_ago).services(),
                                        coordinator().organisation_id,
                                        std::string(demo.first_name) + " " + demo.last_name,
                                        address, domain::Role::kVolunteer));
      }
      const app::volunteers::VolunteerDetails details{
          .first_name = demo.first_name,
          .last_name = demo.last_name,
          .email = address,
          .phone = "514-555-01" + std::to_string(10 + ids_.size()),
          .region = demo.region,
          .languages = demo.languages,
          .availability = domain::Availability::Parse(demo.availability),
          .date_of_birth = demo.age > 0 ? FormatIsoDate(DaysAgo(demo.age * 365 + 100)) : "",
          .occupation = demo.occupation,
          .heard_about = demo.heard_about,
          .gender = demo.gender,
          .notes = demo.notes,
          .user_id = account};
      ids_[demo.first_name] = TRY(app::volunteers::CreateVolunteer(
          At(demo.started_days_ago).services(), coordinator(), details));
    }
    return {};
  }

  // Each file moved along its path at a steady pace since its first inquiry, the last step a few
  // days ago. A departure (leave, exit) waits for LoadVolunteerDepartures: those volunteers served
  // in circles before, and joined them through the volunteer gate, which they passed then.
  Status MoveFiles() {
    for (const auto& demo : kVolunteers) {
      const auto path = PathTo(demo.stage);
      const std::size_t now = IsDeparture(demo.stage) ? path.size() - 1 : path.size();
      for (std::size_t step = 0; step < now; ++step) {
        TRY(app::volunteers::MoveStage(At(StepDaysAgo(demo, step)).services(), coordinator(),
                                       {.volunteer_id = ids_.at(demo.first_name),
                                        .to = path[step],
                                        .reason = Reason(path[step])}));
      }
    }
    return {};
  }

  // The departures MoveFiles left for later, on their day.
  Status MoveDepartures() {
    app::volunteers::VolunteerListQuery active{.stage = VolunteerStage::kActive,
                                               .page = {.page = 1, .size = 100000}};
    const auto list = TRY(app::volunteers::LoadVolunteerList(services_, coordinator(), active));
    for (const auto& demo : kVolunteers) {
      if (!IsDeparture(demo.stage)) continue;
      const auto row = std::find_if(list.rows.begin(), list.rows.end(), [&](const auto& row) {
        return row.volunteer.first_name == demo.first_name &&
               row.volunteer.last_name == demo.last_name;
      });
      if (row == list.rows.end()) return Error::Invalid(N_("The demo volunteers are missing."));
      const auto last = PathTo(demo.stage).size() - 1;
      TRY(app::volunteers::MoveStage(
          At(StepDaysAgo(demo, last)).services(), coordinator(),
          {.volunteer_id = row->volunteer.id, .to = demo.stage, .reason = Reason(demo.stage)}));
    }
    return {};
  }

  Status Item(const std::string& name, std::size_t type, CivilDate on,
              domain::ScreeningResult result, const std::string& notes) {
    TRY(app::volunteers::RecordScreening(services_, coordinator(),
                                         {.volunteer_id = ids_.at(name),
                                          .type_id = types_.at(type).id,
                                          .completed_on = on,
                                          .result = result,
                                          .notes = notes}));
    return {};
  }

  Status Session(std::size_t module, CivilDate on, int minutes, const std::string& title,
                 const std::vector<std::pair<std::string, int>>& present) {
    const auto id = TRY(app::volunteers::CreateTrainingSession(services_, coordinator(),
                                                               {.module_id = modules_.at(module).id,
                                                                .held_on = on,
                                                                .duration_minutes = minutes,
                                                                .title = title}));
    if (present.empty()) return {};
    std::vector<std::pair<std::int64_t, int>> attendance;
    for (const auto& [name, attended] : present) attendance.emplace_back(ids_.at(name), attended);
    TRY(app::volunteers::SaveAttendance(services_, coordinator(),
                                        {.session_id = id, .attendance = attendance}));
    return {};
  }

  // Hours, dated the day of the organisation's time zone they were logged on: Bastien logs his own
  // in his portal; the coordinator logs the others' for them (approved as logged) or records what
  // they reported for review.
  Status Hours(const std::string& name, int ago, int minutes, domain::HoursKind kind,
               const std::string& description, domain::HoursStatus status) {
    const auto at = At(ago);
    const app::volunteers::LogHoursCommand command{.volunteer_id = ids_.at(name),
                                                   .worked_on = at.services().Today(),
                                                   .kind = kind,
                                                   .minutes = minutes,
                                                   .description = description};
    std::int64_t id = 0;
    if (name == "Bastien" && actors_.bastien) {
      id = TRY(app::volunteers::LogOwnHours(at.services(), *actors_.bastien, command));
    } else if (status == domain::HoursStatus::kApproved) {
      TRY(app::volunteers::LogHours(at.services(), coordinator(), command));
      return {};
    } else {
      id = TRY(app::volunteers::ImportPendingHours(at.services(), coordinator(), command));
    }
    if (status == domain::HoursStatus::kPending) return {};
    TRY(app::volunteers::ReviewHours(At(ago > 2 ? ago - 2 : 0).services(), coordinator(),
                                     {.entry_id = id, .decision = status}));
    return {};
  }

  Status Supervise(const std::string& name, int ago, domain::SupervisionKind kind,
                   const std::string& notes) {
    // Dated the day of the organisation's time zone the session was recorded on.
    const auto at = At(ago);
    TRY(app::volunteers::AddSupervision(at.services(), coordinator(),
                                        {.volunteer_id = ids_.at(name),
                                         .held_on = at.services().Today(),
                                         .kind = kind,
                                         .notes = notes}));
    return {};
  }

 private:
  const app::Services& services_;
  DemoActors actors_;
  Instant now_;
  CivilDate today_;
  std::vector<domain::ScreeningItemType> types_;
  std::vector<domain::TrainingModule> modules_;
  std::map<std::string, std::int64_t> ids_;
};

// Screening: a complete, satisfactory set for everyone approved or further, the police check
// completed on `police_on` (36 months of validity), and the applicants' first items.
Status LoadScreening(VolunteerDemo& demo) {
  using domain::ScreeningResult;
  constexpr std::size_t kPolice = 0, kReference = 1, kInterview = 2, kCode = 3, kAgreement = 4;
  const auto passed = ScreeningResult::kPassed;
  const auto full_set = [&](const std::string& name, CivilDate police_on) -> Status {
    TRY(demo.Item(name, kPolice, police_on, passed,
                  "Aucun antécédent; secteur vulnérable vérifié."));
    TRY(demo.Item(name, kReference, AddDays(police_on, -20), passed,
                  "Ancienne employeuse, très favorable."));
    TRY(demo.Item(name, kReference, AddDays(police_on, -18), passed,
                  "Voisin de longue date, favorable."));
    TRY(demo.Item(name, kInterview, AddDays(police_on, -15), passed,
                  "Entrevue avec la coordination."));
    TRY(demo.Item(name, kCode, AddDays(police_on, -10), passed, ""));
    return demo.Item(name, kAgreement, AddDays(police_on, -10), passed, "");
  };
  // The police check expires ON completion + 36 months: to expire in N days, it was done 36 months
  // before today + N days.
  const auto police_expiring_in = [&](int days_ahead) {
    return AddMonths(demo.DaysAgo(-days_ahead), -36);
  };
  TRY(full_set("Octave", demo.DaysAgo(40)));
  TRY(full_set("Fernand", police_expiring_in(20)));
  TRY(full_set("Bastien", police_expiring_in(45)));
  TRY(full_set("Capucine", police_expiring_in(-10)));  // expired ten days ago: on hold
  TRY(full_set("Anatole", demo.DaysAgo(300)));
  TRY(full_set("Solange", demo.DaysAgo(400)));
  TRY(full_set("Léon", demo.DaysAgo(500)));
  TRY(full_set("Héloïse", demo.DaysAgo(700)));
  TRY(demo.Item("Capucine", kPolice, demo.DaysAgo(5), ScreeningResult::kPending,
                "Nouvelle demande envoyée."));
  TRY(demo.Item("Rosalie", kReference, demo.DaysAgo(30), passed,
                "Collègue de travail, très favorable."));
  TRY(demo.Item("Rosalie", kReference, demo.DaysAgo(28), passed,
                "Ancienne superviseure, favorable."));
  TRY(demo.Item("Rosalie", kInterview, demo.DaysAgo(25), passed,
                "Bonne compréhension du programme."));
  TRY(demo.Item("Rosalie", kCode, demo.DaysAgo(25), passed, ""));
  TRY(demo.Item("Rosalie", kAgreement, demo.DaysAgo(25), passed, ""));
  TRY(demo.Item("Rosalie", kPolice, demo.DaysAgo(20), ScreeningResult::kPending,
                "Demande transmise au service de police."));
  TRY(demo.Item("Hugo", kInterview, demo.DaysAgo(15), passed, ""));
  TRY(demo.Item("Ginette", kReference, demo.DaysAgo(18), passed, "Paroisse, favorable."));
  TRY(demo.Item("Ginette", kReference, demo.DaysAgo(12), ScreeningResult::kFailed,
                "Référence peu concluante : ne connaît la candidate que depuis peu."));
  return demo.Item("Gaston", kInterview, demo.DaysAgo(20), ScreeningResult::kFailed,
                   "Attentes incompatibles avec le rôle de bénévole (veut « surveiller » le "
                   "membre principal).");
}

// Training: an autumn cohort of the basic training (five sessions of three hours) for the
// applicants in screening and everyone further, an older cohort, a current cohort for those in
// training, and continuing training. Recorded while every file is still open.
Status LoadTraining(VolunteerDemo& demo) {
  constexpr std::size_t kBasic = 0, kContinuing = 1;
  const char* kTopics[] = {"Le programme et ses valeurs", "Comprendre la délinquance sexuelle",
                           "Écoute, limites et confidentialité",
                           "Signes précurseurs et responsabilité",
                           "Travailler avec la coordination et les partenaires"};
  const auto everyone = [](std::initializer_list<const char*> names, int minutes) {
    std::vector<std::pair<std::string, int>> present;
    for (const auto* name : names) present.emplace_back(name, minutes);
    return present;
  };
  for (int i = 0; i < 5; ++i) {
    TRY(demo.Session(kBasic, demo.DaysAgo(150 - 7 * i), 180, kTopics[i],
                     everyone({"Rosalie", "Hugo", "Ginette", "Octave", "Fernand", "Gaston"}, 180)));
    TRY(demo.Session(
        kBasic, demo.DaysAgo(560 - 7 * i), 180, kTopics[i],
        everyone({"Bastien", "Capucine", "Anatole", "Solange", "Léon", "Héloïse"}, 180)));
  }
  const std::pair<const char*, int> current[] = {{"Lucie", 3}, {"Jules", 2}, {"Irène", 3}};
  for (int i = 0; i < 5; ++i) {
    std::vector<std::pair<std::string, int>> present;
    for (const auto& [name, sessions] : current) {
      // The last session is still to come.
      if (i < 4 && i < sessions)
        present.emplace_back(name, i == 1 && std::string(name) == "Jules" ? 120 : 180);
    }
    TRY(demo.Session(kBasic, demo.DaysAgo(24 - 7 * i), 180, kTopics[i], present));
  }
  for (const int ago : {75, 20}) {
    TRY(demo.Session(kContinuing, demo.DaysAgo(ago), 120, "Retour sur les situations difficiles",
                     everyone({"Bastien", "Anatole", "Octave", "Solange"}, 120)));
  }
  return {};
}

// Hours the volunteers logged (approved ones, a few awaiting approval, one rejected), and
// supervision with the coordinator; Solange's last one is older than the period.
Status LoadHoursAndSupervision(VolunteerDemo& demo) {
  using domain::HoursKind;
  using domain::HoursStatus;
  TRY(demo.Hours("Bastien", 70, 90, HoursKind::kTravel, "Trajets vers les rencontres du mois",
                 HoursStatus::kApproved));
  TRY(demo.Hours("Bastien", 40, 60, HoursKind::kPhoneContact,
                 "Appels de soutien entre les rencontres", HoursStatus::kApproved));
  TRY(demo.Hours("Bastien", 33, 180, HoursKind::kEvent, "Kiosque au salon du bénévolat",
                 HoursStatus::kApproved));
  TRY(demo.Hours("Bastien", 9, 45, HoursKind::kPhoneContact, "Appel après une mauvaise nouvelle",
                 HoursStatus::kPending));
  TRY(demo.Hours("Bastien", 4, 75, HoursKind::kTravel, "Accompagnement à un rendez-vous",
                 HoursStatus::kPending));
  TRY(demo.Hours("Anatole", 50, 120, HoursKind::kEvent, "Présentation dans une paroisse",
                 HoursStatus::kApproved));
  TRY(demo.Hours("Anatole", 12, 60, HoursKind::kTravel, "Trajets", HoursStatus::kPending));
  TRY(demo.Hours("Solange", 95, 150, HoursKind::kEvent, "Souper-bénéfice", HoursStatus::kApproved));
  TRY(demo.Hours("Solange", 35, 30, HoursKind::kPhoneContact, "Appel de suivi",
                 HoursStatus::kRejected));
  TRY(demo.Hours("Capucine", 60, 90, HoursKind::kTravel, "Trajets", HoursStatus::kApproved));
  TRY(demo.Hours("Octave", 6, 120, HoursKind::kOther, "Lecture des documents de formation",
                 HoursStatus::kPending));
  using domain::SupervisionKind;
  TRY(demo.Supervise("Bastien", 80, SupervisionKind::kSupervision,
                     "Se sent à l'aise dans le cercle."));
  TRY(demo.Supervise("Bastien", 21, SupervisionKind::kDebriefing,
                     "Retour sur une rencontre tendue; bonne gestion des limites."));
  TRY(demo.Supervise("Capucine", 30, SupervisionKind::kSupervision,
                     "Fatigue passagère; à revoir dans un mois."));
  TRY(demo.Supervise("Anatole", 45, SupervisionKind::kSupervision, "Rien à signaler."));
  return demo.Supervise("Solange", 120, SupervisionKind::kSupervision,
                        "Souhaite un cercle plus près de chez elle.");
}

}  // namespace

Status LoadVolunteers(const app::Services& services, std::int64_t organisation_id) {
  VolunteerDemo demo(services, TRY(FindActors(services, organisation_id)));
  TRY(demo.LoadSetup());
  TRY(demo.CreateFiles());
  TRY(LoadTraining(demo));
  TRY(demo.MoveFiles());
  TRY(LoadScreening(demo));
  return LoadHoursAndSupervision(demo);
}

Status LoadVolunteerDepartures(const app::Services& services, std::int64_t organisation_id) {
  VolunteerDemo demo(services, TRY(FindActors(services, organisation_id)));
  return demo.MoveDepartures();
}

}  // namespace cercle::demo
