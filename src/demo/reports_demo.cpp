#include "demo/reports_demo.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/core_member.hpp"
#include "domain/dates.hpp"
#include "domain/legal.hpp"
#include "domain/outcomes.hpp"
#include "domain/outreach.hpp"
#include "store/core_member_store.hpp"
#include "store/outcome_store.hpp"
#include "store/outreach_store.hpp"
#include "store/settings_store.hpp"
#include "store/user_store.hpp"

namespace cercle::demo {
namespace {

using namespace std::chrono;
using domain::OutreachKind;
using domain::OutreachLanguage;

// One invented outreach activity, dated relative to today.
struct DemoOutreach {
  int days_ago;
  OutreachKind kind;
  const char* title;
  const char* audience;
  int reach;  // 0: unknown
  OutreachLanguage language;
  const char* participants;
};

constexpr DemoOutreach kOutreach[] = {
    {20, OutreachKind::kPresentation, "Les cercles de soutien : pourquoi ça marche",
     "Étudiants en techniques policières, cégep fictif (démo)", 35, OutreachLanguage::kFrench,
     "Céleste Coordo, un bénévole"},
    {48, OutreachKind::kMediaInterview, "Entrevue à l'émission « Société d'ici » (démo)",
     "Auditeurs d'une radio communautaire fictive", 12000, OutreachLanguage::kFrench,
     "Céleste Coordo"},
    {75, OutreachKind::kArticle, "« Ils accompagnent ceux dont personne ne veut » (démo)",
     "Lecteurs d'un journal de quartier fictif", 8000, OutreachLanguage::kFrench, ""},
    {110, OutreachKind::kEvent, "Souper-bénéfice annuel (démo)", "Donateurs et partenaires", 120,
     OutreachLanguage::kBilingual, "L'équipe et six bénévoles"},
    {140, OutreachKind::kPresentation, "Présentation au comité d'action sociale",
     "Membres d'une paroisse fictive (démo)", 40, OutreachLanguage::kFrench,
     "Adèle Exemple, un bénévole"},
    {200, OutreachKind::kPresentation, "Le rôle des cercles auprès des agents de libération",
     "Agents de libération conditionnelle en formation (démo)", 25, OutreachLanguage::kFrench,
     "Céleste Coordo"},
    {260, OutreachKind::kMediaInterview, "Reportage télévisé sur la réinsertion (démo)",
     "Téléspectateurs d'une chaîne régionale fictive", 50000, OutreachLanguage::kFrench,
     "Adèle Exemple"},
    {330, OutreachKind::kEvent, "Kiosque au salon du bénévolat (démo)", "Visiteurs du salon", 300,
     OutreachLanguage::kBilingual, "Trois bénévoles"},
    {400, OutreachKind::kArticle, "Circles of Support: a quiet success (demo)",
     "Readers of a fictional English weekly", 5000, OutreachLanguage::kEnglish, ""},
    {500, OutreachKind::kPresentation, "Justice réparatrice et prévention",
     "Étudiants en criminologie, université fictive (démo)", 60, OutreachLanguage::kFrench,
     "Céleste Coordo"},
    {610, OutreachKind::kPresentation, "Information aux organismes communautaires",
     "Intervenants d'organismes fictifs (démo)", 0, OutreachLanguage::kFrench, "Adèle Exemple"},
};

// One invented story.
struct DemoStory {
  int days_ago;
  bool reviewed;
  const char* title;
  const char* text;
};

constexpr DemoStory kStories[] = {
    {40, true, "Un premier emploi depuis sa sortie",
     "Après des mois de recherches, un membre principal a obtenu un emploi à temps partiel dans "
     "l'entretien d'espaces verts. Les bénévoles de son cercle l'ont aidé à préparer son entrevue "
     "et "
     "à planifier ses trajets. Il dit qu'il se sent enfin utile, et qu'il sait vers qui se tourner "
     "quand les choses vont mal. (Récit fictif, démo.)"},
    {150, true, "Des Fêtes partagées",
     "Pour la première fois depuis quinze ans, un membre principal a passé les Fêtes entouré de "
     "personnes qui le connaissent vraiment. Le cercle a organisé un repas simple; chacun a "
     "apporté "
     "un plat. « Je ne pensais plus que ça m'arriverait », a-t-il confié. (Récit fictif, démo.)"},
    {8, false, "Brouillon : un retour aux études",
     "Brouillon à relire avant toute diffusion : un membre principal s'est inscrit à un cours du "
     "soir "
     "au centre d'éducation des adultes de son quartier, encouragé par sa bénévole. (Récit fictif, "
     "démo.)"},
};

// The demo core members this function adds outcomes to, by legal name.
constexpr const char* kMarcel = "Marcel Exemple";
constexpr const char* kGaston = "Gaston Fictif";
constexpr const char* kRemi = "Rémi Modèle";
constexpr const char* kTheo = "Théo Supposé";
constexpr const char* kHerve = "Hervé Brouillon";
constexpr const char* kJules = "Jules Apparence";

}  // namespace

Status LoadReports(store::Database& database, const Clock& clock, std::int64_t organisation_id) {
  const Instant now = clock.Now();
  const domain::CivilDate today{floor<days>(now)};
  const auto day = [&](int days_ago) { return domain::AddDays(today, -days_ago); };
  return database.Write(
      store::Scope::Organisation(organisation_id), [&](soci::session& session) -> Status {
        std::optional<std::int64_t> coordinator, admin;
        for (const auto& user : store::UserStore(session).ListOrganisation(organisation_id)) {
          if (user.roles.Has(domain::Role::kCoordinator) && !coordinator) coordinator = user.id;
          if (user.roles.Has(domain::Role::kOrganisationAdmin) && !admin) admin = user.id;
        }

        store::OutreachStore outreach(session);
        for (const auto& demo : kOutreach) {
          domain::OutreachActivity activity;
          activity.organisation_id = organisation_id;
          activity.held_on = day(demo.days_ago);
          activity.kind = demo.kind;
          activity.title = demo.title;
          activity.audience = demo.audience;
          if (demo.reach > 0) activity.reach = demo.reach;
          activity.language = demo.language;
          activity.participants = demo.participants;
          activity.recorded_by = coordinator;
          activity.recorded_at = activity.updated_at = now - std::chrono::days(demo.days_ago);
          TRY(domain::CheckOutreachActivity(activity, today));
          outreach.InsertActivity(activity);
        }
        for (const auto& demo : kStories) {
          domain::SignificantStory story;
          story.organisation_id = organisation_id;
          story.written_on = day(demo.days_ago);
          story.title = demo.title;
          story.text = demo.text;
          story.written_by = coordinator;
          story.created_at = story.updated_at = now - std::chrono::days(demo.days_ago);
          TRY(domain::CheckSignificantStory(story, today));
          const auto id = outreach.InsertStory(story);
          if (demo.reviewed) {
            outreach.MarkReviewed(id, organisation_id, admin,
                                  now - std::chrono::days(demo.days_ago - 2));
          }
        }

        // The demo files, and the days their status changed.
        store::CoreMemberStore core_members(session);
        store::CoreMemberFilter every;
        every.limit = 100000;
        std::map<std::string, domain::CoreMember> files;
        for (auto& member : core_members.List(organisation_id, every)) {
          files.emplace(member.legal_name, std::move(member));
        }
        const auto changed_on =
            [&](const char* name,
                domain::CoreMemberStatus status) -> std::optional<domain::CivilDate> {
          const auto found = files.find(name);
          if (found == files.end()) return std::nullopt;
          std::optional<domain::CivilDate> last;
          for (const auto& change : core_members.History(found->second.id, organisation_id)) {
            if (change.to == status) last = domain::CivilDate{floor<days>(change.changed_at)};
          }
          return last;
        };
        const auto file_id = [&](const char* name) -> std::optional<std::int64_t> {
          const auto found = files.find(name);
          if (found == files.end()) return std::nullopt;
          return found->second.id;
        };

        store::OutcomeStore outcomes(session);
        // Events: Hervé's breach and return to custody before his file closed, Jules's new charge.
        const auto add_event = [&](const char* name, domain::CivilDate on,
                                   domain::RecidivismKind kind, domain::OffenceCategory category,
                                   domain::EventSource source, const char* reference,
                                   domain::CirclePeriod period) -> Status {
          const auto id = file_id(name);
          if (!id || today < on) return {};
          domain::RecidivismEvent event;
          event.organisation_id = organisation_id;
          event.core_member_id = *id;
          event.occurred_on = on;
          event.kind = kind;
          event.category = category;
          event.source = source;
          event.reference = reference;
          event.period = period;
          event.recorded_by = coordinator;
          event.recorded_at = event.updated_at = now;
          TRY(domain::CheckRecidivismEvent(event, today));
          outcomes.InsertEvent(event);
          return {};
        };
        using domain::CirclePeriod;
        using domain::EventSource;
        using domain::OffenceCategory;
        using domain::RecidivismKind;
        if (const auto closed = changed_on(kHerve, domain::CoreMemberStatus::kClosed)) {
          TRY(add_event(kHerve, domain::AddDays(*closed, -21), RecidivismKind::kBreachOfConditions,
                        OffenceCategory::kOther, EventSource::kParoleOfficer,
                        "Rapport de l'agent de libération (démo)", CirclePeriod::kDuring));
          TRY(add_event(kHerve, domain::AddDays(*closed, -12), RecidivismKind::kReturnToCustody,
                        OffenceCategory::kOther, EventSource::kParoleOfficer,
                        "Suspension de la libération (démo)", CirclePeriod::kDuring));
          TRY(add_event(kHerve, domain::AddDays(*closed, 60), RecidivismKind::kConviction,
                        OffenceCategory::kOther, EventSource::kCourtRecords,
                        "Plumitif, dossier 500-01-000000-000 (démo)", CirclePeriod::kAfter));
        }
        TRY(add_event(kJules, day(45), RecidivismKind::kNewCharge, OffenceCategory::kOther,
                      EventSource::kPolice, "Avis du service de police (démo)",
                      CirclePeriod::kDuring));

        // Outcome measures: at the start of the circle, at a review, and at closure.
        const auto scales = outcomes.Scales(organisation_id);
        const auto add_measure = [&](const char* name, std::optional<domain::CivilDate> on,
                                     domain::MeasureOccasion occasion, int housing, int occupation,
                                     int social) -> Status {
          const auto id = file_id(name);
          if (!id || !on || today < *on) return {};
          domain::OutcomeMeasure measure;
          measure.organisation_id = organisation_id;
          measure.core_member_id = *id;
          measure.measured_on = *on;
          measure.occasion = occasion;
          measure.levels = {housing, occupation, social};
          measure.recorded_by = coordinator;
          measure.recorded_at = now;
          TRY(domain::CheckOutcomeMeasure(measure, scales, today));
          outcomes.InsertMeasure(measure);
          return {};
        };
        const auto after = [](std::optional<domain::CivilDate> on, int days_after) {
          return on ? std::optional(domain::AddDays(*on, days_after)) : std::nullopt;
        };
        using domain::MeasureOccasion;
        using domain::CoreMemberStatus;
        const auto marcel = changed_on(kMarcel, CoreMemberStatus::kInCircle);
        TRY(add_measure(kMarcel, after(marcel, 7), MeasureOccasion::kStart, 1, 1, 1));
        TRY(add_measure(kMarcel, after(marcel, 100), MeasureOccasion::kReview, 2, 2, 2));
        const auto gaston = changed_on(kGaston, CoreMemberStatus::kInCircle);
        TRY(add_measure(kGaston, after(gaston, 7), MeasureOccasion::kStart, 2, 1, 1));
        TRY(add_measure(kGaston, after(gaston, 95), MeasureOccasion::kReview, 3, 2, 2));
        const auto remi = changed_on(kRemi, CoreMemberStatus::kInCircle);
        TRY(add_measure(kRemi, after(remi, 7), MeasureOccasion::kStart, 1, 1, 1));
        TRY(add_measure(kRemi, changed_on(kRemi, CoreMemberStatus::kBetweenCircles),
                        MeasureOccasion::kClosure, 2, 2, 3));
        const auto theo = changed_on(kTheo, CoreMemberStatus::kInCircle);
        TRY(add_measure(kTheo, after(theo, 7), MeasureOccasion::kStart, 2, 1, 1));
        TRY(add_measure(kTheo, after(theo, 90), MeasureOccasion::kReview, 3, 2, 2));
        TRY(add_measure(kTheo, changed_on(kTheo, CoreMemberStatus::kClosed),
                        MeasureOccasion::kClosure, 3, 3, 3));
        TRY(add_measure(kHerve, after(changed_on(kHerve, CoreMemberStatus::kInCircle), 7),
                        MeasureOccasion::kStart, 2, 1, 1));

        // Théo's six-month follow-up was done; his twelve-month one, and Hervé's six-month one,
        // wait on the staff home page.
        if (const auto closed = changed_on(kTheo, CoreMemberStatus::kClosed);
            closed && file_id(kTheo)) {
          domain::FollowUpCheck check;
          check.organisation_id = organisation_id;
          check.core_member_id = *file_id(kTheo);
          check.milestone_months = 6;
          check.checked_on = domain::AddDays(domain::AddMonths(*closed, 6), 4);
          check.found_events = false;
          check.recorded_by = coordinator;
          check.recorded_at = now;
          if (!(today < check.checked_on)) outcomes.InsertCheck(check);
        }

        // Three more men agreed to take part in the evaluation research.
        for (const auto& [name, given_days_ago] : std::vector<std::pair<const char*, int>>{
                 {kGaston, 300}, {kRemi, 700}, {kJules, 380}}) {
          const auto id = file_id(name);
          if (!id) continue;
          domain::Consent consent;
          consent.organisation_id = organisation_id;
          consent.core_member_id = *id;
          consent.scope = domain::ConsentScope::kResearch;
          consent.given_on = day(given_days_ago);
          consent.recorded_by = coordinator;
          consent.recorded_at = now - std::chrono::days(given_days_ago);
          core_members.InsertConsent(consent);
        }

        store::SettingsStore settings(session);
        settings.Set(organisation_id, "public.impact_page", 1);
        settings.Set(organisation_id, "network.share_figures", 1);
        return {};
      });
}

}  // namespace cercle::demo
