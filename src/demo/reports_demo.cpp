#include "demo/reports_demo.hpp"

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/admin/settings.hpp"
#include "app/outreach/outreach.hpp"
#include "app/reports/demo_import.hpp"
#include "app/reports/outcomes.hpp"
#include "app/reports/report_settings.hpp"
#include "base/dates.hpp"
#include "domain/core_member.hpp"
#include "domain/legal.hpp"

namespace cercle::demo {
namespace {

using namespace std::chrono;
using domain::CirclePeriod;
using domain::CoreMemberStatus;
using domain::EventSource;
using domain::MeasureOccasion;
using domain::OffenceCategory;
using domain::OutreachKind;
using domain::OutreachLanguage;
using domain::RecidivismKind;

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

// A demo account of the organisation as the app layer sees the person behind a request.
auth::Actor DemoActor(std::int64_t organisation_id, std::int64_t user_id, domain::Role role) {
  auth::Actor actor;
  actor.user_id = user_id;
  actor.organisation_id = organisation_id;
  actor.roles = domain::Roles{role};
  return actor;
}

// The outreach log and the stories, the reviewed ones reviewed by the admin.
Status LoadOutreach(const app::Services& app, const auth::Actor& coordinator,
                    const auth::Actor& admin, CivilDate today) {
  const auto day = [&](int days_ago) { return AddDays(today, -days_ago); };
  for (const auto& demo : kOutreach) {
    const domain::OutreachActivity details{
        .held_on = day(demo.days_ago),
        .kind = demo.kind,
        .title = demo.title,
        .audience = demo.audience,
        .reach = demo.reach > 0 ? std::optional<int>(demo.reach) : std::nullopt,
        .language = demo.language,
        .participants = demo.participants};
    TRY(app::outreach::CreateActivity(app, coordinator, {.details = details}));
  }
  for (const auto& demo : kStories) {
    const auto id = TRY(app::outreach::CreateStory(
        app, coordinator,
        {.written_on = day(demo.days_ago), .title = demo.title, .text = demo.text}));
    if (demo.reviewed) TRY(app::outreach::ReviewStory(app, admin, id, true));
  }
  return {};
}

// The demo files by legal name, and the days their status changed.
class DemoFiles {
 public:
  // `translator` dates the changes in the organisation's time zone.
  DemoFiles(std::vector<app::reports::FileMoves> files, const i18n::Translator& translator)
      : translator_(translator) {
    for (auto& file : files) files_.emplace(file.legal_name, std::move(file));
  }
  std::optional<std::int64_t> Id(const char* name) const {
    const auto found = files_.find(name);
    if (found == files_.end()) return std::nullopt;
    return found->second.id;
  }
  // The last day the file moved to `status`, if it did.
  std::optional<CivilDate> ChangedOn(const char* name, CoreMemberStatus status) const {
    const auto found = files_.find(name);
    if (found == files_.end()) return std::nullopt;
    std::optional<CivilDate> last;
    for (const auto& change : found->second.history) {
      if (change.to == status) last = translator_.LocalDate(change.changed_at);
    }
    return last;
  }

 private:
  const i18n::Translator& translator_;
  std::map<std::string, app::reports::FileMoves> files_;
};

// What a demo event's day counts from: the file's closure (no event when it has not closed), or
// today.
enum class DayFrom { kClosure, kToday };

// One recidivism event of a demo file.
struct DemoEvent {
  const char* name;
  DayFrom from;
  int days_after;
  RecidivismKind kind;
  EventSource source;
  const char* reference;
  CirclePeriod period;
};

// Hervé's breach of his curfew and his return to custody, which closed his circle and then his
// file; Jules's new charge while in his circle; Théo's new charge the year after his circle.
constexpr DemoEvent kEvents[] = {
    {kHerve, DayFrom::kClosure, -6, RecidivismKind::kBreachOfConditions,
     EventSource::kParoleOfficer, "Rapport de l'agent de libération (démo)", CirclePeriod::kDuring},
    {kHerve, DayFrom::kClosure, -3, RecidivismKind::kReturnToCustody, EventSource::kParoleOfficer,
     "Suspension de la libération (démo)", CirclePeriod::kDuring},
    {kTheo, DayFrom::kClosure, 300, RecidivismKind::kNewCharge, EventSource::kPolice,
     "Avis du service de police (démo)", CirclePeriod::kAfter},
    {kJules, DayFrom::kToday, -45, RecidivismKind::kNewCharge, EventSource::kPolice,
     "Avis du service de police (démo)", CirclePeriod::kDuring},
};

// Each event whose file exists and whose day is past.
Status LoadEvents(const app::Services& app, const auth::Actor& coordinator, const DemoFiles& files,
                  CivilDate today) {
  for (const auto& demo : kEvents) {
    const auto from = demo.from == DayFrom::kClosure
                          ? files.ChangedOn(demo.name, CoreMemberStatus::kClosed)
                          : today;
    const auto id = files.Id(demo.name);
    if (!from || !id) continue;
    const domain::RecidivismEvent details{.occurred_on = AddDays(*from, demo.days_after),
                                          .kind = demo.kind,
                                          .category = OffenceCategory::kOther,
                                          .source = demo.source,
                                          .reference = demo.reference,
                                          .period = demo.period};
    if (today < details.occurred_on) continue;
    TRY(app::reports::RecordEvent(app, coordinator, *id, {.details = details}));
  }
  return {};
}

// One outcome measure of a demo file.
struct DemoMeasure {
  const char* name;
  CoreMemberStatus from;  // the status whose last change the day counts from
  int days_after;
  MeasureOccasion occasion;
  std::array<int, 3> levels;  // housing, occupation, social network
};

// At the start of the circle, at a review, and at closure.
constexpr DemoMeasure kMeasures[] = {
    {kMarcel, CoreMemberStatus::kInCircle, 7, MeasureOccasion::kStart, {1, 1, 1}},
    {kMarcel, CoreMemberStatus::kInCircle, 100, MeasureOccasion::kReview, {2, 2, 2}},
    {kGaston, CoreMemberStatus::kInCircle, 7, MeasureOccasion::kStart, {2, 1, 1}},
    {kGaston, CoreMemberStatus::kInCircle, 95, MeasureOccasion::kReview, {3, 2, 2}},
    {kRemi, CoreMemberStatus::kInCircle, 7, MeasureOccasion::kStart, {1, 1, 1}},
    {kRemi, CoreMemberStatus::kBetweenCircles, 0, MeasureOccasion::kClosure, {2, 2, 3}},
    {kTheo, CoreMemberStatus::kInCircle, 7, MeasureOccasion::kStart, {2, 1, 1}},
    {kTheo, CoreMemberStatus::kInCircle, 90, MeasureOccasion::kReview, {3, 2, 2}},
    {kTheo, CoreMemberStatus::kClosed, 0, MeasureOccasion::kClosure, {3, 3, 3}},
    {kHerve, CoreMemberStatus::kInCircle, 7, MeasureOccasion::kStart, {2, 1, 1}},
};

Status LoadMeasures(const app::Services& app, const auth::Actor& coordinator,
                    const DemoFiles& files, CivilDate today) {
  for (const auto& demo : kMeasures) {
    const auto id = files.Id(demo.name);
    const auto from = files.ChangedOn(demo.name, demo.from);
    if (!id || !from) continue;
    const auto on = AddDays(*from, demo.days_after);
    if (today < on) continue;
    TRY(app::reports::RecordMeasure(
        app, coordinator, *id,
        {.measured_on = on, .occasion = demo.occasion, .levels = demo.levels}));
  }
  return {};
}

// Théo's six-month follow-up was done; his twelve-month one waits on the staff home page.
Status LoadFollowUp(const app::Services& app, const auth::Actor& coordinator,
                    const DemoFiles& files, CivilDate today) {
  const auto closed = files.ChangedOn(kTheo, CoreMemberStatus::kClosed);
  const auto id = files.Id(kTheo);
  if (!closed || !id) return {};
  const auto checked_on = AddDays(AddMonths(*closed, 6), 4);
  if (today < checked_on) return {};
  TRY(app::reports::RecordFollowUp(
      app, coordinator, *id,
      {.milestone_months = 6, .checked_on = checked_on, .found_events = false}));
  return {};
}

// Three more men agreed to take part in the evaluation research.
Status LoadResearchConsents(const app::Services& app, const auth::Actor& coordinator,
                            const DemoFiles& files, CivilDate today) {
  const Instant now = app.clock.Now();
  for (const auto& [name, given_days_ago] :
       std::vector<std::pair<const char*, int>>{{kGaston, 300}, {kRemi, 700}, {kJules, 380}}) {
    const auto id = files.Id(name);
    if (!id) continue;
    domain::Consent consent;
    consent.organisation_id = *coordinator.organisation_id;
    consent.core_member_id = *id;
    consent.scope = domain::ConsentScope::kResearch;
    consent.given_on = AddDays(today, -given_days_ago);
    consent.recorded_by = coordinator.user_id;
    consent.recorded_at = now - std::chrono::days(given_days_ago);
    TRY(app::reports::ImportResearchConsent(app, coordinator, consent));
  }
  return {};
}

}  // namespace

Status LoadReports(const app::Services& app, std::int64_t organisation_id,
                   std::int64_t coordinator_id, std::int64_t admin_id) {
  const auto coordinator = DemoActor(organisation_id, coordinator_id, domain::Role::kCoordinator);
  const auto admin = DemoActor(organisation_id, admin_id, domain::Role::kOrganisationAdmin);
  // The organisation's today, the day the workflows check dates against.
  const CivilDate today = app.Today();
  TRY(LoadOutreach(app, coordinator, admin, today));
  const DemoFiles files(app::reports::ListFileMoves(app, coordinator), app.translator);
  TRY(LoadEvents(app, coordinator, files, today));
  TRY(LoadMeasures(app, coordinator, files, today));
  TRY(LoadFollowUp(app, coordinator, files, today));
  TRY(LoadResearchConsents(app, coordinator, files, today));
  // Evaluator access is off in a new organisation; the demo's evaluator takes the extract.
  TRY(app::admin::SaveSettings(app, admin,
                               {.values = {{domain::SettingKey::kEvaluatorAccess, 1}}}));
  // The public impact page and sharing with the network are on, so that both can be seen.
  return app::reports::SavePublication(app, admin,
                                       {.published = true, .shared = true, .founding_year = 0});
}

}  // namespace cercle::demo
