#include "demo/concerns_demo.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_partners.hpp"
#include "domain/concern.hpp"
#include "domain/concern_disclosure.hpp"
#include "domain/concern_escalation.hpp"
#include "store/circle_store.hpp"
#include "store/concern_escalation_store.hpp"
#include "store/concern_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/partner_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::demo {
namespace {

using domain::ActionKind;
using domain::ConcernCategory;
using domain::ConcernOutcome;
using domain::LegalBasis;
using domain::RecipientKind;
using domain::Severity;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// Who raised a demo concern.
enum class Raiser { kVolunteer, kCoordinator, kIntake };

// One invented concern: whose circle, what, when (before now), and how far it went.
struct DemoConcern {
  const char* core_member;
  ConcernCategory category;
  Severity severity;
  minutes raised_ago;
  Raiser raiser;
  const char* observed;
  const char* already_done;
  std::optional<minutes> acknowledged_after;
  std::optional<minutes> started_after;
  std::optional<minutes> closed_after;
  std::optional<ConcernOutcome> outcome;
  const char* outcome_note;
  const char* reply;
};

const std::vector<DemoConcern>& Concerns() {
  static const std::vector<DemoConcern> concerns = {
      // 0: Marcel, closed; a disclosure under his consent.
      {"Marcel Exemple", ConcernCategory::kLossOfSupports, Severity::kConcern, days(40),
       Raiser::kVolunteer,
       "Marcel m'a dit au téléphone que son frère ne veut plus le voir et qu'il passe ses fins de "
       "semaine seul.",
       "Je l'ai écouté et je lui ai proposé un café samedi.", hours(3), days(1), days(10),
       ConcernOutcome::kResolved,
       "Marcel a repris contact avec son groupe de marche; le cercle l'accompagne.",
       "Merci Bastien. J'ai parlé avec Marcel; sa psychologue est au courant, avec son accord. "
       "Continuez les "
       "cafés du samedi."},
      // 1: Marcel, raised a few days ago, waiting.
      {"Marcel Exemple", ConcernCategory::kOther, Severity::kInformation, days(3),
       Raiser::kVolunteer,
       "Marcel pense quitter son emploi saisonnier avant la fin du contrat; il semble découragé.",
       "", std::nullopt, std::nullopt, std::nullopt, std::nullopt, "", ""},
      // 2: Hervé, closed when his circle closed; a disclosure under a court order.
      {"Hervé Brouillon", ConcernCategory::kConditionBreach, Severity::kUrgent, days(14),
       Raiser::kVolunteer,
       "Hervé n'était pas chez lui au couvre-feu deux soirs de suite; il dit avoir dormi chez un "
       "ami.",
       "Je lui ai rappelé sa condition et j'ai avisé la coordination tout de suite.",
       minutes(5 * 60), minutes(5 * 60 + 30), days(4), ConcernOutcome::kCircleChanged,
       "Hervé est retourné en détention pour bris de conditions; le cercle a tenu une rencontre de "
       "clôture.",
       "Merci d'avoir signalé rapidement. La suite relève maintenant de son agent; le cercle se "
       "réunira une "
       "dernière fois."},
      // 3: Bernard, in progress: access to minors, the duty to report, an emergency meeting, the
      // parole officer.
      {"Bernard Bidon", ConcernCategory::kAccessToVictims, Severity::kUrgent, days(6),
       Raiser::kIntake,
       "Une bénévole a vu Ben au parc voisin de l'école primaire à la sortie des classes, deux "
       "jours de suite.",
       "La bénévole lui a parlé; il dit qu'il ne savait pas où aller.", minutes(35), minutes(50),
       std::nullopt, std::nullopt, "",
       "Merci. Une rencontre d'urgence du cercle est prévue; un plan de sécurité est en place."},
      // 4: Félix, in progress: an emergency, imminent danger.
      {"Félix Chimère", ConcernCategory::kSuicideRisk, Severity::kEmergency, days(3),
       Raiser::kCoordinator,
       "Félix a dit à un bénévole qu'il « ne voyait plus de raison de continuer » et qu'il avait "
       "un plan.",
       "Le bénévole est resté avec lui et a appelé la coordination.", minutes(9), minutes(15),
       std::nullopt, std::nullopt, "", ""},
      // 5: Armand, closed: the circle is suspended.
      {"Armand Hypothèse", ConcernCategory::kEmotionalCollapse, Severity::kUrgent, days(20),
       Raiser::kCoordinator,
       "Armand pleure à chaque appel et ne mange presque plus; il a manqué deux rendez-vous "
       "médicaux.",
       "", minutes(50), minutes(60), days(5), ConcernOutcome::kCircleChanged,
       "Armand est hospitalisé; le cercle est suspendu jusqu'à sa sortie.", ""},
      // 6: Gaston, in progress; a disclosure on another basis.
      {"Gaston Fictif", ConcernCategory::kSubstanceAbuse, Severity::kConcern, days(12),
       Raiser::kCoordinator,
       "Gaston est arrivé à la rencontre en sentant l'alcool; il l'a reconnu à la fin.",
       "Le cercle en a parlé avec lui calmement.", days(1), days(1) + hours(2), std::nullopt,
       std::nullopt, "", ""},
      // 7: Gaston, acknowledged only.
      {"Gaston Fictif", ConcernCategory::kEmotionalCollapse, Severity::kInformation, days(2),
       Raiser::kIntake, "Gaston dit qu'il dort mal depuis qu'il cherche un logement.", "",
       hours(20), std::nullopt, std::nullopt, std::nullopt, "", ""},
      // 8: Jules, closed: no risk confirmed.
      {"Jules Apparence", ConcernCategory::kRejectionOfSupervision, Severity::kInformation,
       days(30), Raiser::kCoordinator,
       "Jules a dit qu'il « n'a plus besoin de personne » et a annulé deux rencontres.", "",
       days(2), std::nullopt, days(5), ConcernOutcome::kUnfounded,
       "Jules voulait surtout plus d'autonomie; il garde le lien de façon informelle.", ""},
      // 9: Lucien, raised two hours ago and not yet acknowledged: at the top of the home page.
      {"Lucien Imaginaire", ConcernCategory::kHostility, Severity::kUrgent, hours(2),
       Raiser::kCoordinator,
       "Au parloir, Lucien s'est emporté contre un agent et a menacé de « régler ses comptes » à "
       "sa sortie.",
       "Les bénévoles ont mis fin à la visite calmement.", std::nullopt, std::nullopt, std::nullopt,
       std::nullopt, "", ""},
  };
  return concerns;
}

}  // namespace

Status LoadConcerns(store::Database& database, const Clock& clock, std::int64_t organisation_id) {
  const Instant now = clock.Now();
  return database.Write(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) -> Status {
        store::ConcernStore concerns(session);
        store::ConcernEscalationStore escalations(session);
        store::CircleStore circles(session);
        store::CoreMemberStore core_members(session);
        store::PartnerStore partners(session);

        // The demo accounts.
        std::optional<std::int64_t> coordinator, intake, admin, volunteer_account;
        for (const auto& user : store::UserStore(session).ListOrganisation(organisation_id)) {
          if (user.roles.Has(domain::Role::kCoordinator)) {
            (user.email.starts_with("accueil") ? intake : coordinator) = user.id;
          }
          if (user.roles.Has(domain::Role::kOrganisationAdmin) && !admin) admin = user.id;
          if (user.roles.Has(domain::Role::kVolunteer) && !volunteer_account)
            volunteer_account = user.id;
        }
        if (!coordinator || !intake || !admin || !volunteer_account) {
          return Error::Invalid(N_("The demo organisation lacks one of its accounts."));
        }
        const auto volunteer =
            store::VolunteerStore(session).FindByUser(*volunteer_account, organisation_id);
        if (!volunteer) return Error::Invalid(N_("The demo volunteer has no file."));

        // The on-call rota.
        const std::vector<domain::OnCallEntry> rota = {
            {*coordinator, 0}, {*intake, 1}, {*admin, 2}};
        escalations.ReplaceOnCall(organisation_id, rota, *admin, now - days(60));
        const auto settings = store::SettingsStore(session).Load(organisation_id);

        // The circles by their core member's name, and the partner contacts by name.
        store::CoreMemberFilter every;
        every.limit = 100000;
        std::map<std::int64_t, std::string> member_names;
        for (const auto& member : core_members.List(organisation_id, every))
          member_names[member.id] = member.legal_name;
        std::map<std::string, domain::Circle> circle_of;
        for (const auto& circle : circles.List(organisation_id, store::IncludeClosed::kYes)) {
          circle_of.emplace(member_names[circle.core_member_id], circle);
        }
        std::map<std::string, domain::PartnerContact> contact_of;
        for (const auto& contact : partners.List(organisation_id))
          contact_of.emplace(contact.name, contact);
        for (const auto* name :
             {"Marcel Exemple", "Hervé Brouillon", "Bernard Bidon", "Félix Chimère",
              "Armand Hypothèse", "Gaston Fictif", "Jules Apparence", "Lucien Imaginaire"}) {
          if (!circle_of.contains(name)) return Error::Invalid(N_("The demo circles are missing."));
        }
        for (const auto* name : {"Octave Prototype", "Dre Berthe Modèle"}) {
          if (!contact_of.contains(name))
            return Error::Invalid(N_("The demo partner contacts are missing."));
        }

        // The demo partner, a parole officer, also follows the demo volunteer's circle.
        domain::SharingAgreement officer_agreement;
        officer_agreement.organisation_id = organisation_id;
        officer_agreement.partner_contact_id = contact_of.at("Octave Prototype").id;
        officer_agreement.circle_id = circle_of.at("Marcel Exemple").id;
        officer_agreement.starts_on =
            AddDays(CivilDate(std::chrono::floor<days>(now)), -60);
        officer_agreement.scope =
            "Préoccupations de sécurité signalées par le cercle, et présence aux rencontres.";
        officer_agreement.created_by = *coordinator;
        officer_agreement.created_at = now - days(60);
        partners.InsertAgreement(officer_agreement);

        // Each concern, moved along its way with its alert steps.
        std::vector<domain::Concern> stored;
        for (const auto& demo : Concerns()) {
          const auto& circle = circle_of.at(demo.core_member);
          domain::Concern concern;
          concern.organisation_id = organisation_id;
          concern.circle_id = circle.id;
          concern.category = demo.category;
          concern.severity = demo.severity;
          concern.observed = demo.observed;
          concern.already_done = demo.already_done;
          concern.raised_at = now - demo.raised_ago;
          concern.observed_at = concern.raised_at - minutes(40);
          concern.updated_at = concern.raised_at;
          concern.raised_by = demo.raiser == Raiser::kVolunteer ? *volunteer_account
                              : demo.raiser == Raiser::kIntake  ? *intake
                                                                : *coordinator;
          if (demo.raiser == Raiser::kVolunteer) concern.raised_by_volunteer = volunteer->id;
          concern.id = concerns.Insert(concern);
          const auto acknowledged_at =
              demo.acknowledged_after ? std::optional(concern.raised_at + *demo.acknowledged_after)
                                      : std::nullopt;
          if (const auto deadline = domain::AcknowledgementDeadline(concern.severity, settings)) {
            // Step 0 at once; then one step per deadline missed before the acknowledgement (or
            // now).
            const Instant until = acknowledged_at.value_or(now);
            Instant fired = concern.raised_at;
            for (int step = 0;; ++step) {
              const auto id =
                  escalations.InsertStep(organisation_id, concern.id, step, fired, fired);
              escalations.InsertRecipients(organisation_id, id,
                                           domain::StepRecipients(step, rota, {*coordinator}));
              const Instant next = domain::NextStepDue(fired, *deadline);
              if (next > until) {
                escalations.InsertStep(organisation_id, concern.id, step + 1, next, std::nullopt);
                break;
              }
              fired = next;
            }
            if (acknowledged_at)
              escalations.CancelPending(concern.id, organisation_id, *acknowledged_at);
          }
          const std::int64_t handler = demo.raiser == Raiser::kIntake ? *coordinator : *intake;
          if (acknowledged_at)
            concerns.Acknowledge(concern.id, organisation_id, handler, *acknowledged_at);
          if (demo.started_after)
            concerns.Start(concern.id, organisation_id, concern.raised_at + *demo.started_after);
          if (*demo.reply) {
            concerns.SetReply(
                concern.id, organisation_id, handler, demo.reply,
                concern.raised_at + demo.acknowledged_after.value_or(minutes(0)) + minutes(20));
          }
          stored.push_back(concern);
        }

        // Actions, with who recorded them and when they were taken.
        const auto act = [&](std::size_t index, ActionKind kind, const char* note, minutes after,
                             std::optional<std::int64_t> meeting = std::nullopt) {
          domain::ConcernAction action;
          action.organisation_id = organisation_id;
          action.concern_id = stored[index].id;
          action.kind = kind;
          action.note = note;
          action.taken_at = stored[index].raised_at + after;
          action.meeting_id = meeting;
          action.recorded_by = *intake;
          action.recorded_at = action.taken_at + minutes(10);
          concerns.InsertAction(action);
        };
        act(0, ActionKind::kTalkWithCoreMember,
            "Appel avec Marcel : il se sent seul depuis la rupture avec son frère.", days(1));
        act(3, ActionKind::kSafetyPlan,
            "Plan de sécurité revu avec Ben : trajets qui évitent l'école, appel à un bénévole en "
            "cas de besoin.",
            hours(3));
        // The emergency meeting of Bernard's circle, planned for tomorrow evening.
        domain::Meeting meeting;
        meeting.organisation_id = organisation_id;
        meeting.circle_id = circle_of.at("Bernard Bidon").id;
        meeting.kind = domain::MeetingKind::kEmergency;
        meeting.starts =
            std::chrono::floor<days>(now) + days(1) + hours(23);  // 18 h or 19 h in Montréal
        meeting.duration_minutes = 90;
        meeting.place = "Local de l'organisme, Longueuil (démo)";
        meeting.created_by = *intake;
        meeting.created_at = stored[3].raised_at + hours(1);
        const auto meeting_id = store::MeetingStore(session).Insert(meeting);
        act(3, ActionKind::kEmergencyMeeting,
            "Rencontre d'urgence du cercle demain soir au local de Longueuil.", hours(1),
            meeting_id);
        act(4, ActionKind::kReferral,
            "Félix accompagné à l'urgence; suivi avec la ligne de prévention du suicide (démo).",
            minutes(30));
        act(5, ActionKind::kReferral,
            "Armand orienté vers son médecin de famille, puis hospitalisé.", days(1));
        act(6, ActionKind::kTalkWithCoreMember,
            "Rencontre avec Gaston : il accepte de revoir son intervenant.", days(2));

        // Disclosures, one on each legal basis; consents and agreements are checked against the
        // record.
        const auto disclose = [&](std::size_t index, RecipientKind kind,
                                  const domain::PartnerContact* contact, const char* name,
                                  const char* organisation, minutes after,
                                  domain::DisclosureMeans means, const char* shared,
                                  LegalBasis basis, const char* explanation) -> Status {
          const auto& concern = stored[index];
          const auto& circle = circle_of.at(Concerns()[index].core_member);
          const auto consents = core_members.Consents(circle.core_member_id, organisation_id);
          const auto agreements = partners.AgreementsOfCircle(circle.id, organisation_id);
          domain::DisclosureDraft draft;
          draft.recipient_kind = kind;
          draft.partner_contact_id = contact ? std::optional(contact->id) : std::nullopt;
          draft.recipient_name = name;
          draft.recipient_organisation = organisation;
          draft.disclosed_at = concern.raised_at + after;
          draft.means = means;
          draft.shared = shared;
          draft.basis = basis;
          draft.explanation = explanation;
          const domain::DisclosureRecord record{
              concern,    circle.id,
              contact,    consents,
              agreements, CivilDate(std::chrono::floor<days>(*draft.disclosed_at)),
              now};
          auto disclosure = TRY(domain::CheckDisclosure(draft, record));
          disclosure.recorded_by = *intake;
          disclosure.recorded_at = disclosure.disclosed_at + minutes(15);
          concerns.InsertDisclosure(disclosure);
          return {};
        };
        TRY(disclose(0, RecipientKind::kPartnerContact, &contact_of.at("Dre Berthe Modèle"), "", "",
                     days(2), domain::DisclosureMeans::kPhone,
                     "Marcel traverse un moment d'isolement (rupture avec son frère); le cercle "
                     "augmente ses contacts.",
                     LegalBasis::kConsent, ""));
        TRY(disclose(2, RecipientKind::kPolice, nullptr,
                     "Sergent-détective fictif, section des enquêtes (démo)",
                     "Police fictive de Montréal (démo)", hours(6),
                     domain::DisclosureMeans::kLetter,
                     "Les dates des rencontres du cercle des deux dernières semaines et la "
                     "présence d'Hervé.",
                     LegalBasis::kCourtOrder,
                     "Ordonnance de communication (démo) de la Cour du Québec, dossier fictif "
                     "500-01-000000-261, "
                     "signifiée à l'organisme."));
        TRY(disclose(3, RecipientKind::kYouthProtection, nullptr, "Réception des signalements",
                     "DPJ fictive de la Montérégie (démo)", minutes(45),
                     domain::DisclosureMeans::kPhone,
                     "Présence répétée d'un homme sous conditions près de l'école primaire à la "
                     "sortie des classes; "
                     "aucun contact observé avec un enfant.",
                     LegalBasis::kChildProtection, ""));
        TRY(disclose(3, RecipientKind::kPartnerContact, &contact_of.at("Octave Prototype"), "", "",
                     minutes(55), domain::DisclosureMeans::kPhone,
                     "Ben a été vu deux fois près de l'école primaire; rencontre d'urgence du "
                     "cercle prévue; plan de "
                     "sécurité revu.",
                     LegalBasis::kAgreement, ""));
        TRY(disclose(4, RecipientKind::kPolice, nullptr, "Agente de service (démo)",
                     "Police fictive de Longueuil (démo)", minutes(12),
                     domain::DisclosureMeans::kPhone,
                     "Félix a exprimé un plan suicidaire précis; adresse où il se trouvait.",
                     LegalBasis::kImminentDanger,
                     "Risque immédiat pour la vie de Félix : il avait un plan et les moyens; il "
                     "fallait une intervention "
                     "sur-le-champ."));
        TRY(disclose(6, RecipientKind::kOther, nullptr, "Service d'admission",
                     "Maison de thérapie fictive (démo)", days(3), domain::DisclosureMeans::kEmail,
                     "La date de fin de sa période de conditions, pour planifier son admission.",
                     LegalBasis::kOther,
                     "Demande écrite de Gaston, datée et signée, versée au dossier : il veut que "
                     "la maison de thérapie "
                     "planifie son admission."));

        // Closures last, once every action and disclosure is in.
        for (std::size_t i = 0; i < Concerns().size(); ++i) {
          const auto& demo = Concerns()[i];
          if (!demo.closed_after || !demo.outcome) continue;
          concerns.Close(stored[i].id, organisation_id, *coordinator, *demo.outcome,
                         demo.outcome_note, stored[i].raised_at + *demo.closed_after);
        }
        return {};
      });
}

}  // namespace cercle::demo
