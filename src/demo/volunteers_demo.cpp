#include "demo/volunteers_demo.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/training.hpp"
#include "domain/volunteer.hpp"
#include "i18n/folding.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_hours_store.hpp"
#include "store/volunteer_store.hpp"

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

// Why each move of the demo pipeline happened.
std::string Reason(VolunteerStage to) {
  switch (to) {
    case VolunteerStage::kOrientation:
      return "A assisté à la séance d'information.";
    case VolunteerStage::kTraining:
      return "Inscription à la formation de base.";
    case VolunteerStage::kScreening:
      return "Formation de base terminée.";
    case VolunteerStage::kApproved:
      return "Vérifications complètes et satisfaisantes.";
    case VolunteerStage::kActive:
      return "Disponible pour un cercle.";
    case VolunteerStage::kOnLeave:
      return "Congé de quelques mois pour raisons familiales.";
    case VolunteerStage::kExited:
      return "Déménagement hors de la région.";
    case VolunteerStage::kNotRetained:
      return "L'entrevue et une référence ne permettent pas de retenir la candidature.";
    case VolunteerStage::kInquiry:
      break;
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

}  // namespace

Status LoadVolunteers(store::Database& database, const Clock& clock, std::int64_t organisation_id) {
  const Instant now = clock.Now();
  const domain::CivilDate today{floor<days>(now)};
  const auto days_ago = [&](int count) { return domain::AddDays(today, -count); };
  const auto instant_days_ago = [&](int count) { return now - hours(24 * count); };
  return database.Write(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) -> Status {
        store::VolunteerStore volunteers(session);
        store::ScreeningStore screening(session);
        store::TrainingStore training(session);
        store::VolunteerHoursStore hours_store(session);

        std::optional<std::int64_t> coordinator, bastien_account;
        for (const auto& user : store::UserStore(session).ListOrganisation(organisation_id)) {
          if (user.roles.Has(domain::Role::kCoordinator) && !coordinator) coordinator = user.id;
          if (user.roles.Has(domain::Role::kVolunteer) && user.display_name == "Bastien Fictif") {
            bastien_account = user.id;
          }
        }
        if (!coordinator) return Error::Invalid(N_("The demo organisation has no coordinator."));
        const std::int64_t by = *coordinator;

        screening.AddDefaultTypes(organisation_id, instant_days_ago(1300));
        training.AddDefaultModules(organisation_id, instant_days_ago(1300));
        const auto types = screening.ListTypes(organisation_id);
        const auto modules = training.ListModules(organisation_id);
        if (types.size() < 5 || modules.size() < 2)
          return Error::Invalid(N_("The demo set-up is incomplete."));
        const auto& police = types[0];
        const auto& reference = types[1];
        const auto& interview = types[2];
        const auto& code = types[3];
        const auto& confidentiality = types[4];
        const auto& basic = modules[0];
        const auto& continuing = modules[1];

        // The files, each moved along its path at a steady pace since its first inquiry.
        std::map<std::string, std::int64_t> ids;
        for (const auto& demo : kVolunteers) {
          domain::Volunteer volunteer;
          volunteer.organisation_id = organisation_id;
          volunteer.first_name = demo.first_name;
          volunteer.last_name = demo.last_name;
          // "rosalie.exemple@courriel.example": the folded name, on a reserved domain.
          volunteer.email =
              i18n::FoldForSearch(std::string(demo.first_name) + "." + demo.last_name);
          std::replace(volunteer.email.begin(), volunteer.email.end(), ' ', '-');
          volunteer.email += "@courriel.example";
          volunteer.phone = "514-555-01" + std::to_string(10 + ids.size());
          volunteer.region = demo.region;
          volunteer.languages = demo.languages;
          volunteer.availability = domain::Availability::Parse(demo.availability);
          if (demo.age > 0) volunteer.date_of_birth = days_ago(demo.age * 365 + 100);
          volunteer.occupation = demo.occupation;
          volunteer.heard_about = demo.heard_about;
          volunteer.gender = demo.gender;
          volunteer.notes = demo.notes;
          volunteer.stage = VolunteerStage::kInquiry;
          if (std::string(demo.first_name) == "Bastien") volunteer.user_id = bastien_account;
          const std::int64_t id =
              volunteers.Insert(volunteer, by, instant_days_ago(demo.started_days_ago));
          const auto path = PathTo(demo.stage);
          VolunteerStage from = VolunteerStage::kInquiry;
          for (std::size_t step = 0; step < path.size(); ++step) {
            // Steps spread over the time since the inquiry, the last one a few days ago.
            const int when = demo.started_days_ago - static_cast<int>((demo.started_days_ago - 2) *
                                                                      (step + 1) / path.size());
            volunteers.MoveStage(id, organisation_id, from, path[step], Reason(path[step]), by,
                                 instant_days_ago(when));
            from = path[step];
          }
          ids[demo.first_name] = id;
        }

        // Screening: a complete, satisfactory set for everyone approved or further, the police
        // check completed `police_days_ago` days ago (36 months of validity).
        const auto item = [&](std::int64_t volunteer, const domain::ScreeningItemType& type,
                              domain::CivilDate on, domain::ScreeningResult result,
                              const std::string& notes) {
          domain::ScreeningItem record;
          record.organisation_id = organisation_id;
          record.volunteer_id = volunteer;
          record.type_id = type.id;
          record.completed_on = on;
          record.result = result;
          if (result == domain::ScreeningResult::kPassed)
            record.expires_on = domain::DefaultExpiry(type, on);
          record.checked_by = by;
          record.notes = notes;
          record.recorded_at = now;
          screening.InsertItem(record);
        };
        const auto full_set = [&](const std::string& name, domain::CivilDate police_on) {
          const auto volunteer = ids.at(name);
          const auto passed = domain::ScreeningResult::kPassed;
          item(volunteer, police, police_on, passed,
               "Aucun antécédent; secteur vulnérable vérifié.");
          item(volunteer, reference, domain::AddDays(police_on, -20), passed,
               "Ancienne employeuse, très favorable.");
          item(volunteer, reference, domain::AddDays(police_on, -18), passed,
               "Voisin de longue date, favorable.");
          item(volunteer, interview, domain::AddDays(police_on, -15), passed,
               "Entrevue avec la coordination.");
          item(volunteer, code, domain::AddDays(police_on, -10), passed, "");
          item(volunteer, confidentiality, domain::AddDays(police_on, -10), passed, "");
        };
        // The police check expires ON completion + 36 months: to expire in N days, it was done 36
        // months before today + N days.
        const auto police_expiring_in = [&](int days_ahead) {
          return domain::AddMonths(days_ago(-days_ahead), -36);
        };
        full_set("Octave", days_ago(40));
        full_set("Fernand", police_expiring_in(20));
        full_set("Bastien", police_expiring_in(45));
        full_set("Capucine",
                 police_expiring_in(-10));  // expired ten days ago: on hold for new circles
        full_set("Anatole", days_ago(300));
        full_set("Solange", days_ago(400));
        full_set("Léon", days_ago(500));
        full_set("Héloïse", days_ago(700));
        item(ids.at("Capucine"), police, days_ago(5), domain::ScreeningResult::kPending,
             "Nouvelle demande envoyée.");
        const auto passed = domain::ScreeningResult::kPassed;
        item(ids.at("Rosalie"), reference, days_ago(30), passed,
             "Collègue de travail, très favorable.");
        item(ids.at("Rosalie"), reference, days_ago(28), passed,
             "Ancienne superviseure, favorable.");
        item(ids.at("Rosalie"), interview, days_ago(25), passed,
             "Bonne compréhension du programme.");
        item(ids.at("Rosalie"), code, days_ago(25), passed, "");
        item(ids.at("Rosalie"), confidentiality, days_ago(25), passed, "");
        item(ids.at("Rosalie"), police, days_ago(20), domain::ScreeningResult::kPending,
             "Demande transmise au service de police.");
        item(ids.at("Hugo"), interview, days_ago(15), passed, "");
        item(ids.at("Ginette"), reference, days_ago(18), passed, "Paroisse, favorable.");
        item(ids.at("Ginette"), reference, days_ago(12), domain::ScreeningResult::kFailed,
             "Référence peu concluante : ne connaît la candidate que depuis peu.");
        item(ids.at("Gaston"), interview, days_ago(20), domain::ScreeningResult::kFailed,
             "Attentes incompatibles avec le rôle de bénévole (veut « surveiller » le membre "
             "principal).");

        // Training: an autumn cohort of the basic training (five sessions of three hours) for the
        // applicants in screening and everyone further, a current cohort for those in training, and
        // continuing training.
        const auto session_on = [&](const domain::TrainingModule& module, domain::CivilDate on,
                                    int minutes, const std::string& title) {
          domain::TrainingSession record;
          record.organisation_id = organisation_id;
          record.module_id = module.id;
          record.held_on = on;
          record.duration_minutes = minutes;
          record.title = title;
          return training.InsertSession(record, by, now);
        };
        const char* kTopics[] = {
            "Le programme et ses valeurs", "Comprendre la délinquance sexuelle",
            "Écoute, limites et confidentialité", "Signes précurseurs et responsabilité",
            "Travailler avec la coordination et les partenaires"};
        const std::vector<std::string> earlier = {"Rosalie", "Hugo",    "Ginette",
                                                  "Octave",  "Fernand", "Gaston"};
        const std::vector<std::string> veterans = {"Bastien", "Capucine", "Anatole",
                                                   "Solange", "Léon",     "Héloïse"};
        for (int i = 0; i < 5; ++i) {
          const auto first = session_on(basic, days_ago(150 - 7 * i), 180, kTopics[i]);
          std::vector<std::pair<std::int64_t, int>> present;
          for (const auto& name : earlier) present.emplace_back(ids.at(name), 180);
          training.ReplaceAttendance(first, organisation_id, present, by, now);
          const auto older = session_on(basic, days_ago(560 - 7 * i), 180, kTopics[i]);
          present.clear();
          for (const auto& name : veterans) present.emplace_back(ids.at(name), 180);
          training.ReplaceAttendance(older, organisation_id, present, by, now);
        }
        const std::pair<const char*, int> current[] = {{"Lucie", 3}, {"Jules", 2}, {"Irène", 3}};
        for (int i = 0; i < 5; ++i) {
          const auto id = session_on(basic, days_ago(24 - 7 * i), 180, kTopics[i]);
          if (i >= 4) continue;  // the last one is still to come
          std::vector<std::pair<std::int64_t, int>> present;
          for (const auto& [name, sessions] : current) {
            if (i < sessions)
              present.emplace_back(ids.at(name),
                                   i == 1 && std::string(name) == "Jules" ? 120 : 180);
          }
          training.ReplaceAttendance(id, organisation_id, present, by, now);
        }
        for (const int ago : {75, 20}) {
          const auto id =
              session_on(continuing, days_ago(ago), 120, "Retour sur les situations difficiles");
          std::vector<std::pair<std::int64_t, int>> present;
          for (const auto& name : {"Bastien", "Anatole", "Octave", "Solange"})
            present.emplace_back(ids.at(name), 120);
          training.ReplaceAttendance(id, organisation_id, present, by, now);
        }

        // Hours the volunteers logged: approved ones, and a few awaiting approval.
        const auto logged = [&](const std::string& name, int ago, int minutes,
                                domain::HoursKind kind, const std::string& description,
                                domain::HoursStatus status) {
          domain::HoursEntry entry;
          entry.organisation_id = organisation_id;
          entry.volunteer_id = ids.at(name);
          entry.worked_on = days_ago(ago);
          entry.minutes = minutes;
          entry.kind = kind;
          entry.description = description;
          entry.status = domain::HoursStatus::kPending;
          // Bastien logs his own hours in his portal; the coordinator logs the others' for them.
          const auto id = hours_store.Insert(
              entry, bastien_account && name == "Bastien" ? *bastien_account : by,
              instant_days_ago(ago));
          if (status != domain::HoursStatus::kPending) {
            hours_store.Review(id, organisation_id, status, by,
                               instant_days_ago(ago > 2 ? ago - 2 : 0));
          }
        };
        using domain::HoursKind;
        using domain::HoursStatus;
        logged("Bastien", 70, 90, HoursKind::kTravel, "Trajets vers les rencontres du mois",
               HoursStatus::kApproved);
        logged("Bastien", 40, 60, HoursKind::kPhoneContact,
               "Appels de soutien entre les rencontres", HoursStatus::kApproved);
        logged("Bastien", 33, 180, HoursKind::kEvent, "Kiosque au salon du bénévolat",
               HoursStatus::kApproved);
        logged("Bastien", 9, 45, HoursKind::kPhoneContact, "Appel après une mauvaise nouvelle",
               HoursStatus::kPending);
        logged("Bastien", 4, 75, HoursKind::kTravel, "Accompagnement à un rendez-vous",
               HoursStatus::kPending);
        logged("Anatole", 50, 120, HoursKind::kEvent, "Présentation dans une paroisse",
               HoursStatus::kApproved);
        logged("Anatole", 12, 60, HoursKind::kTravel, "Trajets", HoursStatus::kPending);
        logged("Solange", 95, 150, HoursKind::kEvent, "Souper-bénéfice", HoursStatus::kApproved);
        logged("Solange", 35, 30, HoursKind::kPhoneContact, "Appel de suivi",
               HoursStatus::kRejected);
        logged("Capucine", 60, 90, HoursKind::kTravel, "Trajets", HoursStatus::kApproved);
        logged("Octave", 6, 120, HoursKind::kOther, "Lecture des documents de formation",
               HoursStatus::kPending);

        // Supervision and debriefing with the coordinator. Solange's last one is older than the
        // period.
        const auto supervise = [&](const std::string& name, int ago, domain::SupervisionKind kind,
                                   const std::string& notes) {
          domain::SupervisionSession record;
          record.organisation_id = organisation_id;
          record.volunteer_id = ids.at(name);
          record.held_on = days_ago(ago);
          record.kind = kind;
          record.notes = notes;
          record.recorded_by = by;
          record.recorded_at = instant_days_ago(ago);
          volunteers.InsertSupervision(record);
        };
        supervise("Bastien", 80, domain::SupervisionKind::kSupervision,
                  "Se sent à l'aise dans le cercle.");
        supervise("Bastien", 21, domain::SupervisionKind::kDebriefing,
                  "Retour sur une rencontre tendue; bonne gestion des limites.");
        supervise("Capucine", 30, domain::SupervisionKind::kSupervision,
                  "Fatigue passagère; à revoir dans un mois.");
        supervise("Anatole", 45, domain::SupervisionKind::kSupervision, "Rien à signaler.");
        supervise("Solange", 120, domain::SupervisionKind::kSupervision,
                  "Souhaite un cercle plus près de chez elle.");
        return {};
      });
}

}  // namespace cercle::demo
