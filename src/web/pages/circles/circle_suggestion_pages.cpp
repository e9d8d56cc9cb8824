// Suggestions for a circle: the volunteers ranked by app::circles::LoadSuggestions, each rank
// explained in plain words, with the excluded volunteers and why; and what volunteers declared
// about serving (conflicts with core members, offence profiles declined), which the ranking
// excludes on. Each handler parses the request, calls one app::circles function and turns the typed
// page into the template's data.
#include <set>

#include "app/circles/suggestions.hpp"
#include "domain/enum_names.hpp"
#include "web/layout.hpp"
#include "web/pages/circles/circle_common.hpp"
#include "web/pages/circles/circle_membership.hpp"
#include "web/pages/circles/circle_pages.hpp"
#include "web/pages/circles/circle_view.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::circles {
namespace {

using app::circles::PreferencesPage;
using app::circles::SuggestionsPage;
using app::circles::ViewAudit;

// Describes a failing gate condition in the reader's language.
domain::GateDescriber GateDescriber(const Context& context) {
  return [&context](const domain::GateFailure& failure) {
    return DescribeGateFailure(context, failure);
  };
}

mstch::array MessagesView(const Context& context, const std::vector<Message>& messages) {
  mstch::array texts;
  for (const auto& message : messages) texts.push_back(context.Format(message));
  return texts;
}

// One volunteer of the ranking; a refused form keeps the volunteers ticked and the primary chosen.
mstch::map SuggestionView(const Context& context, const SuggestionsPage& page,
                          const domain::Suggestion& suggestion, const Form* form) {
  const std::string id = std::to_string(suggestion.volunteer_id);
  bool checked = false;
  if (form) {
    for (const auto& value : form->All("volunteer")) checked = checked || value == id;
  }
  const std::string primary = form ? form->Get("primary") : "";
  return mstch::map{{"checked", checked},
                    {"id", id},
                    {"name", suggestion.name},
                    {"href", "/volunteers/" + id},
                    {"preferences_href", PreferencesHref(suggestion.volunteer_id)},
                    {"score", std::to_string(suggestion.score)},
                    {"reasons", MessagesView(context, suggestion.reasons)},
                    {"exclusions", MessagesView(context, suggestion.exclusions)},
                    {"can_propose", !page.full && !page.circle.closed()},
                    {"primary_checked", primary == id || (primary == "1" && checked &&
                                                          form->All("volunteer").size() == 1)}};
}

// The ranked volunteers, numbered, and the excluded ones.
void AddRankingView(const Context& context, const SuggestionsPage& page, const Form* form,
                    mstch::map& model) {
  mstch::array ranked, excluded;
  for (const auto& suggestion : page.ranked) {
    auto row = SuggestionView(context, page, suggestion, form);
    row["rank"] = std::to_string(ranked.size() + 1);
    ranked.push_back(std::move(row));
  }
  for (const auto& suggestion : page.excluded) {
    excluded.push_back(SuggestionView(context, page, suggestion, form));
  }
  model["no_ranked"] = ranked.empty();
  model["has_excluded"] = !excluded.empty();
  model["ranked"] = ranked;
  model["excluded"] = excluded;
}

// The refusal of a proposal, with each failing condition of the gate.
void AddErrorView(const Context& context, const Error& error, mstch::map& model) {
  model["form_error"] = context.Format(error.message);
  mstch::array details;
  for (const auto& field : error.fields) details.push_back(context.Format(field.message));
  model["has_error_details"] = !details.empty();
  model["error_details"] = details;
}

Response RenderSuggestionsPage(Context& context, const SuggestionsPage& page, const Form* form,
                               const Error* error) {
  const auto& circle = page.circle;
  mstch::map model{
      {"id", std::to_string(circle.id)},
      {"circle_id", std::to_string(circle.id)},
      {"code_name", circle.code_name},
      {"href", CircleHref(circle.id)},
      {"full", page.full},
      {"forming", circle.phase == domain::CirclePhase::kForming},
      {"can_propose", !page.full && !circle.closed()},
      {"size",
       context.Format({N_("{count} volunteer(s); the program asks for {minimum} to {maximum}."),
                       {{"count", std::to_string(page.member_count)},
                        {"minimum", std::to_string(page.settings.minimum)},
                        {"maximum", std::to_string(page.settings.maximum)}}})}};
  AddRankingView(context, page, form, model);
  if (page.core_member) {
    model["core_member"] = page.core_member->name_used();
    model["region"] = page.core_member->region;
  }
  if (circle.offence_profile) {
    model["profile"] = context.Translate(domain::LabelOf(*circle.offence_profile));
  }
  if (error) AddErrorView(context, *error, model);
  return RenderPage(context, "circle_suggestions",
                    context.Format({N_("Volunteers for {circle}"), {{"circle", circle.code_name}}}),
                    std::move(model), error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response RenderSuggestions(Context& context, const domain::Circle& circle, const Form* form,
                           const Error* error) {
  const auto page =
      app::circles::LoadSuggestions(context.services.app, context.signed_in(), circle.id,
                                    GateDescriber(context), ViewAudit::kSkip);
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  return RenderSuggestionsPage(context, *page, form, error);
}

Response ShowSuggestions(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "circle", context.Parameter("id"));
  const auto page = app::circles::LoadSuggestions(context.services.app, context.signed_in(), *id,
                                                  GateDescriber(context));
  if (!page) return Deny(context, "circle", context.Parameter("id"));
  return RenderSuggestionsPage(context, *page, nullptr, nullptr);
}

namespace {

mstch::array ConflictsView(const Context& context, const PreferencesPage& page) {
  mstch::array conflicts;
  for (const auto& conflict : page.conflicts) {
    conflicts.push_back(mstch::map{{"id", std::to_string(conflict.id)},
                                   {"name", conflict.core_member.value_or("—")},
                                   {"note", conflict.note},
                                   {"date", FormatDay(context, conflict.recorded_on)}});
  }
  return conflicts;
}

// The offence profiles, those declined (or ticked in a refused form) checked.
mstch::array ProfilesView(const Context& context, const PreferencesPage& page, const Form* form) {
  std::set<std::string> chosen;
  if (form) {
    for (const auto& profile : form->All("profiles")) chosen.insert(profile);
  } else {
    for (const auto profile : page.declined) chosen.insert(std::string(domain::NameOf(profile)));
  }
  mstch::array profiles;
  for (const auto profile : domain::EnumValues<domain::OffenceProfile>()) {
    const std::string name(domain::NameOf(profile));
    profiles.push_back(mstch::map{{"value", name},
                                  {"label", context.Translate(domain::LabelOf(profile))},
                                  {"checked", chosen.contains(name)}});
  }
  return profiles;
}

mstch::array CoreMembersView(const PreferencesPage& page, const Form* form) {
  const std::string chosen = form ? form->Get("core_member") : "";
  mstch::array core_members;
  for (const auto& core_member : page.core_members) {
    const std::string id = std::to_string(core_member.id);
    core_members.push_back(
        mstch::map{{"value", id},
                   {"label", core_member.name_used() + " (" + core_member.file_number + ")"},
                   {"selected", id == chosen}});
  }
  return core_members;
}

Response RenderPreferences(Context& context, const PreferencesPage& page, const Form* form,
                           const Error* error, const std::string& notice) {
  const auto& volunteer = page.volunteer;
  mstch::map model = form ? form->Model(context, {"core_member", "note"}, error)
                          : EmptyForm({"core_member", "note"});
  model["id"] = std::to_string(volunteer.id);
  model["name"] = volunteer.FullName();
  model["volunteer_href"] = "/volunteers/" + std::to_string(volunteer.id);
  model["conflicts"] = ConflictsView(context, page);
  model["profiles"] = ProfilesView(context, page, form);
  model["core_members"] = CoreMembersView(page, form);
  if (!notice.empty()) model["notice"] = notice;
  return RenderPage(
      context, "circle_preferences",
      context.Format({N_("{name}: serving in circles"), {{"name", volunteer.FullName()}}}),
      std::move(model), error ? StatusFor(error->kind) : 200);
}

// The preferences form as the coordinator filled it in.
app::circles::PreferencesCommand ParsePreferences(const Form& form, std::int64_t volunteer_id) {
  app::circles::PreferencesCommand command{.volunteer_id = volunteer_id};
  for (const auto& name : form.All("profiles")) {
    if (const auto profile = domain::ParseEnum<domain::OffenceProfile>(name)) {
      command.declined.push_back(*profile);
    } else {
      command.unlisted_profile = true;
    }
  }
  const std::string core_member = form.Get("core_member");
  command.core_member_id = ParseId(core_member);
  command.unreadable_core_member = !core_member.empty() && !command.core_member_id;
  command.note = form.Get("note");
  return command;
}

// What a volunteer declared about serving in circles.
constexpr RecordPage<PreferencesPage> kPreferencesPage{"volunteer", app::circles::LoadPreferences,
                                                       RenderPreferences};

}  // namespace

Response ShowPreferences(Context& context) {
  const std::string notice =
      context.request.query == "saved=1" ? context.Translate(N_("The change is saved.")) : "";
  return ShowRecord(context, kPreferencesPage, notice);
}

Response SavePreferences(Context& context) {
  return PostForm(
      context, kPreferencesPage.object_type,
      [&](std::int64_t id, const Form& form) {
        return app::circles::SavePreferences(context.services.app, context.signed_in(),
                                             ParsePreferences(form, id));
      },
      ShowAgain(context, kPreferencesPage),
      [](std::int64_t, std::int64_t volunteer) { return PreferencesHref(volunteer) + "?saved=1"; });
}

Response RemoveConflict(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  if (!id) return Deny(context, "volunteer_conflict", context.Parameter("id"));
  const auto removed = app::circles::RemoveConflict(context.services.app, context.signed_in(), *id);
  if (!removed) return Deny(context, "volunteer_conflict", context.Parameter("id"));
  return Response::Redirect(PreferencesHref(*removed) + "?saved=1");
}

}  // namespace cercle::web::pages::circles
