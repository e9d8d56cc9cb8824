#include "demo/circles_demo.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/admin/settings.hpp"
#include "app/circles/circle_changes.hpp"
#include "app/circles/circle_list.hpp"
#include "app/circles/circle_membership.hpp"
#include "app/circles/circle_phase.hpp"
#include "app/circles/circles.hpp"
#include "app/circles/covenant_template.hpp"
#include "app/circles/partners.hpp"
#include "app/circles/suggestions.hpp"
#include "app/circles/venues.hpp"
#include "app/intake/core_members.hpp"
#include "app/volunteers/program_setup.hpp"
#include "app/volunteers/training.hpp"
#include "app/volunteers/volunteer_file.hpp"
#include "app/volunteers/volunteer_hours.hpp"
#include "base/dates.hpp"
#include "base/folding.hpp"
#include "demo/circles_demo_data.hpp"
#include "demo/circles_demo_story.hpp"
#include "demo/demo_actors.hpp"
#include "domain/circle.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_record.hpp"
#include "domain/core_member.hpp"
#include "domain/hours.hpp"
#include "domain/screening.hpp"
#include "domain/volunteer.hpp"
#include "store/core_member_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::demo {
namespace {

using circles_data::DemoCircle;
using circles_data::PhaseStep;
using circles_story::CircleState;
using circles_story::Loader;
using circles_story::Morning;
using domain::CirclePhase;
using std::chrono::hours;

// Circles that closed within this many days are closed by LoadLateClosures, once the concerns
// raised about them while they were open are in.
constexpr int kLateClosureDays = 30;

// The services with the clock on the morning of the day `days_ago` before today.
Backdated At(const Loader& loader, int days_ago) {
  return Backdated(loader.services, Morning(loader.DaysAgo(days_ago)));
}

// The services with the clock `days` days of 24 hours before now.
Backdated Before(const Loader& loader, int days) {
  return Backdated(loader.services, loader.now - hours(24 * days));
}

// One volunteer the circles need, with a portal account: opened 520 days ago, moved to active over
// the following hundred days, fully screened fourteen months ago and supervised since.
Result<std::int64_t> AddExtraVolunteer(const Loader& loader,
                                       const circles_data::ExtraVolunteer& demo, std::size_t index,
                                       const app::volunteers::ProgramSetup& setup) {
  const auto& coordinator = loader.coordinator();
  std::string email = FoldForSearch(std::string(demo.first_name) + "." + demo.last_name);
  std::replace(email.begin(), email.end(), ' ', '-');
  email = VolunteerAddress(email, loader.organisation_id);
  // Each signs in to the portal with the address of the file.
  const auto account = TRY(CreateDemoAccount(Before(loader, 520).services(), loader.organisation_id,
                                             std::string(demo.first_name) + " " + demo.last_name,
                                             email, domain::Role::kVolunteer));
  const auto id = TRY(app::volunteers::CreateVolunteer(
      Before(loader, 520).services(), coordinator,
      {.first_name = demo.first_name,
       .last_name = demo.last_name,
       .email = email,
       .phone = "514-555-02" + std::to_string(10 + index),
       .region = demo.region,
       .languages = demo.languages,
       .availability = domain::Availability::Parse(demo.availability),
       .date_of_birth = FormatIsoDate(loader.DaysAgo(demo.age * 365 + 40)),
       .occupation = demo.occupation,
       .heard_about = domain::HeardAbout::kWordOfMouth,
       .gender = demo.gender,
       .user_id = account}));
  using enum domain::VolunteerStage;
  int when = 510;
  for (const auto step : {kOrientation, kTraining, kScreening, kApproved, kActive}) {
    TRY(app::volunteers::MoveStage(
        Before(loader, when).services(), coordinator,
        {.volunteer_id = id, .to = step, .reason = "Étape franchie (démo)."}));
    when -= 25;
  }
  const CivilDate checked = loader.DaysAgo(420);
  const auto& types = setup.screening_types;
  for (std::size_t type = 0; type < types.size(); ++type) {
    app::volunteers::RecordScreeningCommand item{
        .volunteer_id = id,
        .type_id = types[type].id,
        .completed_on = AddDays(checked, static_cast<int>(type)),
        .result = domain::ScreeningResult::kPassed};
    TRY(app::volunteers::RecordScreening(loader.services, coordinator, item));
    // Two references, as the program asks.
    if (type == 1) {
      item.completed_on = AddDays(item.completed_on, 1);
      TRY(app::volunteers::RecordScreening(loader.services, coordinator, item));
    }
  }
  // Supervised by the coordination every few months, the latest a few weeks ago.
  for (const int ago : {200, 110, 20 + static_cast<int>(index) * 3}) {
    TRY(app::volunteers::AddSupervision(
        At(loader, ago).services(), coordinator,
        {.volunteer_id = id,
         .held_on = loader.DaysAgo(ago),
         .notes = "Point sur l'engagement dans les cercles (démo)."}));
  }
  return id;
}

// The volunteers the circles need beyond the volunteers' demo, screened and trained a year ago,
// the program's rule that a volunteer may serve in two circles at once, and the organisation's
// covenant template that every demo circle starts from.
Status AddExtraVolunteers(const Loader& loader) {
  const auto& admin = loader.actors.admin;
  if (!admin) return Error::Invalid(N_("The demo organisation lacks one of its accounts."));
  TRY(app::admin::SaveSettings(
      loader.services, *admin,
      {.values = {{domain::SettingKey::kVolunteerCirclesPerVolunteer, 2}}}));
  TRY(app::circles::SaveCovenantTemplate(At(loader, 700).services(), *admin,
                                         circles_data::kCovenant));
  const auto setup = app::volunteers::LoadProgramSetup(loader.services, loader.coordinator());
  if (setup.screening_types.size() < 5 || setup.training_modules.empty()) {
    return Error::Invalid(N_("The demo set-up is incomplete."));
  }
  std::vector<std::pair<std::int64_t, int>> present;
  for (const auto& demo : circles_data::ExtraVolunteers()) {
    present.emplace_back(TRY(AddExtraVolunteer(loader, demo, present.size(), setup)), 180);
  }
  // Their basic training: a cohort of five three-hour sessions, fourteen months ago.
  for (int i = 0; i < 5; ++i) {
    const auto session =
        TRY(app::volunteers::CreateTrainingSession(loader.services, loader.coordinator(),
                                                   {.module_id = setup.training_modules.front().id,
                                                    .held_on = loader.DaysAgo(440 - 7 * i),
                                                    .duration_minutes = 180,
                                                    .title = "Cohorte du printemps (démo)"}));
    TRY(app::volunteers::SaveAttendance(loader.services, loader.coordinator(),
                                        {.session_id = session, .attendance = present}));
  }
  return {};
}

// Everyone by name: the volunteers and the core members' files. Reading them is no workflow: the
// demo only needs their ids.
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

// The opening of `circle` on its day (app::circles::Open).
Status OpenCircle(const app::Services& services, const Loader& loader, CircleState& circle) {
  const DemoCircle& demo = *circle.demo;
  const auto file = loader.files.find(demo.core_member);
  if (file == loader.files.end()) return Error::Invalid(N_("The demo core members are missing."));
  circle.id = TRY(app::circles::Open(services, loader.coordinator(),
                                     {.core_member_id = file->second.id, .details = demo.details}));
  circle.code_name =
      TRY(app::circles::LoadManagedCircle(services, loader.coordinator(), circle.id)).code_name;
  return {};
}

// The volunteers of `circle` joining it on the day the clock stands on (app::circles::Join,
// through the volunteer gate), the primary first.
Status JoinAll(const app::Services& services, const Loader& loader, const CircleState& circle) {
  for (std::size_t i = 0; i < circle.volunteer_ids.size(); ++i) {
    TRY(app::circles::Join(
        services, loader.coordinator(),
        {.circle_id = circle.id, .volunteer_id = circle.volunteer_ids[i], .primary = i == 0}));
  }
  return {};
}

// The core member and every volunteer sign the circle's current covenant version on the day the
// clock stands on.
Status SignAll(const app::Services& services, const Loader& loader, const CircleState& circle) {
  app::circles::SignCovenantCommand signature{.circle_id = circle.id,
                                              .signatory = domain::Signatory::kCoreMember,
                                              .signed_on = services.Today()};
  TRY(app::circles::SignCovenant(services, loader.coordinator(), signature));
  signature.signatory = domain::Signatory::kVolunteer;
  for (const auto id : circle.volunteer_ids) {
    signature.volunteer_id = id;
    TRY(app::circles::SignCovenant(services, loader.coordinator(), signature));
  }
  return {};
}

// The phase change to `step` on its day (app::circles::ChangePhase), with `body` as the amended
// covenant after the first start, or the closure (app::circles::Close).
Status ChangePhase(const app::Services& services, const Loader& loader, const CircleState& circle,
                   const PhaseStep& step, const std::string& body) {
  if (step.phase == CirclePhase::kClosed) {
    TRY(app::circles::Close(services, loader.coordinator(),
                            {.circle_id = circle.id,
                             .reason = circle.demo->closure,
                             .closed_on = services.Today(),
                             .note = circle.demo->closing_note}));
    return {};
  }
  TRY(app::circles::ChangePhase(services, loader.coordinator(),
                                {.circle_id = circle.id,
                                 .to = step.phase,
                                 .decided_on = services.Today(),
                                 .reason = step.reason,
                                 .covenant_body = body}));
  return {};
}

// The story of `circle` after its opening: its volunteers join the next day, everyone signs the
// first version two days after the opening (but in a circle still forming), each later change
// amends the covenant with the new phase's clause and is signed within three days, and the closure
// ends it (a recent one is left to LoadLateClosures).
void AddPhases(const Loader& loader, Timeline& timeline,
               const std::shared_ptr<CircleState>& circle) {
  const DemoCircle& demo = *circle->demo;
  const Loader* from = &loader;
  const auto sign_all = [from, circle](const app::Services& services) {
    return SignAll(services, *from, *circle);
  };
  timeline.Add(
      Morning(loader.DaysAgo(demo.opened_days_ago - 1)),
      [from, circle](const app::Services& services) { return JoinAll(services, *from, *circle); });
  if (demo.phases.empty()) return;
  timeline.Add(Morning(loader.DaysAgo(demo.opened_days_ago - 2)), sign_all);
  std::string body = circles_data::kCovenant;
  bool first_start = true;
  for (const auto& step : demo.phases) {
    if (step.phase == CirclePhase::kClosed && step.days_ago < kLateClosureDays) break;
    if (!first_start) body += std::string("\n\n") + circles_data::PhaseClause(step.phase);
    timeline.Add(Morning(loader.DaysAgo(step.days_ago)),
                 [from, circle, step,
                  amended = first_start ? std::string() : body](const app::Services& services) {
                   return ChangePhase(services, *from, *circle, step, amended);
                 });
    if (step.phase == CirclePhase::kClosed) break;
    if (!first_start) {
      timeline.Add(Morning(loader.DaysAgo(std::max(step.days_ago - 3, 0))), sign_all);
    }
    first_start = false;
  }
}

// The reviews and renewal decisions of `circle`, each on its day (app::circles::RecordReview).
void AddReviews(const Loader& loader, Timeline& timeline,
                const std::shared_ptr<CircleState>& circle) {
  const Loader* from = &loader;
  for (const auto& review : circle->demo->reviews) {
    timeline.Add(
        Morning(loader.DaysAgo(review.days_ago)),
        [from, circle, review](const app::Services& services) -> Status {
          TRY(app::circles::RecordReview(
              services, from->coordinator(),
              {.circle_id = circle->id,
               .kind = review.kind,
               .held_on = services.Today(),
               .participants = "La coordination, le membre principal et les bénévoles du cercle",
               .outcome = review.outcome,
               .decisions = review.decisions,
               .renewal = review.renewal}));
          return {};
        });
  }
}

// One venue of the demo register: every circle's meeting place, and a few the circles do not use
// (a library where children are present, a café inside a demo exclusion zone) so that the register
// and the checks show them.
struct DemoVenue {
  const char* name;
  domain::VenueKind kind;
  bool children_present = false;
  bool public_place = true;
  bool accessible = true;
  const char* exclusion_zones = "";
  const char* notes = "";
};

const std::vector<DemoVenue>& DemoVenues() {
  using enum domain::VenueKind;
  static const std::vector<DemoVenue> venues = {
      {"Salle communautaire du quartier (démo)", kCommunityCentre},
      {"Bibliothèque de quartier, salle 2 (démo)", kLibrary, false, true, true, "",
       "Salle fermée, à l'étage des adultes (démo)."},
      {"Local de l'organisme (démo)", kOffice, false, false},
      {"Café du parc (démo)", kCafe, false, true, false},
      {"Local de l'organisme, Longueuil (démo)", kOffice, false, false},
      {"Maison de transition, salle commune (démo)", kResidence, false, false},
      {"Établissement, parloir (démo)", kOther, false, false},
      {"Bibliothèque municipale (salle B) (démo)", kLibrary, true, true, true, "",
       "Heure du conte le samedi matin : des enfants sont présents (démo)."},
      {"Café du Quartier (démo)", kCafe, false, true, false, "Parc du Modèle (démo)"},
  };
  return venues;
}

// The organisation's register of meeting places, kept by the coordination from the start.
Status AddVenues(Loader& loader) {
  for (const auto& demo : DemoVenues()) {
    app::circles::VenueCommand command;
    command.venue = {.name = demo.name,
                     .kind = demo.kind,
                     .children_present = demo.children_present,
                     .public_place = demo.public_place,
                     .accessible = demo.accessible,
                     .exclusion_zones = demo.exclusion_zones,
                     .notes = demo.notes};
    loader.venue_ids[demo.name] =
        TRY(app::circles::CreateVenue(At(loader, 700).services(), loader.coordinator(), command));
  }
  return {};
}

// Every circle's story: its opening, then the rest replayed as one timeline in date order: the
// volunteers joining, the phase changes with their covenant amendments and signatures, the meetings
// with their minutes, the contacts, the reviews and the closure.
Status ReplayCircles(Loader& loader) {
  Timeline timeline;
  std::vector<std::shared_ptr<CircleState>> circles;
  for (const auto& demo : circles_data::Circles()) {
    auto circle = std::make_shared<CircleState>();
    circle->demo = &demo;
    for (const auto* name : demo.members) {
      const auto volunteer = loader.by_name.find(name);
      if (volunteer == loader.by_name.end()) {
        return Error::Invalid(N_("The demo volunteers are missing."));
      }
      circle->volunteer_ids.push_back(volunteer->second.id);
    }
    // Each circle opens on its day, but in the table's order: a circle's code name is the next free
    // letter when it opens, and the table gives the circles their names (Cercle A for Marcel's…),
    // which the story's opening days do not follow.
    TRY(OpenCircle(At(loader, demo.opened_days_ago).services(), loader, *circle));
    AddPhases(loader, timeline, circle);
    circles_story::AddMeetings(loader, timeline, circle);
    circles_story::AddContacts(loader, timeline, circle);
    AddReviews(loader, timeline, circle);
    circles.push_back(circle);
  }
  TRY(timeline.Replay(loader.services));
  for (const auto& circle : circles) loader.circle_ids[circle->demo->core_member] = circle->id;
  return {};
}

// The contacts' hours older than two weeks approved by the coordination (the recent ones wait),
// and the core members' files that follow their circles beyond what the phase changes moved.
Status FollowUp(const Loader& loader) {
  const auto& coordinator = loader.coordinator();
  const auto page = TRY(app::volunteers::LoadHoursPage(
      loader.services, coordinator, {.pending_page = {.page = 1, .size = 100000}}));
  for (const auto& entry : page.pending) {
    if (entry.kind == domain::HoursKind::kCircleContact && entry.worked_on < loader.DaysAgo(14)) {
      TRY(app::volunteers::ReviewHours(
          loader.services, coordinator,
          {.entry_id = entry.id, .decision = domain::HoursStatus::kApproved}));
    }
  }
  // Lucien's and Octave's files follow their circles (Bernard's and Armand's moved to "in a circle"
  // when their circles started).
  using enum domain::CoreMemberStatus;
  // A move the file has made already, or that its status no longer allows, is skipped.
  const auto move = [&](const char* name, domain::CoreMemberStatus to, const char* reason,
                        int ago) -> Status {
    const auto at = At(loader, ago);
    const std::int64_t id = loader.files.at(name).id;
    const auto form = TRY(app::intake::LoadCoreMemberForm(at.services(), coordinator, id,
                                                          app::intake::Viewing::kNotRecorded));
    const auto moves = domain::AllowedCoreMemberMoves(form.member.status);
    if (std::find(moves.begin(), moves.end(), to) == moves.end()) return {};
    return app::intake::MoveCoreMember(at.services(), coordinator,
                                       {.core_member_id = id, .to = to, .reason = reason});
  };
  TRY(move("Lucien Imaginaire", kWaitingForCircle, "Accepté; un cercle se forme.", 44));
  TRY(move("Lucien Imaginaire", kInCircle, "Cercle G commencé avant la libération.", 30));
  return move("Octave Semblant", kWaitingForCircle, "Accepté; un cercle se forme.", 5);
}

// The outer circle: the partner contacts (the demo partner's account among them) and their
// information-sharing agreements, each attached on the day it started and ended the day after its
// last day in force.
Status AddPartners(const Loader& loader) {
  const auto& coordinator = loader.coordinator();
  std::map<std::string, std::int64_t> contacts;
  for (const auto& partner : circles_data::Partners()) {
    contacts[partner.name] = TRY(
        app::circles::CreatePartner(loader.services, coordinator,
                                    {.kind = partner.kind,
                                     .name = partner.name,
                                     .partner_organisation = partner.organisation,
                                     .role_title = partner.role,
                                     .phone = "514-555-0199",
                                     .email = partner.email,
                                     .user_id = partner.demo_account && loader.actors.partner
                                                    ? std::optional(loader.actors.partner->user_id)
                                                    : std::nullopt}));
  }
  for (const auto& agreement : circles_data::Agreements()) {
    const auto id = TRY(
        app::circles::AttachPartner(At(loader, agreement.starts_days_ago).services(), coordinator,
                                    {.circle_id = loader.circle_ids.at(agreement.core_member),
                                     .contact_id = contacts.at(agreement.partner),
                                     .starts_on = loader.DaysAgo(agreement.starts_days_ago),
                                     .scope = agreement.scope}));
    if (agreement.ends_days_ago) {
      TRY(app::circles::EndAgreement(At(loader, *agreement.ends_days_ago - 1).services(),
                                     coordinator, id));
    }
  }
  return {};
}

// What volunteers declared about serving: Fernand's conflict with Ben, his former neighbour, and
// the offence profiles Capucine and Anatole decline.
Status AddPreferences(const Loader& loader) {
  const auto& coordinator = loader.coordinator();
  TRY(app::circles::SavePreferences(loader.services, coordinator,
                                    {.volunteer_id = loader.by_name.at("Fernand Factice").id,
                                     .core_member_id = loader.files.at("Bernard Bidon").id,
                                     .note = "Ancien voisin de Ben à Longueuil."}));
  TRY(app::circles::SavePreferences(loader.services, coordinator,
                                    {.volunteer_id = loader.by_name.at("Capucine Échantillon").id,
                                     .declined = {domain::OffenceProfile::kChildVictims}}));
  TRY(app::circles::SavePreferences(loader.services, coordinator,
                                    {.volunteer_id = loader.by_name.at("Anatole Ébauche").id,
                                     .declined = {domain::OffenceProfile::kOnline}}));
  return {};
}

// The loader of organisation `organisation_id`, dated from the services' clock, with its accounts.
Result<Loader> LoaderOf(const app::Services& services, std::int64_t organisation_id) {
  const Instant now = services.clock.Now();
  return Loader{.services = services,
                .organisation_id = organisation_id,
                .now = now,
                .today = services.Today(),
                .actors = TRY(FindActors(services, organisation_id))};
}

}  // namespace

Result<CircleIds> LoadCircles(const app::Services& services, std::int64_t organisation_id) {
  auto loader = TRY(LoaderOf(services, organisation_id));
  TRY(AddExtraVolunteers(loader));
  loader.actors = TRY(FindActors(services, organisation_id));  // with the new volunteers' accounts
  ReadNames(loader);
  TRY(AddVenues(loader));
  TRY(ReplayCircles(loader));
  TRY(FollowUp(loader));
  TRY(AddPartners(loader));
  TRY(AddPreferences(loader));
  return loader.circle_ids;
}

Status LoadLateClosures(const app::Services& services, std::int64_t organisation_id,
                        const CircleIds& circles) {
  auto loader = TRY(LoaderOf(services, organisation_id));
  ReadNames(loader);
  for (const auto& demo : circles_data::Circles()) {
    if (demo.phases.empty()) continue;
    const auto& last = demo.phases.back();
    if (last.phase != CirclePhase::kClosed || last.days_ago >= kLateClosureDays) continue;
    CircleState circle{.demo = &demo, .id = circles.at(demo.core_member)};
    const auto at = At(loader, last.days_ago);
    TRY(ChangePhase(at.services(), loader, circle, last, ""));
    if (!demo.file_closure) continue;
    // The file closes after the circle, which left it "between circles".
    TRY(app::intake::MoveCoreMember(at.services(), loader.coordinator(),
                                    {.core_member_id = loader.files.at(demo.core_member).id,
                                     .to = domain::CoreMemberStatus::kClosed,
                                     .reason = demo.file_closure}));
  }
  return {};
}

}  // namespace cercle::demo
