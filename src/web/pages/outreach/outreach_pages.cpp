#include "web/pages/outreach/outreach_pages.hpp"

#include "auth/policies/report_policy.hpp"
#include "domain/intake_fields.hpp"
#include "store/outreach_store.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pagination.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::outreach {
namespace {

using auth::policies::OutreachPolicy;
using core_members::Choice;
using core_members::Choices;
using reports::ShowDate;
using reports::Today;

const std::initializer_list<std::string> kActivityFields = {
    "held_on", "kind", "title", "audience", "reach", "language", "participants"};
const std::initializer_list<std::string> kStoryFields = {"written_on", "title", "text"};

std::vector<Choice> KindChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto kind : domain::OutreachKinds()) {
    choices.push_back({std::string(domain::OutreachKindName(kind)),
                       context.Translate(domain::OutreachKindLabel(kind))});
  }
  return choices;
}

std::vector<Choice> LanguageChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto language : domain::OutreachLanguages()) {
    choices.push_back({std::string(domain::OutreachLanguageName(language)),
                       context.Translate(domain::OutreachLanguageLabel(language))});
  }
  return choices;
}

// Records a change by the actor inside the caller's write transaction.
void Audit(Context& context, soci::session& session, const std::string& action,
           const std::string& object_type, std::int64_t object_id) {
  core_members::RecordChange(context, session, action, object_type, std::to_string(object_id));
}

Response RenderActivityForm(Context& context, mstch::map model, const std::string& action,
                            bool editing, int status) {
  model["kind_choices"] = Choices(KindChoices(context), core_members::ValueOf(model, "kind"));
  model["language_choices"] =
      Choices(LanguageChoices(context), core_members::ValueOf(model, "language"));
  model["action"] = action;
  model["editing"] = editing;
  if (editing) model["remove_action"] = action.substr(0, action.rfind('/')) + "/remove";
  const std::string title = context.Translate(editing ? N_("Edit the outreach activity")
                                                      : N_("Record an outreach activity"));
  model["title_text"] = title;
  return RenderPage(context, "outreach_form", title, std::move(model), status);
}

// Reads the activity form into `activity`; parse errors go to `errors`.
void ReadActivity(const Form& form, domain::OutreachActivity& activity,
                  std::vector<FieldError>& errors) {
  const auto held_on =
      core_members::DateField(form, "held_on", true, N_("Enter the date it took place."), errors);
  if (held_on) activity.held_on = *held_on;
  const auto kind = domain::ParseOutreachKind(form.Get("kind"));
  if (!kind) errors.push_back({"kind", {N_("Choose one of the options."), {}}});
  activity.kind = kind.value_or(domain::OutreachKind::kPresentation);
  const auto language = domain::ParseOutreachLanguage(form.Get("language"));
  if (!language) errors.push_back({"language", {N_("Choose one of the options."), {}}});
  activity.language = language.value_or(domain::OutreachLanguage::kFrench);
  activity.title = form.Get("title");
  activity.audience = form.Get("audience");
  activity.participants = form.Get("participants");
  // People reached: blank when unknown; spaces as thousands separators are fine ("1 200").
  std::string reach;
  for (const char c : form.Get("reach")) {
    if (c != ' ') reach += c;
  }
  activity.reach.reset();
  if (!reach.empty()) {
    if (reach.size() > 9 || reach.find_first_not_of("0123456789") != std::string::npos) {
      errors.push_back({"reach",
                        {N_("Enter a whole number from {minimum} to {maximum}."),
                         {{"minimum", "0"}, {"maximum", std::to_string(domain::kMaxReach)}}}});
    } else {
      activity.reach = std::stoi(reach);
    }
  }
}

mstch::map ActivityValues(const domain::OutreachActivity& activity) {
  return core_members::Values(
      {{"held_on", domain::FormatIsoDate(activity.held_on)},
       {"kind", std::string(domain::OutreachKindName(activity.kind))},
       {"title", activity.title},
       {"audience", activity.audience},
       {"reach", activity.reach ? std::to_string(*activity.reach) : std::string()},
       {"language", std::string(domain::OutreachLanguageName(activity.language))},
       {"participants", activity.participants}});
}

// The activity named by the {id} path parameter, when the actor may change it.
std::optional<domain::OutreachActivity> FindVisibleActivity(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !actor.organisation_id || !OutreachPolicy::CanManage(actor)) return std::nullopt;
  auto activity = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::OutreachStore(session).FindActivity(*id, *actor.organisation_id);
  });
  if (!activity || !OutreachPolicy::CanChange(actor, activity->organisation_id)) {
    return std::nullopt;
  }
  return activity;
}

// The story named by the {id} path parameter, when the actor may see it.
std::optional<domain::SignificantStory> FindVisibleStory(Context& context) {
  const auto id = ParseId(context.Parameter("id"));
  const auto& actor = context.signed_in();
  if (!id || !actor.organisation_id || !OutreachPolicy::CanManage(actor)) return std::nullopt;
  auto story = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    return store::OutreachStore(session).FindStory(*id, *actor.organisation_id);
  });
  if (!story || !OutreachPolicy::CanChange(actor, story->organisation_id)) return std::nullopt;
  return story;
}

std::string StoryHref(std::int64_t id) { return "/outreach/stories/" + std::to_string(id); }

Response RenderStoryForm(Context& context, mstch::map model, const std::string& action,
                         bool editing, int status) {
  model["action"] = action;
  model["editing"] = editing;
  const std::string title =
      context.Translate(editing ? N_("Edit the story") : N_("Write a significant story"));
  model["title_text"] = title;
  return RenderPage(context, "outreach_story_form", title, std::move(model), status);
}

Response RenderStory(Context& context, const domain::SignificantStory& story, const Error* error) {
  const auto users = core_members::OrganisationUsers(context);
  mstch::map model{{"id", std::to_string(story.id)},
                   {"title", story.title},
                   {"text", story.text},
                   {"written_on", ShowDate(context, story.written_on)},
                   {"author", core_members::UserName(context, users, story.written_by)},
                   {"reviewed", story.reviewed()},
                   {"href", StoryHref(story.id)}};
  if (story.reviewed()) {
    model["reviewer"] = core_members::UserName(context, users, story.reviewed_by);
    model["reviewed_at"] = core_members::ShowTime(context, *story.reviewed_at);
  }
  if (error) AddErrors(context, *error, model);
  const std::string done = reports::QueryValue(context, "done");
  if (done == "saved") model["notice"] = context.Translate(N_("The change is saved."));
  if (done == "reviewed")
    model["notice"] = context.Translate(N_("The story is marked as reviewed."));
  return RenderPage(context, "outreach_story", story.title, std::move(model),
                    error ? StatusFor(error->kind) : 200);
}

}  // namespace

Response List(Context& context) {
  const auto& actor = context.signed_in();
  if (!OutreachPolicy::CanManage(actor)) return Deny(context, "outreach", "", 403);
  const std::int64_t organisation = *actor.organisation_id;
  struct Loaded {
    Pagination activity_pages;
    Pagination story_pages;
    std::vector<domain::OutreachActivity> activities;
    std::vector<domain::SignificantStory> stories;
  };
  const auto loaded = context.services.database.Read(actor.scope(), [&](soci::session& session) {
    store::OutreachStore store(session);
    Loaded page;
    page.activity_pages = Paginate(context.request, store.CountActivities(organisation));
    page.story_pages = Paginate(context.request, store.CountStories(organisation), kPageSize,
                                "stories_page");
    page.activities = store.ListActivities(organisation, page.activity_pages.Slice());
    page.stories = store.ListStories(organisation, page.story_pages.Slice());
    return page;
  });
  mstch::array activities;
  for (const auto& activity : loaded.activities) {
    activities.push_back(mstch::map{
        {"id", std::to_string(activity.id)},
        {"date", ShowDate(context, activity.held_on)},
        {"kind", context.Translate(domain::OutreachKindLabel(activity.kind))},
        {"title", activity.title},
        {"audience", activity.audience},
        {"reach", activity.reach ? reports::FormatCount(context, *activity.reach) : std::string()},
        {"language", context.Translate(domain::OutreachLanguageLabel(activity.language))},
        {"participants", activity.participants},
        {"edit_href", "/outreach/" + std::to_string(activity.id) + "/edit"}});
  }
  mstch::array stories;
  for (const auto& story : loaded.stories) {
    stories.push_back(mstch::map{{"href", StoryHref(story.id)},
                                 {"title", story.title},
                                 {"date", ShowDate(context, story.written_on)},
                                 {"reviewed", story.reviewed()}});
  }
  mstch::map model{{"activities", activities},
                   {"no_activities", activities.empty()},
                   {"stories", stories},
                   {"no_stories", stories.empty()}};
  AddPagination(context, loaded.activity_pages, model, "activity_pages",
                N_("Pages of the outreach log"));
  AddPagination(context, loaded.story_pages, model, "story_pages",
                N_("Pages of the significant stories"));
  const std::string done = reports::QueryValue(context, "done");
  if (done == "saved") model["notice"] = context.Translate(N_("The change is saved."));
  if (done == "removed") model["notice"] = context.Translate(N_("The entry is removed."));
  return RenderPage(context, "outreach_list", context.Translate(N_("Outreach")), std::move(model));
}

Response ShowNew(Context& context) {
  if (!OutreachPolicy::CanManage(context.signed_in())) return Deny(context, "outreach", "", 403);
  mstch::map model = EmptyForm(kActivityFields);
  model["held_on"] = mstch::map{{"value", domain::FormatIsoDate(Today(context))}};
  model["language"] = mstch::map{{"value", std::string("fr")}};
  return RenderActivityForm(context, std::move(model), "/outreach/new", false, 200);
}

Response Create(Context& context) {
  const auto& actor = context.signed_in();
  if (!OutreachPolicy::CanManage(actor)) return Deny(context, "outreach", "", 403);
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::OutreachActivity activity;
  activity.organisation_id = *actor.organisation_id;
  ReadActivity(form, activity, errors);
  activity.recorded_by = actor.user_id;
  activity.recorded_at = activity.updated_at = context.services.clock.Now();
  auto problem = core_members::Combine(std::move(errors),
                                       domain::CheckOutreachActivity(activity, Today(context)));
  if (problem) {
    return RenderActivityForm(context, form.Model(context, kActivityFields, &*problem),
                              "/outreach/new", false, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    activity.id = store::OutreachStore(session).InsertActivity(activity);
    Audit(context, session, "outreach.create", "outreach_activity", activity.id);
    return {};
  });
  return Response::Redirect("/outreach?done=saved");
}

Response ShowEdit(Context& context) {
  const auto activity = FindVisibleActivity(context);
  if (!activity) return Deny(context, "outreach_activity", context.Parameter("id"));
  return RenderActivityForm(context, ActivityValues(*activity),
                            "/outreach/" + std::to_string(activity->id) + "/edit", true, 200);
}

Response Edit(Context& context) {
  const auto activity = FindVisibleActivity(context);
  if (!activity) return Deny(context, "outreach_activity", context.Parameter("id"));
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::OutreachActivity changed = *activity;
  ReadActivity(form, changed, errors);
  changed.updated_at = context.services.clock.Now();
  auto problem = core_members::Combine(std::move(errors),
                                       domain::CheckOutreachActivity(changed, Today(context)));
  const std::string action = "/outreach/" + std::to_string(activity->id) + "/edit";
  if (problem) {
    return RenderActivityForm(context, form.Model(context, kActivityFields, &*problem), action,
                              true, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::OutreachStore(session).UpdateActivity(changed);
        Audit(context, session, "outreach.update", "outreach_activity", changed.id);
        return {};
      });
  return Response::Redirect("/outreach?done=saved");
}

Response Remove(Context& context) {
  const auto activity = FindVisibleActivity(context);
  if (!activity) return Deny(context, "outreach_activity", context.Parameter("id"));
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::OutreachStore(session).DeleteActivity(activity->id, activity->organisation_id);
        Audit(context, session, "outreach.remove", "outreach_activity", activity->id);
        return {};
      });
  return Response::Redirect("/outreach?done=removed");
}

Response ShowNewStory(Context& context) {
  if (!OutreachPolicy::CanManage(context.signed_in())) return Deny(context, "outreach", "", 403);
  mstch::map model = EmptyForm(kStoryFields);
  model["written_on"] = mstch::map{{"value", domain::FormatIsoDate(Today(context))}};
  return RenderStoryForm(context, std::move(model), "/outreach/stories/new", false, 200);
}

Response CreateStory(Context& context) {
  const auto& actor = context.signed_in();
  if (!OutreachPolicy::CanManage(actor)) return Deny(context, "outreach", "", 403);
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::SignificantStory story;
  story.organisation_id = *actor.organisation_id;
  const auto written_on =
      core_members::DateField(form, "written_on", true, N_("Enter the date of the story."), errors);
  if (written_on) story.written_on = *written_on;
  story.title = form.Get("title");
  story.text = form.Get("text");
  story.written_by = actor.user_id;
  story.created_at = story.updated_at = context.services.clock.Now();
  auto problem = core_members::Combine(std::move(errors),
                                       domain::CheckSignificantStory(story, Today(context)));
  if (problem) {
    return RenderStoryForm(context, form.Model(context, kStoryFields, &*problem),
                           "/outreach/stories/new", false, StatusFor(problem->kind));
  }
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    story.id = store::OutreachStore(session).InsertStory(story);
    Audit(context, session, "story.create", "significant_story", story.id);
    return {};
  });
  return Response::Redirect(StoryHref(story.id) + "?done=saved");
}

Response ShowStory(Context& context) {
  const auto story = FindVisibleStory(context);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  // Until it is reviewed, a story may still name someone: reading it is recorded.
  reports::RecordEvent(context, "story.view", "significant_story", std::to_string(story->id));
  return RenderStory(context, *story, nullptr);
}

Response ShowEditStory(Context& context) {
  const auto story = FindVisibleStory(context);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  reports::RecordEvent(context, "story.view", "significant_story", std::to_string(story->id));
  mstch::map model = core_members::Values({{"written_on", domain::FormatIsoDate(story->written_on)},
                                           {"title", story->title},
                                           {"text", story->text}});
  model["reviewed"] = story->reviewed();
  return RenderStoryForm(context, std::move(model), StoryHref(story->id) + "/edit", true, 200);
}

Response EditStory(Context& context) {
  const auto story = FindVisibleStory(context);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  const Form form(context.request);
  std::vector<FieldError> errors;
  domain::SignificantStory changed = *story;
  const auto written_on =
      core_members::DateField(form, "written_on", true, N_("Enter the date of the story."), errors);
  if (written_on) changed.written_on = *written_on;
  changed.title = form.Get("title");
  changed.text = form.Get("text");
  changed.updated_at = context.services.clock.Now();
  auto problem = core_members::Combine(std::move(errors),
                                       domain::CheckSignificantStory(changed, Today(context)));
  if (problem) {
    mstch::map model = form.Model(context, kStoryFields, &*problem);
    model["reviewed"] = story->reviewed();
    return RenderStoryForm(context, std::move(model), StoryHref(story->id) + "/edit", true,
                           StatusFor(problem->kind));
  }
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::OutreachStore(session).UpdateStory(changed);
        Audit(context, session, "story.update", "significant_story", changed.id);
        return {};
      });
  return Response::Redirect(StoryHref(story->id) + "?done=saved");
}

Response ReviewStory(Context& context) {
  const auto story = FindVisibleStory(context);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  const Form form(context.request);
  if (form.Get("confirm") != "1") {
    const Error error = Error::Fields(
        {{"confirm", {N_("Tick the box to confirm that the story identifies no one."), {}}}});
    return RenderStory(context, *story, &error);
  }
  const auto& actor = context.signed_in();
  (void)context.services.database.Write(actor.scope(), [&](soci::session& session) -> Status {
    // A story reviewed meanwhile by someone else stays as they reviewed it.
    if (store::OutreachStore(session).MarkReviewed(story->id, story->organisation_id, actor.user_id,
                                                   context.services.clock.Now())) {
      Audit(context, session, "story.review", "significant_story", story->id);
    }
    return {};
  });
  return Response::Redirect(StoryHref(story->id) + "?done=reviewed");
}

Response RemoveStory(Context& context) {
  const auto story = FindVisibleStory(context);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  (void)context.services.database.Write(
      context.signed_in().scope(), [&](soci::session& session) -> Status {
        store::OutreachStore(session).DeleteStory(story->id, story->organisation_id);
        Audit(context, session, "story.remove", "significant_story", story->id);
        return {};
      });
  return Response::Redirect("/outreach?done=removed");
}

}  // namespace cercle::web::pages::outreach
