#include "web/pages/outreach/outreach_pages.hpp"

#include "app/outreach/outreach.hpp"
#include "auth/policies/report_policy.hpp"
#include "domain/intake_fields.hpp"
#include "web/form_fields.hpp"
#include "web/forms.hpp"
#include "web/layout.hpp"
#include "web/pages/core_members/intake_helpers.hpp"
#include "web/pages/reports/report_views.hpp"
#include "web/pagination.hpp"
#include "web/parameters.hpp"

namespace cercle::web::pages::outreach {
namespace {

using auth::policies::OutreachPolicy;
using reports::ShowDate;

// People reached: blank when unknown; spaces as thousands separators are fine ("1 200").
FormField<domain::OutreachActivity> Reach() {
  FormField<domain::OutreachActivity> field{
      {"reach",
       N_("People reached"),
       {.kind = FieldKind::kNumber,
        .hint =
            N_("Attendance, or the estimated readers or listeners. Leave blank when unknown.")}}};
  field.value = [](const domain::OutreachActivity& activity) {
    return activity.reach ? std::to_string(*activity.reach) : std::string();
  };
  field.read = [](domain::OutreachActivity& activity,
                  const std::string& text) -> std::optional<Message> {
    std::string reach;
    for (const char c : text) {
      if (c != ' ') reach += c;
    }
    activity.reach.reset();
    if (reach.empty()) return std::nullopt;
    if (reach.size() > 9 || reach.find_first_not_of("0123456789") != std::string::npos) {
      return Message{N_("Enter a whole number from {minimum} to {maximum}."),
                     {{"minimum", "0"}, {"maximum", std::to_string(domain::kMaxReach)}}};
    }
    activity.reach = std::stoi(reach);
    return std::nullopt;
  };
  return field;
}

// The activity form, in the order it shows its fields.
const std::vector<FormField<domain::OutreachActivity>>& ActivityFields() {
  using domain::OutreachActivity;
  static const std::vector<FormField<OutreachActivity>> fields = {
      Date("held_on", N_("Date"), &OutreachActivity::held_on, N_("Enter the date it took place.")),
      EnumChoice<domain::OutreachKind>("kind", N_("Kind"), &OutreachActivity::kind,
                                       N_("Choose one of the options."), {.blank = N_("Choose…")}),
      Text("title", N_("Subject or headline"), &OutreachActivity::title),
      Text("audience", N_("Audience"), &OutreachActivity::audience,
           {.hint = N_("Who it reached: a class, a parish, a newspaper's readers…")}),
      Reach(),
      EnumChoice<domain::OutreachLanguage>("language", N_("Language"), &OutreachActivity::language,
                                           N_("Choose one of the options.")),
      Text("participants", N_("Who took part"), &OutreachActivity::participants,
           {.kind = FieldKind::kTextArea, .rows = 2}),
  };
  return fields;
}

// The activity form showing `values`: a new activity's (none: `id`), or activity `id`'s.
Response RenderActivityForm(Context& context, const FieldValues<domain::OutreachActivity>& values,
                            std::optional<std::int64_t> id, int status) {
  mstch::map model;
  AddFields(context, ActivityFields(), values, model);
  const bool editing = id.has_value();
  model["action"] = editing ? "/outreach/" + std::to_string(*id) + "/edit" : "/outreach";
  model["editing"] = editing;
  if (editing) model["remove_action"] = "/outreach/" + std::to_string(*id) + "/remove";
  const std::string title = context.Translate(editing ? N_("Edit the outreach activity")
                                                      : N_("Record an outreach activity"));
  model["title_text"] = title;
  return RenderPage(context, "outreach_form", title, std::move(model), status);
}

// Reads the activity form: its details, and the fields it could not read.
app::outreach::ActivityForm ReadActivity(const Form& form) {
  app::outreach::ActivityForm read;
  read.unreadable = ReadFields(ActivityFields(), form, read.details);
  return read;
}

// The answer to the activity form of a new activity (none: `id`) or of activity `id`: back to the
// log, the audited refusal, or the form again as typed with the error.
template <class Saved>
Response ActivityAnswer(Context& context, const Saved& saved, std::optional<std::int64_t> id,
                        const Form& form) {
  if (saved) return Response::Redirect("/outreach?done=saved");
  return Refusal(context, saved.error(), id ? "outreach_activity" : "outreach",
                 id ? context.Parameter("id") : "", [&](const Error& error) {
                   return RenderActivityForm(context, {.form = &form, .error = &error}, id,
                                             StatusFor(error.kind));
                 });
}

// The story form: the form as typed (`app::outreach::StoryForm`) or a stored story.
template <class Story>
const std::vector<FormField<Story>>& StoryFields() {
  static const std::vector<FormField<Story>> fields = {
      Date("written_on", N_("Date"), &Story::written_on, N_("Enter the date of the story.")),
      Text("title", N_("Title"), &Story::title),
      Text("text", N_("The story"), &Story::text, {.kind = FieldKind::kTextArea, .rows = 10}),
      IdChoice("about", N_("About a core member (optional)"), &Story::about_core_member_id,
               N_("Choose one of the options."),
               {.hint = N_("A story about a core member is saved, reviewed and published only "
                           "while his media or publication consent is in force."),
                .blank = N_("No one in particular")}),
  };
  return fields;
}

// The choices of the story's subject: the organisation's core members (none for an actor who may
// not manage outreach, who gets no form).
ChoiceLists StorySubjectChoices(Context& context) {
  std::vector<Choice> choices;
  if (const auto subjects =
          app::outreach::LoadStorySubjects(context.services.app, context.signed_in())) {
    for (const auto& subject : *subjects) {
      choices.push_back(
          {std::to_string(subject.id), subject.name + " (" + subject.file_number + ")"});
    }
  }
  return {{"about", std::move(choices)}};
}

// Why a story is not published: `consent`'s problem, its date written out in the reader's
// language.
std::string HeldBackReason(const Context& context, const domain::StoryConsent& consent,
                           CivilDate today) {
  Message reason = domain::StoryConsentProblem(consent, today);
  for (auto& argument : reason.arguments) {
    const auto date = ParseIsoDate(argument.value);
    if (argument.name == "date" && date) argument.value = ShowDate(context, *date);
  }
  return context.Format(reason);
}

// Reads the story form: its date, title and text, and the fields it could not read.
app::outreach::StoryForm ReadStory(const Form& form) {
  app::outreach::StoryForm read;
  read.unreadable = ReadFields(StoryFields<app::outreach::StoryForm>(), form, read);
  return read;
}

// The {id} path parameter (0, which names nothing, when it is not an id).
std::int64_t IdParameter(const Context& context) {
  return ParseId(context.Parameter("id")).value_or(0);
}

std::string StoryHref(std::int64_t id) { return "/outreach/stories/" + std::to_string(id); }

// The story form showing `values`: a new story's (none: `id`), or story `id`'s, which is
// `reviewed` or not.
template <class Story>
Response RenderStoryForm(Context& context, const FieldValues<Story>& values,
                         std::optional<std::int64_t> id, bool reviewed, int status) {
  mstch::map model;
  AddFields(context, StoryFields<Story>(), values, model, StorySubjectChoices(context));
  const bool editing = id.has_value();
  model["action"] = editing ? StoryHref(*id) + "/edit" : std::string("/outreach/stories");
  model["editing"] = editing;
  model["reviewed"] = reviewed;
  const std::string title =
      context.Translate(editing ? N_("Edit the story") : N_("Write a significant story"));
  model["title_text"] = title;
  return RenderPage(context, "outreach_story_form", title, std::move(model), status);
}

Response RenderStory(Context& context, const app::outreach::StoryPage& record, const Error* error) {
  const auto& story = record.story;
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
  if (record.about) {
    model["subject"] = record.about->name + " (" + record.about->file_number + ")";
    model["subject_href"] = "/core-members/" + std::to_string(record.about->id);
  }
  // A story whose subject's media consent is not in force is published nowhere, and says why.
  if (!record.consent.allows()) {
    model["held_back"] = HeldBackReason(context, record.consent, record.today);
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
                                 {"reviewed", story.reviewed()},
                                 {"held_back", page->held_back.contains(story.id)}});
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
  return RenderActivityForm(
      context,
      {.initial = {{"held_on", FormatIsoDate(context.services.app.Today())}, {"language", "fr"}}},
      std::nullopt, 200);
}

Response Create(Context& context) {
  const Form form(context.request);
  const auto created =
      app::outreach::CreateActivity(context.services.app, context.signed_in(), ReadActivity(form));
  return ActivityAnswer(context, created, std::nullopt, form);
}

Response ShowEdit(Context& context) {
  const auto activity =
      app::outreach::LoadActivity(context.services.app, context.signed_in(), IdParameter(context));
  if (!activity) return Deny(context, "outreach_activity", context.Parameter("id"));
  return RenderActivityForm(context, {.record = &*activity}, activity->id, 200);
}

Response Edit(Context& context) {
  const Form form(context.request);
  const auto id = IdParameter(context);
  const auto saved = app::outreach::EditActivity(context.services.app, context.signed_in(), id,
                                                 ReadActivity(form));
  return ActivityAnswer(context, saved, id, form);
}

Response Remove(Context& context) {
  const auto removed = app::outreach::RemoveActivity(context.services.app, context.signed_in(),
                                                     IdParameter(context));
  if (!removed) return Deny(context, "outreach_activity", context.Parameter("id"));
  return Response::Redirect("/outreach?done=removed");
}

Response ShowNewStory(Context& context) {
  if (!OutreachPolicy::CanManage(context.signed_in())) return Deny(context, "outreach", "", 403);
  return RenderStoryForm<domain::SignificantStory>(
      context, {.initial = {{"written_on", FormatIsoDate(context.services.app.Today())}}},
      std::nullopt, false, 200);
}

Response CreateStory(Context& context) {
  const Form form(context.request);
  const auto created =
      app::outreach::CreateStory(context.services.app, context.signed_in(), ReadStory(form));
  if (!created) {
    return Refusal(context, created.error(), "outreach", "", [&](const Error& error) {
      return RenderStoryForm<domain::SignificantStory>(context, {.form = &form, .error = &error},
                                                       std::nullopt, false, StatusFor(error.kind));
    });
  }
  return Response::Redirect(StoryHref(*created) + "?done=saved");
}

Response ShowStory(Context& context) {
  const auto story =
      app::outreach::LoadStoryPage(context.services.app, context.signed_in(), IdParameter(context),
                                   app::outreach::RecordReading::kYes);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  return RenderStory(context, *story, nullptr);
}

Response ShowEditStory(Context& context) {
  const auto story =
      app::outreach::LoadStory(context.services.app, context.signed_in(), IdParameter(context),
                               app::outreach::RecordReading::kYes);
  if (!story) return Deny(context, "significant_story", context.Parameter("id"));
  return RenderStoryForm(context, FieldValues<domain::SignificantStory>{.record = &*story},
                         story->id, story->reviewed(), 200);
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
                     return RenderStoryForm<domain::SignificantStory>(
                         context, {.form = &form, .error = &error}, id, story && story->reviewed(),
                         StatusFor(error.kind));
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
                         app::outreach::LoadStoryPage(context.services.app, context.signed_in(), id,
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
