#include "demo/history_demo.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "base/folding.hpp"
#include "demo/circles_demo_data.hpp"
#include "demo/circles_demo_story.hpp"
#include "demo/demo_actors.hpp"
#include "domain/circle.hpp"
#include "domain/circle_contacts.hpp"
#include "domain/circle_covenant.hpp"
#include "domain/circle_meetings.hpp"
#include "domain/circle_record.hpp"
#include "domain/circle_reviews.hpp"
#include "domain/concern.hpp"
#include "domain/core_member.hpp"
#include "domain/outcomes.hpp"
#include "domain/volunteer.hpp"
#include "store/circle_contact_store.hpp"
#include "store/circle_review_store.hpp"
#include "store/circle_store.hpp"
#include "store/concern_store.hpp"
#include "store/core_member_store.hpp"
#include "store/meeting_store.hpp"
#include "store/outcome_store.hpp"
#include "store/user_store.hpp"
#include "store/venue_store.hpp"
#include "store/volunteer_store.hpp"

// Why the history is written through the stores and not replayed through the app:: workflows as
// the rest of the demo is: ten years hold about 600 circles, 28,000 meetings and minutes, 90,000
// hours entries and 30,000 contacts, some 150,000 workflow steps (planning, submitting,
// acknowledging, logging, approving…). One transaction per step, each with its policy checks, its
// reads of the circle and its audit entry, costs the demo loader about 5 ms on SQLite (its 1,800
// steps take about 10 s): over ten minutes for the history, against the three the benchmarks can
// wait. Here each circle's whole year is one transaction of the very store calls the workflows
// make, with the values they would give them (the same columns, states and texts), dated on the
// day each step happened; only the audit entries are left out, as the history is no one's action
// in this database.
namespace cercle::demo {
namespace {

using circles_story::Evening;
using circles_story::Morning;
using domain::CirclePhase;
using domain::CoreMemberStatus;
using domain::VolunteerStage;
constexpr auto kFrench = i18n::Language::kFrench;

// Invented first names and surnames, in the demo's style (surnames that say they are made up).
constexpr std::array kMenFirstNames = {
    "Aimé",    "Albéric",  "Ambroise", "Anatole",  "Anselme",  "Aristide", "Arsène",   "Augustin",
    "Barnabé", "Basile",   "Blaise",   "Célestin", "Clovis",   "Corentin", "Désiré",   "Edmond",
    "Eudes",   "Eusèbe",   "Évariste", "Firmin",   "Fulbert",  "Gaspard",  "Gédéon",   "Hilaire",
    "Honoré",  "Ignace",   "Isidore",  "Joachim",  "Léandre",  "Léonce",   "Marius",   "Médard",
    "Nestor",  "Odilon",   "Onésime",  "Pacôme",   "Philémon", "Prosper",  "Rodolphe", "Séraphin",
    "Sixte",   "Tancrède", "Ulysse",   "Valère",   "Victorin", "Zénon",    "Achille",  "Baptiste"};
constexpr std::array kWomenFirstNames = {
    "Agathe",    "Albane",   "Apolline", "Armelle",    "Bérénice",   "Blanche", "Capucine",
    "Clémence",  "Colombe",  "Delphine", "Éliane",     "Eugénie",    "Félicie", "Flavie",
    "Gisèle",    "Hortense", "Iris",     "Jacinthe",   "Léonie",     "Lucille", "Mahaut",
    "Mélisande", "Nine",     "Ombeline", "Pétronille", "Philippine", "Rosalie", "Salomé",
    "Sidonie",   "Suzon",    "Victoire", "Yolande"};
constexpr std::array kSurnames = {
    "Maquette",   "Ébauche",   "Esquisse",   "Croquis",     "Simulacre",   "Factice",  "Postiche",
    "Mirage",     "Fantaisie", "Songe",      "Fable",       "Conte",       "Leurre",   "Illusion",
    "Pastiche",   "Parodie",   "Calque",     "Reflet",      "Échantillon", "Spécimen", "Gabarit",
    "Ersatz",     "Substitut", "Doublure",   "Figurant",    "Masque",      "Fantôme",  "Rêverie",
    "Utopie",     "Invention", "Fiction",    "Scénario",    "Canevas",     "Aperçu",   "Schéma",
    "Virtuel",    "Postulat",  "Conjecture", "Supposition", "Mensonge",    "Façade",   "Trompe",
    "Chimérique", "Fabulé",    "Inventé",    "Présumé",     "Allégué",     "Feint",    "Simulé"};
constexpr std::array kRegions = {"Montréal — Rosemont", "Laval", "Longueuil", "Montréal — Plateau"};
constexpr std::array kOccupations = {"Retraitée de l'enseignement", "Infirmier",
                                     "Travailleuse sociale",        "Comptable",
                                     "Étudiant en criminologie",    "Pasteur à la retraite"};
constexpr const char* kParticipants =
    "La coordination, le membre principal et les bénévoles du cercle";

// A circle's year: opened in January, started two weeks later, weekly after six weeks of
// intensive support, closed 45 weeks after it started (before Christmas).
constexpr int kStartAfterDays = 14;
constexpr int kIntensiveDays = 42;
constexpr int kWeeksOfMeetings = 45;
constexpr int kContactEveryDays = 6;
// The number of a year's first history file.
constexpr int kFirstFileNumber = 101;
// One circle in this many raises a concern during its year.
constexpr int kConcernEvery = 12;

// What every step of the history shares: the organisation, its coordinators and venues, the
// password hash of the demo accounts, and the pool of volunteers so far.
struct History {
  const app::Services& services;
  std::int64_t organisation_id = 0;
  std::array<std::int64_t, 2> coordinators{};  // the demo's coordinator and intake coordinator
  std::vector<domain::Venue> venues;
  std::string password_hash;
  struct Member {
    std::int64_t volunteer_id = 0;
    std::int64_t user_id = 0;
  };
  std::vector<Member> pool;
  std::size_t turn = 0;  // rotates the invented texts
  int circles_so_far = 0;
  int slot = 0;  // the pool's next place for a circle's volunteers

  store::Scope scope() const { return store::Scope::Organisation(organisation_id); }
};

// One circle of the history: its dates, its people and what it gets as it is written.
struct HistoryCircle {
  int year = 0;
  int index = 0;
  CivilDate opened{};
  CivilDate started{};
  CivilDate closed{};
  std::int64_t coordinator = 0;
  std::vector<History::Member> members;  // the primary first
  domain::CoreMember core_member;
  domain::Circle circle;
  const domain::Venue* venue = nullptr;
  std::vector<std::int64_t> meeting_ids;
};

// "Firstname Surname" of the `index`-th invented person of a list of first names.
template <std::size_t N>
std::string InventedName(const std::array<const char*, N>& first_names, int index) {
  const auto first = static_cast<std::size_t>(index) % N;
  const auto last = (static_cast<std::size_t>(index) * 7 + static_cast<std::size_t>(index) / N) %
                    kSurnames.size();
  return std::string(first_names[first]) + " " + kSurnames[last];
}

// The size of the volunteer pool in history year `year`: enough for every circle of a year with
// two circles at most per volunteer, growing every year.
int PoolSize(int circles_per_year, int year) {
  return (circles_per_year * 5 + 2) / 3 + year * ((circles_per_year * 3 + 7) / 8);
}

// Reads what the history needs of the demo as loaded: its coordinators, its venues and the demo
// accounts' password hash (hashing the demo password once per account would take longer than
// the rest of the history).
Result<History> Prepare(const app::Services& services, std::int64_t organisation_id) {
  const auto actors = TRY(FindActors(services, organisation_id));
  History history{.services = services, .organisation_id = organisation_id};
  history.coordinators = {actors.coordinator.user_id,
                          actors.intake ? actors.intake->user_id : actors.coordinator.user_id};
  services.database.Read(history.scope(), [&](soci::session& session) {
    // The venues where children are not usually present, as the circles' profiles vary; all
    // of them if none.
    auto venues = store::VenueStore(session).List(organisation_id, store::IncludeArchived::kNo);
    for (const auto& venue : venues) {
      if (!venue.children_present) history.venues.push_back(venue);
    }
    if (history.venues.empty()) history.venues = std::move(venues);
    const auto user = store::UserStore(session).Find(actors.coordinator.user_id, organisation_id);
    if (user) history.password_hash = user->password_hash;
  });
  if (history.venues.empty() || history.password_hash.empty()) {
    return Error::Invalid(N_("The demo set-up is incomplete."));
  }
  return history;
}

// Adds the volunteers who join the pool for `year` (starting on `first`): each with his portal
// account and his file, moved from inquiry to active over the preceding weeks.
Status AddVolunteers(History& history, int year, CivilDate first, int count) {
  return history.services.database.Write(history.scope(), [&](soci::session& session) -> Status {
    store::UserStore users(session);
    store::VolunteerStore volunteers(session);
    for (int i = 0; i < count; ++i) {
      const int number = static_cast<int>(history.pool.size()) + 1;
      const bool woman = number % 2 == 0;
      const std::string name = woman ? InventedName(kWomenFirstNames, number / 2 + year)
                                     : InventedName(kMenFirstNames, number / 2 + year * 3);
      std::string email = FoldForSearch(name);
      std::replace(email.begin(), email.end(), ' ', '.');
      email += "." + std::to_string(number) + "@courriel.example";
      Instant at = Morning(AddDays(first, -40));
      const auto user_id = users.Insert({.organisation_id = history.organisation_id,
                                         .email = email,
                                         .display_name = name,
                                         .password_hash = history.password_hash,
                                         .roles = {domain::Role::kVolunteer}},
                                        at);
      domain::Volunteer volunteer;
      volunteer.organisation_id = history.organisation_id;
      volunteer.user_id = user_id;
      volunteer.first_name = name.substr(0, name.find(' '));
      volunteer.last_name = name.substr(name.find(' ') + 1);
      volunteer.email = email;
      volunteer.phone = "514-555-" + std::to_string(7000 + number);
      volunteer.region = kRegions[static_cast<std::size_t>(number) % kRegions.size()];
      volunteer.languages = number % 5 == 0 ? "fr, en" : "fr";
      volunteer.availability = domain::Availability::Parse("tue-evening,thu-evening");
      volunteer.date_of_birth = AddDays(first, -365 * (25 + number % 40) - number % 300);
      volunteer.occupation = kOccupations[static_cast<std::size_t>(number) % kOccupations.size()];
      volunteer.heard_about = domain::HeardAbout::kWordOfMouth;
      volunteer.gender = woman ? "Femme" : "Homme";
      volunteer.stage = VolunteerStage::kInquiry;
      volunteer.stage_changed_at = volunteer.created_at = volunteer.updated_at = at;
      const auto id = volunteers.Insert(volunteer, history.coordinators[0], at);
      VolunteerStage from = VolunteerStage::kInquiry;
      for (const auto to :
           {VolunteerStage::kOrientation, VolunteerStage::kTraining, VolunteerStage::kScreening,
            VolunteerStage::kApproved, VolunteerStage::kActive}) {
        at += std::chrono::days(6);
        volunteers.MoveStage(id, history.organisation_id, from, to, "Étape franchie (démo).",
                             history.coordinators[0], at);
        from = to;
      }
      history.pool.push_back({id, user_id});
    }
    return {};
  });
}

// Circle `index` of history year `year` (starting on `first`): its dates, coordinator, venue and
// volunteers, taken in turn from the pool (the pool's first `pool_size`).
HistoryCircle PlanCircle(History& history, int year, int index, CivilDate first, int pool_size) {
  HistoryCircle plan;
  plan.year = year;
  plan.index = index;
  plan.opened = AddDays(first, 2 + index % 28);
  plan.started = AddDays(plan.opened, kStartAfterDays);
  plan.closed = AddDays(plan.started, 7 * kWeeksOfMeetings);
  plan.coordinator = history.coordinators[static_cast<std::size_t>(index % 2)];
  plan.venue = &history.venues[static_cast<std::size_t>(index) % history.venues.size()];
  // Consecutive places of the pool, so that no volunteer serves in more than two circles at once.
  if (index == 0) history.slot = year * 37;
  const int size = 3 + (index + year) % 2;
  for (int i = 0; i < size; ++i, ++history.slot) {
    plan.members.push_back(history.pool[static_cast<std::size_t>(history.slot % pool_size)]);
  }
  return plan;
}

// The core member's file, opened from a referral three months before his circle, waiting for a
// circle from the month before.
void AddCoreMember(const History& history, soci::session& session, HistoryCircle& plan) {
  const int number = history.circles_so_far + 1;
  auto& file = plan.core_member;
  file.organisation_id = history.organisation_id;
  // The program's own numbering (CoreMemberStore::SuggestFileNumber), from 101 so that no
  // number of the demo's own files ("2022-017") is taken.
  char file_number[32];
  std::snprintf(file_number, sizeof file_number, "%d-%03d", static_cast<int>(plan.opened.year()),
                kFirstFileNumber + plan.index);
  file.file_number = file_number;
  file.legal_name = InventedName(kMenFirstNames, number * 5 + plan.year);
  file.birth_date = AddDays(plan.opened, -365 * (30 + number % 35) - number % 200);
  file.region = kRegions[static_cast<std::size_t>(number) % kRegions.size()];
  file.offence_summary = "Condamnation fictive (démo).";
  file.volunteer_summary = file.legal_name.substr(0, file.legal_name.find(' ')) +
                           " cherche à rebâtir une vie stable (démo).";
  file.coordinator_user_id = plan.coordinator;
  file.status = CoreMemberStatus::kCandidate;
  const Instant opened = Morning(AddDays(plan.opened, -90));
  file.created_at = file.updated_at = opened;
  store::CoreMemberStore files(session);
  file.id = files.Insert(file);
  files.RecordOpening(file, std::nullopt, "", plan.coordinator, opened);
  files.SetStatus(file, CoreMemberStatus::kWaitingForCircle, "", std::nullopt, plan.coordinator,
                  Morning(AddDays(plan.opened, -30)));
  file.status = CoreMemberStatus::kWaitingForCircle;
}

// Records a phase change of `plan`'s circle to `to` on `on` with `reason`; returns its id.
std::int64_t MovePhase(const History& history, soci::session& session, HistoryCircle& plan,
                       CirclePhase to, CivilDate on, const std::string& reason) {
  store::CircleStore circles(session);
  domain::Circle moved = plan.circle;
  moved.phase = to;
  moved.phase_since = on;
  if (!moved.started_on && domain::IsActivePhase(to)) moved.started_on = on;
  circles.MovePhase(moved, plan.circle.phase, Morning(on));
  domain::PhaseChange change;
  change.circle_id = plan.circle.id;
  change.from = plan.circle.phase;
  change.to = to;
  change.decided_on = on;
  change.reason = reason;
  change.decided_by = plan.coordinator;
  change.recorded_at = Morning(on);
  plan.circle = moved;
  return circles.InsertPhaseChange(change, history.organisation_id);
}

// Opens the circle with its first covenant, as app::circles::Open does, adds its volunteers the
// next day (the first as primary), and has everyone sign the covenant before it starts.
void OpenCircle(const History& history, soci::session& session, HistoryCircle& plan) {
  store::CircleStore circles(session);
  auto& circle = plan.circle;
  circle.organisation_id = history.organisation_id;
  circle.core_member_id = plan.core_member.id;
  char code_name[32];
  std::snprintf(code_name, sizeof code_name, "Cercle %d-%02d", static_cast<int>(plan.opened.year()),
                plan.index + 1);
  circle.code_name = code_name;
  circle.phase = CirclePhase::kForming;
  circle.phase_since = plan.opened;
  circle.offence_profile =
      domain::EnumValues<domain::OffenceProfile>()[static_cast<std::size_t>(plan.index % 4)];
  circle.meeting_times = domain::Availability::Parse("thu-evening");
  circle.meeting_place = plan.venue->name;
  circle.created_by = plan.coordinator;
  circle.created_at = circle.updated_at = Morning(plan.opened);
  circle.id = circles.Insert(circle);
  const auto& translator = history.services.translator;
  domain::PhaseChange opening;
  opening.circle_id = circle.id;
  opening.to = CirclePhase::kForming;
  opening.decided_on = plan.opened;
  opening.reason = translator.Translate(kFrench, N_("Circle opened."));
  opening.decided_by = plan.coordinator;
  opening.recorded_at = circle.created_at;
  circles.InsertPhaseChange(opening, history.organisation_id);
  domain::CovenantVersion covenant;
  covenant.organisation_id = history.organisation_id;
  covenant.circle_id = circle.id;
  covenant.body = circles.CovenantTemplate(history.organisation_id)
                      .value_or(translator.Translate(kFrench, domain::kDefaultCovenantTemplate));
  covenant.note =
      translator.Translate(kFrench, N_("First version, from the organisation's template."));
  covenant.created_by = plan.coordinator;
  covenant.created_at = circle.created_at;
  const auto version_id = circles.InsertCovenantVersion(covenant);
  const CivilDate joined = AddDays(plan.opened, 1);
  const CivilDate signed_on = AddDays(plan.started, -2);
  domain::CovenantSignature signature{.organisation_id = history.organisation_id,
                                      .version_id = version_id,
                                      .signed_on = signed_on,
                                      .recorded_by = plan.coordinator,
                                      .recorded_at = Morning(signed_on)};
  circles.InsertSignature(signature);
  for (const auto& member : plan.members) {
    domain::CircleMember stay{.organisation_id = history.organisation_id,
                              .circle_id = circle.id,
                              .volunteer_id = member.volunteer_id,
                              .joined_on = joined,
                              .added_by = plan.coordinator,
                              .added_at = Morning(joined)};
    const auto stay_id = circles.InsertMember(stay);
    if (&member == &plan.members.front()) {
      circles.SetPrimary(circle.id, history.organisation_id, stay_id);
    }
    signature.signatory = domain::Signatory::kVolunteer;
    signature.volunteer_id = member.volunteer_id;
    circles.InsertSignature(signature);
  }
}

// Starts the circle (the file follows: in a circle), and moves it to weekly meetings six weeks
// later with the covenant amended, as app::circles::ChangePhase does.
void StartCircle(const History& history, soci::session& session, HistoryCircle& plan) {
  const auto& translator = history.services.translator;
  MovePhase(history, session, plan, CirclePhase::kIntensive, plan.started, "Début du cercle.");
  store::CoreMemberStore(session).SetStatus(
      plan.core_member, CoreMemberStatus::kInCircle,
      translator.Format(kFrench, {N_("{circle} started."), {{"circle", plan.circle.code_name}}}),
      std::nullopt, plan.coordinator, Morning(plan.started));
  plan.core_member.status = CoreMemberStatus::kInCircle;
  const CivilDate weekly = AddDays(plan.started, kIntensiveDays);
  const auto change_id =
      MovePhase(history, session, plan, CirclePhase::kWeekly, weekly, "Rythme hebdomadaire.");
  store::CircleStore circles(session);
  domain::CovenantVersion amendment;
  amendment.organisation_id = history.organisation_id;
  amendment.circle_id = plan.circle.id;
  amendment.body = circles.CovenantVersions(plan.circle.id, history.organisation_id).back().body;
  amendment.note = translator.Format(
      kFrench, {N_("Phase change: {from} → {to}"),
                {{"from", translator.Translate(kFrench, domain::LabelOf(CirclePhase::kIntensive))},
                 {"to", translator.Translate(kFrench, domain::LabelOf(CirclePhase::kWeekly))}}});
  amendment.phase_change_id = change_id;
  amendment.created_by = plan.coordinator;
  amendment.created_at = Morning(weekly);
  circles.InsertCovenantVersion(amendment);
}

// The minutes of meeting `meeting` of `plan`, as its writer submits them the next morning (from
// the demo's invented texts, with now and then someone away): the store adds their attendance and
// its hours, approved, as app::circles::SubmitMinutes has it do.
domain::Minutes MinutesOf(const History& history, const HistoryCircle& plan,
                          const domain::Meeting& meeting, const History::Member& writer) {
  const std::size_t next = history.turn + 1;
  const auto text = circles_data::MinutesTextOf(next);
  domain::Minutes minutes;
  minutes.meeting_id = meeting.id;
  minutes.organisation_id = history.organisation_id;
  minutes.written_by_volunteer_id = writer.volunteer_id;
  minutes.written_by = writer.user_id;
  minutes.core_member_present = next % 11 != 5;
  minutes.duration_minutes = meeting.duration_minutes - 15 + static_cast<int>(next % 4) * 15;
  minutes.check_in = text.check_in;
  minutes.accountability = text.accountability;
  minutes.support = text.support;
  minutes.decisions = text.decisions;
  minutes.next_steps = text.next_steps;
  minutes.submitted_at = Morning(AddDays(history.services.translator.LocalDate(meeting.starts), 1));
  if (meeting.kind == domain::MeetingKind::kOneToOne) {
    minutes.present_volunteers = {writer.volunteer_id};
    return minutes;
  }
  for (std::size_t i = 0; i < plan.members.size(); ++i) {
    const auto id = plan.members[i].volunteer_id;
    if (id != writer.volunteer_id && (next + i) % 9 == 0) continue;
    minutes.present_volunteers.push_back(id);
  }
  return minutes;
}

// The weekly meetings of the circle from its start to its closure (the last one a closing
// meeting, one in seven one-to-one), each planned two weeks ahead by the coordinator, its minutes
// submitted the next day by a volunteer and acknowledged two days later.
void AddMeetings(History& history, soci::session& session, HistoryCircle& plan) {
  store::MeetingStore meetings(session);
  for (int week = 0; week <= kWeeksOfMeetings; ++week) {
    const CivilDate day = AddDays(plan.started, 7 * week);
    const std::size_t turn = history.turn;
    domain::Meeting meeting;
    meeting.organisation_id = history.organisation_id;
    meeting.circle_id = plan.circle.id;
    meeting.kind = week == kWeeksOfMeetings ? domain::MeetingKind::kClosure
                   : turn % 7 == 6          ? domain::MeetingKind::kOneToOne
                                            : domain::MeetingKind::kGroup;
    meeting.starts = Evening(day);
    meeting.duration_minutes = meeting.kind == domain::MeetingKind::kOneToOne ? 60 : 120;
    meeting.place = plan.venue->name;
    meeting.venue_id = plan.venue->id;
    const auto& writer = plan.members[turn % plan.members.size()];
    meeting.writer_volunteer_id = writer.volunteer_id;
    meeting.created_by = plan.coordinator;
    meeting.created_at = Morning(AddDays(day, -14));
    meeting.id = meetings.Insert(meeting);
    plan.meeting_ids.push_back(meeting.id);
    meetings.InsertMinutes(MinutesOf(history, plan, meeting, writer), day, plan.circle.code_name);
    meetings.Acknowledge(meeting.id, history.organisation_id, plan.coordinator,
                         circles_data::CommentOf(turn + 1), Morning(AddDays(day, 3)));
    ++history.turn;
  }
}

// The contacts between meetings, every few days, each logged by its volunteer that day; their
// hours are approved by the coordinator two days later.
void AddContacts(const History& history, soci::session& session, const HistoryCircle& plan) {
  store::CircleContactStore contacts(session);
  const auto& kinds = domain::EnumValues<domain::ContactKind>();
  const int days = DaysBetween(plan.started, plan.closed);
  for (int day = 3; day < days; day += kContactEveryDays) {
    const auto index = static_cast<std::size_t>(day + plan.index);
    const auto& member = plan.members[index % plan.members.size()];
    domain::CircleContact contact;
    contact.organisation_id = history.organisation_id;
    contact.circle_id = plan.circle.id;
    contact.volunteer_id = member.volunteer_id;
    contact.contacted_on = AddDays(plan.started, day);
    contact.kind = kinds[index % kinds.size()];
    contact.duration_minutes = 15 + static_cast<int>(index % 6) * 15;
    contact.note = circles_data::ContactNoteOf(index);
    contact.logged_by = member.user_id;
    contact.logged_at = Morning(contact.contacted_on);
    contacts.Insert(contact, plan.circle.code_name);
  }
  // One statement for the circle's approvals, which app::volunteers::ReviewHours makes one by
  // one: the same columns, the coordinator two days after each was logged.
  constexpr const char* kApproveContactHours = R"sql(
    UPDATE volunteer_hours
    SET status = 'approved', reviewed_by = :by, reviewed_at = logged_at + 172800
    WHERE organisation_id = :organisation AND status = 'pending' AND contact_id IN
      (SELECT id FROM circle_contacts WHERE organisation_id = :contact_organisation
       AND circle_id = :circle)
  )sql";
  std::int64_t by = plan.coordinator;
  std::int64_t organisation = history.organisation_id;
  std::int64_t circle = plan.circle.id;
  session << kApproveContactHours, soci::use(by, "by"), soci::use(organisation, "organisation"),
      soci::use(organisation, "contact_organisation"), soci::use(circle, "circle");
}

// Two reviews, at three and six months, and the renewal decision that the circle closes.
void AddReviews(const History& history, soci::session& session, const HistoryCircle& plan) {
  struct Step {
    int days;
    domain::ReviewKind kind;
    const char* outcome;
    const char* decisions;
  };
  constexpr std::array kSteps = {
      Step{90, domain::ReviewKind::kReview, "Bon départ; le lien de confiance s'installe.",
           "Continuer au même rythme."},
      Step{180, domain::ReviewKind::kReview, "Stable. Les objectifs avancent.",
           "Continuer; préparer la suite avec le membre principal."},
      Step{280, domain::ReviewKind::kRenewal, "Les buts du cercle sont atteints.",
           "Fermeture du cercle en fin d'année."}};
  store::CircleReviewStore reviews(session);
  for (const auto& step : kSteps) {
    domain::CircleReview review;
    review.organisation_id = history.organisation_id;
    review.circle_id = plan.circle.id;
    review.kind = step.kind;
    review.held_on = AddDays(plan.started, step.days);
    review.participants = kParticipants;
    review.outcome = step.outcome;
    review.decisions = step.decisions;
    if (step.kind == domain::ReviewKind::kRenewal)
      review.renewal = domain::RenewalDecision::kClosing;
    review.recorded_by = plan.coordinator;
    review.recorded_at = Morning(review.held_on);
    reviews.Insert(review);
  }
}

// A concern raised by the writer of the minutes of a meeting in the middle of the year, the
// morning after it: acknowledged (within two hours when urgent, the next day otherwise), worked
// on with a talk, answered and closed two weeks later, as app::concerns has them move.
void AddConcern(const History& history, soci::session& session, const HistoryCircle& plan) {
  constexpr std::array kCategories = {
      domain::ConcernCategory::kLossOfSupports, domain::ConcernCategory::kEmotionalCollapse,
      domain::ConcernCategory::kSubstanceAbuse, domain::ConcernCategory::kHostility,
      domain::ConcernCategory::kConditionBreach};
  const int number = plan.year * 7 + plan.index / kConcernEvery;
  const bool urgent = number % 2 == 0;
  const int week = 10 + (plan.index + plan.year) % 25;
  const CivilDate day = AddDays(plan.started, 7 * week);
  const auto& writer = plan.members[static_cast<std::size_t>(week) % plan.members.size()];
  domain::Concern concern;
  concern.organisation_id = history.organisation_id;
  concern.circle_id = plan.circle.id;
  concern.meeting_id = plan.meeting_ids[static_cast<std::size_t>(week)];
  concern.category = kCategories[static_cast<std::size_t>(number) % kCategories.size()];
  concern.severity = urgent ? domain::Severity::kUrgent : domain::Severity::kConcern;
  concern.observed = urgent ? "Il a dit à la rencontre ne plus voir de raison de continuer et "
                              "a quitté avant la fin (démo)."
                            : "Il semble s'isoler depuis quelques semaines et manque des "
                              "rendez-vous (démo).";
  concern.observed_at = Evening(day);
  concern.already_done = "Appel le soir même pour vérifier qu'il allait bien.";
  concern.raised_by = writer.user_id;
  concern.raised_by_volunteer = writer.volunteer_id;
  concern.raised_at = concern.updated_at = Morning(AddDays(day, 1));
  store::ConcernStore concerns(session);
  const auto id = concerns.Insert(concern);
  const Instant acknowledged = concern.raised_at + std::chrono::hours(urgent ? 2 : 24);
  concerns.Acknowledge(id, history.organisation_id, plan.coordinator, acknowledged);
  concerns.Start(id, history.organisation_id, acknowledged + std::chrono::hours(1));
  concerns.InsertAction({.organisation_id = history.organisation_id,
                         .concern_id = id,
                         .kind = domain::ActionKind::kTalkWithCoreMember,
                         .note = "Rencontre individuelle avec la coordination (démo).",
                         .taken_at = acknowledged + std::chrono::hours(24),
                         .recorded_by = plan.coordinator,
                         .recorded_at = acknowledged + std::chrono::hours(26)});
  const Instant closed = concern.raised_at + std::chrono::days(14);
  concerns.SetReply(id, history.organisation_id, plan.coordinator,
                    "Merci de l'avoir signalé. Nous avons parlé avec lui; la situation est suivie.",
                    closed - std::chrono::hours(1));
  concerns.Close(id, history.organisation_id, plan.coordinator, domain::ConcernOutcome::kResolved,
                 "Situation stabilisée après la rencontre (démo).", closed);
}

// The follow-ups of a closed file that fell due by today, each recorded a week after its due day
// (no new event found), as a program keeping up with its follow-ups would have them.
void AddFollowUpChecks(const History& history, soci::session& session, const HistoryCircle& plan,
                       CivilDate file_closed) {
  const CivilDate today = history.services.Today();
  store::OutcomeStore outcomes(session);
  for (const auto& follow_up : domain::FollowUpSchedule(file_closed, {})) {
    const CivilDate checked = std::min(AddDays(follow_up.due_on, 7), today);
    if (follow_up.due_on > today) continue;
    outcomes.InsertCheck({.organisation_id = history.organisation_id,
                          .core_member_id = plan.core_member.id,
                          .milestone_months = follow_up.milestone_months,
                          .checked_on = checked,
                          .recorded_by = plan.coordinator,
                          .recorded_at = Morning(checked)});
  }
}

// Closes the circle on its last meeting's day, as app::circles::Close does (the file follows:
// between circles), and the coordinator closes the file a month later.
void CloseCircle(const History& history, soci::session& session, HistoryCircle& plan) {
  const auto& translator = history.services.translator;
  const auto reason = plan.index % 10 == 3   ? domain::ClosureReason::kWithdrawn
                      : plan.index % 10 == 7 ? domain::ClosureReason::kRelocated
                                             : domain::ClosureReason::kCompleted;
  store::CircleStore circles(session);
  domain::Circle closed = plan.circle;
  closed.phase = CirclePhase::kClosed;
  closed.phase_since = plan.closed;
  closed.closed_on = plan.closed;
  closed.closure_reason = reason;
  closed.closing_note = reason == domain::ClosureReason::kCompleted
                            ? "Une année de cercle menée à terme; il garde contact avec deux "
                              "bénévoles (démo)."
                            : "Le cercle s'est terminé avant son terme prévu (démo).";
  circles.MovePhase(closed, plan.circle.phase, Evening(plan.closed));
  const std::string label = translator.Translate(kFrench, domain::LabelOf(reason));
  domain::PhaseChange change;
  change.circle_id = plan.circle.id;
  change.from = plan.circle.phase;
  change.to = CirclePhase::kClosed;
  change.decided_on = plan.closed;
  change.reason = label;
  change.decided_by = plan.coordinator;
  change.recorded_at = Evening(plan.closed);
  circles.InsertPhaseChange(change, history.organisation_id);
  plan.circle = closed;
  store::CoreMemberStore files(session);
  files.SetStatus(plan.core_member, CoreMemberStatus::kBetweenCircles,
                  translator.Format(kFrench, {N_("{circle} closed: {reason}"),
                                              {{"circle", closed.code_name}, {"reason", label}}}),
                  std::nullopt, plan.coordinator, Evening(plan.closed));
  plan.core_member.status = CoreMemberStatus::kBetweenCircles;
  const CivilDate file_closed = AddDays(plan.closed, 30);
  files.SetStatus(plan.core_member, CoreMemberStatus::kClosed, "Parcours terminé (démo).",
                  std::nullopt, plan.coordinator, Morning(file_closed));
  AddFollowUpChecks(history, session, plan, file_closed);
}

// Writes one circle's whole year in one transaction.
Status WriteCircle(History& history, HistoryCircle& plan) {
  return history.services.database.Write(history.scope(), [&](soci::session& session) -> Status {
    AddCoreMember(history, session, plan);
    OpenCircle(history, session, plan);
    StartCircle(history, session, plan);
    AddMeetings(history, session, plan);
    AddContacts(history, session, plan);
    AddReviews(history, session, plan);
    if (plan.index % kConcernEvery == kConcernEvery / 2) AddConcern(history, session, plan);
    CloseCircle(history, session, plan);
    return {};
  });
}

// A third of the volunteers leave the program at the end of the history; the others have had
// their supervision within the last two months, as the program's period asks.
Status AddDepartures(const History& history, CivilDate last) {
  const CivilDate today = history.services.Today();
  return history.services.database.Write(history.scope(), [&](soci::session& session) -> Status {
    store::VolunteerStore volunteers(session);
    for (std::size_t i = 0; i < history.pool.size(); ++i) {
      const auto id = history.pool[i].volunteer_id;
      if (i % 3 == 0) {
        volunteers.MoveStage(
            id, history.organisation_id, VolunteerStage::kActive, VolunteerStage::kExited,
            "Départ après des années de bénévolat (démo).", history.coordinators[0], Morning(last));
        continue;
      }
      const CivilDate held = AddDays(today, -1 - static_cast<int>(i % 60));
      volunteers.InsertSupervision({.organisation_id = history.organisation_id,
                                    .volunteer_id = id,
                                    .held_on = held,
                                    .notes = "Supervision de routine (démo).",
                                    .recorded_by = history.coordinators[0],
                                    .recorded_at = Evening(held)});
    }
    return {};
  });
}

}  // namespace

HistoryYear HistoryYearOf(CivilDate today, int years, int year) {
  const int last_year = static_cast<int>(today.year()) - 3;
  const std::chrono::year calendar_year{last_year - (years - 1) + year};
  return {.first = calendar_year / std::chrono::January / 1,
          .last = calendar_year / std::chrono::December / 31};
}

Status LoadHistory(const app::Services& services, std::int64_t organisation_id,
                   const HistoryShape& shape) {
  if (shape.years <= 0) return {};
  if (shape.circles_per_year < 1) return Error::Invalid(N_("The demo set-up is incomplete."));
  auto history = TRY(Prepare(services, organisation_id));
  const CivilDate today = services.Today();
  for (int year = 0; year < shape.years; ++year) {
    const auto span = HistoryYearOf(today, shape.years, year);
    const int pool_size = PoolSize(shape.circles_per_year, year);
    TRY(AddVolunteers(history, year, span.first,
                      pool_size - static_cast<int>(history.pool.size())));
    for (int index = 0; index < shape.circles_per_year; ++index) {
      auto plan = PlanCircle(history, year, index, span.first, pool_size);
      TRY(WriteCircle(history, plan));
      ++history.circles_so_far;
    }
  }
  return AddDepartures(history, HistoryYearOf(today, shape.years, shape.years - 1).last);
}

}  // namespace cercle::demo
