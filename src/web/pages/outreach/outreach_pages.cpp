#include "web/pages/outreach/outreach_pages.hpp"

#include "app/outreach/outreach.hpp"
#include "auth/policies/report_policy.hpp"
#include "domain/intake_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::outreach {
namespace {

using auth::policies::OutreachPolicy;
using core_members::Choice;
using core_members::Choices;
using reports::ShowDate;

const std::initializer_list<std::string> kActivityFields = {
    "held_on", "kind", "title", "audience", "reach", "language", "participants"};
const std::initializer_list<std::string> kStoryFields = {"written_on", "title", "text"};

std::vector<Choice> KindChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto kind : domain::EnumValues<domain::OutreachKind>()) {
    choices.push_back(
        {std::string(domain::NameOf(kind)), context.Translate(domain::LabelOf(kind))});
  }
  return choices;
}

std::vector<Choice> LanguageChoices(const Context& context) {
  std::vector<Choice> choices;
  for (const auto language : domain::EnumValues<domain::OutreachLanguage>()) {
    choices.push_back(
        {std::string(domain::NameOf(language)), context.Translate(domain::LabelOf(language))});
  }
  return choices;
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

// Reads the activity form: its details, and the fields it could not read.
app::outreach::ActivityForm ReadActivity(const Form& form) {
  app::outreach::ActivityForm read;
  auto& activity = read.details;
  auto& errors = read.unreadable;
  const auto held_on =
      core_members::DateField(form, "held_on", true, N_("Enter the date it took place."), errors);
  if (held_on) activity.held_on = *held_on;
  const auto kind = domain::ParseEnum<domain::OutreachKind>(form.Get("kind"));
  if (!kind) errors.push_back({"kind", {N_("Choose one of the options."), {}}});
  activity.kind = kind.value_or(domain::OutreachKind::kPresentation);
  const auto language = domain::ParseEnum<domain::OutreachLanguage>(form.Get("language"));
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
  return read;
}

// Reads the story form: its date, title and text, and the fields it could not read.
app::outreach::StoryForm ReadStory(const Form& form) {
  app::outreach::StoryForm read;
  const auto written_on = core_members::DateField(
      form, "written_on", true, N_("Enter the date of the story."), read.unreadable);
  if (written_on) read.written_on = *written_on;
  read.title = form.Get("title");
  read.text = form.Get("text");
  return read;
}

// The {id} path parameter (0, which names nothing, when it is not an id).
std::int64_t IdParameter(const Context& context) {
  return ParseId(context.Parameter("id")).value_or(0);
}

mstch::map ActivityValues(const domain::OutreachActivity& activity) {
  return core_members::Values(
      {{"held_on", FormatIsoDate(activity.held_on)},
       {"kind", std::string(domain::NameOf(activity.kind))},
       {"title", activity.title},
       {"audience", activity.audience},
       {"reach", activity.reach ? std::to_string(*activity.reach) : std::string()},
       {"language", std::string(domain::NameOf(activity.language))},
       {"participants", activity.participants}});
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
  Pagination activity_pages, story_pages;
  const auto page = app::outreach::LoadOutreachPage(
      context.services.app, context.signed_in(),
      [&](std::int64_t total) {
        activity_pages = Paginate(context.request, total);
        return activity_pages.Slice();
      },
      [&](std::int64_t total) {
        story_pages = Paginate(context.request, total, kPageSize, "stories_page");
        return story_pages.Slice();
      });
  if (!page) return Deny(context, "outreach", "", 403);
  mstch::array activities;
  for (const auto& activity : page->activities) {
    activities.push_back(mstch::map{
        {"id", std::to_string(activity.id)},
        {"date", ShowDate(context, activity.held_on)},
        {"kind", context.Translate(domain::LabelOf(activity.kind))},
        {"title", activity.title},
        {"audience", activity.audience},
        {"reach", activity.reach ? reports::FormatCount(context, *activity.reach) : std::string()},
        {"language", context.Translate(domain::LabelOf(activity.language))},
        {"participants", activity.participants},
        {"edit_href", "/outreach/" + std::to_string(activity.id) + "/edit"}});
  }
  mstch::array stories;
  for (const auto& story : page->stories) {
    stories.push_back(mstch::map{{"href", StoryHref(story.id)},
                                 {"title", story.title},
                                 {"date", ShowDate(context, story.written_on)},
                                 {"reviewed", story.reviewed()}});
  }
  mstch::map model{{"activities", activities},
                   {"no_activities", activities.empty()},
                   {"stories", stories},
                   {"no_stories", stories.empty()}};
  AddPagination(context, activity_pages, model, "activity_pages", N_("Pages of the outreach log"));
  AddPagination(context, story_pages, model, "story_pages", N_("Pages of the significant stories"));
  const std::string done = reports::QueryValue(context, "done");
  if (done == "saved") model["notice"] = context.Translate(N_("The change is saved."));
  if (done == "removed") model["notice"] = context.Translate(N_("The entry is removed."));
  return RenderPage(context, "outreach_list", context.Translate(N_("Outreach")), std::move(model));
}

Response ShowNew(Context& context) {
  if (!OutreachPolicy::CanManage(context.signed_in())) return Deny(context, "outreach", "", 403);
  mstch::map model = EmptyForm(kActivityFields);
  model["held_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
  model["language"] = mstch::map{{"value", std::string("fr")}};
  return RenderActivityForm(context, std::move(model), "/outreach", false, 200);
}

Response Create(Context& context) {
  const Form form(context.request);
  const auto created =
      app::outreach::CreateActivity(context.services.app, context.signed_in(), ReadActivity(form));
  if (!created) {
    return Refusal(context, created.error(), "outreach", "", [&](const Error& error) {
      return RenderActivityForm(context, form.Model(context, kActivityFields, &error), "/outreach",
                                false, StatusFor(error.kind));
    });
  }
  return Response::Redirect("/outreach?done=saved");
}

Response ShowEdit(Context& context) {
  const auto activity =
      app::outreach::LoadActivity(context.services.app, context.signed_in(), IdParameter(context));
  if (!activity) return Deny(context, "outreach_activity", context.Parameter("id"));
  return RenderActivityForm(context, ActivityValues(*activity),
                            "/outreach/" + std::to_string(activity->id) + "/edit", true, 200);
}

Response Edit(Context& context) {
  const Form form(context.request);
  const auto id = IdParameter(context);
  const auto saved = app::outreach::EditActivity(context.services.app, context.signed_in(), id,
                                                 ReadActivity(form));
  if (!saved) {
    return Refusal(context, saved.error(), "outreach_activity", context.Parameter("id"),
                   [&](const Error& error) {
                     return RenderActivityForm(
                         context, form.Model(context, kActivityFields, &error),
                         "/outreach/" + std::to_string(id) + "/edit", true, StatusFor(error.kind));
                   });
  }
  return Response::Redirect("/outreach?done=saved");
}

Response Remove(Context& context) {
  const auto removed = app::outreach::RemoveActivity(context.services.app, context.signed_in(),
                                                     IdParameter(context));
  if (!removed) return Deny(context, "outreach_activity", context.Parameter("id"));
  return Response::Redirect("/outreach?done=removed");
}

Response ShowNewStory(Context& context) {
  if (!OutreachPolicy::CanManage(context.signed_in())) return Deny(context, "outreach", "", 403);
  mstch::map model = EmptyForm(kStoryFields);
  model["written_on"] = mstch::map{{"value", FormatIsoDate(context.services.app.Today())}};
  return RenderStoryForm(context, std::move(model), "/outreach/stories", false, 200);
}

Response CreateStory(Context& context) {
  const Form form(context.request);
  const auto created =
      app::outreach::CreateStory(context.services.app, context.signed_in(), ReadStory(form));
  if (!created) {
    return Refusal(context, created.error(), "outreach", "", [&](const Error& error) {
      return RenderStoryForm(context, form.Model(context, kStoryFields, &error),
                             "/outreach/stories", false, StatusFor(error.kind));
    });
  }
  return Response::Redirect(StoryHref(*created) + "?done=saved");
}

Response ShowStory(Context& context) {
  const auto story =
      app::outreach::LoadStory(context.services.app, context.signed_in(), IdParameter(context),
                               app::outreach::RecordReading::kYes);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  return RenderStory(context, *story, nullptr);
}

Response ShowEditStory(Context& context) {
  const auto story =
      app::outreach::LoadStory(context.services.app, context.signed_in(), IdParameter(context),
                               app::outreach::RecordReading::kYes);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  mstch::map model = core_members::Values({{"written_on", FormatIsoDate(story->written_on)},
                                           {"title", story->title},
                                           {"text", story->text}});
  model["reviewed"] = story->reviewed();
  return RenderStoryForm(context, std::move(model), StoryHref(story->id) + "/edit", true, 200);
}

Response EditStory(Context& context) {
  const Form form(context.request);
  const auto id = IdParameter(context);
  const auto saved =
      app::outreach::EditStory(context.services.app, context.signed_in(), id, ReadStory(form));
  if (!saved) {
    return Refusal(context, saved.error(), "significant_story", context.Parameter("id"),
                   [&](const Error& error) {
                     const auto story =
                         app::outreach::LoadStory(context.services.app, context.signed_in(), id,
                                                  app::outreach::RecordReading::kNo);
                     mstch::map model = form.Model(context, kStoryFields, &error);
                     model["reviewed"] = story && story->reviewed();
                     return RenderStoryForm(context, std::move(model), StoryHref(id) + "/edit",
                                            true, StatusFor(error.kind));
                   });
  }
  return Response::Redirect(StoryHref(id) + "?done=saved");
}

Response ReviewStory(Context& context) {
  const Form form(context.request);
  const auto id = IdParameter(context);
  const auto reviewed = app::outreach::ReviewStory(context.services.app, context.signed_in(), id,
                                                   form.Get("confirm") == "1");
  if (!reviewed) {
    return Refusal(context, reviewed.error(), "significant_story", context.Parameter("id"),
                   [&](const Error& error) {
                     const auto story =
                         app::outreach::LoadStory(context.services.app, context.signed_in(), id,
                                                  app::outreach::RecordReading::kNo);
                     if (!story) return Deny(context, "significant_story", context.Parameter("id"));
                     return RenderStory(context, *story, &error);
                   });
  }
  return Response::Redirect(StoryHref(id) + "?done=reviewed");
}

Response RemoveStory(Context& context) {
  const auto removed =
      app::outreach::RemoveStory(context.services.app, context.signed_in(), IdParameter(context));
  if (!removed) return Deny(context, "significant_story", context.Parameter("id"));
  return Response::Redirect("/outreach?done=removed");
}

}  // namespace cercle::web::pages::outreach
