#include "app/circles/suggestions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/volunteers/program_setup.hpp"
#include "auth/policies/circle_policy.hpp"
#include "base/text.hpp"
#include "domain/circle_matching.hpp"
#include "domain/volunteer_gate.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/screening_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_store.hpp"

namespace cercle::app::circles {
namespace {

using auth::policies::CirclePolicy;

// Everything the ranking reads, in one transaction.
struct RankingData {
  std::vector<domain::Condition> conditions;
  std::vector<domain::CircleMember> members;
  std::vector<domain::Volunteer> volunteers;
  volunteers::ProgramSetup setup;
  std::map<std::int64_t, std::vector<domain::ScreeningItem>> items;
  std::map<std::int64_t, std::vector<domain::TrainingAttendance>> attendance;
  std::map<std::int64_t, int> circle_counts;
  std::vector<store::VolunteerConflict> conflicts;
  std::map<std::int64_t, std::vector<domain::OffenceProfile>> declined;
};

RankingData ReadRanking(const store::Unit& unit, const domain::Circle& circle) {
  const std::int64_t organisation = circle.organisation_id;
  RankingData data;
  data.conditions =
      store::LegalStore(unit.session()).Conditions(circle.core_member_id, organisation);
  store::CircleStore circles(unit.session());
  data.members = circles.Members(circle.id, organisation);
  data.circle_counts = circles.CurrentCircleCounts(organisation);
  data.conflicts = circles.Conflicts(organisation);
  data.declined = circles.DeclinedProfiles(organisation);
  data.volunteers = store::VolunteerStore(unit.session()).List(organisation, {});
  data.setup = volunteers::ReadProgramSetup(unit);
  for (auto& item : store::ScreeningStore(unit.session()).ListLiveItems(organisation)) {
    data.items[item.volunteer_id].push_back(std::move(item));
  }
  for (auto& entry : store::TrainingStore(unit.session()).OrganisationAttendance(organisation)) {
    data.attendance[entry.volunteer_id].push_back(std::move(entry));
  }
  return data;
}

// Applicants are not candidates yet; closed files never are.
bool MayServe(const domain::Volunteer& volunteer) {
  return volunteer.stage == domain::VolunteerStage::kApproved ||
         volunteer.stage == domain::VolunteerStage::kActive ||
         volunteer.stage == domain::VolunteerStage::kOnLeave;
}

template <class Value>
const std::vector<Value>& EntriesOf(const std::map<std::int64_t, std::vector<Value>>& entries,
                                    std::int64_t volunteer_id) {
  static const std::vector<Value> kNone;
  const auto found = entries.find(volunteer_id);
  return found == entries.end() ? kNone : found->second;
}

// Volunteer `volunteer` as the ranking sees them, with why the gate refuses them on `today`.
domain::Candidate CandidateOf(const RankingData& data, const domain::Circle& circle,
                              const domain::Volunteer& volunteer, CivilDate today,
                              const domain::GateDescriber& describe) {
  const auto count = data.circle_counts.find(volunteer.id);
  const int circles = count == data.circle_counts.end() ? 0 : count->second;
  const auto gate = domain::CheckVolunteerGate(
      {volunteer, data.setup.screening_types, EntriesOf(data.items, volunteer.id),
       data.setup.training_modules, EntriesOf(data.attendance, volunteer.id), circles},
      data.setup.settings, today);
  std::vector<Message> failures;
  // Already in the reader's language: a msgid the catalog does not hold translates to itself.
  for (const auto& failure : gate.failures) {
    failures.push_back(
        {describe ? describe(failure) : std::string(domain::NameOf(failure.condition)), {}});
  }
  const bool conflict =
      std::any_of(data.conflicts.begin(), data.conflicts.end(), [&](const auto& declared) {
        return declared.volunteer_id == volunteer.id &&
               declared.core_member_id == circle.core_member_id;
      });
  return domain::CandidateOf(volunteer, circles, conflict, EntriesOf(data.declined, volunteer.id),
                             std::move(failures));
}

// Ranks the volunteers of `data` for `circle` into `page`.
void Rank(const RankingData& data, const domain::Circle& circle, CivilDate today,
          const domain::GateDescriber& describe, SuggestionsPage& page) {
  std::set<std::int64_t> current;
  for (const auto& member : data.members) {
    if (member.current()) current.insert(member.volunteer_id);
  }
  std::vector<std::string> genders;
  std::vector<domain::Candidate> candidates;
  for (const auto& volunteer : data.volunteers) {
    if (current.contains(volunteer.id)) {
      genders.push_back(volunteer.gender);
    } else if (MayServe(volunteer)) {
      candidates.push_back(CandidateOf(data, circle, volunteer, today, describe));
    }
  }
  if (!page.core_member) return;
  const auto needs = domain::NeedsOf(circle, *page.core_member, data.conditions, genders, today);
  for (auto& suggestion : domain::RankCandidates(needs, candidates)) {
    (suggestion.excluded ? page.excluded : page.ranked).push_back(std::move(suggestion));
  }
}

// Volunteer `volunteer_id`, when the actor may manage circles; NotFound otherwise.
Result<domain::Volunteer> FindVolunteer(const store::Unit& unit, const auth::Actor& actor,
                                        std::int64_t volunteer_id) {
  if (!CirclePolicy::CanManage(actor) || !actor.organisation_id) return Error::NotFound();
  auto volunteer = store::VolunteerStore(unit.session()).Find(volunteer_id, *actor.organisation_id);
  if (!volunteer || !CirclePolicy::CanView(actor, volunteer->organisation_id)) {
    return Error::NotFound();
  }
  return std::move(*volunteer);
}

// The conflicts `volunteer` declared, each with the core member's name.
std::vector<DeclaredConflict> ConflictsOf(const Services& services, const store::Unit& unit,
                                          const domain::Volunteer& volunteer,
                                          const std::vector<domain::CoreMember>& core_members) {
  std::map<std::int64_t, std::string> names;
  for (const auto& core_member : core_members) names[core_member.id] = core_member.name_used();
  std::vector<DeclaredConflict> conflicts;
  for (auto& conflict :
       store::CircleStore(unit.session()).ConflictsOf(volunteer.id, volunteer.organisation_id)) {
    DeclaredConflict declared{conflict.id, std::nullopt, std::move(conflict.note),
                              services.translator.LocalDate(conflict.recorded_at)};
    if (const auto name = names.find(conflict.core_member_id); name != names.end()) {
      declared.core_member = name->second;
    }
    conflicts.push_back(std::move(declared));
  }
  return conflicts;
}

// What the form's reading and the note's length refuse, before anything is stored.
Status CheckPreferences(const PreferencesCommand& command) {
  if (command.unlisted_profile) {
    return Error::Fields({{"profiles", {N_("Choose offence profiles from the list."), {}}}});
  }
  std::vector<FieldError> errors;
  if (command.unreadable_core_member) {
    errors.push_back({"core_member", {N_("Choose the core member."), {}}});
  }
  if (CharacterCount(Trimmed(command.note)) > kConflictNoteLength) {
    errors.push_back({"note",
                      {N_("Use at most {count} characters."),
                       {{"count", std::to_string(kConflictNoteLength)}}}});
  }
  if (!errors.empty()) return Error::Fields(std::move(errors));
  return {};
}

}  // namespace

Result<SuggestionsPage> LoadSuggestions(const Services& services, const auth::Actor& actor,
                                        std::int64_t circle_id,
                                        const domain::GateDescriber& describe, ViewAudit audit) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<SuggestionsPage> {
    SuggestionsPage page;
    page.circle = TRY(FindManagedCircle(unit, actor, circle_id));
    const auto& circle = page.circle;
    page.core_member =
        store::CoreMemberStore(unit.session()).Find(circle.core_member_id, circle.organisation_id);
    const auto data = ReadRanking(unit, circle);
    page.settings = CircleSettingsOf(data.setup.settings);
    page.member_count = domain::CurrentMemberCount(data.members);
    page.full = page.member_count >= page.settings.maximum;
    Rank(data, circle, services.Today(), describe, page);
    return page;
  }));
  if (audit == ViewAudit::kRecord) {
    AuditView(services, actor,
              {"circle.suggestions_view", "circle", std::to_string(page.circle.id)});
  }
  return page;
}

Result<PreferencesPage> LoadPreferences(const Services& services, const auth::Actor& actor,
                                        std::int64_t volunteer_id, ViewAudit audit) {
  auto page = TRY(Read(services, actor.scope(), [&](store::Unit& unit) -> Result<PreferencesPage> {
    PreferencesPage page;
    page.volunteer = TRY(FindVolunteer(unit, actor, volunteer_id));
    const std::int64_t organisation = page.volunteer.organisation_id;
    auto declined = store::CircleStore(unit.session()).DeclinedProfiles(organisation);
    if (const auto found = declined.find(volunteer_id); found != declined.end()) {
      page.declined = std::move(found->second);
    }
    // Every file, closed ones too, for the names of the conflicts declared before.
    store::CoreMemberFilter every;
    every.limit = 100000;
    auto core_members = store::CoreMemberStore(unit.session()).List(organisation, every);
    page.conflicts = ConflictsOf(services, unit, page.volunteer, core_members);
    for (auto& core_member : core_members) {
      if (core_member.status != domain::CoreMemberStatus::kClosed) {
        page.core_members.push_back(std::move(core_member));
      }
    }
    return page;
  }));
  if (audit == ViewAudit::kRecord) {
    AuditView(services, actor,
              {"circle.preferences_view", "volunteer", std::to_string(page.volunteer.id)});
  }
  return page;
}

Result<std::int64_t> SavePreferences(const Services& services, const auth::Actor& actor,
                                     const PreferencesCommand& command) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    const auto volunteer = TRY(FindVolunteer(unit, actor, command.volunteer_id));
    TRY(CheckPreferences(command));
    const std::int64_t organisation = volunteer.organisation_id;
    store::CircleStore circles(unit.session());
    circles.ReplaceDeclinedProfiles(volunteer.id, organisation, command.declined);
    if (command.core_member_id) {
      if (!store::CoreMemberStore(unit.session()).Find(*command.core_member_id, organisation)) {
        return Error::Fields({{"core_member", {N_("Choose the core member."), {}}}});
      }
      store::VolunteerConflict conflict;
      conflict.volunteer_id = volunteer.id;
      conflict.core_member_id = *command.core_member_id;
      conflict.note = Trimmed(command.note);
      conflict.recorded_by = actor.user_id;
      conflict.recorded_at = unit.now();
      if (!circles.InsertConflict(conflict, organisation)) {
        return Error::Fields({{"core_member", {N_("This conflict is already recorded."), {}}}});
      }
    }
    Audit(services, unit, actor,
          {"circle.preferences_update", "volunteer", std::to_string(volunteer.id)});
    return volunteer.id;
  });
}

Result<std::int64_t> RemoveConflict(const Services& services, const auth::Actor& actor,
                                    std::int64_t conflict_id) {
  return Write(services, actor.scope(), [&](store::Unit& unit) -> Result<std::int64_t> {
    if (!CirclePolicy::CanManage(actor) || !actor.organisation_id) return Error::NotFound();
    store::CircleStore circles(unit.session());
    const auto conflict = circles.FindConflict(conflict_id, *actor.organisation_id);
    if (!conflict) return Error::NotFound();
    circles.DeleteConflict(conflict->id, *actor.organisation_id);
    Audit(services, unit, actor,
          {"circle.preferences_update", "volunteer", std::to_string(conflict->volunteer_id)});
    return conflict->volunteer_id;
  });
}

}  // namespace cercle::app::circles
