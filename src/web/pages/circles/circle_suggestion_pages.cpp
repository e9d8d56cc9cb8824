// Suggestions for a circle: the volunteers ranked by domain::RankCandidates, each rank explained in
// plain words, with the excluded volunteers and why; and what volunteers declared about serving
// (conflicts with core members, offence profiles declined), which the ranking excludes on.
#include <set>

#include "auth/policies/circle_policy.hpp"
#include "base/text.hpp"
#include "domain/circle_matching.hpp"
#include "domain/circle_suggestions.hpp"
#include "domain/volunteer_gate.hpp"
#include "store/circle_store.hpp"
#include "store/core_member_store.hpp"
#include "store/legal_store.hpp"
#include "store/screening_store.hpp"
#include "store/settings_store.hpp"
#include "store/training_store.hpp"
#include "store/volunteer_store.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "domain/circle_formation.hpp"
#include "web/pages/circles/circle_membership.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using auth::policies::CirclePolicy;

// Everything the ranking reads, in one transaction.
struct RankingData {
  std::optional<domain::CoreMember> core_member;
  std::vector<domain::Condition> conditions;
  std::vector<domain::CircleMember> members;
  std::vector<domain::Volunteer> volunteers;
  std::vector<domain::ScreeningItemType> types;
  std::vector<domain::ScreeningItem> items;
  std::vector<domain::TrainingModule> modules;
  std::vector<domain::TrainingAttendance> attendance;
  std::map<std::int64_t, int> circle_counts;
  std::vector<store::VolunteerConflict> conflicts;
  std::map<std::int64_t, std::vector<domain::OffenceProfile>> declined;
  domain::Settings settings{{}};
};

RankingData LoadRanking(Context& context, const domain::Circle& circle) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = circle.organisation_id;
  return context.services.database.Read(actor.scope(), [&](soci::session& session) {
    RankingData data;
    data.core_member = store::CoreMemberStore(session).Find(circle.core_member_id, organisation);
    data.conditions = store::LegalStore(session).Conditions(circle.core_member_id, organisation);
    store::CircleStore circles(session);
    data.members = circles.Members(circle.id, organisation);
    data.circle_counts = circles.CurrentCircleCounts(organisation);
    data.conflicts = circles.Conflicts(organisation);
    data.declined = circles.DeclinedProfiles(organisation);
    data.volunteers = store::VolunteerStore(session).List(organisation, {});
    store::ScreeningStore screening(session);
    data.types = screening.ListTypes(organisation);
    data.items = screening.ListLiveItems(organisation);
    store::TrainingStore training(session);
    data.modules = training.ListModules(organisation);
    data.attendance = training.OrganisationAttendance(organisation);
    data.settings = store::SettingsStore(session).Load(organisation);
    return data;
  });
}

}  // namespace

Response RenderSuggestions(Context& context, const domain::Circle& circle, const Form* form,
                           const Error* error) {
  const auto data = LoadRanking(context, circle);
  const auto today = Today(context);
  const auto settings = CircleSettingsOf(data.settings);
  std::map<std::int64_t, std::vector<domain::ScreeningItem>> items;
  for (const auto& item : data.items) items[item.volunteer_id].push_back(item);
  std::map<std::int64_t, std::vector<domain::TrainingAttendance>> attendance;
  for (const auto& entry : data.attendance) attendance[entry.volunteer_id].push_back(entry);
  std::set<std::int64_t> current;
  for (const auto& member : data.members) {
    if (member.current()) current.insert(member.volunteer_id);
  }
  std::vector<std::string> genders;
  std::vector<domain::Candidate> candidates;
  for (const auto& volunteer : data.volunteers) {
    if (current.contains(volunteer.id)) {
      genders.push_back(volunteer.gender);
      continue;
    }
    // Applicants are not candidates yet; closed files never are.
    if (volunteer.stage != domain::VolunteerStage::kApproved &&
        volunteer.stage != domain::VolunteerStage::kActive &&
        volunteer.stage != domain::VolunteerStage::kOnLeave) {
      continue;
    }
    const auto count = data.circle_counts.find(volunteer.id);
    const int circles = count == data.circle_counts.end() ? 0 : count->second;
    const auto gate = domain::CheckVolunteerGate({volunteer, data.types, items[volunteer.id],
                                                  data.modules, attendance[volunteer.id], circles},
                                                 data.settings, today);
    std::vector<Message> failures;
    // Already in the reader's language: a msgid the catalog does not hold translates to itself.
    for (const auto& failure : gate.failures)
      failures.push_back({DescribeGateFailure(context, failure), {}});
    const bool conflict =
        std::any_of(data.conflicts.begin(), data.conflicts.end(), [&](const auto& c) {
          return c.volunteer_id == volunteer.id && c.core_member_id == circle.core_member_id;
        });
    const auto declined = data.declined.find(volunteer.id);
    candidates.push_back(domain::CandidateOf(
        volunteer, circles, conflict,
        declined == data.declined.end() ? std::vector<domain::OffenceProfile>{} : declined->second,
        std::move(failures)));
  }
  mstch::array ranked, excluded;
  const int count = domain::CurrentMemberCount(data.members);
  const bool full = count >= settings.maximum;
  if (data.core_member) {
    const auto needs = domain::NeedsOf(circle, *data.core_member, data.conditions, genders, today);
    int rank = 0;
    for (const auto& suggestion : domain::RankCandidates(needs, candidates)) {
      mstch::array reasons;
      for (const auto& reason : suggestion.reasons) reasons.push_back(context.Format(reason));
      mstch::array exclusions;
      for (const auto& exclusion : suggestion.exclusions)
        exclusions.push_back(context.Format(exclusion));
      mstch::map row{
          {"id", std::to_string(suggestion.volunteer_id)},
          {"name", suggestion.name},
          {"href", "/volunteers/" + std::to_string(suggestion.volunteer_id)},
          {"preferences_href", "/circles/volunteers/" + std::to_string(suggestion.volunteer_id)},
          {"score", std::to_string(suggestion.score)},
          {"reasons", reasons},
          {"exclusions", exclusions},
          {"can_propose", !full && !circle.closed()},
          // The volunteer a refused form named keeps their "primary" choice.
          {"primary_checked",
           form && form->Get("volunteer") == std::to_string(suggestion.volunteer_id) &&
               form->Get("primary") == "1"}};
      if (suggestion.excluded) {
        excluded.push_back(std::move(row));
      } else {
        row["rank"] = std::to_string(++rank);
        ranked.push_back(std::move(row));
      }
    }
  }
  mstch::map model{
      {"id", std::to_string(circle.id)},
      {"circle_id", std::to_string(circle.id)},
      {"code_name", circle.code_name},
      {"href", CircleHref(circle.id)},
      {"ranked", ranked},
      {"excluded", excluded},
      {"no_ranked", ranked.empty()},
      {"has_excluded", !excluded.empty()},
      {"full", full},
      {"forming", circle.phase == domain::CirclePhase::kForming},
      {"size",
       context.Format({N_("{count} volunteer(s); the program asks for {minimum} to {maximum}."),
                       {{"count", std::to_string(count)},
                        {"minimum", std::to_string(settings.minimum)},
                        {"maximum", std::to_string(settings.maximum)}}})}};
  if (data.core_member) {
    model["core_member"] = data.core_member->name_used();
    model["region"] = data.core_member->region;
  }
  if (circle.offence_profile)
    model["profile"] = context.Translate(domain::OffenceProfileLabel(*circle.offence_profile));
  if (error) {
    model["form_error"] = context.Format(error->message);
    mstch::array details;
    for (const auto& field : error->fields) details.push_back(context.Format(field.message));
    model["has_error_details"] = !details.empty();
    model["error_details"] = details;
  }
  return RenderPage(context, "circle_suggestions",
                    context.Format({N_("Volunteers for {circle}"), {{"circle", circle.code_name}}}),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

Response ShowSuggestions(Context& context) {
  const auto circle = FindManagedCircle(context);
  if (!circle) return Deny(context, "circle", context.Parameter("id"));
  RecordView(context, "circle.suggestions_view", "circle", circle->id);
  return RenderSuggestions(context, *circle, nullptr, nullptr);
}

namespace {

// The volunteer named by the {id} path parameter, when the actor may manage circles.
std::optional<domain::Volunteer> FindVolunteer(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !CirclePolicy::CanManage(actor)) return std::nullopt;
  auto volunteer = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::VolunteerStore(session).Find(*id, *actor.organisation_id);
  });
  if (!volunteer || !CirclePolicy::CanView(actor, volunteer->organisation_id)) return std::nullopt;
  return volunteer;
}

Response RenderPreferences(Context& context, const domain::Volunteer& volunteer, const Form* form,
                           const Error* error, const std::string& notice) {
  const auto& actor = context.signed_in();
  const std::int64_t organisation = volunteer.organisation_id;
  struct Data {
    std::vector<store::VolunteerConflict> conflicts;
    std::vector<domain::OffenceProfile> declined;
    std::vector<domain::CoreMember> core_members;
  };
  const auto data = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    Data data;
    store::CircleStore circles(session);
    data.conflicts = circles.ConflictsOf(volunteer.id, organisation);
    const auto declined = circles.DeclinedProfiles(organisation);
    if (const auto found = declined.find(volunteer.id); found != declined.end())
      data.declined = found->second;
    store::CoreMemberFilter every;
    every.limit = 100000;
    data.core_members = store::CoreMemberStore(session).List(organisation, every);
    return data;
  });
  std::map<std::int64_t, std::string> names;
  for (const auto& core_member : data.core_members) names[core_member.id] = core_member.name_used();
  mstch::array conflicts;
  for (const auto& conflict : data.conflicts) {
    const auto name = names.find(conflict.core_member_id);
    conflicts.push_back(
        mstch::map{{"id", std::to_string(conflict.id)},
                   {"name", name == names.end() ? std::string("—") : name->second},
                   {"note", conflict.note},
                   {"date", FormatDay(context, LocalDay(context, conflict.recorded_at))}});
  }
  std::set<std::string> chosen;
  if (form) {
    for (const auto& profile : form->All("profiles")) chosen.insert(profile);
  } else {
    for (const auto profile : data.declined)
      chosen.insert(std::string(domain::OffenceProfileName(profile)));
  }
  mstch::array profiles;
  for (const auto profile : domain::OffenceProfiles()) {
    const std::string name(domain::OffenceProfileName(profile));
    profiles.push_back(
        mstch::map{{"value", name},
                   {"label", context.Translate(domain::OffenceProfileLabel(profile))},
                   {"checked", chosen.contains(name)}});
  }
  const std::string chosen_member = form ? form->Get("core_member") : "";
  mstch::array core_members;
  for (const auto& core_member : data.core_members) {
    if (core_member.status == domain::CoreMemberStatus::kClosed) continue;
    const std::string id = std::to_string(core_member.id);
    core_members.push_back(
        mstch::map{{"value", id},
                   {"label", core_member.name_used() + " (" + core_member.file_number + ")"},
                   {"selected", id == chosen_member}});
  }
  mstch::map model = form ? form->Model(context, {"core_member", "note"}, error)
                          : EmptyForm({"core_member", "note"});
  model["id"] = std::to_string(volunteer.id);
  model["name"] = volunteer.FullName();
  model["volunteer_href"] = "/volunteers/" + std::to_string(volunteer.id);
  model["conflicts"] = conflicts;
  model["profiles"] = profiles;
  model["core_members"] = core_members;
  if (!notice.empty()) model["notice"] = notice;
  return RenderPage(
      context, "circle_preferences",
      context.Format({N_("{name}: serving in circles"), {{"name", volunteer.FullName()}}}),
      std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response ShowPreferences(Context& context) {
  const auto volunteer = FindVolunteer(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  RecordView(context, "circle.preferences_view", "volunteer", volunteer->id);
  const std::string notice =
      context.request.query == "saved=1" ? context.Translate(N_("The change is saved.")) : "";
  return RenderPreferences(context, *volunteer, nullptr, nullptr, notice);
}

Response SavePreferences(Context& context) {
  const auto volunteer = FindVolunteer(context);
  if (!volunteer) return Deny(context, "volunteer", context.Parameter("id"));
  const Form form(context.request);
  std::vector<domain::OffenceProfile> profiles;
  for (const auto& name : form.All("profiles")) {
    const auto profile = domain::ParseOffenceProfile(name);
    if (!profile) {
      const Error error =
          Error::Fields({{"profiles", {N_("Choose offence profiles from the list."), {}}}});
      return RenderPreferences(context, *volunteer, &form, &error, "");
    }
    profiles.push_back(*profile);
  }
  const std::string core_member_text = form.Get("core_member");
  const auto core_member_id = ParseId(core_member_text);
  const std::string note = domain::volunteer_text::Trimmed(form.Get("note"));
  std::vector<FieldError> errors;
  if (!core_member_text.empty() && !core_member_id) {
    errors.push_back({"core_member", {N_("Choose the core member."), {}}});
  }
  if (domain::volunteer_text::CharacterCount(note) > 500) {
    errors.push_back({"note", {N_("Use at most {count} characters."), {{"count", "500"}}}});
  }
  if (!errors.empty()) {
    const Error error = Error::Fields(std::move(errors));
    return RenderPreferences(context, *volunteer, &form, &error, "");
  }
  const auto& actor = context.signed_in();
  const std::int64_t organisation = volunteer->organisation_id;
  const auto done =
      context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
        store::CircleStore circles(session);
        circles.ReplaceDeclinedProfiles(volunteer->id, organisation, profiles);
        if (core_member_id) {
          if (!store::CoreMemberStore(session).Find(*core_member_id, organisation)) {
            return Error::Fields({{"core_member", {N_("Choose the core member."), {}}}});
          }
          store::VolunteerConflict conflict;
          conflict.volunteer_id = volunteer->id;
          conflict.core_member_id = *core_member_id;
          conflict.note = note;
          conflict.recorded_by = actor.user_id;
          conflict.recorded_at = context.services.clock.Now();
          if (!circles.InsertConflict(conflict, organisation)) {
            return Error::Fields({{"core_member", {N_("This conflict is already recorded."), {}}}});
          }
        }
        Audit(context, session, "circle.preferences_update", "volunteer", volunteer->id);
        return {};
      });
  if (!done) return RenderPreferences(context, *volunteer, &form, &done.error(), "");
  return Response::Redirect("/circles/volunteers/" + std::to_string(volunteer->id) + "?saved=1");
}

Response RemoveConflict(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !CirclePolicy::CanManage(actor))
    return Deny(context, "volunteer_conflict", context.Parameter("id"));
  const auto conflict = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::CircleStore(session).FindConflict(*id, *actor.organisation_id);
  });
  if (!conflict) return Deny(context, "volunteer_conflict", context.Parameter("id"));
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    store::CircleStore(session).DeleteConflict(conflict->id, *actor.organisation_id);
    Audit(context, session, "circle.preferences_update", "volunteer", conflict->volunteer_id);
    return {};
  });
  return Response::Redirect("/circles/volunteers/" + std::to_string(conflict->volunteer_id) +
                            "?saved=1");
}

}  // namespace cercle::web::pages::circles
