#include "demo/privacy_incidents_demo.hpp"

#include <algorithm>
#include <chrono>

#include "app/privacy/incidents.hpp"
#include "app/reports/demo_import.hpp"
#include "demo/demo_actors.hpp"

namespace cercle::demo {
namespace {

using domain::IncidentRecordKind;
using domain::RiskConclusion;
using domain::RiskLevel;

// The moment `days` days before `now`.
Instant DaysBefore(Instant now, int days) { return now - std::chrono::days(days); }

// Records `form` as `admin` on the services with the clock `days_ago` days back, the people
// concerned filled in from its records as the form's button does.
Status Record(const app::Services& services, const auth::Actor& admin, int days_ago,
              app::privacy::IncidentForm form) {
  const Backdated then(services, DaysBefore(services.clock.Now(), days_ago));
  const auto prefill =
      TRY(app::privacy::PrefillPeople(then.services(), admin, form.records, form.people));
  form.people = prefill.people;
  form.details.people_count =
      std::max(form.details.people_count, static_cast<int>(form.people.size()));
  TRY(app::privacy::CreateIncident(then.services(), admin, form));
  return {};
}

}  // namespace

Status LoadPrivacyIncidents(const app::Services& services, std::int64_t organisation_id,
                            const CircleIds& circles) {
  const auto actors = TRY(FindActors(services, organisation_id));
  if (!actors.admin || circles.empty()) return {};
  const auth::Actor& admin = *actors.admin;
  const CivilDate today = services.Today();

  // Minutes e-mailed to the wrong partner: recalled the same day, no risk of serious injury.
  app::privacy::IncidentForm minutes;
  {
    auto& incident = minutes.details;
    incident.information =
        "Compte rendu d'une rencontre de cercle : prénoms des bénévoles, humeur et projets du "
        "membre principal (démo).";
    incident.circumstances =
        "La coordonnatrice a choisi la mauvaise adresse dans la liste des partenaires : le "
        "compte rendu est parti chez un agent d'un autre bureau de libération conditionnelle "
        "(situation fictive).";
    incident.occurred_from = AddDays(today, -40);
    incident.learned_on = AddDays(today, -40);
    incident.sensitivity_level = RiskLevel::kModerate;
    incident.sensitivity_note = "Aucun renseignement sur l'infraction ni sur une victime.";
    incident.misuse_level = RiskLevel::kLow;
    incident.misuse_note = "Le destinataire est lui-même tenu à la confidentialité.";
    incident.consequences_level = RiskLevel::kLow;
    incident.consequences_note = "Rien qui permette de retrouver le membre principal.";
    incident.likelihood_level = RiskLevel::kLow;
    incident.likelihood_note = "Le courriel a été supprimé dans l'heure, par écrit.";
    incident.conclusion = RiskConclusion::kNotSerious;
    incident.measures =
        "Confirmation écrite de la suppression; les adresses des partenaires sont maintenant "
        "vérifiées par une deuxième personne avant l'envoi.";
    minutes.records = {{IncidentRecordKind::kCircle, circles.begin()->second}};
  }
  TRY(Record(services, admin, 39, std::move(minutes)));

  // A laptop stolen with a copy of a file: a risk of serious injury, notified within the delay.
  std::optional<std::int64_t> file;
  for (const auto& moves : app::reports::ListFileMoves(services, actors.coordinator)) {
    if (moves.legal_name == "Marcel Exemple") file = moves.id;
  }
  if (!file) return {};
  app::privacy::IncidentForm laptop;
  {
    auto& incident = laptop.details;
    incident.information =
        "Copie du dossier d'un membre principal : conditions de remise en liberté, évaluation du "
        "risque, adresse (démo).";
    incident.circumstances =
        "Ordinateur portable d'une intervenante volé dans sa voiture; le disque n'était pas "
        "chiffré (situation fictive).";
    incident.occurred_from = AddDays(today, -76);
    incident.occurred_until = AddDays(today, -75);
    incident.learned_on = AddDays(today, -75);
    incident.sensitivity_level = RiskLevel::kHigh;
    incident.sensitivity_note = "Antécédents judiciaires et adresse.";
    incident.misuse_level = RiskLevel::kModerate;
    incident.misuse_note = "Un vol ciblant l'ordinateur, pas les documents.";
    incident.consequences_level = RiskLevel::kHigh;
    incident.consequences_note = "Risque de harcèlement ou de représailles dans le quartier.";
    incident.likelihood_level = RiskLevel::kModerate;
    incident.likelihood_note = "Le portable n'a pas été retrouvé.";
    incident.conclusion = RiskConclusion::kSerious;
    incident.commission_notified_on = AddDays(today, -74);
    incident.people_notified_on = AddDays(today, -73);
    incident.measures =
        "Plainte à la police; mots de passe changés; chiffrement des disques de tous les "
        "portables; le membre principal a été rencontré et son plan de sécurité revu.";
    laptop.records = {{IncidentRecordKind::kCoreMember, *file}};
  }
  return Record(services, admin, 72, std::move(laptop));
}

}  // namespace cercle::demo
